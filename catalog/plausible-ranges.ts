/**
 * The plausible range of each hardware figure, derived from the catalog's models (whose sources
 * are in shared/reference/hardware-catalog.json) with a margin for machines to come. A custom
 * model (defineAsicModel, defineGpuSystem) outside these ranges is refused: it is a typo or a
 * unit mistake (kW for W, PH/s for TH/s), not a machine.
 *
 * | figure | catalog | margin | plausible |
 * |---|---|---|---|
 * | ASIC powerW (per miner) | 3,010 - 11,180 W | / 10, x 10 | 301 - 111,800 W |
 * | ASIC hashrateThs | 140 - 860 TH/s | / 10, x 10 | 14 - 8,600 TH/s |
 * | ASIC efficiencyJTh | 12 - 21.5 J/TH | / 4, x 10 | 3 - 215 J/TH |
 * | GPU system W per GPU | 1,275 - 1,833 W | / 10, x 4 | 127.5 - 7,333 W |
 * | GPUs per server | 8 | x 4 | 1 - 32 |
 * | GPUs per rack | 72 | x 8 | 1 - 576 |
 * | GPU server powerW | 10,200 - 14,500 W | x 5 | up to 72,500 W |
 * | GPU rack powerW | 120,000 - 132,000 W | x 5 | up to 660,000 W |
 *
 * Efficiency gets less room below than above: no machine has come near 3 J/TH, while older
 * machines (around 100 J/TH) are still run. An ASIC's figures must also agree: powerW =
 * hashrateThs x efficiencyJTh within ASIC_CONSISTENCY_TOLERANCE (the catalog's own entries
 * agree within 0.3%; datasheets quote hashrate to +-5%).
 */
import { ASIC_MODELS, GPU_SYSTEMS } from './hardware-catalog';
import { groupDigits } from '../domain/units';

export interface PlausibleRange {
  readonly min: number;
  readonly max: number;
  /** The catalog's own span, for messages. */
  readonly catalogMin: number;
  readonly catalogMax: number;
}

function range(values: readonly number[], below: number, above: number): PlausibleRange {
  const catalogMin = Math.min(...values);
  const catalogMax = Math.max(...values);
  return { min: catalogMin / below, max: catalogMax * above, catalogMin, catalogMax };
}

const asics = Object.values(ASIC_MODELS);
const gpuSystems: readonly { kind: string; powerW: number; gpus: number }[] = Object.values(GPU_SYSTEMS);
const servers = gpuSystems.filter((g) => g.kind === 'gpu-server');
const racks = gpuSystems.filter((g) => g.kind === 'gpu-rack');

/** Figures of an ASIC miner. */
export const ASIC_RANGES = {
  powerW: range(asics.map((m) => m.powerW), 10, 10),
  hashrateThs: range(asics.map((m) => m.hashrateThs), 10, 10),
  efficiencyJTh: range(asics.map((m) => m.efficiencyJTh), 4, 10),
} as const;

/** powerW, hashrateThs and efficiencyJTh of an ASIC may disagree by at most this fraction. */
export const ASIC_CONSISTENCY_TOLERANCE = 0.1;

/** Figures of a GPU server or rack. */
export const GPU_RANGES = {
  wattsPerGpu: range(gpuSystems.map((g) => g.powerW / g.gpus), 10, 4),
  gpus: {
    'gpu-server': { min: 1, max: Math.max(...servers.map((g) => g.gpus)) * 4 },
    'gpu-rack': { min: 1, max: Math.max(...racks.map((g) => g.gpus)) * 8 },
  },
  maxPowerW: {
    'gpu-server': Math.max(...servers.map((g) => g.powerW)) * 5,
    'gpu-rack': Math.max(...racks.map((g) => g.powerW)) * 5,
  },
} as const;

/**
 * A number as the messages show it: up to 4 significant digits, at most 4 decimals (the last one
 * rounded half away from zero), thousands grouped by commas, e.g. 111,800 or 127.5 or 0.0001. The
 * same text on every machine, whatever its locale, without the ICU number formatter (whose first
 * use costs about 20 ms): the text `toLocaleString('en-US', { maximumFractionDigits: 4 })` gives
 * for `Number(n.toPrecision(4))`.
 */
export function showFigure(n: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? 'NaN' : n > 0 ? '∞' : '-∞';
  // |n| = 0.DIGITS x 10^point, DIGITS the 4 significant digits toPrecision writes ("1.235e+6", "0.001234").
  const [mantissa, exponent = '0'] = Math.abs(n).toPrecision(4).split('e');
  const [whole, decimals = ''] = mantissa.split('.');
  const digits = whole + decimals;
  const point = whole.length + Number(exponent);
  // The figure x 10^4, in whole units, rounded at its first dropped digit.
  const keep = point + 4;
  const padded = digits.padEnd(Math.max(keep + 1, 0), '0');
  let scaled = keep > 0 ? BigInt(padded.slice(0, keep)) : 0n;
  if (keep >= 0 && padded[keep] >= '5') scaled += 1n;
  const wholeText = groupDigits(String(scaled / 10_000n));
  const decimalText = String(scaled % 10_000n).padStart(4, '0').replace(/0+$/, '');
  return `${n < 0 ? '-' : ''}${wholeText}${decimalText === '' ? '' : `.${decimalText}`}`;
}
