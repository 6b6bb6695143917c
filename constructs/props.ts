/**
 * Shared zod pieces for construct props, and the one place props are parsed.
 */
import { Construct, type IConstruct } from 'constructs';
import { z } from 'zod';
import { CampusConfigError, configErrorFromZod, escapeText, fieldName, joinProblems, showSubject, showValue, zodMessages } from '../domain/config-error';
import { DAY_PATTERN, MONTH_PATTERN, isDay, isMonth } from '../domain/timeline';
import { groupThousands } from '../domain/units';

/** DNS-1123 label, as Kubernetes requires for namespace and most object names. */
export const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export const kubernetesNameSchema = z
  .string({ error: 'must be a string: a Kubernetes DNS-1123 label, e.g. "xfmr-1"' })
  .max(63, { error: 'must be at most 63 characters (a Kubernetes DNS-1123 label)' })
  .regex(DNS_1123_LABEL, {
    error: 'must be a Kubernetes DNS-1123 label: lower-case letters, digits and "-", starting and ending with a letter or digit',
  })
  .refine((name) => !(name in Object.prototype), { error: 'is a name every JavaScript object already has; pick another name' });

export function positiveNumber(what: string) {
  return z
    .number({ error: `must be a finite number (${what})` })
    .positive({ error: `must be greater than 0 (${what})` })
    .lt(1e9, { error: `must be less than 1,000,000,000 (${what}); check the unit` });
}

export function nonNegativeNumber(what: string) {
  return z
    .number({ error: `must be a finite number (${what})` })
    .nonnegative({ error: `must be 0 or more (${what})` })
    .lt(1e9, { error: `must be less than 1,000,000,000 (${what}); check the unit` });
}

export function positiveInteger(what: string) {
  return z
    .int({ error: `must be a whole number (${what})` })
    .positive({ error: `must be at least 1 (${what})` })
    .lte(1e9, { error: `must be at most 1,000,000,000 (${what}); check the figure` });
}

/** A fraction in (0, 1]. */
export function fraction(what: string) {
  return z
    .number({ error: `must be a finite number (${what})` })
    .gt(0, { error: `must be greater than 0 (${what})` })
    .lte(1, { error: `must be at most 1 (${what}); give a fraction, e.g. 0.8 for 80%` });
}

/** A month, 'YYYY-MM'. */
export const monthSchema = z.string({ error: 'must be a month written YYYY-MM, e.g. "2027-01"' }).regex(MONTH_PATTERN, {
  error: 'must be a month written YYYY-MM, e.g. "2027-01"',
});

/** A calendar day, 'YYYY-MM-DD', that exists (no "2026-02-30"). */
export const daySchema = z.string({ error: 'must be a day written YYYY-MM-DD, e.g. "2026-03-01"' }).superRefine((value, ctx) => {
  if (isDay(value)) return;
  ctx.addIssue({
    code: 'custom',
    message: DAY_PATTERN.test(value)
      ? 'is not a day of the calendar (its month has fewer days); give a day that exists, written YYYY-MM-DD'
      : 'must be a day written YYYY-MM-DD, e.g. "2026-03-01"',
  });
});

/** The optional service dates every part can carry (see domain/timeline.ts). */
export const serviceDates = {
  inService: monthSchema.optional(),
  retire: monthSchema.optional(),
};

/** Refinement: a part retires after it comes into service. */
export function checkServiceDates(value: { inService?: string; retire?: string }, ctx: z.RefinementCtx): void {
  // Only two valid months are compared (a bad one has its own message).
  if (isMonth(value.inService) && isMonth(value.retire) && value.retire <= value.inService) {
    ctx.addIssue({
      code: 'custom',
      path: ['retire'],
      message: `must be after inService (${value.inService}): retire is the first month the part is out of service`,
    });
  }
}

/** Service dates from parsed props, without undefined keys (so models stay minimal). */
export function datesOf(value: { inService?: string; retire?: string }): { inService?: string; retire?: string } {
  return {
    ...(value.inService !== undefined ? { inService: value.inService } : {}),
    ...(value.retire !== undefined ? { retire: value.retire } : {}),
  };
}

/** A construct reference of the given class. */
export function constructOf<T>(cls: abstract new (...args: never[]) => T, kind: string) {
  return z.custom<T>((value) => value instanceof cls, { error: `must be a ${kind} construct` });
}

/**
 * Checks a construct id that becomes a Kubernetes name. Returns it, so a stack can check its id
 * before passing it to its base class (cdktf has its own, less helpful, checks on stack ids).
 */
