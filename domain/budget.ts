/**
 * The power budget: loads by class, per bus and scenario, per cooling system, and for the site.
 *
 * Pure arithmetic over a `CampusModel`; the checks in ./checks judge the result. Formulas:
 * - feed capacity: feed-rating.ts (NetBox kV x A x sqrt(3) formula, NEC 80% default);
 * - firm capacity under N+1 / 2N: redundancy.ts;
 * - cooling power and its firm/interruptible split: cooling-power.ts;
 * - normal operation: load = firm IT + interruptible IT + cooling + auxiliary, against the sum
 *   of usable feed capacity;
 * - contingency: interruptible IT is shed, and so is the share of cooling that served it; the
 *   rest (the firm load) is set against firm capacity;
 * - site: each bus draws from the grid what its own on-site generation cannot cover,
 *   max(0, bus load - usable generation on that bus); the sum is set against the
 *   interconnect limit. Generation on one bus does not offset another bus's load.
 */
import type { AuxiliaryLoadModel, BusModel, CampusModel, CoolingModel, GpuHallModel, ItLoadModel, MiningPodModel } from './model';
import { feedUsableKw } from './feed-rating';
import { busContingency, busUsableKw } from './redundancy';
import { splitCoolingPower, type CoolingPowerSplit } from './cooling-power';

export interface LoadByClass {
  readonly firmItKw: number;
  readonly interruptibleItKw: number;
  readonly coolingKw: number;
  readonly auxiliaryKw: number;
  readonly totalKw: number;
}

export type ScenarioKind = 'normal' | 'contingency';

export interface ScenarioBudget {
  readonly scenario: ScenarioKind;
  /** Short label for tables, e.g. "normal" or "N+1 (lose utility-2)". */
  readonly label: string;
  /** For contingencies: what is lost, in words. */
  readonly lost?: string;
  readonly lostFeed?: string;
  readonly capacityKw: number;
  readonly load: LoadByClass;
  readonly headroomKw: number;
  /** load / capacity; Infinity when there is load and no capacity. */
  readonly utilization: number;
  /** Load of auto-capped mining in this scenario (sized to fill the headroom; see BusBudget.autoMiningKw). */
  readonly autoMiningKw: number;
}

export interface BusBudget {
  readonly bus: BusModel;
  readonly usableKw: number;
  /** Usable capacity of the bus's on-site generation feeds. */
  readonly generationUsableKw: number;
  /** What this bus draws from the grid in normal operation. */
  readonly gridImportKw: number;
  /**
   * Normal-operation load of auto-capped mining on this bus (its IT, and the PUE/COP cooling it
   * causes here). It is sized to fill the headroom, so it does not count towards warnings.
   */
  readonly autoMiningKw: number;
  readonly scenarios: readonly ScenarioBudget[];
}

export interface CoolingBudget {
  readonly cooling: CoolingModel;
  /** Names of the pods and halls it serves, sorted. */
  readonly served: readonly string[];
  readonly heatKw: number;
  readonly firmHeatKw: number;
  readonly power: CoolingPowerSplit;
  /** Heat of auto-capped mining pods served, and of those among them declared firm. */
  readonly autoMiningHeatKw: number;
  readonly autoMiningFirmHeatKw: number;
  readonly utilization: number;
}

export interface SiteBudget {
  readonly totalLoadKw: number;
  /** Load covered by on-site generation (per bus, at most that bus's load). */
  readonly generationOffsetKw: number;
  readonly gridImportKw: number;
  readonly interconnectLimitKw: number;
  readonly headroomKw: number;
  readonly utilization: number;
  /** Grid import that is auto-capped mining (per bus, at most that bus's import). */
  readonly autoMiningKw: number;
}

export interface CampusBudget {
  readonly campus: CampusModel;
  readonly buses: readonly BusBudget[];
  readonly cooling: readonly CoolingBudget[];
  readonly site: SiteBudget;
  /** Every pod and hall, sorted by name. */
  readonly itLoads: readonly (MiningPodModel | GpuHallModel)[];
}

export function byName<T extends { readonly name: string }>(a: T, b: T): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

export function utilizationOf(loadKw: number, capacityKw: number): number {
  if (capacityKw > 0) return loadKw / capacityKw;
  return loadKw > 0 ? Infinity : 0;
}

function sum<T>(items: readonly T[], value: (item: T) => number): number {
  return items.reduce((total, item) => total + value(item), 0);
}

function scenario(
  kind: ScenarioKind,
  label: string,
  capacityKw: number,
  parts: Omit<LoadByClass, 'totalKw'>,
  autoMiningKw: number,
  lost?: { readonly lost: string; readonly lostFeed?: string },
): ScenarioBudget {
  const totalKw = parts.firmItKw + parts.interruptibleItKw + parts.coolingKw + parts.auxiliaryKw;
  return {
    scenario: kind,
    label,
    ...(lost ? { lost: lost.lost, ...(lost.lostFeed ? { lostFeed: lost.lostFeed } : {}) } : {}),
    capacityKw,
    load: { ...parts, totalKw },
    headroomKw: capacityKw - totalKw,
    utilization: utilizationOf(totalKw, capacityKw),
    autoMiningKw,
  };
}

