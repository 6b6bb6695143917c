/**
 * Shared zod pieces for construct props, and the one place props are parsed.
 */
import type { IConstruct } from 'constructs';
import { z } from 'zod';
import { CampusConfigError, configErrorFromZod } from '../domain/config-error';
import { imagePinProblem } from './kubernetes-values';
import { MONTH_PATTERN } from '../domain/timeline';

/** DNS-1123 label, as Kubernetes requires for namespace and most object names. */
export const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export const kubernetesNameSchema = z
  .string()
  .max(63, { error: 'must be at most 63 characters (a Kubernetes DNS-1123 label)' })
  .regex(DNS_1123_LABEL, {
    error: 'must be a Kubernetes DNS-1123 label: lower-case letters, digits and "-", starting and ending with a letter or digit',
  });

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
  return z.int({ error: `must be a whole number (${what})` }).positive({ error: `must be at least 1 (${what})` });
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

/** The optional service dates every part can carry (see domain/timeline.ts). */
export const serviceDates = {
  inService: monthSchema.optional(),
  retire: monthSchema.optional(),
};

/** Refinement: a part retires after it comes into service. */
export function checkServiceDates(value: { inService?: string; retire?: string }, ctx: z.RefinementCtx): void {
  if (value.inService !== undefined && value.retire !== undefined && value.retire <= value.inService) {
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
  const idCheck = kubernetesNameSchema.safeParse(id);
  if (!idCheck.success) {
    throw configErrorFromZod(subject, { id }, new z.ZodError(idCheck.error.issues.map((i) => ({ ...i, path: ['id'] }))));
  }
  return id;
}

/**
 * A hardware model of the expected kind. A model of the wrong kind, or a hand-made object that
 * is not a valid model, is refused with a pointer to the catalog and to the define function,
 * which reports the exact bad field.
 */
export function hardwareOf<T>(
  schema: z.ZodType<T>,
  wanted: { readonly kinds: readonly string[]; readonly label: string; readonly catalog: string; readonly define: string },
) {
  return z.unknown().transform((value, ctx) => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    const { kind, id } = (typeof value === 'object' && value !== null ? value : {}) as { kind?: unknown; id?: unknown };
    const wrongKind = typeof kind === 'string' && !wanted.kinds.includes(kind);
    ctx.addIssue({
      code: 'custom',
      message: wrongKind
        ? `is a model of kind "${kind}" ('${String(id)}'), but ${wanted.label} is needed: pick one from ${wanted.catalog} or build one with ${wanted.define}()`
        : `is not a valid hardware model; ${wanted.label} is needed: pick one from ${wanted.catalog}, or build it with ${wanted.define}(), which names the bad field`,
    });
    return z.NEVER;
  });
}

/**
 * Parses a construct's props and its id (checked as a Kubernetes name). Throws a
 * CampusConfigError that names the construct path, the field, the value and the rule.
 */
export function parseProps<S extends z.ZodType>(scope: IConstruct, schema: S, props: unknown): z.infer<S> {
  checkId(scope.node.path, scope.node.id);
  const parsed = schema.safeParse(props ?? {});
  if (!parsed.success) throw configErrorFromZod(scope.node.path, props ?? {}, parsed.error);
  return parsed.data;
}

/** A container image pinned to a tag other than `latest`, or to a digest (see imagePinProblem). */
export const pinnedImageSchema = z.string({ error: 'must be a string, e.g. "ghcr.io/acme/proxy:1.4.2"' }).superRefine((image, ctx) => {
  const problem = imagePinProblem(image);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

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
export const argsSchema = z.array(z.string({ error: 'must be a string' }), { error: 'must be a list of strings' });

/** Environment variables by name (plain values; secrets never go here). */
export const envSchema = z.record(
  z.string().regex(/^[-._a-zA-Z][-._a-zA-Z0-9]*$/, { error: 'must be an environment variable name: letters, digits, "_", "-" or ".", not starting with a digit' }),
  z.string({ error: 'must be a string' }),
  { error: 'must be an object of NAME: "value" strings' },
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