export function checkId(subject: string, id: string): string {
  const idCheck = kubernetesNameSchema.safeParse(id, { error: zodMessages });
  if (!idCheck.success) {
    throw configErrorFromZod(subject, { id }, new z.ZodError(idCheck.error.issues.map((i) => ({ ...i, path: ['id'] }))));
  }
  return id;
}

/** Whether Object.prototype (or what it inherits) has an enumerable key, which every plain object then inherits. */
function objectPrototypeHasEnumerableKey(): boolean {
  for (const _ in {}) return true;
  return false;
}

/**
 * A hardware model of the expected kind. A model of the wrong kind, or a hand-made object that
 * is not a valid model, is refused with a pointer to the catalog and to the define function,
 * which reports the exact bad field.
 */
export function hardwareOf<T>(
  // What the function calls on the schema, rather than z.ZodType<T>: inferring T through zod's
  // generic class made TypeScript work out that class's variance, about 1 s of every type check
  // (tsc --generateTrace: one call here, 0.75 to 1.1 s of 7.5 s checking). T is the same.
  schema: { safeParse(value: unknown, params: { readonly jitless: true }): z.ZodSafeParseResult<T> },
  wanted: { readonly kinds: readonly string[]; readonly label: string; readonly catalog: string; readonly define: string },
) {
  // A campus passes one catalog model to hundreds of pods or halls (the bundled examples: 406
  // pods, one model), and parsing it again for each (its plausibility checks and refinements)
  // was much of parsing a pod's props. So a model object's parse is kept with the data it held
  // then (plainDataKey) and reused, as a copy, while that data is the same; a model changed
  // since is parsed again, and a failed parse is never kept. plainDataKey sees only the model's
  // own keys, but the schema's strict objects also see keys inherited from Object.prototype: while
  // that has an enumerable key, no parse is reused or kept.
  const parses = new WeakMap<object, { readonly key: string; readonly data: T }>();
  return z.unknown().transform((value, ctx) => {
    const key = typeof value === 'object' && value !== null && !objectPrototypeHasEnumerableKey() ? plainDataKey(value) : undefined;
    const kept = key === undefined ? undefined : parses.get(value as object);
    if (kept !== undefined && kept.key === key) return structuredClone(kept.data);
    const parsed = schema.safeParse(value, { jitless: true });
    if (parsed.success) {
      if (key !== undefined) parses.set(value as object, { key, data: structuredClone(parsed.data) });
      return parsed.data;
    }
    const { kind, id } = (typeof value === 'object' && value !== null ? value : {}) as { kind?: unknown; id?: unknown };
    const wrongKind = typeof kind === 'string' && !wanted.kinds.includes(kind);
    ctx.addIssue({
      code: 'custom',
      message: wrongKind
        ? `is a model of kind ${showValue(kind)} ('${typeof id === 'string' ? escapeText(id.slice(0, 63)) : showValue(id)}'), but ${wanted.label} is needed: pick one from ${wanted.catalog} or build one with ${wanted.define}()`
        : `is not a valid hardware model; ${wanted.label} is needed: pick one from ${wanted.catalog}, or build it with ${wanted.define}(), which names the bad field`,
    });
    return z.NEVER;
  });
}

/**
 * The plain data `value` holds, as one string that tells apart every value a schema can tell
 * apart (types, -0, NaN, a key set to undefined, a hole in a list); undefined when `value` is
 * not plain data (an accessor, a symbol key, a function, a class instance, a cycle or depth
 * beyond INPUT_LIMITS.maxDepth), which is then never reused.
 */
export function plainDataKey(value: unknown): string | undefined {
  const inside = new Set<object>();
  const keyOf = (v: unknown, depth: number): string | undefined => {
    switch (typeof v) {
      // Each part is self-delimiting: a string (or a key) by its length, a number ends at the next ','.
      case 'string':
        return `s${v.length}:${v}`;
      case 'number':
        return Object.is(v, -0) ? 'n-0' : `n${v}`;
      case 'boolean':
      case 'undefined':
        return String(v);
      case 'object':
        break;
      default:
        return undefined;
    }
    if (v === null) return 'null';
    if (depth >= INPUT_LIMITS.maxDepth || inside.has(v)) return undefined;
    const isList = Array.isArray(v);
    const proto = Object.getPrototypeOf(v);
    if (proto !== (isList ? Array.prototype : Object.prototype) && !(proto === null && !isList)) return undefined;
    if (Object.getOwnPropertySymbols(v).length > 0) return undefined;
    inside.add(v);
    const descriptors = Object.getOwnPropertyDescriptors(v);
    let text = isList ? `[${(v as unknown[]).length};` : proto === null ? '{null;' : '{';
    for (const name of Object.keys(descriptors)) {
      if (isList && name === 'length') continue;
      const descriptor = descriptors[name];
      if (!('value' in descriptor)) return undefined;
      const part = keyOf(descriptor.value, depth + 1);
      if (part === undefined) return undefined;
      text += `${name.length}:${name}${descriptor.enumerable ? ':' : '~'}${part},`;
    }
    inside.delete(v);
    return `${text}${isList ? ']' : '}'}`;
  };
  return keyOf(value, 0);
}

