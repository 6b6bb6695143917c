/**
 * The power budget of one state of a campus: the results of the load model (load-model.ts) in
 * every scenario (scenarios.ts), per bus, per cooling system and for the site.
 *
 * Inputs and results are separate: `campus` is the state as declared, `allocation` is what
 * the caps solver chose (mining-caps.ts), and everything else here is computed from the two.
 * The checks in ./checks judge this; nothing here decides pass or fail. Formulas:
 * - feed capacity: feed-rating.ts (NetBox kV x A x sqrt(3) formula, NEC 80% default);
 * - what a bus can carry after losing a source: redundancy.ts;
 * - what runs and what it draws in each scenario: load-model.ts;
 * - site: each bus draws from the grid what its own on-site generation cannot cover,
 *   max(0, bus load - usable generation on that bus); the sum is set against the
 *   interconnect limit in force. Generation on one bus does not offset another bus's load
 *   (site-budget.ts).
 */
import {
  campusLoads,
  coolingOf,
  declaredPowerKw,
  listsHoldOwnKinds,
  stateFlows,
  type StateFlows,
  NO_LOAD,
  type CampusLoad,
  type LoadByClass,
  type LoadFlow,
} from './load-model';
import { podAllocations, type MiningAllocation } from './mining-caps';
import type { BusModel, CampusModel, CoolingModel, GpuHallModel, MiningPodModel } from './model';
import { busGenerationKw, busUsableKw } from './redundancy';
import { busesByName, campusScenarios, losesGeneration, type Scenario } from './scenarios';
import { busListOf, siteBudgetOf, type BusTotals } from './site-budget';
import { utilizationOf } from './units';

export type { LoadByClass } from './load-model';

export type ScenarioKind = 'normal' | 'contingency';

/** One bus in one scenario: what it can carry and what it carries. */
export interface BusScenario {
  readonly scenario: ScenarioKind;
  /** "normal", or the loss event's key, e.g. "lose-feed:utility-2". */
  readonly id: string;
  /** Short label for tables, e.g. "normal" or "lose utility-2". */
  readonly label: string;
  /** For contingencies: what is lost, in words. */
  readonly lost?: string;
  /** For contingencies: the feeds lost, sorted. */
  readonly lostFeeds?: readonly string[];
  readonly capacityKw: number;
  readonly load: LoadByClass;
  readonly headroomKw: number;
  /** load / capacity; Infinity when there is load and no capacity. */
  readonly utilization: number;
  /** Load of auto-capped mining in this scenario (sized to fill the headroom). */
  readonly autoMiningKw: number;
}

export interface BusBudget {
  readonly bus: BusModel;
  readonly usableKw: number;
  /** Usable capacity of the bus's on-site generation feeds. */
  readonly generationUsableKw: number;
  /** What this bus draws from the grid in normal operation. */
  readonly gridImportKw: number;
  /** Normal-operation load of auto-capped mining on this bus. */
  readonly autoMiningKw: number;
  /** Normal operation first, then the loss of each of its sources (redundancy.ts). */
  readonly scenarios: readonly BusScenario[];
}

export interface CoolingBudget {
  readonly cooling: CoolingModel;
  /** Names of the loads it serves, sorted. */
  readonly served: readonly string[];
  /** Heat of the loads it serves in normal operation. */
  readonly heatKw: number;
  /** Heat that remains in a contingency (firm loads). */
  readonly firmHeatKw: number;
  /** Its draw in normal operation. */
  readonly powerKw: number;
  /** Its draw in a contingency (what keeps running for firm loads). */
  readonly firmPowerKw: number;
  /** What stops when interruptible load is shed: powerKw - firmPowerKw. */
  readonly interruptiblePowerKw: number;
  /** Heat of auto-capped mining pods served. */
  readonly autoMiningHeatKw: number;
  readonly utilization: number;
}

/** The site in one loss scenario: firm load against the interconnect, with the generation left. */
export interface SiteScenario {
  readonly scenario: Scenario;
  readonly totalLoadKw: number;
  readonly generationKw: number;
  readonly gridImportKw: number;
  readonly headroomKw: number;
  readonly utilization: number;
  readonly autoMiningKw: number;
}

