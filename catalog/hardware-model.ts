/**
 * Hardware models: ASIC miners and GPU systems, and the typed way to add your own.
 *
 * A model states its rated power, what cooling it needs and where its figures come from.
 * Built-in models are in hardware-catalog.ts; `defineAsicModel` and `defineGpuSystem` check a
 * user's model with zod and return it frozen, ready to pass to a MiningPod or GpuHall.
 */
import { z } from 'zod';
import { configErrorFromZod } from '../domain/config-error';

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
  /** "unspecified" when the source does not say; such systems may use air, chiller or direct-to-chip cooling. */
  readonly cooling: 'air' | 'direct-to-chip' | 'unspecified';
  readonly source: HardwareSource;
}

export type HardwareModel = AsicModel | GpuSystem;

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

const sourceSchema = z.object({
  citation: z.string().trim().min(1, { error: 'give the URL or document the figures come from' }),
  quality: z.string().trim().min(1, { error: 'say how reliable the source is, e.g. "vendor datasheet"' }),
  derivedFields: z.array(z.string()).optional(),
  notes: z.string().optional(),
});

const idSchema = z
  .string()
  .max(63, { error: 'must be at most 63 characters' })
  .regex(DNS_LABEL, { error: 'must be lower-case letters, digits and "-", starting and ending with a letter or digit' });

const positive = (what: string) =>
  z.number({ error: `must be a number (${what})` }).positive({ error: `must be greater than 0 (${what})` }).finite({ error: 'must be finite' });

export const asicModelSchema = z.strictObject({
  kind: z.literal('asic'),
  id: idSchema,
  vendor: z.string().min(1),
  model: z.string().min(1),
  powerW: positive('rated wall power per miner, in W'),
  hashrateThs: positive('hashrate per miner, in TH/s'),
  efficiencyJTh: positive('J/TH'),
  cooling: z.enum(['air', 'hydro', 'immersion'], { error: 'must be "air", "hydro" or "immersion"' }),
  powerRangeW: z
    .strictObject({ minW: positive('lowest per-miner power, W'), maxW: positive('highest per-miner power, W') })
    .refine((r) => r.minW <= r.maxW, { error: 'minW must be at most maxW' })
    .optional(),
  source: sourceSchema,
}).superRefine((m, ctx) => {
  if (m.powerRangeW && m.powerRangeW.maxW > m.powerW) {
    ctx.addIssue({ code: 'custom', path: ['powerRangeW', 'maxW'], message: `must be at most the rated powerW (${m.powerW} W)` });
  }
});

export const gpuSystemSchema = z.strictObject({
  kind: z.enum(['gpu-server', 'gpu-rack'], { error: 'must be "gpu-server" or "gpu-rack"' }),
  id: idSchema,
  vendor: z.string().min(1),
  model: z.string().min(1),
  powerW: positive('maximum power per system, in W'),
  gpus: z.int({ error: 'must be a whole number' }).positive({ error: 'must be at least 1' }),
  cooling: z.enum(['air', 'direct-to-chip', 'unspecified'], { error: 'must be "air", "direct-to-chip" or "unspecified"' }),
  source: sourceSchema,
});

/** Checks and freezes a user-defined ASIC model. Throws a CampusConfigError naming the bad field. */
export function defineAsicModel(model: Omit<AsicModel, 'kind'> & { readonly kind?: 'asic' }): AsicModel {
  const input = { kind: 'asic' as const, ...model };
  const parsed = asicModelSchema.safeParse(input);
  if (!parsed.success) throw configErrorFromZod(`hardware model ${String(model?.id ?? '(no id)')}`, input, parsed.error);
  return Object.freeze(parsed.data);
}

/** Checks and freezes a user-defined GPU server or rack. Throws a CampusConfigError naming the bad field. */
export function defineGpuSystem(model: GpuSystem): GpuSystem {
  const parsed = gpuSystemSchema.safeParse(model);
  if (!parsed.success) throw configErrorFromZod(`hardware model ${String(model?.id ?? '(no id)')}`, model, parsed.error);
  return Object.freeze(parsed.data);
}
