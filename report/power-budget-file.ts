/**
 * The `power-budget.json` document written beside each stack's cdk.tf.json.
 *
 * Format "hybrid-campus/power-budget", version 3. Version 3 (portfolio scale, issue 12) stores
 * what repeats once; a reader rebuilds every state (report/budget-timeline.ts does):
 * - `checks` lists every result in full except the passing results about a single load (a pod,
 *   hall, block or auxiliary load, e.g. `cooling-type-match`), which `passedChecks` counts per
 *   check (`{ check, passed }`, in check order). Version 2 listed a passing result per pod per
 *   check; results about buses, cooling systems and the site are listed as before.
 * - each `timeline` entry's `buses` lists only the buses whose rows (`scenarios`) differ from the
 *   previous state's, in name order; the first state lists every bus. A state's bus rows: the
 *   previous state's, with each listed bus replaced. Version 2 listed every bus at every state.
 * - each `timeline` entry has `pods`: the mining pods whose running figures (`itKw`,
 *   `hashrateThs`, `capW`, `offReason`) differ from the previous state's, in name order, or
 *   `{ name, inService: false }` for a pod that left service; before its first entry a pod is not
 *   in service. A pod's figures at a state: its last entry at or before that state. New in
 *   version 3: it is what lets `campus diff` say which pods changed and from when.
 * - `loads.minerTypes` lists each distinct combination of the hardware fields pods share
 *   (`hardwareId`, `hardware`, `minerPowerW`, `efficiencyJTh`, `curtailSeconds`) once, named by
 *   `type` (the hardwareId, or "<hardwareId>~2", ... for further combinations, in pod name order);
 *   each of `loads.miningPods` names its `minerType` instead of carrying those fields.
 * - rendering: an object inside an array that holds no array of objects is written on one line
 *   (pods, feeds, scenario rows, check results); the rest is two-space JSON.
 * `failures` and `warnings` of each state stay in full, as do the top-level `site`,
 * `scenarios`, `buses` and `cooling`. Version 2 (the one load model) lists every
 * scenario: each bus's `scenarios` has normal operation and the loss of each of its feeds, sides
 * or generators (`id`, `lost`, `lostFeeds`), and the top-level `scenarios` gives the site's grid
 * import in each; load by class gained `grossKw` and `overheadKw`; mining pods' `itKw`,
 * `hashrateThs`, `capW` and `offReason` are the caps solver's results; halls may carry a `lease`,
 * and `blockLoads` lists loads stated in MW. Version 1 had one contingency per bus. Reports and diffs read this file, so any
 * change that renames, removes or re-means a field must bump POWER_BUDGET_FORMAT_VERSION;
 * adding a field does not. Conventions:
 * - power in kW, rounded to the watt (3 decimals); utilization as a fraction rounded to 4
 *   decimals, or null when there is load and no capacity;
 * - arrays sorted by name (buses, feeds, cooling, loads); checks in check order, then subject;
 * - nothing depends on the clock, the machine or declaration order;
 * - `timeline` lists every state of the campus (see timeline.ts), each with its load by class
 *   against capacity and what failed or warned; the top level describes `asOf` or the last state.
 */
import { POWER_BUDGET_SCHEMA_REFERENCE } from './budget-schema-reference';
import type { CheckResult } from '../domain/checks/check';
import type { CampusEvaluation, TimelineEvaluation, TimelineState } from '../domain/evaluate';
import type { BusBudget, BusScenario, CampusBudget, LoadByClass } from '../domain/budget';
import { byName } from '../domain/budget';
import { describeCoolingPower } from '../domain/cooling-power';
import { feedUsableKw } from '../domain/feed-rating';
import type { Dated } from '../domain/timeline';
import { sumLoads } from './load-cells';
import { formatMw, round, roundKw } from '../domain/units';
import { campusEconomics, podFigures, type CampusEconomics, type ClassEconomics } from '../domain/economics';
import type { CampusModel, LeaseModel, MiningPodModel } from '../domain/model';
import { podAllocation } from '../domain/mining-caps';