export interface SiteBudget {
  readonly totalLoadKw: number;
  /** Load covered by on-site generation (per bus, at most that bus's load). */
  readonly generationOffsetKw: number;
  readonly gridImportKw: number;
  readonly interconnectLimitKw: number;
  readonly headroomKw: number;
  readonly utilization: number;
  /** Grid import that is auto-capped mining. */
  readonly autoMiningKw: number;
  /** Every loss scenario of the campus, in scenario order. */
  readonly contingencies: readonly SiteScenario[];
}

export interface CampusBudget {
  /** The state as declared (inputs only). */
  readonly campus: CampusModel;
  /** What the caps solver chose, when the campus has power-capped pods. */
  readonly allocation?: MiningAllocation;
  /** Every load, sorted by name. */
  readonly loads: readonly CampusLoad[];
  /** What each load draws when it runs, kW (auto pods at their cap, 0 when switched off). */
  readonly powerKw: ReadonlyMap<string, number>;
  readonly scenarios: readonly Scenario[];
  readonly flows: { readonly normal: LoadFlow; readonly contingency: LoadFlow };
  readonly buses: readonly BusBudget[];
  readonly cooling: readonly CoolingBudget[];
  readonly site: SiteBudget;
  /** Every pod and hall, sorted by name. */
  readonly itLoads: readonly (MiningPodModel | GpuHallModel)[];
}

export function byName<T extends { readonly name: string }>(a: T, b: T): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** The item with the least headroom (the worst case; the first among equals), or undefined for none. */
export function leastHeadroom<T extends { readonly headroomKw: number }>(items: readonly T[]): T | undefined {
  return items.reduce<T | undefined>((worst, item) => (worst === undefined || item.headroomKw < worst.headroomKw ? item : worst), undefined);
}

/** The site after the loss of each on-site generator (see `losesGeneration`). */
export function generatorLosses(site: SiteBudget): SiteScenario[] {
  return site.contingencies.filter((c) => losesGeneration(c.scenario));
}

function isAutoPod(load: CampusLoad): boolean {
  return load.kind === 'mining-pod' && load.powerControl?.mode === 'auto';
}

/** What each load of a state draws when it runs (the solver's cap for auto pods, the declared power otherwise): by name, by position in `loads`, and which loads are auto-capped pods. */
interface StatePowers {
  readonly powerKw: Map<string, number>;
  /** `powerKw.get(loads[i].name)`: a name listed twice has its last value at both places. */
  readonly atKw: Float64Array;
  /** 1 where `loads[i]` is an auto-capped pod. */
  readonly auto: Uint8Array;
}

function statePowers(loads: readonly CampusLoad[], allocation: MiningAllocation | undefined): StatePowers {
  // A loop, not `new Map(loads.map(...))`: no [name, kW] pair per load (the same map: a name
  // listed twice keeps its first place and its last value).
  const powerKw = new Map<string, number>();
  const atKw = new Float64Array(loads.length);
  const auto = new Uint8Array(loads.length);
  // The lookup found once (podAllocation finds it for every call).
  const caps = allocation ? podAllocations(allocation) : undefined;
  for (let i = 0; i < loads.length; i++) {
    const l = loads[i];
    const isAuto = isAutoPod(l);
    const kw = isAuto ? (caps?.get(l.name)?.powerKw ?? declaredPowerKw(l)) : declaredPowerKw(l);
    powerKw.set(l.name, kw);
    // `?? 0`: a hand-built load without its power figure draws nothing, as the map's readers take it.
    atKw[i] = kw ?? 0;
    if (isAuto) auto[i] = 1;
  }
  // A name listed twice: every load of that name draws the value the map keeps.
  if (powerKw.size !== loads.length) for (let i = 0; i < loads.length; i++) atKw[i] = powerKw.get(loads[i].name) ?? 0;
  return { powerKw, atKw, auto };
}

function busScenario(
  kind: ScenarioKind,
  id: string,
  label: string,
  capacityKw: number,
  load: LoadByClass,
  autoMiningKw: number,
  lost?: { readonly lost: string; readonly lostFeeds: readonly string[] },
): BusScenario {
  return {
    scenario: kind,
    id,
    label,
    ...(lost ? { lost: lost.lost, lostFeeds: lost.lostFeeds } : {}),
    capacityKw,
    load,
    headroomKw: capacityKw - load.totalKw,
    utilization: utilizationOf(load.totalKw, capacityKw),
    autoMiningKw,
  };
}

