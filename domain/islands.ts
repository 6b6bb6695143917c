/**
 * Islands: the parts of a campus that share no bus and no cooling system, evaluated apart and
 * reused from state to state of the timeline while none of their parts changes.
 *
 * Two buses are in one island when a load on one is cooled by a cooling system that draws on the
 * other (a cooling system is in the island of its bus, a load in the island of its bus and of its
 * cooling). Nothing else in the load model links buses, except the site: the grid import sums
 * every bus, and demand-response commitments act on the whole site. So, for one state of the
 * timeline:
 * - every figure of a bus or a cooling system (its load by class in every scenario, its heat) is
 *   the island's own, and so is every check result about a bus, a cooling system or a load;
 * - the caps solver gives each island's pods the same caps as solving the whole campus, as long
 *   as the site limit cannot stop a pod (mining-caps.ts, `independentParts`, judged here on the
 *   bounds of every bus of the site, in bus name order, as the solver judges it);
 * - the site figures are summed from the buses' totals in bus name order by the one implementation
 *   `computeBudget` also uses (site-budget.ts), and the figures of the allocation in shedding order.
 * An island is evaluated again only in a state where one of its parts (bus, feed, cooling system,
 * load) comes into service or retires; the others keep their evaluation, and their results are
 * stored once for all the states they span. The join of a state starts from the last one: its
 * buses and cooling systems in name order with the re-evaluated islands' entries replaced, what
 * depends only on the list of buses kept while the list is the same, and counts of what it reads
 * of every island kept as islands are evaluated.
 *
 * Islands are a shortcut (shortcuts.ts): `evaluateByIslands` gives every state the same
 * answers, byte for byte, as `evaluateCampus` on the whole state
 * (test/domain/incremental-timeline.property.test.ts), and is used only where that holds by
 * construction: names unique in the whole campus, every reference resolved, only the built-in
 * checks, more than one state (one state has nothing to reuse), and, with demand-response
 * commitments, no auto-capped pod on fixed-power cooling (the solver then weighs every pod of the
 * site together). Demand response itself is judged on the joined state, from the load model. A state in which an
 * island has a broken reference or a check no cap can make pass, or in which the site limit may
 * stop a pod, is evaluated whole (`evaluateCampus`).
 */
import { budgetOf, byName, localBudget, type BudgetFlows, type BusBudget, type CampusBudget, type CoolingBudget, type LocalBudget } from './budget';
import { campusAt } from './campus-timeline';
import {
  busContingencyCapacity,
  busNormalCapacity,
  coolingCapacity,
  coolingTypeMatch,
  demandResponse,
  leaseContract,
  loadReferences,
  miningCaps,
  siteInterconnect,
  uniqueNames,
  type BudgetCheck,
  type CheckResult,
} from './checks';
import { evaluationFrom, type CampusEvaluation } from './campus-evaluation';
import { hasDuplicateName } from './checks/unique-names';
import { allocateMiningCaps, allocationOf, allocationParts, podAllocation, shared, siteStaysClear, switchedOffReason, type AllocationParts, type MiningAllocation, type PodAllocation } from './mining-caps';
import type { BusModel, CampusModel, CoolingModel, MiningPodModel } from './model';
import { campusScenarios } from './scenarios';
import { busListOf, importOf, siteBudgetOf, type BusList, type BusTotals } from './site-budget';
import { sheddingOrder } from './shedding-order';
import { campusLoads, coolingStepKw, listedLoads, listsHoldOwnKinds, type CampusLoad, type LoadByClass, type LoadFlow } from './load-model';
import { once } from './once';
import { shortcutsEnabled } from './shortcuts';
import type { Dated, TimelinePoint } from './timeline';

/** Checks whose results are about one bus, cooling system or load: each island's own. */
const ISLAND_CHECKS: ReadonlySet<BudgetCheck> = new Set([busNormalCapacity, busContingencyCapacity, coolingCapacity, coolingTypeMatch, leaseContract]);
/** Checks about the site: run on the joined budget. */
const SITE_CHECKS: ReadonlySet<BudgetCheck> = new Set([siteInterconnect, miningCaps]);
/**
 * Checks that find nothing where islands are used: names are unique in the whole campus, and a
 * state with a broken reference in an island is evaluated whole.
 */