export const POWER_BUDGET_FORMAT = 'hybrid-campus/power-budget';
export const POWER_BUDGET_FORMAT_VERSION = 3;
export const POWER_BUDGET_FILE_NAME = 'power-budget.json';

/** A fraction rounded to 4 decimals, or null when not finite. */
export function ratio(fraction: number): number | null {
  return Number.isFinite(fraction) ? round(fraction, 4) : null;
}

function usd(value: number): number {
  return round(value, 2);
}

function classEconomicsJson(c: ClassEconomics) {
  return {
    itKw: roundKw(c.itKw),
    revenueUsdPerDay: usd(c.revenueUsdPerDay),
    revenueUsdPerMwYear: c.revenueUsdPerMwYear === null ? null : usd(c.revenueUsdPerMwYear),
    ...(c.powerCostUsdPerDay !== undefined ? { powerCostUsdPerDay: usd(c.powerCostUsdPerDay) } : {}),
  };
}

/** Revenue by class for one state, or nothing when the campus has no economics inputs. */
function economicsJson(budget: CampusBudget) {
  const inputs = budget.campus.economics;
  if (!inputs) return {};
  const e: CampusEconomics = campusEconomics(budget, inputs);
  return {
    economics: {
      ...(e.mining ? { mining: classEconomicsJson(e.mining) } : {}),
      ...(e.ai ? { ai: classEconomicsJson(e.ai) } : {}),
    },
  };
}

/**
 * Mining in one state: total hashrate, and for power-capped pods how much of the headroom they
 * use ("headroom used by mining: X MW of Y MW") and which were switched off and why.
 */
function miningJson(budget: CampusBudget) {
  // Summed in name order (budget.loads), so that the figures never depend on declaration order.
  const pods = budget.loads.filter((l): l is MiningPodModel => l.kind === 'mining-pod').map((p) => podFigures(budget, p));
  const auto = budget.allocation?.pods.filter((p) => p.mode === 'auto') ?? [];
  return miningJsonOf(
    budget,
    pods.reduce((t, p) => t + p.hashrateThs, 0),
    pods.reduce((t, p) => t + p.itKw, 0),
    auto.filter((p) => p.offReason).map((p) => ({ name: p.name, reason: p.offReason! })),
  );
}

/** `miningJson` from its totals (summed in pod name order) and the switched-off pods (in name order). */
function miningJsonOf(budget: CampusBudget, hashrateThs: number, itKw: number, switchedOff: readonly { readonly name: string; readonly reason: string }[]) {
  const allocation = budget.allocation;
  return {
    mining: {
      totalHashrateThs: round(hashrateThs, 3),
      itKw: roundKw(itKw),
      ...(allocation && allocation.autoPods > 0
        ? {
            autoCapped: {
              pods: allocation.autoPods,
              powerKw: roundKw(allocation.miningPowerKw),
              headroomKw: roundKw(allocation.headroomKw),
              headroomUsed: `headroom used by mining: ${formatMw(allocation.miningPowerKw)} of ${formatMw(allocation.headroomKw)}`,
              switchedOff,
            },
          }
        : {}),
    },
  };
}

function leaseJson(lease: LeaseModel) {
  return {
    tenant: lease.tenant,
    contractedItKw: roundKw(lease.contractedItKw),
    ...(lease.grossCapKw !== undefined ? { grossCapKw: roundKw(lease.grossCapKw) } : {}),
  };
}

function dates(part: Dated) {
  return { inService: part.inService ?? null, retire: part.retire ?? null };
}

function loadJson(load: LoadByClass) {
  return {
    firmItKw: roundKw(load.firmItKw),
    interruptibleItKw: roundKw(load.interruptibleItKw),
    grossKw: roundKw(load.grossKw),
    coolingKw: roundKw(load.coolingKw),
    overheadKw: roundKw(load.overheadKw),
    auxiliaryKw: roundKw(load.auxiliaryKw),
    totalKw: roundKw(load.totalKw),
  };
}

