/**
 * The figures the ERCOT large-load rules judge, read from one state's budget: the results of the
 * one load model (domain/load-model.ts), never derived again here.
 *
 * Definitions (shared/reference/ercot-large-loads.md gives the rules; these say how the campus
 * model answers them):
 * - **Site demand** and **peak load** are the same figure: the load model's total site load in
 *   normal operation (`budget.site.totalLoadKw`: every load running, with its cooling and
 *   facility overhead), before on-site generation offsets it. Normal operation sheds nothing, so
 *   no scenario of a state draws more. ERCOT's Large Load is the site's load, not its grid
 *   import: load behind on-site generation counts (co-located loads are Large Loads too).
 * - **Power-electronic computational load** is the IT of mining pods, GPU halls and blocks stated
 *   as IT ("critical IT" of a leased hall): the firm and interruptible IT of the normal flow.
 *   Their cooling and overhead are not computational load (an assumption: ERCOT's definition names
 *   the computational load, not the plant that serves it). A block stated as gross power is not
 *   counted: the model does not say what share of it is IT, so TXLL-3 reports it when it could
 *   decide the 50% share (`grossBlocks`).
 * - **On-site generation** is the usable capacity (rating x max utilization) of the feeds with
 *   source `onsite-generation` in service, summed over the site ("in the aggregate", SB 6): what
 *   it can serve, wherever it is connected. The load model never exports it (it offsets at most
 *   its bus's load), so it is backup generation that cannot export.
 * - **Interruptible load** is what the load model sheds in a contingency (every interruptible
 *   pod, hall, block and auxiliary load, with the cooling and overhead that stop with it): normal
 *   total minus contingency total.
 * Thresholds compare with the engine's float tolerance (EPSILON_KW): exactly 75 MW is a Large Load.
 */
import type { CampusBudget } from '../../domain/budget';
import { flowTotalKw } from '../../domain/load-model';
import { EPSILON_KW, mwToKw } from '../../domain/units';
import { andList } from './findings';

/** A Large Load: 75 MW or more at one site (ERCOT NPRR1234 / PGRR115; Texas SB 6 uses the same threshold). */
export const LARGE_LOAD_KW = mwToKw(75);
/** Information and modelling data are required from 25 MW (NPRR1234 / PGRR115). */
export const DATA_SUBMISSION_KW = mwToKw(25);
/** A Large Electronic Load: 50% or more of site demand is power-electronic computational load (NOGRR282 / NPRR1308). */
export const LARGE_ELECTRONIC_LOAD_SHARE = 0.5;
/** Ride-through requirements do not apply to a site whose energization was approved on or before this day (NOGRR282 / NPRR1308). */
export const RIDE_THROUGH_APPROVAL_CUTOFF = '2025-11-14';
/** Backup generation that can serve at least 50% of on-site demand must be disclosed (SB 6). */
export const BACKUP_GENERATION_SHARE = 0.5;
/** A transmission-voltage load interconnected after this day must be curtailable in firm load shed (SB 6). */
export const FIRM_LOAD_SHED_AFTER = '2025-12-31';
/** The 4CP months: one coincident peak interval in each of June, July, August and September (domain-notes.md, 4CP). */
export const FOUR_CP_MONTHS: readonly number[] = [6, 7, 8, 9];

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "June, July and August" (English names from a fixed list, never the machine's locale). */
export function monthNames(months: readonly number[]): string {
  return andList([...months].sort((a, b) => a - b).map((m) => MONTH_NAMES[m - 1]));
}

/** `value` is at least `threshold`, allowing for float noise (so exactly at the threshold counts). */
export function atLeast(value: number, threshold: number): boolean {
  return value + EPSILON_KW >= threshold;
}

/** Site demand (and peak load) of a state, kW: total load in normal operation, before generation offsets. */
export function siteDemandKw(budget: CampusBudget): number {
  return budget.site.totalLoadKw;
}

/** Power-electronic computational load of a state, kW: IT of pods, halls and IT blocks in normal operation. */
export function computationalKw(budget: CampusBudget): number {
  let total = 0;
  for (const bus of budget.flows.normal.buses.values()) total += bus.firmItKw + bus.interruptibleItKw;
  return total;
}

/** A block load stated as gross power, in service at a state, and what it draws, kW. */
export interface GrossBlock {
  readonly name: string;
  readonly powerKw: number;
}

/** The gross-basis block loads of a state that draw power, sorted by name (budget.loads is). */
export function grossBlocks(budget: CampusBudget): GrossBlock[] {
  return budget.loads
    .filter((l) => l.kind === 'block-load' && l.basis === 'gross')
    .map((l) => ({ name: l.name, powerKw: budget.powerKw.get(l.name) ?? 0 }))
    .filter((b) => b.powerKw > EPSILON_KW);
}

/** Usable on-site generation in service, kW, summed over the buses. */
export function onsiteGenerationKw(budget: CampusBudget): number {
  return budget.buses.reduce((total, bus) => total + bus.generationUsableKw, 0);
}

/** Load the load model sheds in a contingency, kW: normal total minus contingency total. */
export function interruptibleKw(budget: CampusBudget): number {
  return Math.max(0, flowTotalKw(budget.flows.normal) - flowTotalKw(budget.flows.contingency));
}

/** Whether the state is a Large Load (site demand at least 75 MW). */
export function isLargeLoad(budget: CampusBudget): boolean {
  return atLeast(siteDemandKw(budget), LARGE_LOAD_KW);
}