const EMPTY_CHECKS: ReadonlySet<BudgetCheck> = new Set([uniqueNames, loadReferences]);

/** How a check is judged where islands are used: per island, on the joined budget, or known to find nothing. */
type CheckRole = 'island' | 'site' | 'empty';

function roleOf(check: BudgetCheck, campus: CampusModel): CheckRole | undefined {
  if (ISLAND_CHECKS.has(check)) return 'island';
  if (SITE_CHECKS.has(check)) return 'site';
  if (EMPTY_CHECKS.has(check)) return 'empty';
  // Demand response is about the whole site: judged on the joined budget, and finds nothing without a commitment.
  if (check === demandResponse) return (campus.commitments ?? []).length > 0 ? 'site' : 'empty';
  return undefined;
}

/** A limit no site reaches: islands are solved free of the site, which is judged on the whole (see above). */
const NO_SITE_LIMIT_KW = Number.MAX_VALUE;

interface Island {
  /** The island's parts, every date included, in declaration order, as a campus of its own. */
  readonly campus: CampusModel;
  /** Indices of the states where one of its parts comes into service or retires. */
  readonly changes: ReadonlySet<number>;
}

interface IslandEvaluation {
  readonly allocation?: MiningAllocation;
  readonly parts?: AllocationParts;
  readonly local: LocalBudget;
  /** Each bus's budget and what the join sums of it, by name. */
  readonly busByName: ReadonlyMap<string, JoinedBus>;
  /** The loads in service in the island then. */
  readonly loads: ReadonlySet<CampusLoad>;
  readonly coolingByName: ReadonlyMap<string, CoolingBudget>;
  /** Raw results of each check of the island (undefined for the others), by position in the check list. */
  readonly results: readonly (readonly CheckResult[] | undefined)[];
  /** The results that are not passing, by position in the check list. */
  readonly issues: readonly (readonly CheckResult[] | undefined)[];
  /** Whether any of `issues` is not empty. */
  readonly hasIssues: boolean;
  /**
   * Whether a state with this evaluation must be evaluated whole: a broken reference, a check no
   * cap can make pass (the caps are infeasible), or caps the solver did not find free of the site limit.
   */
  readonly blocks: boolean;
}

/**
 * The islands of a campus (every date included), or undefined when islands cannot be used: a
 * name used twice, a part in another kind's list, a reference to a part the campus does not
 * have, a demand-response commitment with an auto-capped pod on fixed-power cooling, or fewer
 * than two islands (nothing to reuse apart).
 */