function scenarioJson(s: BusScenario) {
  return {
    scenario: s.scenario,
    id: s.id,
    label: s.label,
    ...(s.lost ? { lost: s.lost } : {}),
    ...(s.lostFeeds ? { lostFeeds: s.lostFeeds } : {}),
    capacityKw: roundKw(s.capacityKw),
    load: loadJson(s.load),
    headroomKw: roundKw(s.headroomKw),
    utilization: ratio(s.utilization),
  };
}

function statusOf(failures: readonly unknown[], warnings: readonly unknown[]): 'pass' | 'warn' | 'fail' {
  return failures.length > 0 ? 'fail' : warnings.length > 0 ? 'warn' : 'pass';
}

function checkJson(r: CheckResult) {
  return {
    check: r.check,
    status: r.status,
    subject: r.subject,
    path: r.path,
    ...(r.scenario ? { scenario: r.scenario } : {}),
    ...(r.date ? { date: r.date } : {}),
    message: r.message,
  };
}

/** One scenario of a bus in a timeline entry's `buses`. */
export interface BusScenarioRow {
  readonly scenario: string;
  readonly id: string;
  readonly capacityKw: number;
  readonly totalKw: number;
  readonly utilization: number | null;
}

/** A bus in a timeline entry's `buses`. */
export interface BusRow {
  readonly name: string;
  readonly scenarios: readonly BusScenarioRow[];
}

/**
 * `fields` as given, when they name every field of T (each is a key of T by its type): with a
 * field left out the call asks for a second argument, `missingField`, and does not compile.
 */
export function everyFieldOf<T>() {
  return <const K extends readonly (keyof T)[]>(fields: K, ..._missing: [Exclude<keyof T, K[number]>] extends [never] ? [] : [missingField: Exclude<keyof T, K[number]>]): K =>
    fields;
}

/** Every field of a bus scenario row, each compared by sameBusRow (a field of the row left out of the list does not compile). */
const BUS_SCENARIO_ROW_FIELDS = everyFieldOf<BusScenarioRow>()(['scenario', 'id', 'capacityKw', 'totalKw', 'utilization'] as const);

function busRow(b: BusBudget): BusRow {
  return {
    name: b.bus.name,
    // Typed, so that a field written here and not in BusScenarioRow (so not compared) does not compile.
    scenarios: b.scenarios.map((s): BusScenarioRow => ({
      scenario: s.scenario,
      id: s.id,
      capacityKw: roundKw(s.capacityKw),
      totalKw: roundKw(s.load.totalKw),
      utilization: ratio(s.utilization),
    })),
  };
}

/** A mining pod's running figures in one state, as `timeline[].pods` lists them. */
type PodRow = { readonly name: string; readonly itKw: number; readonly hashrateThs: number; readonly capW: number | null; readonly offReason?: string };

/**
 * The mining pods as the states of the timeline go by: each pod's last listed row, and the
 * figures of the pods in service, kept in pod name order for the totals. Each state is read
 * whole, or, when the engine says what may have changed since the previous state
 * (`sincePrevious`, used only right after the state it is about), only those pods: a state
 * costs the pods that may have changed, plus one pass over a typed array of every pod for the
 * totals (summed in name order, as the whole state sums them), instead of a row built and compared
 * per pod.
 */
class PodsOverTime {
  private readonly pods: readonly MiningPodModel[];
  private readonly index = new Map<string, number>();
  /**
   * False when a pod's name is used twice in the campus, or a state has a pod the campus does not
   * list: then the totals are summed from the state itself (`miningJson`).
   */
  private exact: boolean;
  private readonly itKw: Float64Array;
  private readonly hashrateThs: Float64Array;
  private readonly inService: Uint8Array;
  /** Auto pods switched off, and why. */
  private readonly off = new Map<string, string>();
  /** Each pod's last listed row (`timeline[].pods`): the pods in service in the last state read. */
  private readonly rows = new Map<string, PodRow>();
  /** The last state read. */
  private last: CampusEvaluation | undefined;

