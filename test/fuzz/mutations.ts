/**
 * One mutation per generated case, applied to one step of the base app (campus-spec.ts).
 *
 * A case changes a field of a step's props (to a bad value of any kind), removes a field, adds
 * an unknown key, replaces the whole props, the id or the scope, or puts a huge array or string
 * somewhere. Each case says whether the change is certainly invalid (`expect: 'invalid'`: the
 * app must be refused) or may be valid (`'either'`: accepting it is fine when the output is
 * sound, see oracles.ts). Values are made by thunks, fresh for each run.
 */
import * as fc from 'fast-check';
import { App } from 'cdktf';
import { ASIC_MODELS, GPU_SYSTEMS } from '../../index';
import { BINARY_UNIT } from './binary-unit';
import { type Built, STEPS, type Step } from './campus-spec';

export type Expectation = 'invalid' | 'either';
export type PathKey = string | number;

export interface FuzzCase {
  /** Index of the step in STEPS. */
  readonly step: number;
  readonly kind: 'field' | 'delete' | 'add-key' | 'props' | 'id' | 'scope' | 'bomb';
  /** Where in the props (field, delete, add-key, bomb). */
  readonly path: readonly PathKey[];
  /** Label of the value, for reports. */
  readonly label: string;
  /** Makes the value; gets the built results (for construct references and duplicates). */
  readonly make: (built: Built, step: Step) => unknown;
  readonly expect: Expectation;
}

/** A reference to an earlier step's result, as seen while listing paths. */
class Ref {
  public constructor(public readonly key: string) {}
}

function isPlain(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Every path in a step's valid props (objects, arrays and leaves; not into references). */
function pathsOf(value: unknown, prefix: PathKey[] = []): { path: PathKey[]; value: unknown }[] {
  const here = prefix.length > 0 ? [{ path: prefix, value }] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => pathsOf(v, [...prefix, i]))];
  if (isPlain(value)) return [...here, ...Object.keys(value).flatMap((k) => pathsOf(value[k], [...prefix, k]))];
  return here;
}

const refBuilt: Built = new Proxy({}, { get: (_t, key) => new Ref(String(key)) });
const STEP_PATHS = STEPS.map((s) => pathsOf(s.props(refBuilt)));

/** Numeric fields that must be whole numbers. */
const INTEGER_FIELDS = new Set([
  'count', 'spares', 'priority', 'replicas', 'gpusPerPod', 'cpuMillicores', 'memoryMib', 'port', 'maxUnavailable', 'scratchMib',
  'parallelism', 'completions', 'backoffLimit', 'fromMonth', 'toMonth', 'gpus', 'gpuAllocation', 'phases',
]);
/** Numeric fields where 0 is allowed. */
const ZERO_OK = new Set(['spares', 'priority', 'overheadKw', 'backoffLimit', 'powerPriceUsdPerMwh']);
/** Numeric fields where a negative number is allowed. */
const NEGATIVE_OK = new Set(['priority']);
/** String fields where free text, empty or with line breaks, is fine. */
const FREE_TEXT = new Set(['window', 'notes', 'args', 'env', 'MODEL', 'LOG_LEVEL', 'gridRegion', 'program', 'vendor', 'model', 'citation', 'quality', 'defaultKubeconfigPath']);

function fieldOf(path: readonly PathKey[]): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
  return '';
}

function inFreeText(path: readonly PathKey[]): boolean {
  return path.some((k) => typeof k === 'string' && FREE_TEXT.has(k));
}

/** A value with a label, and whether replacing a field of the given base value with it is certainly invalid. */
interface BadValue {
  readonly label: string;
  readonly make: (built: Built) => unknown;
  readonly invalidFor: (base: unknown, path: readonly PathKey[], step: Step) => boolean;
}

const always = () => true;

function numberValue(label: string, n: number): BadValue {
  return {
    label,
    make: () => n,
    invalidFor: (base, path) => {
      if (typeof base !== 'number') return true;
      const field = fieldOf(path);
      if (!Number.isFinite(n) || Math.abs(n) >= 1e15) return true;
      if (n < 0 && !NEGATIVE_OK.has(field)) return true;
      if (n === 0 && !ZERO_OK.has(field) && !NEGATIVE_OK.has(field)) return true;
      if (!Number.isInteger(n) && INTEGER_FIELDS.has(field)) return true;
      return false;
    },
  };
}