function campusIslands(campus: CampusModel, points: readonly TimelinePoint[]): Island[] | undefined {
  // Demand response couples the caps of every pod of the site only through fixed-power cooling
  // (mining-caps.ts: a pod that keeps such a system running during a call may be switched off):
  // with a commitment, islands are used only when no auto-capped pod is cooled by one.
  if ((campus.commitments ?? []).length > 0) {
    const fixedCooling = new Set(campus.coolingSystems.filter((c) => coolingStepKw(c) > 0).map((c) => c.name));
    if (campus.miningPods.some((p) => p.powerControl?.mode === 'auto' && fixedCooling.has(p.cooling))) return undefined;
  }
  // A hand-built model whose lists hold parts of another kind, or a name used twice: judged
  // whole, as it was built.
  if (!listsHoldOwnKinds(campus) || hasDuplicateName(campus)) return undefined;
  const busNames = new Set(campus.buses.map((b) => b.name));
  const coolingByName = new Map(campus.coolingSystems.map((c) => [c.name, c]));
  const parent = new Map<string, string>([...busNames].map((b) => [b, b]));
  const root = (name: string): string => {
    let r = name;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(name, r);
    return r;
  };
  const join = (a: string, b: string) => parent.set(root(a), root(b));
  for (const c of campus.coolingSystems) if (!busNames.has(c.bus)) return undefined;
  const loads = listedLoads(campus);
  for (const load of loads) {
    if (!busNames.has(load.bus)) return undefined;
    const cooling = load.kind === 'auxiliary' ? undefined : load.cooling;
    if (cooling === undefined) continue;
    const system = coolingByName.get(cooling);
    if (!system) return undefined;
    join(load.bus, system.bus);
  }
  const islandOf = (bus: string) => root(bus);
  const groups = new Map<string, { buses: BusModel[]; cooling: CoolingModel[]; loads: CampusLoad[] }>();
  const group = (bus: string) => {
    const r = islandOf(bus);
    let g = groups.get(r);
    if (!g) groups.set(r, (g = { buses: [], cooling: [], loads: [] }));
    return g;
  };
  for (const b of campus.buses) group(b.name).buses.push(b);
  for (const c of campus.coolingSystems) group(c.bus).cooling.push(c);
  for (const l of loads) group(l.bus).loads.push(l);
  if (groups.size < 2) return undefined;
  const ats = points.map((p) => p.at);
  // The state where each month's changes happen, found once per month (parts share few months).
  const stateOfMonth = new Map<string, number>();
  const stateFrom = (month: string): number => {
    let k = stateOfMonth.get(month);
    if (k === undefined) stateOfMonth.set(month, (k = firstStateFrom(ats, month)));
    return k;
  };
  return [...groups.values()].map((g) => {
    const changes = new Set<number>();
    const parts: Dated[] = [...g.buses, ...g.buses.flatMap((b) => b.feeds), ...g.cooling, ...g.loads];
    for (const part of parts) {
      if (part.inService !== undefined) changes.add(stateFrom(part.inService));
      if (part.retire !== undefined) changes.add(stateFrom(part.retire));
    }
    const of = <K extends CampusLoad['kind']>(kind: K) => g.loads.filter((l): l is Extract<CampusLoad, { kind: K }> => l.kind === kind);
    return {
      changes,
      campus: {
        ...campus,
        interconnectLimitKw: NO_SITE_LIMIT_KW,
        interconnectSteps: [],
        buses: g.buses,
        coolingSystems: g.cooling,
        miningPods: of('mining-pod'),
        gpuHalls: of('gpu-hall'),
        auxiliaryLoads: of('auxiliary'),
        ...(campus.blockLoads ? { blockLoads: of('block-load') } : {}),
        commitments: [],
      },
    };
  });
}

