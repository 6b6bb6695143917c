/**
 * Errors raised for bad campus input.
 *
 * A `CampusConfigError` is thrown at the boundary (when a construct or catalog entry is
 * defined) and carries a message meant for the person who wrote the campus: which part,
 * which field, the value it got and what to do. `runCampusApp` prints only that message,
 * never a stack trace. Messages are one line: values are shown escaped (no raw newline or
 * terminal escape sequence), short, and never by calling the value's own toString or toJSON.
 */
import type { ZodError, core } from 'zod';
import { groupThousands } from './units';

export class CampusConfigError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'CampusConfigError';
  }
}

/** The most characters `showValue` shows of a value. */
export const MAX_SHOWN_VALUE = 80;
/** The most problems one message lists; the rest are counted ("and 3 more problems"). */
export const MAX_LISTED_PROBLEMS = 8;

// Characters that must not reach a terminal or split a line: C0 and C1 controls, DEL, the
// line and paragraph separators and the bidirectional overrides.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Escapes unprintable characters as \uXXXX (or \n, \t...), so text stays on one line and inert. */
export function escapeText(text: string): string {
  return text.replace(UNPRINTABLE, (c) => {
    const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    return named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** A string in double quotes, escaped like JSON, and unprintable characters escaped too. */
function quote(text: string, max: number): string {
  const head = text.length > max ? text.slice(0, max) : text;
  return escapeText(JSON.stringify(head));
}

/** The name of a non-plain object's kind ("a Map", "a Date"), read without running its code. */
function kindOf(value: object): string {
  if (Array.isArray(value)) return 'a list';
  const tag = Object.prototype.toString.call(value).slice(8, -1);
  const known: Record<string, string> = {
    Map: 'a Map',
    Set: 'a Set',
    WeakMap: 'a WeakMap',
    WeakSet: 'a WeakSet',
    RegExp: 'a RegExp',
    Date: 'a Date',
    Promise: 'a Promise',
    Error: 'an Error',
    String: 'a String object',
    Number: 'a Number object',
    Boolean: 'a Boolean object',
    Symbol: 'a Symbol object',
    BigInt: 'a BigInt object',
    ArrayBuffer: 'an ArrayBuffer',
  };
  if (known[tag]) return known[tag];
  if (ArrayBuffer.isView(value)) return `a ${tag}`;
  let name: unknown;
  try {
    const proto: unknown = Object.getPrototypeOf(value);
    const ctor = proto && Object.getOwnPropertyDescriptor(proto, 'constructor')?.value;
    name = typeof ctor === 'function' ? Object.getOwnPropertyDescriptor(ctor, 'name')?.value : undefined;
  } catch {
    name = undefined;
  }
  return typeof name === 'string' && name !== '' ? `an instance of ${escapeText(name)}` : 'an object of an unknown kind';
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The path of a construct, when `value` is one (has node.path), read without getters that throw. */
function constructPathOf(value: object): string | undefined {
  try {
    const node = (value as { node?: { path?: unknown } }).node;
    return typeof node === 'object' && node !== null && typeof node.path === 'string' ? node.path : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Renders a value as short JSON-like text (the same as JSON.stringify for plain data) without
 * calling toString or toJSON, stopping once `budget` characters are written.
 */
function render(value: unknown, budget: number, seen: Set<object>, top: boolean): string {
  switch (typeof value) {
    case 'string':
      return quote(value, budget);
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'boolean':
      return String(value);
    case 'bigint':
      return `${value}n`;
    case 'symbol':
      return `a symbol (${escapeText(String(value.description ?? '')).slice(0, budget)})`;
    case 'function':
      return /^class[\s{]/.test(Function.prototype.toString.call(value)) ? 'a class' : 'a function';
    case 'undefined':
      return top ? 'nothing (the field is missing)' : 'undefined';
  }
  if (value === null) return 'null';
  const object = value as object;
  const constructPath = constructPathOf(object);
  if (constructPath !== undefined) {
    const kind = kindOf(object).replace(/^an instance of /, '');
    return `${kind} at ${escapeText(constructPath)}`;
  }
  if (seen.has(object)) return '(itself)';
  if (Array.isArray(object)) {
    if (object.length > 20) return `a list of ${groupThousands(object.length)} elements`;
    seen.add(object);
    const parts: string[] = [];
    let used = 2;
    for (let i = 0; i < object.length && used < budget; i++) {
      const part = safeRead(() => render(object[i] === undefined ? null : object[i], budget - used, seen, false));
      parts.push(part);
      used += part.length + 1;
    }
    seen.delete(object);
    return `[${parts.join(',')}]`;
  }
  if (!isPlainObject(object)) return kindOf(object);
  seen.add(object);
  const parts: string[] = [];
  let used = 2;
  const keys = safeRead(() => Object.keys(object), [] as string[]);
  for (const key of keys) {
    if (used >= budget) break;
    const v = safeRead(() => (object as Record<string, unknown>)[key], undefined as unknown);
    if (v === undefined) continue;
    const part = `${quote(key, budget)}:${safeRead(() => render(v, budget - used, seen, false))}`;
    parts.push(part);
    used += part.length + 1;
  }
  seen.delete(object);
  return `{${parts.join(',')}}`;
}

function safeRead<T>(read: () => T, fallback?: T): T {
  try {
    return read();
  } catch {
    return (fallback ?? 'a value that cannot be read') as T;
  }
}

/** Renders a value for an error message: short, on one line, stable; never throws. */
export function showValue(value: unknown): string {
  let text: string;
  try {
    text = render(value, MAX_SHOWN_VALUE + 1, new Set(), true);
  } catch {
    text = 'a value that cannot be shown';
  }
  return text.length > MAX_SHOWN_VALUE ? `${text.slice(0, MAX_SHOWN_VALUE - 3)}...` : text;
}

/** A subject (construct path or catalog id) as it may appear between brackets. */
export function showSubject(subject: unknown): string {
  const text = typeof subject === 'string' ? subject : showValue(subject);
  const escaped = escapeText(text).replace(/\]/g, '\\]');
  return escaped.length > 200 ? `${escaped.slice(0, 197)}...` : escaped === '' ? '(root)' : escaped;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    try {
      current = (current as Record<PropertyKey, unknown>)[key];
    } catch {
      return undefined;
    }
  }
  return current;
}

/** A field's name from its path: `feeds[0].name`; odd keys are quoted: `env["a b"]`. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => {
      if (typeof key === 'number') return `[${key}]`;
      const name = typeof key === 'symbol' ? `[${showValue(key)}]` : key;
      if (typeof key === 'string' && !/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key)) return `[${quote(key, 40)}]`;
      return `${i === 0 ? '' : '.'}${name}`;
    })
    .join('');
}

/**
 * Joins problem lines into one message, listing at most MAX_LISTED_PROBLEMS; `unlisted` counts
 * problems not even rendered.
 */
export function joinProblems(subject: string, lines: readonly string[], unlisted = 0): CampusConfigError {
  const unique = [...new Set(lines)];
  const listed = unique.slice(0, MAX_LISTED_PROBLEMS);
  const more = unique.length - listed.length + unlisted;
  const total = unique.length + unlisted;
  const head = total === 1 ? 'invalid property' : `${total} invalid properties`;
  const tail = more > 0 ? `; and ${more} more problem${more === 1 ? '' : 's'}` : '';
  return new CampusConfigError(`[${showSubject(subject)}] ${head}: ${listed.join('; ')}${tail}`);
}

/**
 * Turns zod issues into one message that names the subject, each bad field, its value and
 * the rule it broke. `subject` is the construct path or catalog id the props belong to.
 */
export function configErrorFromZod(subject: string, input: unknown, error: ZodError): CampusConfigError {
  const lines: string[] = [];
  let unlisted = 0;
  for (const issue of error.issues) {
    if (lines.length >= MAX_LISTED_PROBLEMS * 4) {
      unlisted += issue.code === 'unrecognized_keys' ? issue.keys.length : 1;
      continue;
    }
    if (issue.code === 'unrecognized_keys') {
      // Name each unknown key rather than showing the whole object.
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        lines.push(`${fieldName(path)} = ${showValue(valueAt(input, path))}: is not a known property; check its spelling or remove it`);
      }
      continue;
    }
    const field = issue.path.length > 0 ? fieldName(issue.path) : '(props)';
    lines.push(`${field} = ${showValue(valueAt(input, issue.path))}: ${escapeText(issue.message)}`);
  }
  return joinProblems(subject, lines, unlisted);
}

/** Examples of right values, by field name, for the messages of fields whose schema gives none. */
const EXAMPLES: Readonly<Record<string, string>> = {
  id: '"acme-x1"',
  kind: '"asic", "gpu-server" or "gpu-rack"',
  vendor: '"Acme"',
  model: '"X1"',
  citation: '"Acme X1 datasheet rev 2"',
  quality: '"vendor datasheet"',
  notes: '"measured at 25 °C"',
  derivedFields: '["efficiencyJTh"]',
  source: '{ citation: "Acme X1 datasheet rev 2", quality: "vendor datasheet" }',
  powerRangeW: '{ minW: 2600, maxW: 3600 }',
  window: '"weekdays 14:00-20:00 CT"',
  defaultKubeconfigPath: '"~/.kube/config"',
  season: '{ fromMonth: 6, toMonth: 9 }',
  demandResponse: '[{ program: "ERCOT ERS-10", sheddableMw: 40, responseTimeS: 600 }]',
  economics: '{ mining: { hashpriceUsdPerPhDay: 39.53, powerPriceUsdPerMwh: 40 } }',
  mining: '{ hashpriceUsdPerPhDay: 39.53, powerPriceUsdPerMwh: 40 }',
  ai: '{ gpuHourUsd: 2.95, utilization: 0.7 }',
  feeds: '[{ name: "xfmr-1", capacityMw: 30 }]',
  powerCap: "{ mode: 'auto', minW: 2600 }",
  hashrateCurve: '[{ powerW: 2600, hashrateThs: 200 }, { powerW: 3600, hashrateThs: 270 }]',
  pools: '[{ url: "stratum+tcp://pool.example:3333", egressCidrs: ["203.0.113.0/24"] }]',
  egressCidrs: '["203.0.113.0/24"]',
  minerCidrs: '["10.50.0.0/16"]',
  clientCidrs: '["10.70.0.0/24"]',
  egress: '[{ cidr: "198.51.100.0/24", port: 443 }]',
  controller: '{ image: "registry.example.com/controller:1.0.0" }',
  hall: '{ id: "hall-2", system: GPU_SYSTEMS.NVIDIA_DGX_B200, count: 8 }',
  pods: '[pod1, pod2] (MiningPod constructs)',
  args: '["--port", "8000"]',
  env: '{ LOG_LEVEL: "info" }',
  tenantNamespace: '{ gpuAllocation: 576 }',
};

const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: 'a string (text)',
  number: 'a finite number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object { ... }',
  array: 'a list [ ... ]',
  bigint: 'a number',
  symbol: 'a string',
  function: 'a function',
};

function shortList(values: readonly unknown[]): string {
  const shown = values.slice(0, 8).map((v) => showValue(v));
  return `${shown.slice(0, -1).join(', ')}${shown.length > 1 ? ' or ' : ''}${shown[shown.length - 1]}${values.length > 8 ? ' (...)' : ''}`;
}

/** The keys an object schema declares, if `inst` is one. */
function declaredKeys(inst: unknown): string[] {
  const shape = (inst as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def?.shape;
  return shape ? Object.keys(shape) : [];
}

/**
 * Messages for zod issues whose schema gives no message of its own: what the field must be and
 * what a right value looks like, instead of zod's generic "Invalid input: expected X, received Y".
 * Pass it as `{ error: zodMessages }` to safeParse.
 */
export const zodMessages: core.$ZodErrorMap = (issue) => {
  const path = issue.path ?? [];
  const last = [...path].reverse().find((k) => typeof k === 'string') as string | undefined;
  let example = last !== undefined && Object.prototype.hasOwnProperty.call(EXAMPLES, last) ? `, e.g. ${EXAMPLES[last]}` : '';
  // An element of a list: show one element of the list's example.
  if (typeof path[path.length - 1] === 'number' && /^, e\.g\. \[.*\]$/.test(example)) example = example.replace(/^, e\.g\. \[(.*)\]$/, ', e.g. $1');
  switch (issue.code) {
    case 'invalid_type': {
      const expected = String(issue.expected);
      let what = TYPE_WORDS[expected] ?? `a ${expected}`;
      if (expected === 'object') {
        const keys = declaredKeys(issue.inst);
        if (keys.length > 0) what = `an object with ${keys.length === 1 ? 'the property' : 'properties among'} ${keys.slice(0, 10).join(', ')}`;
      }
      if (issue.input === undefined) return `is required: give ${what}${example}`;
      return `must be ${what}${example}`;
    }
    case 'invalid_value':
      return `must be ${shortList(issue.values)}`;
    case 'too_small': {
      const n = Number(issue.minimum);
      if (issue.origin === 'string') return n <= 1 ? `must not be empty${example}` : `must have at least ${n} characters${example}`;
      if (issue.origin === 'array' || issue.origin === 'set') return `must list at least ${n} element${n === 1 ? '' : 's'}${example}`;
      return `must be ${issue.inclusive ? 'at least' : 'greater than'} ${n}`;
    }
    case 'too_big': {
      const n = Number(issue.maximum);
      if (issue.origin === 'string') return `must have at most ${n} characters`;
      if (issue.origin === 'array' || issue.origin === 'set') return `must list at most ${n} elements`;
      return `must be ${issue.inclusive ? 'at most' : 'less than'} ${n}`;
    }
    case 'invalid_format':
      return `must be a valid ${String(issue.format)}${example}`;
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    case 'invalid_union':
      return `does not match any accepted form${example}`;
    case 'invalid_key':
      return 'has a key that is not allowed';
    case 'invalid_element':
      return 'has an element that is not allowed';
    default:
      return undefined;
  }
};
