/**
 * What a budget check is and what it returns.
 *
 * A check is a small pure function over the computed budget (in the style of cdk-nag rules):
 * one file per check, each returning a result for every subject it judges, passing or not, so
 * that reports and diffs can tell a check that newly passes apart from one never run.
 */
import type { CampusBudget } from '../budget';
import { fitsWithin, formatPercent } from '../units';

export type CheckStatus = 'pass' | 'warn' | 'fail';

export interface CheckResult {
  /** The check's id, e.g. "bus-normal-capacity". */
  readonly check: string;
  readonly status: CheckStatus;
  /** Name of the part judged (bus, cooling system, load) or the campus for site checks. */
  readonly subject: string;
  /** Construct path of that part, so messages point at the code that declared it. */
  readonly path: string;
  /** "normal" or "contingency" for scenario checks. */
  readonly scenario?: string;
  /**
   * The state of the timeline the result is about, e.g. "from 2027-01"; absent for a campus
   * without dates.
   */
  readonly date?: string;
  /** One sentence for people: what was found, the numbers with units and, if not passing, what to change. */
  readonly message: string;
}

export interface BudgetCheck {
  readonly id: string;
  /** What the check asserts, for documentation and reports. */
  readonly description: string;
  readonly run: (budget: CampusBudget) => CheckResult[];
}

/** pass / warn / fail for a load against a capacity and a warning threshold. */
export function utilizationStatus(utilization: number, warnUtilization: number, fits: boolean): CheckStatus {
  if (!fits) return 'fail';
  return utilization > warnUtilization ? 'warn' : 'pass';
}

export interface CapacityJudgement {
  readonly loadKw: number;
  readonly capacityKw: number;
  readonly utilization: number;
  readonly warnUtilization: number;
  /** Formats a power figure for this check's messages (MW for buses, kW or MW for cooling). */
  readonly format: (kw: number) => string;
  /** The sentence's start, e.g. "normal operation: bus 'a' load 1.000 MW". */
  readonly level: string;
  /** What the load is measured against, e.g. "its usable capacity". */
  readonly capacityLabel: string;
  /** The sentence for a failure: what is over, by how much, and what to change. */
  readonly failure: (overKw: number) => string;
  /**
   * Load of auto-capped mining in `loadKw`: sized to fill the headroom, so a check is not a
   * warning when only that load takes it above the threshold.
   */
  readonly autoMiningKw?: number;
}

/** Judges a load against a capacity: fail above 100%, warn above the threshold, pass otherwise. */
export function judgeCapacity(
  base: Omit<CheckResult, 'status' | 'message'>,
  j: CapacityJudgement,
): CheckResult {
  const fits = fitsWithin(j.loadKw, j.capacityKw);
  const autoKw = j.autoMiningKw ?? 0;
  const firmUtilization = j.capacityKw > 0 ? (j.loadKw - autoKw) / j.capacityKw : j.utilization;
  let status = utilizationStatus(j.utilization, j.warnUtilization, fits);
  const filledByMining = status === 'warn' && autoKw > 0 && firmUtilization <= j.warnUtilization;
  if (filledByMining) status = 'pass';
  const headroomKw = j.capacityKw - j.loadKw;
  if (status === 'fail') return { ...base, status, message: j.failure(-headroomKw) };
  const level =
    `${j.level} is ${formatPercent(j.utilization)} of ${j.capacityLabel} ${j.format(j.capacityKw)}` +
    (filledByMining ? `, of which auto-capped mining fills ${j.format(autoKw)} by design` : '');
  const message =
    status === 'warn'
      ? `${level}, above the ${formatPercent(j.warnUtilization)} warning threshold; headroom ${j.format(headroomKw)}.`
      : `${level}; headroom ${j.format(headroomKw)}.`;
  return { ...base, status, message };
}