/** The first state whose month is `month` or later (states are in time order): where a part dated `month` changes. */
function firstStateFrom(ats: readonly (string | undefined)[], month: string): number {
  let lo = 0;
  let hi = ats.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const at = ats[mid];
    if (at !== undefined && at < month) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A bus of an island: its budget, its totals in each flow, and the caps solver's bounds on it. */
interface JoinedBus extends BusTotals {
  readonly budget: BusBudget;
  /** The solver's bound on the bus in normal operation (`AllocationParts.busBoundsKw`), or its load when it has none, kW. */
  readonly boundNormalKw: number;
  /** The same in a contingency, kW. */
  readonly boundContingencyKw: number;
}

/** Each bus of an island's state with its totals (from the island's flows) and bounds. */
function joinedBuses(local: LocalBudget, parts: AllocationParts | undefined): Map<string, JoinedBus> {
  const bounds = new Map((parts?.busBoundsKw ?? []).map((b) => [b.bus, b]));
  const { normal, contingency, normalNoAuto, contingencyNoAuto } = local.flows;
  const joined = new Map<string, JoinedBus>();
  for (const budget of local.buses) {
    const name = budget.bus.name;
    const normalKw = normal.buses.get(name)!.totalKw;
    const contingencyKw = contingency.buses.get(name)!.totalKw;
    const bound = bounds.get(name);
    joined.set(name, {
      budget,
      normalKw,
      contingencyKw,
      normalNoAutoKw: normalNoAuto.buses.get(name)!.totalKw,
      contingencyNoAutoKw: contingencyNoAuto.buses.get(name)!.totalKw,
      // A bus of an island without auto pods stays at its load.
      boundNormalKw: bound?.normalKw ?? normalKw,
      boundContingencyKw: bound?.contingencyKw ?? contingencyKw,
    });
  }
  return joined;
}

function evaluateIsland(island: Island, point: TimelinePoint, checks: readonly BudgetCheck[]): IslandEvaluation {
  const state = campusAt(island.campus, point);
  const allocation = allocateMiningCaps(state);
  const scenarios = campusScenarios(state.buses);
  const local = localBudget(state, allocation, scenarios);
  const budget = budgetOf(state, allocation, scenarios, local);
  const results = checks.map((check) => (ISLAND_CHECKS.has(check) ? check.run(budget) : undefined));
  const issues = results.map((list) => list?.filter((r) => r.status !== 'pass'));
  const parts = allocation ? allocationParts(allocation) : undefined;
  // A load or cooling system that refers to a part not in service then (load-references).
  const broken = loadReferences.run(budget).length > 0;
  return {
    ...(allocation ? { allocation, parts } : {}),
    local,
    busByName: joinedBuses(local, parts),
    loads: new Set(local.loads),
    coolingByName: new Map(local.cooling.map((c) => [c.cooling.name, c])),
    results,
    issues,
    hasIssues: issues.some((list) => list !== undefined && list.length > 0),
    blocks: broken || (allocation !== undefined && (allocation.infeasible.length > 0 || parts === undefined || !parts.apart)),
  };
}

/** Sorts by the rank of each item's name (names of the whole campus, in name order). */
function byRank<T>(items: T[], rank: ReadonlyMap<string, number>, nameOf: (item: T) => string): T[] {
  return items.sort((a, b) => rank.get(nameOf(a))! - rank.get(nameOf(b))!);
}

/** Each bus and cooling system of the campus (every date), in name order, with its island. */
interface PartOrder {
  readonly buses: readonly { readonly name: string; readonly island: number }[];
  readonly cooling: readonly { readonly name: string; readonly island: number }[];
  /** Every load, in name order. */
  readonly loads: readonly { readonly load: CampusLoad; readonly island: number }[];
  readonly islandOfLoad: ReadonlyMap<string, number>;
}

/**
 * Evaluates every state of the timeline by islands (see above); undefined when islands cannot be
 * used for this campus (the caller evaluates each state whole). `whole(state)` evaluates one
 * state whole, for the states islands cannot judge.
 */
export function evaluateByIslands(
  campus: CampusModel,
  points: readonly TimelinePoint[],
  checks: readonly BudgetCheck[],
  stateOf: (point: TimelinePoint) => CampusModel,
  whole: (state: CampusModel) => CampusEvaluation,
): CampusEvaluation[] | undefined {
  // One state (a campus without dates, or synth for one month) has nothing to reuse: evaluated
  // whole, it is also cheaper (no islands to set up).
  if (!shortcutsEnabled() || points.length < 2) return undefined;
  const roles = checks.map((c) => roleOf(c, campus));
  if (roles.some((r) => r === undefined)) return undefined;
  const islands = campusIslands(campus, points);
  if (!islands) return undefined;

  const islandOfBus = new Map<string, number>();
  const islandOfCooling = new Map<string, number>();
  islands.forEach((island, i) => {
    for (const b of island.campus.buses) islandOfBus.set(b.name, i);
    for (const c of island.campus.coolingSystems) islandOfCooling.set(c.name, i);
  });
  // Every load in name order (names are unique here), with the island of its bus.
  const loadIslands = campusLoads(campus).map((load) => ({ load, island: islandOfBus.get(load.bus)! }));
  const order: PartOrder = {
    loads: loadIslands,
    islandOfLoad: new Map(loadIslands.map(({ load, island }) => [load.name, island])),
    buses: [...islandOfBus].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, island]) => ({ name, island })),
    cooling: [...islandOfCooling].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, island]) => ({ name, island })),
  };
  // Every name of the campus (namedParts) in name order: the loads come sorted (campusLoads), and
  // the buses, feeds and cooling systems are merged in (names are unique here).
  const rank = new Map<string, number>();
  const others = [...campus.buses, ...campus.buses.flatMap((b) => b.feeds), ...campus.coolingSystems].map((p) => p.name).sort();
  let next = 0;
  for (const { load } of loadIslands) {
    while (next < others.length && others[next] < load.name) rank.set(others[next++], rank.size);
    rank.set(load.name, rank.size);
  }
  while (next < others.length) rank.set(others[next++], rank.size);
  // Every auto-capped pod of the campus in shedding order: a state's shedding order is this one's restriction.
  const autoPods = sheddingOrder(campus.miningPods.filter((p) => p.powerControl?.mode === 'auto'));
  const shedRank = new Map<MiningPodModel, number>(autoPods.map((p, g) => [p, g]));
  const fillKw = new Float64Array(autoPods.length);
  const headroomFillKw = new Float64Array(autoPods.length);
  const inState = new Uint8Array(autoPods.length);
  const offReason: (string | undefined)[] = new Array(autoPods.length).fill(undefined);
  // The auto pods in service and switched off (`inState` and an `offReason`), by place in the shedding order.
  const offNow = new Set<number>();

  // The islands evaluated again in each state (in island order, as pushed): every island in the first.
  const changedAt: number[][] = points.map((_, k) => (k === 0 ? islands.map((_, i) => i) : []));
  islands.forEach((island, i) => {
    for (const k of island.changes) if (k > 0 && k < points.length) changedAt[k].push(i);
  });
  const current: (IslandEvaluation | undefined)[] = islands.map(() => undefined);
  const busesInOrder = new PartsInOrder(order.buses, (e) => e.busByName);
  const coolingInOrder = new PartsInOrder(order.cooling, (e) => e.coolingByName);
  const lastBuses: LastBuses = {};
  let previousJoined: CampusEvaluation | undefined;
  let previousOff: readonly CampusLoad[] = [];
  return points.map((point, k) => {
    // The loads of the islands evaluated again: in service now (maybe changed), or gone.
    const touched = new Set<CampusLoad>();
    const left = new Set<CampusLoad>();
    const changed: { readonly island: number; readonly before?: IslandEvaluation }[] = [];
    for (const i of changedAt[k]) {
      const island = islands[i];
      const evaluatedBefore = current[i];
      const before = evaluatedBefore?.parts;
      if (before) {
        for (const pod of before.shedOrder) {
          const g = shedRank.get(pod)!;
          inState[g] = 0;
          offNow.delete(g);
        }
      }
      const beforeLoads = current[i]?.loads;
      const now = (current[i] = evaluateIsland(island, point, checks));
      changed.push({ island: i, ...(evaluatedBefore ? { before: evaluatedBefore } : {}) });
      for (const load of now.loads) touched.add(load);
      if (beforeLoads) for (const load of beforeLoads) if (!now.loads.has(load)) left.add(load);
      now.parts?.shedOrder.forEach((pod, j) => {
        const g = shedRank.get(pod)!;
        inState[g] = 1;
        fillKw[g] = now.parts!.fillKw[j];
        headroomFillKw[g] = now.parts!.headroomFillKw[j];
        offReason[g] = now.parts!.offReasons[j];
        if (offReason[g] !== undefined) offNow.add(g);
      });
    }
    const state = stateOf(point);
    // A copy: `current` changes with the next state, and what is made on first read must see this one's.
    const evaluations = [...current] as IslandEvaluation[];
    // A switched-off pod's reason names its place in the shedding order, which any change may
    // move: every pod off now or in the previous state counts as maybe changed.
    const off: CampusLoad[] = [...offNow].sort((a, b) => a - b).map((g) => autoPods[g]);
    for (const load of [...off, ...previousOff]) if (!left.has(load) && evaluations[order.islandOfLoad.get(load.name)!].loads.has(load)) touched.add(load);
    const sincePrevious = previousJoined ? { previous: previousJoined, loads: [...touched], left: [...left] } : undefined;
    const parts = { buses: busesInOrder.next(evaluations, changed), cooling: coolingInOrder.next(evaluations, changed) };
    const joined = joinState(state, evaluations, parts, checks, roles, rank, order, { autoPods, fillKw, headroomFillKw, inState, offReason }, sincePrevious, lastBuses);
    previousJoined = joined;
    previousOff = off;
    return joined ?? whole(state);
  });
}