  constructor(campus: CampusModel) {
    this.pods = [...campus.miningPods].sort(byName);
    this.pods.forEach((p, i) => this.index.set(p.name, i));
    this.exact = this.index.size === this.pods.length;
    this.itKw = new Float64Array(this.pods.length);
    this.hashrateThs = new Float64Array(this.pods.length);
    this.inService = new Uint8Array(this.pods.length);
  }

  /**
   * Moves to the next state: the pods whose figures differ from their last listed row, and
   * `{ name, inService: false }` for those that left service since; in name order.
   */
  next(evaluation: CampusEvaluation): (PodRow | { name: string; inService: false })[] {
    const { budget, sincePrevious } = evaluation;
    const changed: (PodRow | { name: string; inService: false })[] = [];
    // The engine's word on what changed holds only right after the state it is about.
    if (sincePrevious && this.exact && sincePrevious.previous === this.last) {
      for (const load of sincePrevious.left) if (load.kind === 'mining-pod') this.leave(load.name, changed);
      for (const load of sincePrevious.loads) if (load.kind === 'mining-pod') this.visit(budget, load, changed);
    } else {
      const seen = new Set<string>();
      for (const load of budget.loads) {
        if (load.kind !== 'mining-pod') continue;
        seen.add(load.name);
        this.visit(budget, load, changed);
      }
      for (const name of [...this.rows.keys()]) if (!seen.has(name)) this.leave(name, changed);
    }
    this.last = evaluation;
    return changed.sort(byRowName);
  }

  /** `miningJson` of the current state, from the figures kept. */
  miningJson(budget: CampusBudget) {
    if (!this.exact) return miningJson(budget);
    let hashrateThs = 0;
    let itKw = 0;
    for (let i = 0; i < this.pods.length; i++) {
      if (!this.inService[i]) continue;
      hashrateThs += this.hashrateThs[i];
      itKw += this.itKw[i];
    }
    const switchedOff = [...this.off].map(([name, reason]) => ({ name, reason })).sort(byName);
    return miningJsonOf(budget, hashrateThs, itKw, switchedOff);
  }

  /** A pod in service in this state: its figures kept, and its row listed if it differs from the last one. */
  private visit(budget: CampusBudget, load: MiningPodModel, changed: (PodRow | { name: string; inService: false })[]): void {
    const i = this.index.get(load.name);
    const running = podFigures(budget, load);
    const cap = podAllocation(budget.allocation, load.name);
    if (i !== undefined) {
      this.inService[i] = 1;
      this.itKw[i] = running.itKw;
      this.hashrateThs[i] = running.hashrateThs;
    } else {
      // A pod the campus does not list (on either path): the kept figures miss it, so from now on
      // the totals are summed from the state itself.
      this.exact = false;
    }
    if (cap?.mode === 'auto' && cap.offReason) this.off.set(load.name, cap.offReason);
    else this.off.delete(load.name);
    const itKw = roundKw(running.itKw);
    const hashrateThs = round(running.hashrateThs, 3);
    const capW = cap === undefined ? null : round(cap.capW, 3);
    const offReason = cap?.offReason || undefined;
    const before = this.rows.get(load.name);
    if (before && before.itKw === itKw && before.hashrateThs === hashrateThs && before.capW === capW && before.offReason === offReason) return;
    const row: PodRow = { name: load.name, itKw, hashrateThs, capW, ...(offReason ? { offReason } : {}) };
    this.rows.set(load.name, row);
    changed.push(row);
  }

  /** A pod that left service. */
  private leave(name: string, changed: (PodRow | { name: string; inService: false })[]): void {
    const i = this.index.get(name);
    if (i !== undefined) this.inService[i] = 0;
    this.off.delete(name);
    if (this.rows.delete(name)) changed.push({ name, inService: false });
  }
}

