/**
 * Hardware models: ASIC miners and GPU systems, and the typed way to add your own.
 *
 * A model states its rated power, what cooling it needs and where its figures come from.
 * Built-in models are in hardware-catalog.ts; `defineAsicModel` and `defineGpuSystem` check a
 * user's model with zod and return it frozen, ready to pass to a MiningPod or GpuHall.
 */
import { z } from 'zod';
import { CampusConfigError, showSubject, showValue } from '../domain/config-error';
import { checkBounds, parseInput, textSchema } from '../constructs/props';
import { ASIC_CONSISTENCY_TOLERANCE, ASIC_RANGES, GPU_RANGES, showFigure, type PlausibleRange } from './plausible-ranges';

/** Where a model's figures come from. */
export interface HardwareSource {
  /** URL(s) or document the figures were taken from. */
  readonly citation: string;
  /** How reliable that source is, e.g. "vendor doc" or "reseller/blog". */
  readonly quality: string;
  /** Figures computed from the others rather than quoted, e.g. ["powerW"]. */
  readonly derivedFields?: readonly string[];
  readonly notes?: string;
}

export interface AsicModel {
  readonly kind: 'asic';
  /** Stable id, lower-case DNS-1123, e.g. "bitmain-antminer-s21-xp". */
  readonly id: string;
  readonly vendor: string;
  readonly model: string;
  /** Rated wall power per miner, in W. */
  readonly powerW: number;
  readonly hashrateThs: number;
  readonly efficiencyJTh: number;
  /** Air-cooled, hydro (water cold plates) or immersion. */
  readonly cooling: 'air' | 'hydro' | 'immersion';
  /**
   * The per-miner power range the firmware can run at (under- or overclocking), W. Used as the
   * default range of power-capped pods. None of the built-in entries has one: no source gives it.
   */
  readonly powerRangeW?: { readonly minW: number; readonly maxW: number };
  readonly source: HardwareSource;
}

export interface GpuSystem {
  /** A server (e.g. DGX B200) or a whole rack (e.g. GB300 NVL72). */
  readonly kind: 'gpu-server' | 'gpu-rack';
  readonly id: string;
  readonly vendor: string;
  readonly model: string;
  /** Maximum power per system, in W. */
  readonly powerW: number;
  /** GPUs per system. */
  readonly gpus: number;
  /**
   * GPUs per node (the machine a pod runs on): a server's own GPUs, or a rack's compute tray
   * (4 in an NVL72 rack). A pod cannot ask for more.
   * @default for a server, `gpus`; for a rack, unknown (pods are not checked)
   */
  readonly gpusPerNode?: number;
  /** "unspecified" when the source does not say; such systems may use air, chiller or direct-to-chip cooling. */
  readonly cooling: 'air' | 'direct-to-chip' | 'unspecified';
  readonly source: HardwareSource;
}

export type HardwareModel = AsicModel | GpuSystem;

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Fields a source may say were computed from the others. */
const MODEL_FIELDS = ['powerW', 'hashrateThs', 'efficiencyJTh', 'gpus', 'gpusPerNode', 'cooling', 'powerRangeW'] as const;

const sourceSchema = z.strictObject(
  {
    citation: textSchema('the URL or document the figures come from', '"Acme X1 datasheet rev 2"').trim().min(1, { error: 'give the URL or document the figures come from' }),
    quality: textSchema('how reliable the source is', '"vendor datasheet"').trim().min(1, { error: 'say how reliable the source is, e.g. "vendor datasheet"' }),
    derivedFields: z
      .array(z.enum(MODEL_FIELDS, { error: `must name a figure of the model: ${MODEL_FIELDS.join(', ')}` }), { error: 'must be a list of field names, e.g. ["efficiencyJTh"]' })
      .optional(),
    notes: textSchema('notes', '"measured at 25 C"').optional(),
  },
  { error: 'must be an object { citation, quality }, e.g. { citation: "Acme X1 datasheet rev 2", quality: "vendor datasheet" }' },
);

const idSchema = z
  .string({ error: 'must be a string: a lower-case DNS-1123 label, e.g. "acme-x1"' })
  .max(63, { error: 'must be at most 63 characters' })
  .regex(DNS_LABEL, { error: 'must be lower-case letters, digits and "-", starting and ending with a letter or digit' })
  .refine((id) => !(id in Object.prototype), { error: 'is a name every JavaScript object already has; pick another id, e.g. "acme-x1"' });