/** What the join reads of every island of a state, worked out from their evaluations (one pass over the islands). */
interface Tally {
  /** Islands whose evaluation `blocks` the join. */
  readonly blocking: number;
  /** Islands with an allocation (power-capped pods). */
  readonly withAllocation: number;
  /** Auto-capped pods in service in every island. */
  readonly autoPods: number;
  /** Islands with a result that is not passing. */
  readonly withIssues: number;
}

function tallyOf(islands: readonly IslandEvaluation[]): Tally {
  let blocking = 0;
  let withAllocation = 0;
  let autoPods = 0;
  let withIssues = 0;
  for (const e of islands) {
    if (e.blocks) blocking++;
    if (e.allocation !== undefined) {
      withAllocation++;
      autoPods += e.allocation.autoPods;
    }
    if (e.hasIssues) withIssues++;
  }
  return { blocking, withAllocation, autoPods, withIssues };
}

/**
 * The bus list of the last joined state (site-budget.ts: models in name order, scenarios, each
 * bus's generation, the site's loss rows): most states have the same bus objects as the one
 * before, and then share the list, so that what is made per list of buses is made once, not once
 * per state. A bus object changes only when the bus, or one of its feeds, comes into service or
 * retires: `campusAt` gives a bus whose feeds are all in service as declared, and a bus with a
 * feed out of service as the same filtered object while the same feeds are in service.
 */
