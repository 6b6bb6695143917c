/**
 * rule-suppressions.json: suppressions kept in a file beside cdktf.json, so reviewers see each
 * one, with its reason, in the pull request that adds it. The app reads it when cdktf.json's
 * "context" names it under RULE_SUPPRESSIONS_CONTEXT_KEY (a path relative to the project
 * directory, where cdktf runs the app):
 *
 *   { "version": 1,
 *     "suppressions": [
 *       { "campus": "ercot-300", "path": "proxy-rows-1-3", "ruleId": "HC-K8S-9",
 *         "target": "container 'stratum-proxy'", "reason": "One full sentence of why." } ] }
 *
 * `path` is the construct path relative to the campus ("." for the campus itself); a suppression
 * covers findings at that construct and below it. Every bad entry gets one error naming its
 * line, index, field, value and what to do.
 */
import * as fs from 'fs';
import { z } from 'zod';
import { showValue } from '../domain/config-error';
import { reasonProblem, ruleIdProblem, type RuleSuppression } from './suppression';

/** cdktf context key naming the suppressions file, e.g. "rule-suppressions.json". */
export const RULE_SUPPRESSIONS_CONTEXT_KEY = 'hybrid-campus:rule-suppressions';
export const RULE_SUPPRESSIONS_FILE_VERSION = 1;

const entrySchema = z.strictObject({
  campus: z.string({ error: 'must be the id of a campus of the app, e.g. "ercot-300"' }).min(1, { error: 'must be the id of a campus of the app, e.g. "ercot-300"' }),
  path: z
    .string({ error: 'must be a construct path relative to the campus, e.g. "proxy-rows-1-3", or "." for the campus' })
    .refine((p) => p === '.' || (p !== '' && !p.startsWith('/') && !p.endsWith('/') && !p.split('/').includes('')), {
      error: 'must be a construct path relative to the campus, e.g. "proxy-rows-1-3", or "." for the campus',
    }),
  ruleId: z.unknown().superRefine((v, ctx) => {
    const problem = ruleIdProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  target: z.string({ error: 'must be the finding\'s target as rules.json shows it, e.g. "container \'app\'", or left out' }).min(1, { error: 'must not be empty; leave it out to cover every target' }).optional(),
  reason: z.unknown().superRefine((v, ctx) => {
    const problem = reasonProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: `${problem}; say why the finding is accepted, as a full sentence` });
  }),
});

const fileSchema = z.strictObject({
  version: z.literal(RULE_SUPPRESSIONS_FILE_VERSION, { error: `must be ${RULE_SUPPRESSIONS_FILE_VERSION}` }),
  suppressions: z.array(z.unknown(), { error: 'must be a list of { campus, path, ruleId, target?, reason }' }),
});

/** A suppression from the file, before it is placed on a campus. */
export interface FileSuppression {
  readonly campus: string;
  /** Relative to the campus; "." for the campus. */
  readonly path: string;
  readonly ruleId: string;
  readonly target?: string;
  readonly reason: string;
  /** "rule-suppressions.json suppressions[2]". */
  readonly origin: string;
}

export interface SuppressionsFile {
  readonly suppressions: readonly FileSuppression[];
  /** One message per bad entry (or one for a file that cannot be read). */
  readonly errors: readonly string[];
}

function at(value: unknown, path: readonly PropertyKey[]): unknown {
  let v = value;
  for (const key of path) v = typeof v === 'object' && v !== null ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}

function fieldName(path: readonly PropertyKey[]): string {
  return path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('').replace(/^\./, '');
}

/**
 * The line (1-based) where each entry of the top-level "suppressions" array starts, for error
 * messages; `text` is valid JSON (JSON strings hold no raw line break).
 */
export function suppressionEntryLines(text: string): number[] {
  const lines: number[] = [];
  const stack: { kind: '{' | '['; key?: string; expectKey: boolean; lastKey?: string }[] = [];
  let line = 1;
  let inString = false;
  let escaped = false;
  let buffer = '';
  for (const c of text) {
    if (c === '\n') line += 1;
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') {
        inString = false;
        const top = stack[stack.length - 1];
        if (top?.kind === '{' && top.expectKey) {
          top.lastKey = buffer;
          top.expectKey = false;
        }
      } else buffer += c;
      continue;
    }
    const top = stack[stack.length - 1];
    if (c === '"') {
      inString = true;
      buffer = '';
    } else if (c === '{') {
      if (stack.length === 2 && top.kind === '[' && top.key === 'suppressions') lines.push(line);
      stack.push({ kind: '{', expectKey: true });
    } else if (c === '[') {
      stack.push({ kind: '[', key: top?.kind === '{' ? top.lastKey : undefined, expectKey: false });
    } else if (c === '}' || c === ']') {
      stack.pop();
    } else if (c === ',' && top?.kind === '{') {
      top.expectKey = true;
    }
  }
  return lines;
}

/** Parses the text of a suppressions file; `name` is how messages call the file. */
export function parseSuppressionsFile(text: string, name: string): SuppressionsFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { suppressions: [], errors: [`${name}: not valid JSON (${(e as Error).message}); fix the syntax.`] };
  }
  const file = fileSchema.safeParse(json);
  if (!file.success) {
    const issue = file.error.issues[0];
    const field = fieldName(issue.path) || '(top level)';
    const value = issue.path.length === 0 ? json : at(json, issue.path);
    const fix = issue.code === 'unrecognized_keys' ? `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}; the file has "version" and "suppressions" only` : issue.message;
    return { suppressions: [], errors: [`${name}: ${field} = ${showValue(value)}: ${fix}.`] };
  }
  const errors: string[] = [];
  const suppressions: FileSuppression[] = [];
  const lines = suppressionEntryLines(text);
  file.data.suppressions.forEach((entry, i) => {
    const parsed = entrySchema.safeParse(entry);
    const origin = `${name} suppressions[${i}]`;
    if (!parsed.success) {
      // One error per entry: its first problem, with the line the entry starts on.
      const where = lines[i] !== undefined ? `${name}:${lines[i]} suppressions[${i}]` : origin;
      const issue = parsed.error.issues[0];
      if (issue.code === 'unrecognized_keys') {
        errors.push(`${where}: unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}; an entry has campus, path, ruleId, target (optional) and reason.`);
      } else {
        const field = fieldName(issue.path);
        errors.push(`${where}${field ? `.${field}` : ''} = ${showValue(at(entry, issue.path))}: ${issue.message}.`);
      }
      return;
    }
    const d = parsed.data;
    suppressions.push({ campus: d.campus, path: d.path, ruleId: d.ruleId as string, ...(d.target !== undefined ? { target: d.target } : {}), reason: (d.reason as string).trim(), origin });
  });
  return { suppressions, errors };
}

/** Reads a suppressions file from disk; a missing file is one error. */
export function readSuppressionsFile(file: string, name: string): SuppressionsFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return { suppressions: [], errors: [`${name}: cannot be read (context ${RULE_SUPPRESSIONS_CONTEXT_KEY} names it); create it, or remove the key from cdktf.json's "context".`] };
  }
  return parseSuppressionsFile(text, name);
}

/** The file's suppressions for one campus, with absolute construct paths. */
export function suppressionsForCampus(file: SuppressionsFile, campusId: string, campusPath: string): RuleSuppression[] {
  return file.suppressions
    .filter((s) => s.campus === campusId)
    .map((s) => ({
      ruleId: s.ruleId,
      reason: s.reason,
      ...(s.target !== undefined ? { target: s.target } : {}),
      path: s.path === '.' ? campusPath : `${campusPath}/${s.path}`,
      origin: s.origin,
    }));
}