const positive = (what: string) =>
  z.number({ error: `must be a number (${what})` }).positive({ error: `must be greater than 0 (${what})` }).finite({ error: 'must be finite' });

/** A figure within its plausible range (see plausible-ranges.ts). */
const plausible = (what: string, unit: string, r: PlausibleRange, machine: string) =>
  positive(`${what}, in ${unit}`).refine((n) => !(n > 0) || (n >= r.min && n <= r.max), {
    error:
      `is outside the plausible range for ${machine}, ${showFigure(r.min)} to ${showFigure(r.max)} ${unit} ` +
      `(the catalog's models span ${showFigure(r.catalogMin)}-${showFigure(r.catalogMax)} ${unit}); check the figure and its unit (${what})`,
  });

const vendorSchema = textSchema('the maker', '"Acme"').min(1, { error: 'must not be empty, e.g. "Acme"' });
const modelNameSchema = textSchema('the model name', '"X1"').min(1, { error: 'must not be empty, e.g. "X1"' });

export const asicModelSchema = z.strictObject({
  kind: z.literal('asic', { error: 'must be "asic"' }),
  id: idSchema,
  vendor: vendorSchema,
  model: modelNameSchema,
  powerW: plausible('rated wall power per miner', 'W', ASIC_RANGES.powerW, 'an ASIC miner'),
  hashrateThs: plausible('hashrate per miner', 'TH/s', ASIC_RANGES.hashrateThs, 'an ASIC miner'),
  efficiencyJTh: plausible('efficiency', 'J/TH', ASIC_RANGES.efficiencyJTh, 'an ASIC miner'),
  cooling: z.enum(['air', 'hydro', 'immersion'], { error: 'must be "air", "hydro" or "immersion"' }),
  powerRangeW: z
    .strictObject(
      { minW: positive('lowest per-miner power, W'), maxW: positive('highest per-miner power, W') },
      { error: 'must be { minW, maxW } in W, e.g. { minW: 2600, maxW: 3600 }' },
    )
    .refine((r) => r.minW <= r.maxW, { error: 'minW must be at most maxW' })
    .optional(),
  source: sourceSchema,
}).superRefine((m, ctx) => {
  if (m.powerRangeW && m.powerRangeW.maxW > m.powerW) {
    ctx.addIssue({ code: 'custom', path: ['powerRangeW', 'maxW'], message: `must be at most the rated powerW (${m.powerW} W)` });
  }
  if (m.powerRangeW && m.powerRangeW.minW < ASIC_RANGES.powerW.min) {
    ctx.addIssue({ code: 'custom', path: ['powerRangeW', 'minW'], message: `must be at least ${showFigure(ASIC_RANGES.powerW.min)} W, the lowest plausible power of an ASIC miner` });
  }
  // Only when the three figures are each plausible (refinements run after continuable failures).
  const inRange = (n: number, r: PlausibleRange) => Number.isFinite(n) && n >= r.min && n <= r.max;
  if (inRange(m.powerW, ASIC_RANGES.powerW) && inRange(m.hashrateThs, ASIC_RANGES.hashrateThs) && inRange(m.efficiencyJTh, ASIC_RANGES.efficiencyJTh)) {
    const implied = m.powerW / m.hashrateThs;
    if (Math.abs(m.hashrateThs * m.efficiencyJTh - m.powerW) > ASIC_CONSISTENCY_TOLERANCE * m.powerW) {
      ctx.addIssue({
        code: 'custom',
        path: ['efficiencyJTh'],
        message:
          `disagrees with powerW / hashrateThs = ${showFigure(m.powerW)} W / ${showFigure(m.hashrateThs)} TH/s = ${showFigure(implied)} J/TH ` +
          `by more than ${ASIC_CONSISTENCY_TOLERANCE * 100}%; check the three figures (powerW = hashrateThs x efficiencyJTh)`,
      });
    }
  }
});