interface LastBuses {
  list?: BusList;
}

/** `last`'s bus list when `buses` holds the same bus objects in the same order; else a list of `buses`' own (kept in `last`). */
function sameBuses(buses: readonly JoinedBus[], last: LastBuses): BusList {
  const before = last.list?.models;
  if (before !== undefined && before.length === buses.length && buses.every((b, i) => b.budget.bus === before[i])) return last.list!;
  return (last.list = busListOf(buses.map((b) => b.budget.bus)));
}

interface ShedArrays {
  readonly autoPods: readonly MiningPodModel[];
  readonly fillKw: Float64Array;
  readonly headroomFillKw: Float64Array;
  readonly inState: Uint8Array;
  readonly offReason: readonly (string | undefined)[];
}

/** The evaluation of one state joined from its islands' evaluations; undefined when it must be evaluated whole. */
function joinState(
  state: CampusModel,
  islands: readonly IslandEvaluation[],
  parts: { readonly buses: InOrder<JoinedBus>; readonly cooling: InOrder<CoolingBudget> },
  checks: readonly BudgetCheck[],
  roles: readonly (CheckRole | undefined)[],
  rank: ReadonlyMap<string, number>,
  order: PartOrder,
  shed: ShedArrays,
  sincePrevious: CampusEvaluation['sincePrevious'],
  lastBuses: LastBuses,
): CampusEvaluation | undefined {
  const tally = tallyOf(islands);
  if (tally.blocking > 0) return undefined;
  // Buses and cooling systems in name order, as computeBudget and loadFlow list them.
  const { items: joinedBuses, islands: busIslands } = parts.buses;
  const { items: cooling, islands: coolingIslands } = parts.cooling;
  const busList = sameBuses(joinedBuses, lastBuses);

  // The caps: the same as solving the whole state only if the site limit cannot stop a pod
  // (mining-caps.ts, independentParts): every site, with each bus at its bound, clearly under it.
  let allocation: MiningAllocation | undefined;
  if (tally.withAllocation > 0) {
    const autoCount = tally.autoPods;
    if (autoCount > 0 && !siteClear(state.interconnectLimitKw, joinedBuses, busList)) return undefined;
    allocation = joinedAllocation(islands, order, shed, autoCount);
  }

  // The flows of the whole state, joined only for a reader of budget.flows (the site is summed
  // from each bus's totals: site-budget.ts).
  const buses = joinedBuses.map((b) => b.budget);
  const flowOf = (pick: (f: BudgetFlows) => LoadFlow): LoadFlow => {
    const busFlows = new Map<string, LoadByClass>();
    for (let i = 0; i < buses.length; i++) busFlows.set(buses[i].bus.name, pick(busIslands[i].local.flows).buses.get(buses[i].bus.name)!);
    return {
      buses: busFlows,
      cooling: new Map(cooling.map((c, i) => [c.cooling.name, pick(coolingIslands[i].local.flows).cooling.get(c.cooling.name)!])),
    };
  };

  // Keys in the order computeBudget writes them; what only some readers need is made on first read.
  const loads = once(() => order.loads.filter(({ load, island }) => islands[island].loads.has(load)).map(({ load }) => load));
  const powerKw = once(() => new Map(loads().map((l) => [l.name, islands[order.islandOfLoad.get(l.name)!].local.powerKw.get(l.name)!])));
  const joinedFlows = once(() => ({ normal: flowOf((f) => f.normal), contingency: flowOf((f) => f.contingency) }));
  const itLoads = once(() => [...state.miningPods, ...state.gpuHalls].sort(byName));
  const budget: CampusBudget = {
    campus: state,
    ...(allocation ? { allocation } : {}),
    get loads() {
      return loads();
    },
    get powerKw() {
      return powerKw();
    },
    scenarios: busList.scenarios,
    get flows() {
      return joinedFlows();
    },
    buses,
    cooling,
    get itLoads() {
      return itLoads();
    },
    site: siteBudgetOf(busList, joinedBuses, state.interconnectLimitKw),
  };

  const siteResults = checks.map((check, i) => (roles[i] === 'site' ? check.run(budget) : undefined));
  const resultsOf = (
    index: number,
    from: readonly IslandEvaluation[],
    pick: (e: IslandEvaluation) => readonly (readonly CheckResult[] | undefined)[],
  ): readonly CheckResult[] => {
    if (roles[index] === 'empty') return [];
    if (roles[index] === 'site') return siteResults[index]!;
    const list: CheckResult[] = [];
    for (const e of from) for (const r of pick(e)[index]!) list.push(r);
    return list.length > 1 ? byRank(list, rank, (r) => r.subject) : list;
  };
  // Most islands have nothing that fails or warns: only the others are read for the issues.
  const withIssues = tally.withIssues > 0 ? islands.filter((e) => e.hasIssues) : [];
  const issues = checks.flatMap((_, i) => resultsOf(i, withIssues, (e) => e.issues).filter((r) => r.status !== 'pass'));
  return evaluationFrom(budget, state.period?.label, () => checks.flatMap((_, i) => resultsOf(i, islands, (e) => e.results)), issues, sincePrevious);
}