function stringValue(label: string, s: () => string, validInFreeText: boolean): BadValue {
  return {
    label,
    make: s,
    invalidFor: (base, path, step) => typeof base !== 'string' || !(validInFreeText && (inFreeText(path) || (step.lenient ?? []).includes(fieldOf(path)))),
  };
}

/** Objects that are not what they seem, and values of every type. */
const OTHER_VALUES: readonly BadValue[] = [
  { label: 'undefined', make: () => undefined, invalidFor: () => false },
  { label: 'null', make: () => null, invalidFor: always },
  { label: 'true', make: () => true, invalidFor: (b) => typeof b !== 'boolean' },
  { label: 'false', make: () => false, invalidFor: (b) => typeof b !== 'boolean' },
  { label: 'object without prototype', make: () => Object.create(null), invalidFor: (b) => !isPlain(b) },
  { label: 'object without prototype, with a field', make: () => Object.assign(Object.create(null), { a: 1 }), invalidFor: always },
  { label: 'object with a throwing toString', make: () => ({ toString: () => { throw new Error('boom'); } }), invalidFor: always },
  { label: 'object with a throwing toJSON', make: () => ({ toJSON: () => { throw new Error('boom'); } }), invalidFor: always },
  { label: 'cyclic object', make: () => { const o: Record<string, unknown> = {}; o.self = o; return o; }, invalidFor: always },
  { label: 'Map', make: () => new Map([['a', 1]]), invalidFor: always },
  { label: 'empty Map', make: () => new Map(), invalidFor: always },
  { label: 'Set', make: () => new Set([1]), invalidFor: always },
  { label: 'RegExp', make: () => /x/, invalidFor: always },
  { label: 'Promise', make: () => Promise.resolve(1), invalidFor: always },
  { label: 'Date', make: () => new Date(0), invalidFor: always },
  { label: 'invalid Date', make: () => new Date(NaN), invalidFor: always },
  { label: 'function', make: () => () => 1, invalidFor: always },
  { label: 'class', make: () => class Foo {}, invalidFor: always },
  { label: 'class instance', make: () => new (class Props { public a = 1; })(), invalidFor: always },
  { label: 'symbol', make: () => Symbol('s'), invalidFor: always },
  { label: 'bigint', make: () => 10n, invalidFor: always },
  { label: 'boxed string', make: () => new String('x'), invalidFor: always },
  { label: 'boxed number', make: () => new Number(1), invalidFor: always },
  { label: 'Error', make: () => new Error('e'), invalidFor: always },
  { label: 'Buffer', make: () => Buffer.from('abc'), invalidFor: always },
  { label: 'typed array', make: () => new Float64Array(3), invalidFor: always },
  { label: 'empty object', make: () => ({}), invalidFor: (b) => !isPlain(b) },
  { label: 'empty array', make: () => [], invalidFor: (b) => !Array.isArray(b) },
  { label: 'array of numbers', make: () => [1, 2], invalidFor: always },
  { label: 'array of objects', make: () => [{}], invalidFor: always },
  { label: 'array holding itself', make: () => { const a: unknown[] = []; a.push(a); return a; }, invalidFor: always },
  { label: 'sparse array', make: () => [, 1], invalidFor: always }, // eslint-disable-line no-sparse-arrays
  { label: 'the App', make: (b) => b.app, invalidFor: always },
  { label: 'campus site-a', make: (b) => b.a ?? b.app, invalidFor: always },
  { label: 'campus site-b', make: (b) => b.b ?? b.app, invalidFor: always },
  // A construct not built yet (the step under mutation comes first) would be `undefined`, a deleted
  // field; the campus (or the App) stands in for it, so the value is still a wrong kind of thing.
  { label: 'bus of site-b', make: (b) => b['b.bus'] ?? b.b ?? b.app, invalidFor: (base) => !(base instanceof Ref && base.key === 'b.bus') },
  { label: 'cooling of site-b', make: (b) => b['b.hydro'] ?? b.b ?? b.app, invalidFor: (base) => !(base instanceof Ref && base.key === 'b.hydro') },
  { label: 'a pod of site-b', make: (b) => b['b.tank-pod'] ?? b.b ?? b.app, invalidFor: (base) => !(base instanceof Ref && base.key.startsWith('b.')) },
  { label: 'a GpuHall', make: (b) => b['a.hall-1'], invalidFor: (_base, path) => fieldOf(path) !== 'hall' },
  { label: 'a construct of another app', make: () => new App({ outdir: '/nonexistent-fuzz-app' }), invalidFor: always },
  // A catalog model is a valid model wherever one is expected (also as defineAsicModel's whole props).
  { label: 'an ASIC model', make: () => ASIC_MODELS.BITMAIN_ANTMINER_S21, invalidFor: (base) => !(isPlain(base) && (base.kind === 'asic' || ('hashrateThs' in base && 'efficiencyJTh' in base))) },
  { label: 'a GPU rack model', make: () => GPU_SYSTEMS.NVIDIA_GB300_NVL72_RACK, invalidFor: (base) => !(isPlain(base) && typeof base.kind === 'string' && base.kind.startsWith('gpu')) },
  { label: 'a frozen empty object', make: () => Object.freeze({}), invalidFor: (b) => !isPlain(b) },
];

