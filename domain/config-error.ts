/**
 * Errors raised for bad campus input.
 *
 * A `CampusConfigError` is thrown at the boundary (when a construct or catalog entry is
 * defined) and carries a message meant for the person who wrote the campus: which part,
 * which field, the value it got and what to do. `runCampusApp` prints only that message,
 * never a stack trace.
 */
import type { ZodError } from 'zod';

export class CampusConfigError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'CampusConfigError';
  }
}

/** Renders a value for an error message: short, on one line, stable. */
export function showValue(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (typeof value === 'function') return 'a function';
  const constructPath = (value as { node?: { path?: unknown } } | null)?.node?.path;
  if (typeof constructPath === 'string') return `${(value as object).constructor.name} at ${constructPath}`;
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function fieldName(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

/**
 * Turns zod issues into one message that names the subject, each bad field, its value and
 * the rule it broke. `subject` is the construct path or catalog id the props belong to.
 */
export function configErrorFromZod(subject: string, input: unknown, error: ZodError): CampusConfigError {
  const lines = error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      // Name each unknown key rather than showing the whole object.
      return issue.keys.map((key) => {
        const path = [...issue.path, key];
        return `${fieldName(path)} = ${showValue(valueAt(input, path))}: is not a known property; check its spelling or remove it`;
      });
    }
    const field = issue.path.length > 0 ? fieldName(issue.path) : '(props)';
    return [`${field} = ${showValue(valueAt(input, issue.path))}: ${issue.message}`];
  });
  const head = lines.length === 1 ? 'invalid property' : `${lines.length} invalid properties`;
  return new CampusConfigError(`[${subject}] ${head}: ${lines.join('; ')}`);
}