/**
 * Whether two rows' scenarios are written the same: field by field (every field of
 * BUS_SCENARIO_ROW_FIELDS), as JSON writes them, instead of writing both to compare the texts.
 * Exported for its tests.
 */
export function sameBusRow(a: BusRow, b: BusRow): boolean {
  if (a.scenarios.length !== b.scenarios.length) return false;
  for (let i = 0; i < a.scenarios.length; i++) {
    const x = a.scenarios[i];
    const y = b.scenarios[i];
    for (let f = 0; f < BUS_SCENARIO_ROW_FIELDS.length; f++) {
      const field = BUS_SCENARIO_ROW_FIELDS[f];
      if (!sameJsonValue(x[field], y[field])) return false;
    }
  }
  return true;
}

/** Two values JSON.stringify writes alike: equal (0 and -0 alike), or both written null (null, or a number that is not finite). */
function sameJsonValue(a: string | number | null, b: string | number | null): boolean {
  return a === b || (writtenNull(a) && writtenNull(b));
}

function writtenNull(value: string | number | null): boolean {
  return value === null || (typeof value === 'number' && !Number.isFinite(value));
}

function byRowName(a: { readonly name: string }, b: { readonly name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * The buses as the states of the timeline go by: each bus's last listed row. A bus whose budget
 * is the same object as in the previous state (the engine shares what did not change: islands.ts)
 * has the same row, and is not built again.
 */
class BusesOverTime {
  private readonly last = new Map<string, { readonly budget: BusBudget; readonly row: BusRow }>();

  /**
   * The bus rows that differ from the last listed ones (a bus that left lists no scenarios), in
   * name order. The first state lists every bus.
   */
  next(budget: CampusBudget): BusRow[] {
    const changed: BusRow[] = [];
    const now = new Set<string>();
    for (const b of budget.buses) {
      now.add(b.bus.name);
      const before = this.last.get(b.bus.name);
      if (before?.budget === b) continue;
      const row = busRow(b);
      this.last.set(b.bus.name, { budget: b, row });
      if (!before || !sameBusRow(before.row, row)) changed.push(row);
    }
    for (const name of [...this.last.keys()]) {
      if (now.has(name)) continue;
      this.last.delete(name);
      changed.push({ name, scenarios: [] });
    }
    return changed.sort(byRowName);
  }
}

/** Every state of the timeline: site load by class against capacity, what changed since the previous state, and what failed. */
function timelineJson(campus: CampusModel, states: readonly TimelineState[]) {
  const buses = new BusesOverTime();
  const pods = new PodsOverTime(campus);
  return states.map((state) => {
    const { point, evaluation } = state;
    const { budget } = evaluation;
    return {
      label: point.label,
      from: point.from ?? null,
      until: point.until ?? null,
      status: statusOf(evaluation.failures, evaluation.warnings),
      capacityKw: roundKw(budget.buses.reduce((total, b) => total + b.usableKw, 0)),
      load: loadJson(sumLoads(budget.buses.map((b) => b.scenarios[0].load))),
      gridImportKw: roundKw(budget.site.gridImportKw),
      interconnectLimitKw: roundKw(budget.site.interconnectLimitKw),
      siteUtilization: ratio(budget.site.utilization),
      buses: buses.next(budget),
      pods: pods.next(evaluation),
      ...economicsJson(budget),
      ...pods.miningJson(budget),
      failures: evaluation.failures.map(checkJson),
      warnings: evaluation.warnings.map(checkJson),
    };
  });
}

/**
 * Every result in full, except the passing results about a single load (a pod, hall, block or
 * auxiliary load: `cooling-type-match`, `demand-response`, `lease-contract`, ...), one per load
 * per check, which are counted per check in `passedChecks`, in the order checks first appear.
 */
function checksJson(results: readonly CheckResult[], loadPaths: ReadonlySet<string>) {
  const passed = new Map<string, number>();
  const listed: CheckResult[] = [];
  for (const r of results) {
    if (r.status === 'pass' && loadPaths.has(r.path)) passed.set(r.check, (passed.get(r.check) ?? 0) + 1);
    else listed.push(r);
  }
  return {
    checks: listed.map(checkJson),
    passedChecks: [...passed].map(([check, count]) => ({ check, passed: count })),
  };
}

/** The hardware fields pods share, stored once per distinct combination (format version 3). */
function minerTypeOf(p: MiningPodModel) {
  return { hardwareId: p.hardwareId, hardware: p.hardware, minerPowerW: p.minerPowerW, efficiencyJTh: p.efficiencyJTh, curtailSeconds: p.curtailSeconds };
}

/**
 * `minerTypes` and `miningPods`: each pod names its miner type (`minerType`) instead of
 * repeating its hardware fields. A type's name is its hardwareId, or "<hardwareId>~2", "~3", ...
 * for further combinations of the same hardwareId, in pod name order.
 */
function miningPodsJson(budget: CampusBudget, pods: readonly MiningPodModel[]) {
  const types = new Map<string, { type: string } & ReturnType<typeof minerTypeOf>>();
  const perHardware = new Map<string, number>();
  const typeOf = (p: MiningPodModel): string => {
    const fields = minerTypeOf(p);
    const key = JSON.stringify(fields);
    let found = types.get(key);
    if (!found) {
      const n = (perHardware.get(p.hardwareId) ?? 0) + 1;
      perHardware.set(p.hardwareId, n);
      found = { type: n === 1 ? p.hardwareId : `${p.hardwareId}~${n}`, ...fields };
      types.set(key, found);
    }
    return found.type;
  };
  const miningPods = pods.map((p) => {
    const running = podFigures(budget, p);
    const cap = podAllocation(budget.allocation, p.name);
    return {
      name: p.name,
      path: p.path,
      minerType: typeOf(p),
      count: p.count,
      spares: p.spares,
      itKw: roundKw(running.itKw),
      hashrateThs: round(running.hashrateThs, 3),
      priority: p.priority,
      capMode: p.powerControl?.mode ?? 'rated',
      capW: cap === undefined ? null : round(cap.capW, 3),
      ...(p.powerControl?.mode === 'auto' ? { powerRangeW: { minW: p.powerControl.minW, maxW: p.powerControl.maxW } } : {}),
      ...(cap?.offReason ? { offReason: cap.offReason } : {}),
      firm: p.firm,
      ...(p.facilityOverheadFraction ? { facilityOverheadFraction: p.facilityOverheadFraction } : {}),
      ...dates(p),
      bus: p.bus,
      cooling: p.cooling,
    };
  });
  return { minerTypes: [...types.values()], miningPods };
}

/**
 * Builds the document (plain JSON data). The top level describes one state: the chosen month
 * (`asOf`) or, without one, the last state of the timeline (the campus as finally planned).
 * `timeline` has every state; `status` is the worst over all of them.
 */
export function powerBudgetDocument(timeline: TimelineEvaluation) {
  const evaluation: CampusEvaluation = timeline.current;
  const { budget, results } = evaluation;
  const { campus, site } = budget;
  return {
    $schema: POWER_BUDGET_SCHEMA_REFERENCE, // the shipped JSON Schema, seen from cdktf.out/stacks/<site>/
    format: POWER_BUDGET_FORMAT,
    formatVersion: POWER_BUDGET_FORMAT_VERSION,
    status: statusOf(timeline.failures, timeline.warnings),
    asOf: timeline.asOf ?? null,
    site: {
      name: campus.name,
      path: campus.path,
      gridRegion: campus.gridRegion,
      warnUtilization: campus.warnUtilization,
      interconnectLimitKw: roundKw(site.interconnectLimitKw),
      interconnectSteps: [...(timeline.campus.interconnectSteps ?? [])]
        .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
        .map((st) => ({ from: st.from, limitKw: roundKw(st.limitKw) })),
      totalLoadKw: roundKw(site.totalLoadKw),
      generationOffsetKw: roundKw(site.generationOffsetKw),
      gridImportKw: roundKw(site.gridImportKw),
      headroomKw: roundKw(site.headroomKw),
      utilization: ratio(site.utilization),
    },
    scenarios: [
      {
        id: 'normal',
        kind: 'normal',
        label: 'normal',
        totalLoadKw: roundKw(site.totalLoadKw),
        generationKw: roundKw(budget.buses.reduce((t, b) => t + b.generationUsableKw, 0)),
        gridImportKw: roundKw(site.gridImportKw),
        headroomKw: roundKw(site.headroomKw),
        utilization: ratio(site.utilization),
      },
      ...site.contingencies.map((c) => ({
        id: c.scenario.id,
        kind: 'contingency',
        label: c.scenario.label,
        bus: c.scenario.event!.bus,
        lost: c.scenario.event!.lost,
        lostFeeds: c.scenario.event!.lostFeeds,
        totalLoadKw: roundKw(c.totalLoadKw),
        generationKw: roundKw(c.generationKw),
        gridImportKw: roundKw(c.gridImportKw),
        headroomKw: roundKw(c.headroomKw),
        utilization: ratio(c.utilization),
      })),
    ],
    buses: budget.buses.map((b) => ({
      name: b.bus.name,
      path: b.bus.path,
      redundancy: b.bus.redundancy,
      usableKw: roundKw(b.usableKw),
      generationUsableKw: roundKw(b.generationUsableKw),
      gridImportKw: roundKw(b.gridImportKw),
      feeds: [...b.bus.feeds].sort(byName).map((f) => ({
        name: f.name,
        source: f.source,
        ratingBasis: f.ratingBasis,
        ratingKw: roundKw(f.ratingKw),
        maxUtilization: f.maxUtilization,
        ...(f.side ? { side: f.side } : {}),
        usableKw: roundKw(feedUsableKw(f)),
      })),
      scenarios: b.scenarios.map(scenarioJson),
    })),
    cooling: budget.cooling.map((c) => ({
      name: c.cooling.name,
      path: c.cooling.path,
      type: c.cooling.type,
      bus: c.cooling.bus,
      powerModel: describeCoolingPower(c.cooling.power),
      capacityKw: roundKw(c.cooling.capacityKw),
      heatKw: roundKw(c.heatKw),
      firmHeatKw: roundKw(c.firmHeatKw),
      powerKw: roundKw(c.powerKw),
      firmPowerKw: roundKw(c.firmPowerKw),
      interruptiblePowerKw: roundKw(c.interruptiblePowerKw),
      utilization: ratio(c.utilization),
      served: c.served,
    })),
    loads: {
      ...miningPodsJson(budget, [...campus.miningPods].sort(byName)),
      gpuHalls: [...campus.gpuHalls].sort(byName).map((h) => ({
        name: h.name,
        path: h.path,
        hardwareId: h.hardwareId,
        hardware: h.hardware,
        systemKind: h.systemKind,
        count: h.count,
        gpus: h.gpus,
        systemPowerW: h.systemPowerW,
        overheadKw: roundKw(h.overheadKw),
        itKw: roundKw(h.itKw),
        firm: h.firm,
        ...dates(h),
        operator: h.operator.kind,
        ...(h.operator.kind === 'tenant' ? { tenant: h.operator.tenant } : {}),
        ...(h.lease ? { lease: leaseJson(h.lease) } : {}),
        ...(h.facilityOverheadFraction ? { facilityOverheadFraction: h.facilityOverheadFraction } : {}),
        bus: h.bus,
        cooling: h.cooling,
      })),
      blockLoads: [...(campus.blockLoads ?? [])].sort(byName).map((b) => ({
        name: b.name,
        path: b.path,
        description: b.description,
        basis: b.basis,
        powerKw: roundKw(b.powerKw),
        firm: b.firm,
        ...(b.facilityOverheadFraction ? { facilityOverheadFraction: b.facilityOverheadFraction } : {}),
        ...(b.lease ? { lease: leaseJson(b.lease) } : {}),
        ...dates(b),
        bus: b.bus,
        ...(b.cooling !== undefined ? { cooling: b.cooling } : {}),
      })),
      auxiliary: [...campus.auxiliaryLoads].sort(byName).map((a) => ({
        name: a.name,
        path: a.path,
        bus: a.bus,
        powerKw: roundKw(a.powerKw),
        firm: a.firm !== false,
      })),
    },
    ...(campus.economics ? { economicsInputs: campus.economics } : {}),
    ...economicsJson(budget),
    ...miningJson(budget),
    ...checksJson(results, new Set([...campus.miningPods, ...campus.gpuHalls, ...(campus.blockLoads ?? []), ...campus.auxiliaryLoads].map((l) => l.path))),
    timeline: timelineJson(timeline.campus, timeline.states),
  };
}

export type PowerBudgetDocument = ReturnType<typeof powerBudgetDocument>;

/** Whether one of the object's own members is an array holding an object (or an array). */
function holdsObjectArray(value: object): boolean {
  // for-in (no array of keys made), keeping to own members as Object.values does.
  for (const key in value) {
    const member: unknown = (value as Record<string, unknown>)[key];
    if (!Array.isArray(member) || !Object.prototype.hasOwnProperty.call(value, key)) continue;
    for (let i = 0; i < member.length; i++) {
      const item: unknown = member[i];
      if (typeof item === 'object' && item !== null) return true;
    }
  }
  return false;
}

/**
 * Two-space JSON, except that an object inside an array that holds no array of objects is written
 * on one line (JSON.stringify's own spacing otherwise, so keys keep their order). Written in one
 * pass by string concatenation, with no array of entries or lines per object (the reference it
 * must match byte for byte, the plain map-and-join one, is kept in test/fuzz/reference-formatting.ts).
 */
export function renderBudgetJson(value: unknown, indent = ''): string {
  if (Array.isArray(value)) return renderArray(value, indent);
  if (typeof value === 'object' && value !== null) return renderObject(value, indent);
  if (typeof value === 'number') return Number.isFinite(value) ? `${value}` : 'null';
  return JSON.stringify(value);
}

function renderArray(value: readonly unknown[], indent: string): string {
  if (value.length === 0) return '[]';
  const inner = `${indent}  `;
  let text = '[';
  for (let i = 0; i < value.length; i++) {
    const v = value[i];
    text += i === 0 ? '\n' : ',\n';
    // A hole is written as an empty line, as map-and-join writes it.
    if (v === undefined && !(i in value)) continue;
    text += inner;
    text += typeof v === 'object' && v !== null && !Array.isArray(v) && !holdsObjectArray(v) ? JSON.stringify(v) : (renderBudgetJson(v, inner) ?? 'null');
  }
  return `${text}\n${indent}]`;
}

function renderObject(value: object, indent: string): string {
  const inner = `${indent}  `;
  let text = '';
  for (const key of Object.keys(value)) {
    const v: unknown = (value as Record<string, unknown>)[key];
    if (v === undefined) continue;
    text += text === '' ? '{\n' : ',\n';
    text += `${inner}${JSON.stringify(key)}: ${renderBudgetJson(v, inner)}`;
  }
  return text === '' ? '{}' : `${text}\n${indent}}`;
}

/** The file's exact bytes for a document already made: two-space JSON (records in lists on one line, see renderBudgetJson) with a final newline. */
export function renderPowerBudgetDocument(doc: PowerBudgetDocument): string {
  return `${renderBudgetJson(doc)}\n`;
}

/** The file's exact bytes for a timeline (`renderPowerBudgetDocument` of its document). */
export function renderPowerBudget(timeline: TimelineEvaluation): string {
  return renderPowerBudgetDocument(powerBudgetDocument(timeline));
}