/** The parts of one state in the campus's name order, each with the evaluation of its island. */
interface InOrder<T> {
  readonly items: readonly T[];
  readonly islands: readonly IslandEvaluation[];
}

/** Whether two maps have the same keys in the same order. */
function sameKeys(a: ReadonlyMap<string, unknown>, b: ReadonlyMap<string, unknown>): boolean {
  if (a.size !== b.size) return false;
  const other = b.keys();
  for (const key of a.keys()) if (other.next().value !== key) return false;
  return true;
}

/**
 * The parts (buses or cooling systems) of each state in the campus's name order (`order`), each
 * with its island's evaluation, kept from state to state: when no island was evaluated again, the
 * last lists themselves; when every island evaluated again has the same parts in service as in its
 * last evaluation, the last lists are copied and only those islands' entries replaced (their
 * places do not move); otherwise every part is looked up again.
 */
class PartsInOrder<T> {
  private last: InOrder<T> = { items: [], islands: [] };
  /** The places of each island's parts in `last`. */
  private places: number[][] = [];
  /** The name of the part at each place of `last`. */
  private names: string[] = [];

  constructor(
    private readonly order: readonly { readonly name: string; readonly island: number }[],
    private readonly byName: (e: IslandEvaluation) => ReadonlyMap<string, T>,
  ) {}