export const gpuSystemSchema = z.strictObject({
  kind: z.enum(['gpu-server', 'gpu-rack'], { error: 'must be "gpu-server" or "gpu-rack"' }),
  id: idSchema,
  vendor: vendorSchema,
  model: modelNameSchema,
  powerW: positive('maximum power per system, in W'),
  gpus: z.int({ error: 'must be a whole number' }).positive({ error: 'must be at least 1' }),
  gpusPerNode: z.int({ error: 'must be a whole number (GPUs per node)' }).positive({ error: 'must be at least 1' }).optional(),
  cooling: z.enum(['air', 'direct-to-chip', 'unspecified'], { error: 'must be "air", "direct-to-chip" or "unspecified"' }),
  source: sourceSchema,
}).superRefine((g, ctx) => {
  const kind = g.kind === 'gpu-rack' ? 'gpu-rack' : 'gpu-server';
  const machine = kind === 'gpu-rack' ? 'a GPU rack' : 'a GPU server';
  const gpus = GPU_RANGES.gpus[kind];
  if (Number.isInteger(g.gpus) && g.gpus > gpus.max) {
    ctx.addIssue({ code: 'custom', path: ['gpus'], message: `is more than the ${gpus.max} GPUs plausible for ${machine} (the catalog's largest has ${gpus.max / (kind === 'gpu-rack' ? 8 : 4)}); check the figure` });
    return;
  }
  if (g.gpusPerNode !== undefined && Number.isInteger(g.gpus) && (g.gpusPerNode > g.gpus || g.gpus % g.gpusPerNode !== 0)) {
    ctx.addIssue({ code: 'custom', path: ['gpusPerNode'], message: `must divide gpus (${g.gpus}): a system holds whole nodes` });
  }
  if (!(Number.isFinite(g.powerW) && g.powerW > 0 && Number.isInteger(g.gpus) && g.gpus > 0)) return;
  const perGpu = GPU_RANGES.wattsPerGpu;
  const max = Math.min(GPU_RANGES.maxPowerW[kind], perGpu.max * g.gpus);
  const min = perGpu.min * g.gpus;
  if (g.powerW < min || g.powerW > max) {
    ctx.addIssue({
      code: 'custom',
      path: ['powerW'],
      message:
        `is outside the plausible range for ${machine} with ${g.gpus} GPUs, ${showFigure(min)} to ${showFigure(max)} W ` +
        `(${showFigure(perGpu.min)}-${showFigure(perGpu.max)} W per GPU; the catalog's systems draw ${showFigure(perGpu.catalogMin)}-${showFigure(perGpu.catalogMax)} W per GPU); check the figure and its unit (W per system)`,
    });
  }
});

/** The subject of a hardware model's messages: its id when it has a usable one. */
function subjectOf(model: unknown): string {
  let id: unknown;
  try {
    id = typeof model === 'object' && model !== null ? (model as { id?: unknown }).id : undefined;
  } catch {
    id = undefined;
  }
  // Raw: the messages escape their subject once (showSubject), so it is not escaped here.
  return `hardware model ${typeof id === 'string' && id !== '' ? id.slice(0, 63) : '(no id)'}`;
}

function requireObject(subject: string, model: unknown, fields: string): void {
  checkBounds(subject, model);
  if (typeof model !== 'object' || model === null || Array.isArray(model)) {
    throw new CampusConfigError(`[${showSubject(subject)}] invalid property: (model) = ${showValue(model)}: must be an object { ${fields} }`);
  }
}

/** Checks and freezes a user-defined ASIC model. Throws a CampusConfigError naming the bad field. */
export function defineAsicModel(model: Omit<AsicModel, 'kind'> & { readonly kind?: 'asic' }): AsicModel {
  const subject = subjectOf(model);
  requireObject(subject, model, 'id, vendor, model, powerW, hashrateThs, efficiencyJTh, cooling, source');
  return Object.freeze(parseInput(subject, asicModelSchema, { kind: 'asic' as const, ...model }) as AsicModel);
}

/** Checks and freezes a user-defined GPU server or rack. Throws a CampusConfigError naming the bad field. */
export function defineGpuSystem(model: GpuSystem): GpuSystem {
  const subject = subjectOf(model);
  requireObject(subject, model, 'kind, id, vendor, model, powerW, gpus, cooling, source');
  return Object.freeze(parseInput(subject, gpuSystemSchema, model) as GpuSystem);
}