/** Groups items by a key in one pass (the budget is linear in the number of parts). */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function coolingBudget(cooling: CoolingModel, served: readonly ItLoadModel[]): CoolingBudget {
  const firmHeatKw = sum(served.filter((l) => l.firm), (l) => l.itKw);
  const interruptibleHeatKw = sum(served.filter((l) => !l.firm), (l) => l.itKw);
  const heatKw = firmHeatKw + interruptibleHeatKw;
  return {
    cooling,
    served: served.map((l) => l.name).sort(),
    heatKw,
    firmHeatKw,
    power: splitCoolingPower(cooling.power, firmHeatKw, interruptibleHeatKw),
    autoMiningHeatKw: sum(served.filter(isAutoCapped), (l) => l.itKw),
    autoMiningFirmHeatKw: sum(served.filter((l) => isAutoCapped(l) && l.firm), (l) => l.itKw),
    utilization: utilizationOf(heatKw, cooling.capacityKw),
  };
}

interface BusParts {
  readonly itLoads: readonly ItLoadModel[];
  readonly cooling: readonly CoolingBudget[];
  readonly auxiliary: readonly AuxiliaryLoadModel[];
}

/** A mining pod whose cap the engine sized to fill the headroom (mining-caps.ts). */
function isAutoCapped(load: ItLoadModel): boolean {
  return (load as MiningPodModel).powerControl?.mode === 'auto';
}

/** Cooling power a PUE or COP system draws per kW of heat; a fixed draw does not grow with it. */
function coolingPerHeatKw(c: CoolingBudget): number {
  return c.cooling.power.model === 'fixed' || c.heatKw <= 0 ? 0 : c.power.totalKw / c.heatKw;
}

function busBudget(bus: BusModel, parts: BusParts): BusBudget {
  const onBus = parts.itLoads;
  const coolingOnBus = parts.cooling;
  const firmItKw = sum(onBus.filter((l) => l.firm), (l) => l.itKw);
  const interruptibleItKw = sum(onBus.filter((l) => !l.firm), (l) => l.itKw);
  const auxiliaryKw = sum(parts.auxiliary, (a) => a.powerKw);
  const usableKw = busUsableKw(bus);
  const autoMiningKw = sum(onBus.filter(isAutoCapped), (l) => l.itKw) + sum(coolingOnBus, (c) => c.autoMiningHeatKw * coolingPerHeatKw(c));
  const autoFirmMiningKw =
    sum(onBus.filter((l) => isAutoCapped(l) && l.firm), (l) => l.itKw) + sum(coolingOnBus, (c) => c.autoMiningFirmHeatKw * coolingPerHeatKw(c));

  const normal = scenario(
    'normal',
    'normal',
    usableKw,
    { firmItKw, interruptibleItKw, coolingKw: sum(coolingOnBus, (c) => c.power.totalKw), auxiliaryKw },
    autoMiningKw,
  );
  const scenarios: ScenarioBudget[] = [normal];
  const contingency = busContingency(bus);
  if (contingency) {
    scenarios.push(
      scenario(
        'contingency',
        contingency.label,
        contingency.firmCapacityKw,
        { firmItKw, interruptibleItKw: 0, coolingKw: sum(coolingOnBus, (c) => c.power.firmKw), auxiliaryKw },
        autoFirmMiningKw,
        contingency,
      ),
    );
  }
  const generationUsableKw = sum(bus.feeds.filter((f) => f.source === 'onsite-generation'), feedUsableKw);
  return {
    bus,
    usableKw,
    generationUsableKw,
    gridImportKw: Math.max(0, normal.load.totalKw - generationUsableKw),
    autoMiningKw,
    scenarios,
  };
}

/** Computes the whole budget. Parts are processed in name order, so the result does not depend on declaration order. */
export function computeBudget(campus: CampusModel): CampusBudget {
  const itLoads = [...campus.miningPods, ...campus.gpuHalls].sort(byName);
  const byCooling = groupBy(itLoads, (l) => l.cooling);
  const cooling = [...campus.coolingSystems].sort(byName).map((c) => coolingBudget(c, byCooling.get(c.name) ?? []));
  const loadsByBus = groupBy(itLoads, (l) => l.bus);
  const coolingByBus = groupBy(cooling, (c) => c.cooling.bus);
  const auxByBus = groupBy(campus.auxiliaryLoads, (a) => a.bus);
  const buses = [...campus.buses]
    .sort(byName)
    .map((b) => busBudget(b, { itLoads: loadsByBus.get(b.name) ?? [], cooling: coolingByBus.get(b.name) ?? [], auxiliary: auxByBus.get(b.name) ?? [] }));
  const totalLoadKw = sum(buses, (b) => b.scenarios[0].load.totalKw);
  const gridImportKw = sum(buses, (b) => b.gridImportKw);
  return {
    campus,
    buses,
    cooling,
    itLoads,
    site: {
      totalLoadKw,
      generationOffsetKw: totalLoadKw - gridImportKw,
      autoMiningKw: sum(buses, (b) => Math.min(b.autoMiningKw, b.gridImportKw)),
      gridImportKw,
      interconnectLimitKw: campus.interconnectLimitKw,
      headroomKw: campus.interconnectLimitKw - gridImportKw,
      utilization: utilizationOf(gridImportKw, campus.interconnectLimitKw),
    },
  };
}
