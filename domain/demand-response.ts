/**
 * Demand response: a commitment is a reduction of grid import that must be delivered within a
 * response time (shared/reference/domain-notes.md section 5; ercot-large-loads.md).
 *
 * What a response time can deliver comes from the load model (load-model.ts): the campus with
 * the interruptible loads that curtail within that time shed, against the campus in normal
 * operation. So shedding a load counts only by what it takes off the grid: not the load a bus's
 * own generation was covering, not a fixed cooling draw that keeps running for a load that
 * stays on, and with the PUE or COP cooling that stops with it.
 *
 * Commitments in force at the same time must be met together: the ones that respond within a
 * time t are all served by the loads that curtail within t, so for each commitment the check
 * adds the commitments that respond as fast or faster. Commitments that share an
 * `exclusiveGroup` are never called together, so only the largest of each other group counts.
 */
import { NO_SHEDDING, demandResponseShedding, loadFlow, siteImportKw, type CampusLoad, type Shedding } from './load-model';
import type { CampusModel, DemandResponseCommitment } from './model';
import { NORMAL_SCENARIO, generationIn } from './scenarios';
import { monthsCovered } from './timeline';

/** What a demand-response figure is computed from: the campus, its loads and what each draws when it runs. */
export interface LoadState {
  readonly campus: CampusModel;
  readonly loads: readonly CampusLoad[];
  readonly powerKw: ReadonlyMap<string, number>;
}

/** Months (1-12) a commitment applies in: does it cover one of `months`? */
export function inSeason(commitment: DemandResponseCommitment, months: ReadonlySet<number>): boolean {
  const season = commitment.season;
  if (!season) return true;
  for (const m of months) {
    const inside =
      season.fromMonth <= season.toMonth ? m >= season.fromMonth && m <= season.toMonth : m >= season.fromMonth || m <= season.toMonth;
    if (inside) return true;
  }
  return false;
}

/**
 * The commitments in force in the state a campus model describes (those whose season covers one
 * of its months), in a stable order: program, response time, MW, group, then the rest.
 */
export function commitmentsInForce(campus: CampusModel): DemandResponseCommitment[] {
  if ((campus.commitments ?? []).length === 0) return [];
  const months = campus.period ? monthsCovered(campus.period) : monthsCovered({ label: '' });
  return (campus.commitments ?? [])
    .filter((c) => inSeason(c, months))
    .sort((a, b) => {
      const key = (c: DemandResponseCommitment) => JSON.stringify([c.program, c.responseTimeS, c.sheddableKw, c.exclusiveGroup ?? '', c.season ?? null, c.window ?? '', c.inService ?? '', c.retire ?? '']);
      return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
    });
}

/** Grid import in normal operation and with the given shedding, from the load model. */
function importKw(state: LoadState, shedding: Shedding): number {
  const { campus, loads, powerKw } = state;
  return siteImportKw(loadFlow(campus, loads, (l: CampusLoad) => powerKw.get(l.name) ?? 0, shedding), generationIn(campus, NORMAL_SCENARIO));
}

/**
 * How much grid import falls when every interruptible load that curtails within `responseTimeS`
 * is shed, kW. `normalImportKw` saves the normal flow when the caller already has it.
 */
export function importReductionKw(state: LoadState, responseTimeS: number, normalImportKw = importKw(state, NO_SHEDDING)): number {
  return Math.max(0, normalImportKw - importKw(state, demandResponseShedding(responseTimeS)));
}

/** A commitment and those that may be called at the same time and respond as fast or faster. */
export interface CommitmentDemand {
  readonly commitment: DemandResponseCommitment;
  /** The others counted with it, with the MW each needs. */
  readonly together: readonly DemandResponseCommitment[];
  /** Its MW plus theirs, kW. */
  readonly neededKw: number;
  /** What the loads that curtail within its response time can take off the grid, kW. */
  readonly availableKw: number;
}

/** For each commitment (in the order given), what must be shed together within its response time. */
export function commitmentDemands(state: LoadState, commitments: readonly DemandResponseCommitment[]): CommitmentDemand[] {
  const reduction = new Map<number, number>();
  let normalImportKw: number | undefined;
  const availableAt = (t: number) => {
    let r = reduction.get(t);
    if (r === undefined) reduction.set(t, (r = importReductionKw(state, t, (normalImportKw ??= importKw(state, NO_SHEDDING)))));
    return r;
  };
  return commitments.map((c) => {
    const together = calledTogether(c, commitments);
    return { commitment: c, together, neededKw: neededKw(c, together), availableKw: availableAt(c.responseTimeS) };
  });
}

/**
 * The commitments that may be called at the same time as `c` (all of `inForce`), sorted by
 * program: every one that responds as fast or faster, except that of an exclusive group other
 * than c's only the largest counts (its members are never called together), and c's own group
 * not at all.
 */
export function calledTogether(c: DemandResponseCommitment, inForce: readonly DemandResponseCommitment[]): DemandResponseCommitment[] {
  const faster = inForce.filter((o) => o !== c && o.responseTimeS <= c.responseTimeS);
  const together: DemandResponseCommitment[] = faster.filter((o) => o.exclusiveGroup === undefined);
  const groups = new Map<string, DemandResponseCommitment>();
  for (const o of faster) {
    if (o.exclusiveGroup === undefined || o.exclusiveGroup === c.exclusiveGroup) continue;
    const largest = groups.get(o.exclusiveGroup);
    if (!largest || o.sheddableKw > largest.sheddableKw || (o.sheddableKw === largest.sheddableKw && o.program < largest.program)) groups.set(o.exclusiveGroup, o);
  }
  together.push(...groups.values());
  return together.sort((a, b) => (a.program < b.program ? -1 : a.program > b.program ? 1 : 0));
}

/** The reduction of grid import `c` needs when called with `together`: the MW of all of them added. */
export function neededKw(c: DemandResponseCommitment, together: readonly DemandResponseCommitment[]): number {
  return c.sheddableKw + together.reduce((t, o) => t + o.sheddableKw, 0);
}