/**
 * Parses a construct's props and its id (checked as a Kubernetes name). Throws a
 * CampusConfigError that names the construct path, the field, the value and the rule.
 */
export function parseProps<S extends z.ZodType>(scope: IConstruct, schema: S, props: unknown): z.infer<S> {
  checkId(scope.node.path, scope.node.id);
  // Missing props are empty props; null is not (it is refused as "must be an object").
  return parseInput(scope.node.path, schema, props === undefined ? {} : props);
}

/**
 * Parses input (props, a hardware model) with `schema`, after checkBounds: throws a
 * CampusConfigError naming `subject`, each bad field, its value and the rule.
 */
export function parseInput<S extends z.ZodType>(subject: string, schema: S, input: unknown): z.infer<S> {
  checkBounds(subject, input);
  // jitless: zod otherwise compiles a parser for each object schema (new Function) on its first
  // parse, which a construct's few parses do not repay (building the synth bench's campus of
  // 1,000 resources: about 9% less CPU, on a loaded machine); the same result and issues either
  // way. For these parses only: zod's global configuration, which an app's schemas share, is left alone.
  const parsed = schema.safeParse(input, { error: zodMessages, jitless: true });
  if (!parsed.success) throw configErrorFromZod(subject, input, parsed.error);
  return parsed.data;
}

/** An IPv4 or IPv6 CIDR block, as NetworkPolicy ipBlock takes it. */
export const cidrSchema = z
  .union([z.cidrv4(), z.cidrv6()], {
    error: 'must be a CIDR block, e.g. "10.20.0.0/16" or "2001:db8::/48"',
  })
  .refine((cidr) => !cidr.endsWith('/0'), {
    error: 'opens to every address (a /0 block, which also contains the pod network); give the narrow block of the miners or the pool',
  });

/** A TCP or UDP port number. */
export const portSchema = z
  .int({ error: 'must be a whole number (a port)' })
  .min(1, { error: 'must be a port number from 1 to 65535' })
  .max(65535, { error: 'must be a port number from 1 to 65535' });

/** Container arguments. */
export const argsSchema = z.array(z.lazy(() => containerTextSchema), { error: 'must be a list of strings, e.g. ["--port", "8000"]' });

/** Environment variables by name (plain values; secrets never go here). */
export const envSchema = z.record(
  z.string().regex(/^[-._a-zA-Z][-._a-zA-Z0-9]*$/, { error: 'must be an environment variable name: letters, digits, "_", "-" or ".", not starting with a digit' }),
  z.lazy(() => containerTextSchema),
  { error: 'must be an object of NAME: "value" strings, e.g. { LOG_LEVEL: "info" }' },
);

/** CPU in millicores (1000 = one core). */
export function millicores(what: string) {
  return positiveInteger(`${what} in millicores, 1000 = one core`).max(1_000_000, { error: `must be at most 1000000 (${what} in millicores)` });
}

/** Memory in MiB. */
export function mebibytes(what: string) {
  return positiveInteger(`${what} in MiB`).max(16_777_216, { error: `must be at most 16777216 (${what} in MiB, 16 TiB)` });
}

/** An endpoint a workload may reach: a CIDR block and a port. */
export const cidrRuleSchema = z.strictObject({
  cidr: cidrSchema,
  port: portSchema,
  protocol: z.enum(['TCP', 'UDP'], { error: 'must be "TCP" or "UDP"' }).optional(),
});

/**
 * A Service's name is a DNS-1035 label: a DNS-1123 label that starts with a letter. Checks the
 * id of a construct that creates a Service named after it.
 */