const NUMBERS: readonly BadValue[] = [
  numberValue('NaN', NaN),
  numberValue('Infinity', Infinity),
  numberValue('-Infinity', -Infinity),
  numberValue('1e308', 1e308),
  numberValue('-1e308', -1e308),
  numberValue('2^53', 2 ** 53),
  numberValue('1e9', 1e9),
  numberValue('-1', -1),
  numberValue('0', 0),
  numberValue('-0', -0),
  numberValue('5e-324', 5e-324),
  numberValue('1e-12', 1e-12),
  numberValue('0.5', 0.5),
  numberValue('1.5', 1.5),
  numberValue('65536', 65536),
  numberValue('1e15', 1e15),
];

const STRINGS: readonly BadValue[] = [
  stringValue('empty string', () => '', true),
  stringValue('blank string', () => '   ', true),
  // Digits alone are a valid hardware id or feed name (DNS-1123 allows them), so not certainly invalid there.
  { ...stringValue('number as string', () => '42', true), invalidFor: (base, path, step) => !['id', 'name'].includes(fieldOf(path)) && stringValue('', () => '', true).invalidFor(base, path, step) },
  stringValue('ANSI escapes', () => '\u001b[31mred\u001b[0m\u001b]0;title\u0007', false),
  stringValue('newline', () => 'line one\nline two', true),
  stringValue('carriage return', () => 'a\rb', false),
  stringValue('NUL', () => 'a\u0000b', false),
  stringValue('string of 100,000 characters', () => 'x'.repeat(100_000), false),
  stringValue('string of 10,000,000 characters', () => 'y'.repeat(10_000_000), false),
  stringValue('"[object Object]"', () => '[object Object]', true),
  stringValue('unicode', () => 'café-☃-𝔘', true),
  stringValue('right-to-left override', () => 'a\u202eb', false),
  stringValue('path', () => '../../etc/passwd', true),
  stringValue('"__proto__"', () => '__proto__', true),
  stringValue('"constructor"', () => 'constructor', true),
  stringValue('"NaN"', () => 'NaN', true),
];

/** A random string or number from fast-check, for variety. */
const randomValue: fc.Arbitrary<BadValue> = fc.oneof(
  fc.string({ unit: BINARY_UNIT, maxLength: 40 }).map((s) => stringValue(`random string ${JSON.stringify(s)}`, () => s, true)),
  fc.double().map((n) => numberValue(`random number ${n}`, n)),
  fc.integer({ min: -1_000_000, max: 10_000_000 }).map((n) => numberValue(`random integer ${n}`, n)),
);

/** Replacing a field with a random value of the same type is not certainly invalid. */
function randomInvalidFor(v: BadValue, base: unknown, path: readonly PathKey[], step: Step): boolean {
  if (v.label.startsWith('random string')) return typeof base !== 'string' || (!inFreeText(path) && /[\u0000-\u001f\u007f-\u009f]/.test(String(v.make({}))));
  return v.invalidFor(base, path, step);
}