/**
 * The per-bus and per-cooling part of a state's budget, before the site: what `computeBudget`
 * computes from the loads of the campus, and what the timeline's islands (islands.ts) compute
 * for their own buses and cooling systems and join.
 */
export interface LocalBudget {
  readonly loads: readonly CampusLoad[];
  readonly powerKw: ReadonlyMap<string, number>;
  readonly flows: BudgetFlows;
  readonly buses: readonly BusBudget[];
  readonly cooling: readonly CoolingBudget[];
}

/** The flows of one state: normal operation and contingency, each also without auto-capped mining. */
export type BudgetFlows = StateFlows;

/** The bus and cooling budgets of one state, with power-capped pods at the allocation's caps. */
export function localBudget(campus: CampusModel, allocation: MiningAllocation | undefined, scenarios: readonly Scenario[]): LocalBudget {
  const loads = campusLoads(campus);
  const { powerKw, atKw, auto } = statePowers(loads, allocation);
  // The four flows in one pass (load-model.ts stateFlows), each as loadFlow gives it.
  const { normal, contingency, normalNoAuto, contingencyNoAuto } = stateFlows(campus, loads, atKw, auto);
  const loadOf = (flow: LoadFlow, bus: string) => flow.buses.get(bus) ?? NO_LOAD;

  const scenariosOf = new Map<string, Scenario[]>();
  for (const s of scenarios) {
    if (s.event === undefined) continue;
    const list = scenariosOf.get(s.event.bus);
    if (list) list.push(s);
    else scenariosOf.set(s.event.bus, [s]);
  }

  const buses = [...campus.buses].sort(byName).map((bus): BusBudget => {
    const usableKw = busUsableKw(bus);
    const generationUsableKw = busGenerationKw(bus);
    const normalLoad = loadOf(normal, bus.name);
    const autoMiningKw = normalLoad.totalKw - loadOf(normalNoAuto, bus.name).totalKw;
    const firmLoad = loadOf(contingency, bus.name);
    const autoFirmKw = firmLoad.totalKw - loadOf(contingencyNoAuto, bus.name).totalKw;
    return {
      bus,
      usableKw,
      generationUsableKw,
      gridImportKw: Math.max(0, normalLoad.totalKw - generationUsableKw),
      autoMiningKw,
      scenarios: [
        busScenario('normal', 'normal', 'normal', usableKw, normalLoad, autoMiningKw),
        ...(scenariosOf.get(bus.name) ?? []).map((s) => busScenario('contingency', s.event!.id, s.event!.label, s.event!.capacityKw, firmLoad, autoFirmKw, s.event)),
      ],
    };
  });

  const served = new Map<string, string[]>();
  const autoHeat = new Map<string, number>();
  // Consecutive loads (in name order) mostly share a cooling system: its list and its auto heat
  // are looked up once per run (the heat summed in a local in between: the same additions, in the
  // same order, as adding into the map load by load).
  let lastCooling: string | undefined;
  let names: string[] = [];
  let heatKw: number | undefined;
  for (let i = 0; i < loads.length; i++) {
    const l = loads[i];
    const c = coolingOf(l);
    if (c === undefined) continue;
    if (c !== lastCooling) {
      if (heatKw !== undefined) autoHeat.set(lastCooling!, heatKw);
      lastCooling = c;
      heatKw = autoHeat.get(c);
      const known = served.get(c);
      if (known) names = known;
      else served.set(c, (names = []));
    }
    names.push(l.name);
    if (auto[i] === 1) heatKw = (heatKw ?? 0) + atKw[i];
  }
  if (heatKw !== undefined) autoHeat.set(lastCooling!, heatKw);
  const cooling = [...campus.coolingSystems].sort(byName).map((c): CoolingBudget => {
    const n = normal.cooling.get(c.name)!;
    const f = contingency.cooling.get(c.name)!;
    return {
      cooling: c,
      served: (served.get(c.name) ?? []).sort(),
      heatKw: n.heatKw,
      firmHeatKw: f.heatKw,
      powerKw: n.powerKw,
      firmPowerKw: f.powerKw,
      interruptiblePowerKw: n.powerKw - f.powerKw,
      autoMiningHeatKw: autoHeat.get(c.name) ?? 0,
      utilization: utilizationOf(n.heatKw, c.capacityKw),
    };
  });
  return { loads, powerKw, flows: { normal, contingency, normalNoAuto, contingencyNoAuto }, buses, cooling };
}