export function checkServiceId(scope: IConstruct): void {
  if (!/^[a-z]/.test(scope.node.id)) {
    throw new CampusConfigError(
      `[${scope.node.path}] invalid property: id = ${JSON.stringify(scope.node.id)}: names a Kubernetes Service, which must start with a letter (a DNS-1035 label); ` +
        `e.g. "svc-${scope.node.id}"`,
    );
  }
}

/**
 * Documented maximums for any input (construct props, hardware models). Generous: far above
 * what a real campus needs, and low enough to be refused at once, before zod walks the input.
 */
export const INPUT_LIMITS = {
  /** Elements in any list (pods, feeds, CIDR blocks, args, curve points...), and keys in any object. */
  maxListLength: 10_000,
  /** Characters in any string. */
  maxTextLength: 4_096,
  /** Levels of objects and lists inside the props. */
  maxDepth: 12,
  /** Values in all the props together. */
  maxValues: 200_000,
} as const;

/**
 * Marks an object made by one of this library's static factories (e.g. `LoadPower.itMw`): such a
 * value is not walked as props; its own schema checks it.
 */
export const LIBRARY_VALUE = Symbol.for('hybrid-campus/library-value');

function isLibraryValue(value: object): boolean {
  return (value as Record<symbol, unknown>)[LIBRARY_VALUE] === true;
}

/**
 * Refuses, before any schema runs, input beyond INPUT_LIMITS, cycles, and objects that are not
 * plain data (a Map, Date, RegExp, Promise or class instance where props expect `{ ... }`).
 * Constructs inside the input are references and are not walked.
 */