const badValue = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NUMBERS) },
  { weight: 4, arbitrary: fc.constantFrom(...STRINGS) },
  { weight: 8, arbitrary: fc.constantFrom(...OTHER_VALUES) },
  { weight: 2, arbitrary: randomValue },
);

const UNKNOWN_KEYS = ['colour', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'Feeds', 'count ', 'isPrototypeOf'];

const ID_VALUES: readonly { label: string; make: (built: Built, step: Step) => unknown; expect: Expectation }[] = [
  { label: 'empty id', make: () => '', expect: 'invalid' },
  { label: 'numeric id', make: () => 42, expect: 'invalid' },
  { label: 'undefined id', make: () => undefined, expect: 'invalid' },
  { label: 'null id', make: () => null, expect: 'invalid' },
  { label: 'object id', make: () => ({ id: 'x' }), expect: 'invalid' },
  { label: 'object id without prototype', make: () => Object.create(null), expect: 'invalid' },
  { label: 'symbol id', make: () => Symbol('id'), expect: 'invalid' },
  { label: 'array id', make: () => ['pod'], expect: 'invalid' },
  { label: 'id with /', make: () => 'a/b', expect: 'invalid' },
  { label: 'id "kubernetes"', make: () => 'kubernetes', expect: 'invalid' },
  { label: 'id "backend"', make: () => 'backend', expect: 'invalid' },
  { label: 'id "constructor"', make: () => 'constructor', expect: 'invalid' },
  { label: 'id "__proto__"', make: () => '__proto__', expect: 'invalid' },
  { label: 'id "toString"', make: () => 'toString', expect: 'invalid' },
  { label: 'id "hasOwnProperty"', make: () => 'hasOwnProperty', expect: 'invalid' },
  { label: 'id "valueof"', make: () => 'valueof', expect: 'either' },
  { label: 'id of 64 characters', make: () => 'a'.repeat(64), expect: 'invalid' },
  { label: 'id of 1,000,000 characters', make: () => 'a'.repeat(1_000_000), expect: 'invalid' },
  { label: 'upper-case id', make: () => 'Pod-1', expect: 'invalid' },
  { label: 'id with a space', make: () => 'pod 1', expect: 'invalid' },
  { label: 'id with a newline', make: () => 'pod\nx', expect: 'invalid' },
  { label: 'id with ANSI escapes', make: () => '\u001b[31mpod\u001b[0m', expect: 'invalid' },
  { label: 'id with a dot', make: () => 'pod.1', expect: 'invalid' },
  { label: 'id starting with -', make: () => '-pod', expect: 'invalid' },
  { label: 'id starting with a digit', make: () => '1pod', expect: 'either' },
  { label: 'id "site-b"', make: () => 'site-b', expect: 'either' },
  {
    label: 'duplicate id (a sibling\'s)',
    make: (_b, step) => STEPS.find((s) => s !== step && s.scope === step.scope && s.id !== undefined)?.id ?? 'x',
    expect: 'invalid',
  },
];

const SCOPE_VALUES: readonly { label: string; make: (built: Built, step: Step) => unknown; expect: (step: Step) => Expectation }[] = [
  { label: 'undefined scope', make: () => undefined, expect: () => 'invalid' },
  { label: 'null scope', make: () => null, expect: () => 'invalid' },
  { label: 'plain object scope', make: () => ({ node: { path: 'x' } }), expect: () => 'invalid' },
  { label: 'string scope', make: () => 'site-a', expect: () => 'invalid' },
  { label: 'the App as scope', make: (b) => b.app, expect: (s) => (s.family === 'Campus' ? 'either' : 'invalid') },
  { label: 'the other campus as scope', make: (b, s) => (s.scope?.startsWith('b') ? b.a : b.b), expect: (s) => (s.family === 'Campus' ? 'invalid' : 'either') },
  { label: 'a bus as scope', make: (b) => b['a.bus'], expect: (s) => (s.family === 'Campus' ? 'invalid' : 'either') },
  { label: 'another app as scope', make: () => new App({ outdir: '/nonexistent-fuzz-app' }), expect: (s) => (s.family === 'Campus' ? 'either' : 'invalid') },
];