/** `buses` in name order, one per name: the last listed of a name, whose generation `generationOn` keeps for it. */
function onePerName(buses: readonly BusModel[]): readonly BusModel[] {
  const sorted = busesByName(buses);
  let unique = true;
  for (let i = 1; i < sorted.length && unique; i++) unique = sorted[i].name !== sorted[i - 1].name;
  return unique ? sorted : sorted.filter((b, i) => i + 1 === sorted.length || sorted[i + 1].name !== b.name);
}

/**
 * The site in one state, from the flows of its buses (in name order, so that every float sum is
 * the same however the flows were put together): grid import in normal operation and in every
 * loss scenario, against the interconnect limit in force (site-budget.ts, `siteBudgetOf`).
 */
export function siteBudget(buses: readonly BusModel[], scenarios: readonly Scenario[], flows: BudgetFlows, limitKw: number): SiteBudget {
  // Made for each call: a state evaluated whole has scenarios of its own (joined states keep
  // their bus list in islands.ts), and a list kept per scenarios array would miss a scenario a
  // caller pushes into it after a first call.
  const models = onePerName(buses);
  const list = busListOf(models, scenarios);
  const { normal, contingency, normalNoAuto, contingencyNoAuto } = flows;
  const totalKw = (flow: LoadFlow, name: string) => (flow.buses.get(name) ?? NO_LOAD).totalKw;
  const totals = models.map(
    ({ name }): BusTotals => ({
      normalKw: totalKw(normal, name),
      contingencyKw: totalKw(contingency, name),
      normalNoAutoKw: totalKw(normalNoAuto, name),
      contingencyNoAutoKw: totalKw(contingencyNoAuto, name),
    }),
  );
  return siteBudgetOf(list, totals, limitKw);
}

/**
 * Every pod and hall of the campus, sorted by name: the pods and halls of `loads` (campusLoads, a
 * stable sort of pods, halls, blocks and auxiliary loads by name, so pods and halls come in the
 * order sorting them alone gives), found by kind when every list holds its own kind; a model
 * built by hand with a part in another kind's list is sorted as listed.
 */
function itLoadsOf(campus: CampusModel, loads: readonly CampusLoad[]): (MiningPodModel | GpuHallModel)[] {
  if (!listsHoldOwnKinds(campus)) return [...campus.miningPods, ...campus.gpuHalls].sort(byName);
  const itLoads: (MiningPodModel | GpuHallModel)[] = [];
  for (let i = 0; i < loads.length; i++) {
    const l = loads[i];
    if (l.kind === 'mining-pod' || l.kind === 'gpu-hall') itLoads.push(l);
  }
  return itLoads;
}

/** Computes the budget of one state, with power-capped pods at the allocation's caps. */
export function computeBudget(campus: CampusModel, allocation?: MiningAllocation): CampusBudget {
  const scenarios = campusScenarios(campus.buses);
  return budgetOf(campus, allocation, scenarios, localBudget(campus, allocation, scenarios));
}

/** The budget of one state from its bus and cooling budgets (`localBudget`). */
export function budgetOf(campus: CampusModel, allocation: MiningAllocation | undefined, scenarios: readonly Scenario[], local: LocalBudget): CampusBudget {
  const { loads, powerKw, flows, buses, cooling } = local;
  return {
    campus,
    ...(allocation ? { allocation } : {}),
    loads,
    powerKw,
    scenarios,
    flows: { normal: flows.normal, contingency: flows.contingency },
    buses,
    cooling,
    itLoads: itLoadsOf(campus, loads),
    // Made now, from the model as it is now, like the rest of the budget: made on first read, it
    // would judge a model a caller changed in place since (making it lazily saved nothing
    // measurable at 10,000 pods x 200 dates).
    site: siteBudget(campus.buses, scenarios, flows, campus.interconnectLimitKw),
  };
}
