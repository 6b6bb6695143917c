/**
 * Optional economics: revenue per MW by part class, from explicit inputs. No network access:
 * every figure comes from the campus's inputs, and REFERENCE_ECONOMICS lists dated, sourced
 * values a user may choose to start from.
 *
 * Formulas:
 * - Mining revenue (USD/day) = hashrate (PH/s) x hashprice (USD per PH/s per day). Equivalently,
 *   revenue per MWh of miner power = hashprice / (24 x J/TH / 1000) (domain-notes.md section 6:
 *   at 17 J/TH and $39.53/PH/day, $96.9/MWh).
 * - Mining power cost (USD/day) = the power mining causes (campus load with the pods running minus
 *   with them shed, from the load model: IT, overhead and the cooling that stops with them)
 *   x 24 / 1000 x power price (USD/MWh).
 * - Self-operated AI (USD/day) = GPUs x 24 x GPU-hour price x utilization.
 * - Leased AI (colocation, USD/day) = contracted critical-IT kW (installed IT without a lease)
 *   x USD per kW-month x 12 / 365.
 * Revenue per MW divides a class's revenue by its IT MW.
 */
import type { CampusBudget } from './budget';
import { NO_SHEDDING, alsoShedding, flowTotalKw, loadFlow } from './load-model';
import { podAllocation } from './mining-caps';
import type { BlockLoadModel, GpuHallModel, MiningPodModel } from './model';

export interface MiningEconomicsInputs {
  /** USD per PH/s per day. */
  readonly hashpriceUsdPerPhDay: number;
  /** USD per MWh paid for power. */
  readonly powerPriceUsdPerMwh: number;
}

export interface AiEconomicsInputs {
  /** USD per GPU-hour, for self-operated halls. */
  readonly gpuHourUsd?: number;
  /** Fraction of GPU-hours sold (0-1), with gpuHourUsd. */
  readonly utilization?: number;
  /** USD per kW-month of IT, for halls leased to tenants (and for self-operated halls when no GPU-hour price is given); leased halls earn nothing without it. */
  readonly coloUsdPerKwMonth?: number;
}

export interface EconomicsInputs {
  readonly mining?: MiningEconomicsInputs;
  readonly ai?: AiEconomicsInputs;
}

/**
 * Dated, sourced reference values (shared/reference/domain-notes.md section 6). They move fast;
 * pass your own for decisions.
 */
export const REFERENCE_ECONOMICS = {
  mining: {
    /** Luxor Hashrate Index, 2026-01-12: $39.53 per PH/s per day. */
    hashpriceUsdPerPhDay: 39.53,
    /** Industry median power price, ~$40/MWh (K33 Research, 2022). */
    powerPriceUsdPerMwh: 40,
  },
  ai: {
    /** H100 median on-demand price across 37 providers, ~$2.95 per GPU-hour (AIMultiple GPU index, 2026). */
    gpuHourUsd: 2.95,
    /** Colocation at ~$1.25M per MW-year (low end of $1.25-1.9M), i.e. $104.17 per kW-month (derived). */
    coloUsdPerKwMonth: 104.17,
  },
} as const;

export interface ClassEconomics {
  /** IT power of the class, kW. */
  readonly itKw: number;
  readonly revenueUsdPerDay: number;
  /** Revenue per MW of IT per year. */
  readonly revenueUsdPerMwYear: number | null;
  /** Mining only: power bought for the pods and their cooling. */
  readonly powerCostUsdPerDay?: number;
}

export interface CampusEconomics {
  readonly mining?: ClassEconomics;
  readonly ai?: ClassEconomics;
}

function perMwYear(revenueUsdPerDay: number, itKw: number): number | null {
  return itKw > 0 ? (revenueUsdPerDay * 365) / (itKw / 1000) : null;
}

/** The IT power and hashrate each mining pod runs at in this state (auto pods at their cap). */
export function podFigures(budget: CampusBudget, pod: MiningPodModel): { readonly itKw: number; readonly hashrateThs: number } {
  const allocated = podAllocation(budget.allocation, pod.name);
  return allocated ? { itKw: allocated.powerKw, hashrateThs: allocated.hashrateThs } : { itKw: pod.itKw, hashrateThs: pod.hashrateThs };
}

/** Economics of one state of the campus, for the classes that have inputs. */
export function campusEconomics(budget: CampusBudget, inputs: EconomicsInputs): CampusEconomics {
  const result: { mining?: ClassEconomics; ai?: ClassEconomics } = {};
  if (inputs.mining) {
    // Summed in name order (budget.loads), so that the figures never depend on declaration order.
    const pods = budget.loads.filter((l): l is MiningPodModel => l.kind === 'mining-pod').map((p) => podFigures(budget, p));
    const itKw = pods.reduce((t, p) => t + p.itKw, 0);
    const revenueUsdPerDay = pods.reduce((t, p) => t + (p.hashrateThs / 1000) * inputs.mining!.hashpriceUsdPerPhDay, 0);
    // The power mining causes: the campus's load with every pod running, less its load with every
    // pod shed (their IT, overhead and the cooling that stops with them), from the load model.
    const { campus, loads, powerKw } = budget;
    const withoutMining = loadFlow(campus, loads, (l) => powerKw.get(l.name) ?? 0, alsoShedding(NO_SHEDDING, 'mining', (l) => l.kind === 'mining-pod'));
    const miningKw = flowTotalKw(budget.flows.normal) - flowTotalKw(withoutMining);
    result.mining = {
      itKw,
      revenueUsdPerDay,
      revenueUsdPerMwYear: perMwYear(revenueUsdPerDay, itKw),
      powerCostUsdPerDay: ((miningKw * 24) / 1000) * inputs.mining.powerPriceUsdPerMwh,
    };
  }
  if (inputs.ai) {
    const ai = inputs.ai;
    const halls = budget.loads.filter((l): l is GpuHallModel => l.kind === 'gpu-hall');
    const blocks = budget.loads.filter((l): l is BlockLoadModel => l.kind === 'block-load' && l.lease !== undefined);
    // A leased block counts for its contracted critical IT (a gross block's IT is not known).
    const itKw = halls.reduce((t, h) => t + h.itKw, 0) + blocks.reduce((t, b) => t + b.lease!.contractedItKw, 0);
    // Self-operated halls sell GPU-hours (or, without a GPU-hour price, are valued at colocation
    // rent); leased halls and leased blocks earn colocation rent only, on the contracted critical
    // IT when there is a lease, and nothing without a colocation price.
    const rent = (kw: number) => (ai.coloUsdPerKwMonth !== undefined ? (kw * ai.coloUsdPerKwMonth * 12) / 365 : 0);
    const revenueUsdPerDay =
      halls.reduce((t, h) => {
        const gpuHour = ai.gpuHourUsd !== undefined && ai.utilization !== undefined;
        if (h.operator.kind === 'self' && gpuHour) return t + h.gpus * 24 * ai.gpuHourUsd! * ai.utilization!;
        return t + rent(h.lease?.contractedItKw ?? h.itKw);
      }, 0) + blocks.reduce((t, b) => t + rent(b.lease!.contractedItKw), 0);
    result.ai = { itKw, revenueUsdPerDay, revenueUsdPerMwYear: perMwYear(revenueUsdPerDay, itKw) };
  }
  return result;
}