const PROPS_VALUES: readonly BadValue[] = OTHER_VALUES.filter((v) => !v.label.startsWith('a ') && !v.label.startsWith('bus') && !v.label.startsWith('cooling'));

/** Replaces (or removes) the value at `path` in a copy of `props`, copying only the objects on the way. */
export function setPath(props: unknown, path: readonly PathKey[], value: unknown, remove = false): unknown {
  if (path.length === 0) return value;
  const [key, ...rest] = path;
  const copy = (Array.isArray(props) ? [...props] : { ...(props as object) }) as Record<PathKey, unknown>;
  if (remove && rest.length === 0) {
    delete copy[key];
    return copy;
  }
  const next = setPath((props as Record<PathKey, unknown>)[key], rest, value, remove);
  Object.defineProperty(copy, key, { value: next, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** Adds an own, enumerable key (even "__proto__") to the object at `path`. */
export function addKey(props: unknown, path: readonly PathKey[], key: string, value: unknown): unknown {
  const target = path.reduce<unknown>((o, k) => (o as Record<PathKey, unknown>)[k], props);
  const copy = Array.isArray(target) ? [...target] : { ...(target as object) };
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return setPath(props, path, copy);
}

function stepArb(filter: (s: Step) => boolean): fc.Arbitrary<number> {
  const indices = STEPS.map((s, i) => (filter(s) ? i : -1)).filter((i) => i >= 0);
  return fc.constantFrom(...indices);
}

const fieldCase: fc.Arbitrary<FuzzCase> = stepArb(() => true).chain((step) =>
  fc.tuple(fc.constantFrom(...STEP_PATHS[step]), badValue).map(([{ path, value: base }, v]) => {
    const s = STEPS[step];
    const invalid = v.label.startsWith('random') ? randomInvalidFor(v, base, path, s) : v.invalidFor(base, path, s);
    return { step, kind: 'field' as const, path, label: `${path.join('.')} = ${v.label}`, make: (b: Built) => v.make(b), expect: invalid ? ('invalid' as const) : ('either' as const) };
  }),
);

const deleteCase: fc.Arbitrary<FuzzCase> = stepArb(() => true).chain((step) =>
  fc.constantFrom(...STEP_PATHS[step]).map(({ path }) => ({ step, kind: 'delete' as const, path, label: `delete ${path.join('.')}`, make: () => undefined, expect: 'either' as const })),
);

const addKeyCase: fc.Arbitrary<FuzzCase> = stepArb(() => true).chain((step) => {
  const objectPaths = [[], ...STEP_PATHS[step].filter((p) => isPlain(p.value)).map((p) => p.path)];
  return fc.tuple(fc.constantFrom(...objectPaths), fc.constantFrom(...UNKNOWN_KEYS)).map(([path, key]) => ({
    step,
    kind: 'add-key' as const,
    path,
    label: `unknown key ${JSON.stringify(key)} in ${path.join('.') || '(props)'}`,
    make: () => key,
    expect: 'invalid' as const,
  }));
});

const propsCase: fc.Arbitrary<FuzzCase> = stepArb(() => true).chain((step) =>
  fc.constantFrom(...PROPS_VALUES).map((v) => ({
    step,
    kind: 'props' as const,
    path: [],
    label: `props = ${v.label}`,
    make: (b: Built) => v.make(b),
    // Optional props (CurtailmentPlan) may be missing or empty.
    // A catalog ASIC model is a valid whole props of defineAsicModel.
    expect:
      (STEPS[step].family === 'CurtailmentPlan' && ['undefined', 'empty object', 'object without prototype', 'a frozen empty object'].includes(v.label)) ||
      (STEPS[step].family === 'defineAsicModel' && v.label === 'an ASIC model')
        ? ('either' as const)
        : ('invalid' as const),
  })),
);

const idCase: fc.Arbitrary<FuzzCase> = stepArb((s) => s.id !== undefined).chain((step) =>
  fc.constantFrom(...ID_VALUES).map((v) => {
    const s = STEPS[step];
    // "kubernetes" and "backend" are taken in a campus ("kubernetes" also in a hall), not in the App.
    const free = (v.label === 'id "kubernetes"' && s.family === 'Campus') || (v.label === 'id "backend"' && (s.family === 'Campus' || s.method === true));
    return { step, kind: 'id' as const, path: [], label: v.label, make: v.make, expect: free ? ('either' as const) : v.expect };
  }),
);

const scopeCase: fc.Arbitrary<FuzzCase> = stepArb((s) => s.scope !== undefined && !s.method).chain((step) =>
  fc.constantFrom(...SCOPE_VALUES).map((v) => ({ step, kind: 'scope' as const, path: [], label: v.label, make: v.make, expect: v.expect(STEPS[step]) })),
);

const MILLION = 1_000_000;

const bombCase: fc.Arbitrary<FuzzCase> = stepArb((s) => STEP_PATHS[STEPS.indexOf(s)].some((p) => Array.isArray(p.value) || typeof p.value === 'string')).chain((step) => {
  const paths = STEP_PATHS[step].filter((p) => Array.isArray(p.value) || typeof p.value === 'string');
  return fc.tuple(fc.constantFrom(...paths), fc.constantFrom('million', 'nested-million', 'million-chars', 'deep')).map(([{ path, value }, how]) => {
    const label = { million: 'array of 1,000,000 elements', 'nested-million': 'array holding an array of 1,000,000 elements', 'million-chars': 'string of 1,000,000 characters', deep: 'arrays nested 100,000 deep' }[how];
    const make = (b: Built, s: Step) => {
      const valid = pathValue(s.props(b), path);
      const first = Array.isArray(valid) ? valid[0] : valid;
      if (how === 'million') return new Array(MILLION).fill(first);
      if (how === 'nested-million') return Array.isArray(valid) ? [new Array(MILLION).fill(first), ...valid.slice(1)] : [new Array(MILLION).fill(first)];
      if (how === 'million-chars') return 'z'.repeat(MILLION);
      let deep: unknown = first;
      for (let i = 0; i < 100_000; i++) deep = [deep];
      return deep;
    };
    void value;
    return { step, kind: 'bomb' as const, path, label: `${path.join('.')} = ${label}`, make, expect: 'invalid' as const };
  });
});

function pathValue(props: unknown, path: readonly PathKey[]): unknown {
  return path.reduce<unknown>((o, k) => (o as Record<PathKey, unknown>)?.[k], props);
}

/** One generated case. */
export const caseArb: fc.Arbitrary<FuzzCase> = fc.oneof(
  { weight: 45, arbitrary: fieldCase },
  { weight: 5, arbitrary: deleteCase },
  { weight: 9, arbitrary: addKeyCase },
  { weight: 6, arbitrary: propsCase },
  { weight: 18, arbitrary: idCase },
  { weight: 7, arbitrary: scopeCase },
  { weight: 6, arbitrary: bombCase },
);

/** The fixed seed of the suite. */
export const FUZZ_SEED = 13_2026;

/** The first `count` cases for `seed`, the same on every run and in every worker. */
export function generateCases(count: number, seed = FUZZ_SEED): FuzzCase[] {
  return fc.sample(caseArb, { seed, numRuns: count });
}

/** The scope, id and props a case gives its step (the other steps keep theirs). */
export function applyCase(c: FuzzCase, step: Step, built: Built): { scope: unknown; id: unknown; props: unknown } {
  const scope = step.scope === undefined ? undefined : built[step.scope];
  const props = step.props(built);
  switch (c.kind) {
    case 'field':
    case 'bomb':
      return { scope, id: step.id, props: setPath(props, c.path, c.make(built, step)) };
    case 'delete':
      return { scope, id: step.id, props: setPath(props, c.path, undefined, true) };
    case 'add-key':
      return { scope, id: step.id, props: addKey(props, c.path, c.make(built, step) as string, 1) };
    case 'props':
      return { scope, id: step.id, props: c.make(built, step) };
    case 'id':
      return { scope, id: c.make(built, step), props };
    case 'scope':
      return { scope: c.make(built, step), id: step.id, props };
  }
}