export function checkBounds(subject: string, input: unknown): void {
  const L = INPUT_LIMITS;
  const problems: string[] = [];
  const stack = new Set<object>();
  let values = 0;
  const visit = (value: unknown, path: PropertyKey[], depth: number): void => {
    if (problems.length > 0) return;
    // Named only in a problem: a field's name is built from its path when something is wrong with it.
    const fieldOf = () => (path.length > 0 ? fieldName(path) : '(props)');
    if (++values > L.maxValues) {
      problems.push(`${fieldOf()}: the input holds more than ${groupThousands(L.maxValues)} values, the maximum; split it or check how it is built`);
      return;
    }
    if (typeof value === 'string') {
      if (value.length > L.maxTextLength) {
        problems.push(`${fieldOf()} = ${showValue(value)}: has ${groupThousands(value.length)} characters, more than the maximum of ${groupThousands(L.maxTextLength)}`);
      }
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    try {
      if (Construct.isConstruct(value) || isLibraryValue(value)) return;
      if (stack.has(value)) {
        problems.push(`${fieldOf()} = ${showValue(value)}: contains itself (a cycle); give plain data`);
        return;
      }
      if (depth >= L.maxDepth) {
        problems.push(`${fieldOf()} = ${showValue(value)}: is nested more than ${L.maxDepth} levels deep, the maximum; give plain data`);
        return;
      }
      if (Array.isArray(value)) {
        if (value.length > L.maxListLength) {
          problems.push(`${fieldOf()} = ${showValue(value)}: lists ${groupThousands(value.length)} elements, more than the maximum of ${groupThousands(L.maxListLength)}`);
          return;
        }
        stack.add(value);
        for (let i = 0; i < value.length && problems.length === 0; i++) visit(value[i], [...path, i], depth + 1);
        stack.delete(value);
        return;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) {
        problems.push(`${fieldOf()} = ${showValue(value)}: must be plain data, an object written { ... } or a list [ ... ]; give the values themselves`);
        return;
      }
      const keys = Object.keys(value);
      if (keys.includes('__proto__')) {
        // An own "__proto__" key (from JSON.parse or defineProperty) would be dropped or become a prototype.
        problems.push(`${fieldName([...path, '__proto__'])} = ${showValue((value as Record<string, unknown>)['__proto__'])}: is not a known property; check its spelling or remove it`);
        return;
      }
      if (keys.length > L.maxListLength) {
        problems.push(`${fieldOf()}: has ${groupThousands(keys.length)} keys, more than the maximum of ${groupThousands(L.maxListLength)}`);
        return;
      }
      stack.add(value);
      for (const key of keys) {
        if (problems.length > 0) break;
        visit((value as Record<string, unknown>)[key], [...path, key], depth + 1);
      }
      stack.delete(value);
    } catch (error) {
      problems.push(`${fieldOf()}: cannot be read (${escapeText(String((error as Error)?.message ?? 'unknown error')).slice(0, 100)}); give plain data`);
    }
  };
  visit(input, [], 0);
  if (problems.length > 0) throw joinProblems(subject, problems);
}

/** Names every JavaScript object already has (constructor, toString, __proto__...): refused as ids and names. */
export function isObjectKeyName(name: string): boolean {
  return name in Object.prototype;
}

const ID_EXAMPLES: Readonly<Record<string, string>> = {
  Campus: 'site-1',
  PowerBus: 'bus-1',
  CoolingSystem: 'air-1',
  MiningPod: 'pod-1',
  GpuHall: 'hall-1',
  AuxiliaryLoad: 'office',
  BlockLoad: 'colo-1',
  Conversion: 'phase-1',
  InferenceService: 'chat',
  TrainingJob: 'finetune',
  StratumProxy: 'proxy-1',
  CurtailmentPlan: 'curtailment-plan',
};

/** Ids a construct cannot take in a scope, because the scope's own children use them. */
function reservedIn(scope: IConstruct, id: string): string | undefined {
  const marked = scope as unknown as Record<symbol | string, unknown>;
  if (marked[Symbol.for('hybrid-campus/campus')] === true) {
    if (id === 'kubernetes') return "the campus's own Kubernetes provider and namespaces";
    if (id === 'backend') return "the campus's Terraform backend";
  }
  if (marked.partKind === 'gpu-hall' && id === 'kubernetes') return "the hall's own namespace";
  return undefined;
}

/**
 * Checks a construct's scope and id before the construct is created (so constructs' own errors,
 * e.g. "There is already a Construct with name ...", never reach the user). Returns the id.
 * The id must be a string, a Kubernetes DNS-1123 label without "/", not a name every object
 * has (constructor...), not one the scope's own children use, and unique in its scope.
 */
export function checkConstructArgs(kind: string, scope: unknown, id: unknown): string {
  const example = ID_EXAMPLES[kind] ?? 'part-1';
  if (!Construct.isConstruct(scope)) {
    const parent = kind === 'Campus' ? 'the App' : 'the Campus (or a construct inside it)';
    throw new CampusConfigError(
      `[new ${kind}(${typeof id === 'string' ? showSubject(JSON.stringify(id.slice(0, 63))) : '...'})] invalid scope: scope = ${showValue(scope)}: ` +
        `must be ${parent}; pass it as the first argument, e.g. new ${kind}(${kind === 'Campus' ? 'app' : 'campus'}, '${example}', { ... })`,
    );
  }
  // The message names the path the construct would have, when the id can be part of one.
  const printable = typeof id === 'string' && id !== '' && id.length <= 100 && !id.includes('/') && escapeText(id) === id;
  const where = showSubject([scope.node.path, printable ? (id as string) : ''].filter((p) => p !== '').join('/') || 'app');
  const fail = (problem: string): never => {
    throw new CampusConfigError(`[${where}] invalid property: id = ${showValue(id)}: ${problem}`);
  };
  if (typeof id !== 'string') fail(`the id of a ${kind} must be a string: a lower-case DNS-1123 label, e.g. "${example}"`);
  const text = id as string;
  if (text === '') fail(`must not be empty; give a lower-case DNS-1123 label, e.g. "${example}"`);
  if (text.includes('/')) {
    fail(`must not contain "/": the id names Kubernetes objects and paths; use "-" instead, e.g. ${showValue(text.replace(/\//g, '-'))}`);
  }
  if (isObjectKeyName(text)) fail(`is a name every JavaScript object already has; pick another id, e.g. "${example}"`);
  const check = kubernetesNameSchema.safeParse(text, { error: zodMessages });
  if (!check.success) fail(escapeText(check.error.issues[0].message));
  const reserved = reservedIn(scope, text);
  if (reserved) fail(`is taken by ${reserved}; pick another id, e.g. "${text}-1"`);
  const existing = scope.node.tryFindChild(text);
  if (existing) fail(`is already the id of ${showValue(existing)}; ids must be unique in their scope, so pick another`);
  return text;
}

// Control characters, DEL, line and paragraph separators and bidirectional overrides.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
// The same, but allowing line breaks and tabs (container arguments, environment values).
const CONTROL_EXCEPT_BREAKS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Free text on one line (names of regions, programs, vendors, sources): no control characters, bounded. */
export function textSchema(what: string, example: string) {
  return z
    .string({ error: `must be a string (${what}), e.g. ${example}` })
    .max(INPUT_LIMITS.maxTextLength, { error: `must have at most ${groupThousands(INPUT_LIMITS.maxTextLength)} characters (${what})` })
    .refine((s) => !CONTROL_CHARACTERS.test(s), {
      error: `must not hold control characters (line breaks, tabs, terminal escape sequences); write ${what} on one line, e.g. ${example}`,
    });
}

/** Text passed to a container (arguments, environment values): line breaks allowed, other control characters not. */
export const containerTextSchema = z
  .string({ error: 'must be a string' })
  .refine((s) => !CONTROL_EXCEPT_BREAKS.test(s), {
    error: 'must not hold control characters other than line breaks and tabs (e.g. terminal escape sequences or NUL)',
  });

/** [start, end] of a CIDR block as integers, and the size of its address space, or undefined. */
function cidrRange(cidr: string): { start: bigint; end: bigint; bits: number } | undefined {
  const [address, prefixText] = cidr.split('/');
  const prefix = Number(prefixText);
  let value: bigint;
  let bits: number;
  if (address.includes(':')) {
    bits = 128;
    const [head, tail] = address.split('::');
    const part = (s: string | undefined) => (s ? s.split(':') : []);
    const h = part(head);
    const t = address.includes('::') ? part(tail) : [];
    if (h.concat(t).some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
    const groups = [...h, ...new Array(8 - h.length - t.length).fill('0'), ...t];
    if (groups.length !== 8) return undefined;
    value = groups.reduce((acc, g) => (acc << 16n) + BigInt(parseInt(g, 16)), 0n);
  } else {
    bits = 32;
    const octets = address.split('.').map(Number);
    if (octets.length !== 4 || octets.some((o) => !Number.isInteger(o) || o < 0 || o > 255)) return undefined;
    value = octets.reduce((acc, o) => (acc << 8n) + BigInt(o), 0n);
  }
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > bits) return undefined;
  const size = 1n << BigInt(bits - prefix);
  const start = (value / size) * size;
  return { start, end: start + size - 1n, bits };
}

/** Whether CIDR blocks together cover every IPv4 or every IPv6 address (like a /0). */
export function cidrsCoverEverything(cidrs: readonly string[]): boolean {
  for (const bits of [32, 128]) {
    const ranges = cidrs
      .map(cidrRange)
      .filter((r): r is NonNullable<typeof r> => r !== undefined && r.bits === bits)
      .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
    let next = 0n;
    for (const r of ranges) {
      if (r.start > next) break;
      if (r.end + 1n > next) next = r.end + 1n;
    }
    if (ranges.length > 0 && next >= 1n << BigInt(bits)) return true;
  }
  return false;
}

const COVERS_EVERYTHING =
  'together cover every address (like a /0 block, which also contains the pod network); give the narrow blocks of the miners, clients or pool';

/** A list of CIDR blocks that must not, together, open to every address. */
export function cidrListSchema(what: string) {
  return z
    .array(cidrSchema, { error: `must be a list of CIDR blocks (${what}), e.g. ["10.50.0.0/16"]` })
    .max(INPUT_LIMITS.maxListLength, { error: `must list at most ${groupThousands(INPUT_LIMITS.maxListLength)} CIDR blocks` })
    // A /0 block is refused on its own; this catches blocks that only together open everything.
    .refine((cidrs) => cidrs.some((c) => typeof c === 'string' && c.endsWith('/0')) || !cidrsCoverEverything(cidrs), { error: COVERS_EVERYTHING });
}

/** Endpoint rules (CIDR and port) that, for one port and protocol, must not open to every address. */
export const cidrRuleListSchema = z
  .array(cidrRuleSchema, { error: 'must be a list of { cidr, port } endpoints, e.g. [{ cidr: "198.51.100.0/24", port: 443 }]' })
  .max(INPUT_LIMITS.maxListLength, { error: `must list at most ${groupThousands(INPUT_LIMITS.maxListLength)} endpoints` })
  .superRefine((rules, ctx) => {
    const byPort = new Map<string, string[]>();
    for (const r of rules) {
      if (typeof r?.cidr !== 'string') continue;
      const key = `${r.protocol ?? 'TCP'}/${r.port}`;
      byPort.set(key, [...(byPort.get(key) ?? []), r.cidr]);
    }
    for (const [key, cidrs] of byPort) {
      if (!cidrs.some((c) => c.endsWith('/0')) && cidrsCoverEverything(cidrs)) ctx.addIssue({ code: 'custom', message: `the blocks for port ${key} ${COVERS_EVERYTHING}` });
    }
  });