  /** The parts of the state of `islands`, where the islands `changed` were evaluated again since the last call (`before`: their last evaluations). */
  next(islands: readonly IslandEvaluation[], changed: readonly { readonly island: number; readonly before?: IslandEvaluation }[]): InOrder<T> {
    if (changed.length === 0) return this.last;
    if (changed.some((c) => c.before === undefined || !sameKeys(this.byName(c.before), this.byName(islands[c.island])))) return this.rebuild(islands);
    const items = this.last.items.slice();
    const from = this.last.islands.slice();
    for (const { island } of changed) {
      const now = islands[island];
      const byName = this.byName(now);
      for (const p of this.places[island] ?? []) {
        items[p] = byName.get(this.names[p])!;
        from[p] = now;
      }
    }
    return (this.last = { items, islands: from });
  }

  /** Every part looked up again, in name order. */
  private rebuild(islands: readonly IslandEvaluation[]): InOrder<T> {
    const items: T[] = [];
    const from: IslandEvaluation[] = [];
    this.places = islands.map(() => []);
    this.names = [];
    for (const { name, island } of this.order) {
      const item = this.byName(islands[island]).get(name);
      if (item === undefined) continue;
      this.places[island].push(items.length);
      this.names.push(name);
      items.push(item);
      from.push(islands[island]);
    }
    return (this.last = { items, islands: from });
  }
}

/**
 * Whether the site limit cannot stop any pod: for normal operation and for the loss of each
 * generator, the grid import with every bus at its bound (the solver's, `AllocationParts`; a
 * bus of an island without auto pods stays at its load) is clearly under the limit. Summed over
 * the buses in name order, as the solver sums it, with the generation each bus keeps
 * (`busGenerationIn`, kept per bus list: site-budget.ts).
 */
function siteClear(limitKw: number, buses: readonly JoinedBus[], list: BusList): boolean {
  if (!siteStaysClear(importOf(buses, (b) => b.boundNormalKw, list.generationKw), limitKw)) return false;
  return list.generationLosses.every((loss) => siteStaysClear(importOf(buses, (b) => b.boundContingencyKw, loss.generationKw), limitKw));
}

/**
 * The allocation of the whole state from its islands': caps as the islands found them, the
 * totals summed in the shedding order of the whole state, and each switched-off pod's place in
 * that order.
 */
function joinedAllocation(islands: readonly IslandEvaluation[], order: PartOrder, shed: ShedArrays, autoCount: number): MiningAllocation {
  const { autoPods, fillKw, headroomFillKw, inState, offReason } = shed;
  let miningPowerKw = 0;
  let headroomSumKw = 0;
  let onCount = 0;
  let position = 0;
  const offLabels = new Map<string, { readonly pod: MiningPodModel; readonly label: string }>();
  for (let g = 0; g < autoPods.length; g++) {
    if (!inState[g]) continue;
    if (offReason[g] !== undefined) offLabels.set(autoPods[g].name, { pod: autoPods[g], label: switchedOffReason(position, autoCount, offReason[g]!) });
    else {
      miningPowerKw += fillKw[g];
      onCount += 1;
    }
    headroomSumKw += headroomFillKw[g];
    position += 1;
  }
  const headroomKw = onCount > 0 ? headroomSumKw : 0;
  // A switched-off pod's reason names its place in the shedding order of the whole state.
  const relabelled = new Map<string, PodAllocation>();
  const lookup = (name: string): PodAllocation | undefined => {
    const island = order.islandOfLoad.get(name);
    const own = island === undefined ? undefined : podAllocation(islands[island].allocation, name);
    const off = own?.offReason === undefined ? undefined : offLabels.get(name);
    if (!own || !off) return own;
    let p = relabelled.get(name);
    if (!p) relabelled.set(name, (p = shared(off.pod, { ...own, offReason: off.label })));
    return p;
  };
  const pods = () => {
    const list: PodAllocation[] = [];
    for (const { load, island } of order.loads) {
      if (load.kind !== 'mining-pod' || !islands[island].loads.has(load)) continue;
      const p = lookup(load.name);
      if (p) list.push(p);
    }
    return list;
  };
  return allocationOf({ miningPowerKw, headroomKw, infeasible: [], autoPods: autoCount, switchedOff: offLabels.size }, pods, { get: lookup });
}

