/**
 * The one load model: for any scenario, which loads keep running and what each bus carries.
 *
 * Every figure the engine reports (bus and site load in each scenario, what demand response can
 * shed, what mining costs, what the caps solver may give) comes from `loadFlow` below, or from
 * `stateFlows`, which gives a state's four flows in one pass, float for float as four `loadFlow`
 * calls would (held to it by test/domain/state-flows.property.test.ts), so no two parts of the
 * engine can disagree about what sheds with what.
 *
 * The rules (shared/reference/domain-notes.md sections 2 and 4):
 * - A scenario sheds a set of loads (`Shedding`): none in normal operation; every interruptible
 *   load in a contingency (the loss of a feed, a side or a generator: interruptible pods, halls,
 *   blocks and auxiliary loads are all assumed to go down at once); for demand response, the
 *   interruptible mining pods that curtail within the response time (the loads the curtailment
 *   plan can shed).
 * - A load that runs draws its power on its own bus: IT for pods, halls and IT blocks, plus
 *   facility overhead = IT x its overhead fraction; a gross block or an auxiliary load draws its
 *   stated power.
 * - All IT power becomes heat for the load's cooling system. A PUE or COP system draws
 *   heat x (PUE - 1) or heat / COP on its own bus, so its draw falls with the heat of what is
 *   shed. A fixed system (fans, pumps, CDUs) draws its full power whenever at least one load it
 *   cools is running, and nothing when none is: shedding only some of its loads saves nothing.
 * - A bus's grid import is what its own on-site generation cannot cover,
 *   max(0, bus load - usable generation in service on that bus); the site's import is the sum.
 */
import { coolingKwPerHeatKw, coolingPowerKw } from './cooling-power';
import type { AuxiliaryLoadModel, BlockLoadModel, CampusModel, CoolingModel, GpuHallModel, MiningPodModel } from './model';
import { busesByName } from './scenarios';
import { shortcutsEnabled } from './shortcuts';

/** Load of a bus by class, kW. Cooling and overhead are counted where they are drawn. */
export interface LoadByClass {
  /** IT of firm pods, halls and IT blocks. */
  readonly firmItKw: number;
  /** IT of interruptible pods, halls and IT blocks. */
  readonly interruptibleItKw: number;
  /** Blocks stated as gross power (their cooling and overhead included). */
  readonly grossKw: number;
  readonly coolingKw: number;
  /** Facility overhead in proportion to IT (losses, UPS, lighting). */
  readonly overheadKw: number;
  readonly auxiliaryKw: number;
  readonly totalKw: number;
}

export const NO_LOAD: LoadByClass = { firmItKw: 0, interruptibleItKw: 0, grossKw: 0, coolingKw: 0, overheadKw: 0, auxiliaryKw: 0, totalKw: 0 };

/** Any load of the campus, as the flow sees it. */
export type CampusLoad = MiningPodModel | GpuHallModel | BlockLoadModel | AuxiliaryLoadModel;

/** How a load draws: IT that is cooled, gross power, or auxiliary power. */
export type DrawClass = 'it' | 'gross' | 'auxiliary';

export function drawClass(load: CampusLoad): DrawClass {
  if (load.kind === 'auxiliary') return 'auxiliary';
  if (load.kind === 'block-load' && load.basis === 'gross') return 'gross';
  return 'it';
}

export function isFirm(load: CampusLoad): boolean {
  return load.kind === 'auxiliary' ? load.firm !== false : load.firm;
}

/** The cooling system a load's heat goes to, if it is an IT load. */
export function coolingOf(load: CampusLoad): string | undefined {
  return drawClass(load) === 'it' ? (load as { cooling?: string }).cooling : undefined;
}

export function overheadFractionOf(load: CampusLoad): number {
  return drawClass(load) === 'it' ? ((load as { facilityOverheadFraction?: number }).facilityOverheadFraction ?? 0) : 0;
}

/** Seconds within which a load can shed for demand response, or undefined when it cannot take part. */
export function curtailSecondsOf(load: CampusLoad): number | undefined {
  return load.kind === 'mining-pod' ? load.curtailSeconds : undefined;
}

/** The power a load draws at its declared figures (before any cap the solver picks), kW. */
export function declaredPowerKw(load: CampusLoad): number {
  switch (load.kind) {
    case 'mining-pod':
    case 'gpu-hall':
      return load.itKw;
    case 'block-load':
    case 'auxiliary':
      return load.powerKw;
  }
}

/** Which loads a scenario sheds. */
export interface Shedding {
  readonly id: string;
  readonly sheds: (load: CampusLoad) => boolean;
}

export const NO_SHEDDING: Shedding = { id: 'normal', sheds: () => false };

/** A contingency: every interruptible load is shed; firm load keeps running. */
export const CONTINGENCY_SHEDDING: Shedding = { id: 'contingency', sheds: (load) => !isFirm(load) };

/** Demand response: the interruptible loads that can shed within `responseTimeS`. */
export function demandResponseShedding(responseTimeS: number): Shedding {
  return {
    id: `demand-response-${responseTimeS}s`,
    sheds: (load) => {
      const seconds = curtailSecondsOf(load);
      return !isFirm(load) && seconds !== undefined && seconds <= responseTimeS;
    },
  };
}

/** Another shedding rule, plus the loads `also` sheds. */
export function alsoShedding(base: Shedding, id: string, also: (load: CampusLoad) => boolean): Shedding {
  return { id: `${base.id}+${id}`, sheds: (load) => base.sheds(load) || also(load) };
}

export interface CoolingFlow {
  readonly heatKw: number;
  readonly powerKw: number;
  /** Whether at least one load it cools runs. */
  readonly running: boolean;
}

/** The load flow of one shedding rule: per bus load by class, per cooling system heat and power. */
export interface LoadFlow {
  readonly buses: ReadonlyMap<string, LoadByClass>;
  readonly cooling: ReadonlyMap<string, CoolingFlow>;
}

/** A campus's loads as listed (its four lists, one after the other) and the same loads in name order. */
interface ListedLoads {
  readonly listed: readonly CampusLoad[];
  readonly byName: readonly CampusLoad[];
}

const LOADS = new WeakMap<CampusModel, ListedLoads>();

/** The campus's four load lists, one after the other. */
export function listedLoads(campus: CampusModel): CampusLoad[] {
  return [...campus.miningPods, ...campus.gpuHalls, ...(campus.blockLoads ?? []), ...campus.auxiliaryLoads];
}

/**
 * Whether each of the campus's load lists holds only its own kind (a model built by hand may put a
 * part in another kind's list; the engine then keeps to what the lists say).
 */
export function listsHoldOwnKinds(campus: CampusModel): boolean {
  // Plain loops: no closure call per load (the caps solver and the budget both ask, per state).
  return holdsOnly(campus.miningPods, 'mining-pod') && holdsOnly(campus.gpuHalls, 'gpu-hall') && holdsOnly(campus.blockLoads ?? [], 'block-load') && holdsOnly(campus.auxiliaryLoads, 'auxiliary');
}

function holdsOnly(list: readonly { readonly kind: string }[], kind: string): boolean {
  for (let i = 0; i < list.length; i++) if (list[i].kind !== kind) return false;
  return true;
}

/** Whether the campus's four lists still hold exactly `listed`, in that order (one pass, no allocation). */
function stillListed(campus: CampusModel, listed: readonly CampusLoad[]): boolean {
  let i = 0;
  // Indexed loops: a for-of over 10,000 loads is an iterator call per load until V8 optimizes it.
  for (const list of [campus.miningPods, campus.gpuHalls, campus.blockLoads ?? [], campus.auxiliaryLoads] as readonly (readonly CampusLoad[])[]) {
    for (let k = 0; k < list.length; k++) if (listed[i++] !== list[k]) return false;
  }
  return i === listed.length;
}

/**
 * Every load of a campus, in name order. Sorted once per campus object (shortcuts.ts): the caps
 * solver and the budget of one state both list them, and sorting 10,000 names costs more than
 * the rest of listing them. The sort is reused only while the campus's lists hold the same load
 * objects in the same order (checked by identity, one pass): a caller that adds, removes or
 * replaces a load in place after a first evaluation gets its loads sorted again, never a stale
 * list that would leave a load out of the budget.
 */
export function campusLoads(campus: CampusModel): readonly CampusLoad[] {
  const sort = (loads: CampusLoad[]) => loads.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (!shortcutsEnabled()) return sort(listedLoads(campus));
  const known = LOADS.get(campus);
  if (known !== undefined && stillListed(campus, known.listed)) return known.byName;
  const listed = listedLoads(campus);
  const made: ListedLoads = { listed, byName: sort([...listed]) };
  LOADS.set(campus, made);
  return made.byName;
}

interface MutableLoad {
  firmItKw: number;
  interruptibleItKw: number;
  grossKw: number;
  coolingKw: number;
  overheadKw: number;
  auxiliaryKw: number;
}

function withTotal(l: MutableLoad): LoadByClass {
  return { ...l, totalKw: l.firmItKw + l.interruptibleItKw + l.grossKw + l.coolingKw + l.overheadKw + l.auxiliaryKw };
}

/**
 * The load flow when `shedding` applies and each load draws `powerKw(load)` while it runs (the
 * declared power, or the cap the solver picked). A load at 0 kW does not run.
 * Loads on a bus or cooling system that is not in the campus are not counted (load-references
 * reports them).
 */
export function loadFlow(
  campus: CampusModel,
  loads: readonly CampusLoad[],
  powerKw: (load: CampusLoad) => number,
  shedding: Shedding,
): LoadFlow {
  // Buses and cooling systems in name order, so that every float sum is the same whatever the
  // declaration order (loads come sorted by name from campusLoads).
  const sortedBuses = [...campus.buses].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const sortedCooling = [...campus.coolingSystems].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const buses = new Map<string, MutableLoad>(
    sortedBuses.map((b) => [b.name, { firmItKw: 0, interruptibleItKw: 0, grossKw: 0, coolingKw: 0, overheadKw: 0, auxiliaryKw: 0 }]),
  );
  const heat = new Map<string, { heatKw: number; running: boolean }>(sortedCooling.map((c) => [c.name, { heatKw: 0, running: false }]));
  for (const load of loads) {
    const kw = powerKw(load);
    if (kw <= 0 || shedding.sheds(load)) continue;
    const bus = buses.get(load.bus);
    const klass = drawClass(load);
    if (klass === 'auxiliary') {
      if (bus) bus.auxiliaryKw += kw;
    } else if (klass === 'gross') {
      if (bus) bus.grossKw += kw;
    } else {
      if (bus) {
        if (isFirm(load)) bus.firmItKw += kw;
        else bus.interruptibleItKw += kw;
        bus.overheadKw += kw * overheadFractionOf(load);
      }
      const c = heat.get(coolingOf(load)!);
      if (c) {
        c.heatKw += kw;
        c.running = true;
      }
    }
  }
  const cooling = new Map<string, CoolingFlow>();
  for (const c of sortedCooling) {
    const h = heat.get(c.name)!;
    const power = coolingPowerKw(c.power, h.heatKw, h.running);
    cooling.set(c.name, { heatKw: h.heatKw, powerKw: power, running: h.running });
    const bus = buses.get(c.bus);
    if (bus) bus.coolingKw += power;
  }
  return { buses: new Map([...buses].map(([name, l]) => [name, withTotal(l)])), cooling };
}

/** The flows of one state: normal operation and contingency, each also without auto-capped mining. */
export interface StateFlows {
  readonly normal: LoadFlow;
  readonly contingency: LoadFlow;
  /** `normal` with every auto-capped pod shed (the same object when none is marked). */
  readonly normalNoAuto: LoadFlow;
  /** `contingency` with every auto-capped pod shed (the same object when none is marked). */
  readonly contingencyNoAuto: LoadFlow;
}

/** Names to their index in first-seen order: the keys a Map built from the list keeps, in its order. */
function indexByName(parts: readonly { readonly name: string }[]): Map<string, number> {
  const index = new Map<string, number>();
  for (const part of parts) if (!index.has(part.name)) index.set(part.name, index.size);
  return index;
}

/**
 * The four flows of one state in one pass over its loads, each the same, float for float, as
 * `loadFlow` gives it: normal operation (NO_SHEDDING), contingency (CONTINGENCY_SHEDDING) and,
 * when `auto` marks some loads (1 at a load's position in `loads`), each also with those loads
 * shed. `powerKw[i]` is what `loads[i]` draws while it runs (a load at 0 kW does not run).
 *
 * One pass with the sums in flat arrays (flow x bus, flow x cooling system) rather than four
 * `loadFlow` calls: the budget and the caps solver read these flows for every state of 10,000
 * pods, and each `loadFlow` call walks every load with a closure and a map lookup per load. Each
 * sum still adds the loads in the order of `loads`, one sum per flow, so every figure is the
 * same float as `loadFlow`'s.
 */
export function stateFlows(campus: CampusModel, loads: readonly CampusLoad[], powerKw: ArrayLike<number>, auto?: Uint8Array): StateFlows {
  // Buses in name order as scenarios.ts keeps them (sorted again whenever the list no longer
  // holds the same buses); cooling systems sorted here, as loadFlow sorts them.
  const sortedBuses = busesByName(campus.buses);
  const sortedCooling = [...campus.coolingSystems].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const busIndex = indexByName(sortedBuses);
  const coolingIndex = indexByName(sortedCooling);
  const nb = busIndex.size;
  const nc = coolingIndex.size;
  let withAuto = false;
  if (auto !== undefined) for (let i = 0; i < auto.length && !withAuto; i++) withAuto = auto[i] === 1;
  // Flows: 0 normal, 1 contingency, 2 normal without auto, 3 contingency without auto.
  const flows = withAuto ? 4 : 2;
  const firmIt = new Float64Array(flows * nb);
  const interruptibleIt = new Float64Array(flows * nb);
  const gross = new Float64Array(flows * nb);
  const coolingKw = new Float64Array(flows * nb);
  const overhead = new Float64Array(flows * nb);
  const auxiliary = new Float64Array(flows * nb);
  const heat = new Float64Array(flows * nc);
  const running = new Uint8Array(flows * nc);
  // Consecutive loads in name order mostly share a bus and a cooling system: looked up once per run.
  let lastBus: string | undefined;
  let b = -1;
  let lastCooling: string | undefined;
  let c = -1;
  for (let i = 0; i < loads.length; i++) {
    const kw = powerKw[i];
    if (kw <= 0) continue;
    const load = loads[i];
    const firm = isFirm(load);
    // In the contingency flows exactly when CONTINGENCY_SHEDDING keeps it (the rule stated once).
    const inContingency = !CONTINGENCY_SHEDDING.sheds(load);
    const noAuto = !(withAuto && auto![i] === 1);
    if (load.bus !== lastBus || b < 0) {
      lastBus = load.bus;
      b = busIndex.get(load.bus) ?? -1;
    }
    const klass = drawClass(load);
    if (klass !== 'it') {
      if (b < 0) continue;
      const sums = klass === 'auxiliary' ? auxiliary : gross;
      sums[b] += kw;
      if (inContingency) sums[nb + b] += kw;
      if (withAuto && noAuto) {
        sums[2 * nb + b] += kw;
        if (inContingency) sums[3 * nb + b] += kw;
      }
      continue;
    }
    if (b >= 0) {
      const it = firm ? firmIt : interruptibleIt;
      const overheadKw = kw * overheadFractionOf(load);
      it[b] += kw;
      overhead[b] += overheadKw;
      if (inContingency) {
        it[nb + b] += kw;
        overhead[nb + b] += overheadKw;
      }
      if (withAuto && noAuto) {
        it[2 * nb + b] += kw;
        overhead[2 * nb + b] += overheadKw;
        if (inContingency) {
          it[3 * nb + b] += kw;
          overhead[3 * nb + b] += overheadKw;
        }
      }
    }
    const cooledBy = coolingOf(load);
    if (cooledBy !== lastCooling || c < 0) {
      lastCooling = cooledBy;
      c = cooledBy === undefined ? -1 : (coolingIndex.get(cooledBy) ?? -1);
    }
    if (c < 0) continue;
    heat[c] += kw;
    running[c] = 1;
    if (inContingency) {
      heat[nc + c] += kw;
      running[nc + c] = 1;
    }
    if (withAuto && noAuto) {
      heat[2 * nc + c] += kw;
      running[2 * nc + c] = 1;
      if (inContingency) {
        heat[3 * nc + c] += kw;
        running[3 * nc + c] = 1;
      }
    }
  }
  // Called once per flow: it adds each cooling system's power into that flow's bus sums.
  const flowAt = (f: number): LoadFlow => {
    // Every cooling system listed, a name listed twice drawing twice (as loadFlow adds it).
    const cooling = new Map<string, CoolingFlow>();
    for (const system of sortedCooling) {
      const k = f * nc + coolingIndex.get(system.name)!;
      const power = coolingPowerKw(system.power, heat[k], running[k] === 1);
      cooling.set(system.name, { heatKw: heat[k], powerKw: power, running: running[k] === 1 });
      const on = busIndex.get(system.bus);
      if (on !== undefined) coolingKw[f * nb + on] += power;
    }
    const buses = new Map<string, LoadByClass>();
    for (const [name, bus] of busIndex) {
      const k = f * nb + bus;
      buses.set(name, {
        firmItKw: firmIt[k],
        interruptibleItKw: interruptibleIt[k],
        grossKw: gross[k],
        coolingKw: coolingKw[k],
        overheadKw: overhead[k],
        auxiliaryKw: auxiliary[k],
        totalKw: firmIt[k] + interruptibleIt[k] + gross[k] + coolingKw[k] + overhead[k] + auxiliary[k],
      });
    }
    return { buses, cooling };
  };
  const normal = flowAt(0);
  const contingency = flowAt(1);
  return withAuto ? { normal, contingency, normalNoAuto: flowAt(2), contingencyNoAuto: flowAt(3) } : { normal, contingency, normalNoAuto: normal, contingencyNoAuto: contingency };
}

/** Total load of a flow over every bus, kW. */
export function flowTotalKw(flow: LoadFlow): number {
  let total = 0;
  for (const l of flow.buses.values()) total += l.totalKw;
  return total;
}

/** Grid import of a flow: per bus, what its generation (kW per bus) cannot cover; summed. */
export function siteImportKw(flow: LoadFlow, generationKw: ReadonlyMap<string, number>): number {
  let total = 0;
  for (const [name, l] of flow.buses) total += Math.max(0, l.totalKw - (generationKw.get(name) ?? 0));
  return total;
}

/**
 * What one kW of a running IT load adds to the buses (its own bus: 1 + overhead; its cooling's
 * bus: the PUE/COP coefficient), for the caps solver. The fixed draw of a cooling system is a
 * step, not a slope: see `coolingStepKw`.
 *
 * At most two draws: the caps solver sizes its buffers on it (MAX_TERMS_PER_POD in mining-caps.ts).
 */
export function itDrawPerKw(load: CampusLoad, cooling: CoolingModel | undefined): { readonly bus: string; readonly kwPerKw: number }[] {
  const out = [{ bus: load.bus, kwPerKw: 1 + overheadFractionOf(load) }];
  if (cooling) {
    const k = coolingKwPerHeatKw(cooling.power);
    if (k > 0) {
      const same = out.find((o) => o.bus === cooling.bus);
      if (same) same.kwPerKw += k;
      else out.push({ bus: cooling.bus, kwPerKw: k });
    }
  }
  return out;
}

/** The power a fixed cooling system starts drawing when its first load runs; 0 for PUE/COP. */
export function coolingStepKw(cooling: CoolingModel): number {
  return cooling.power.model === 'fixed' ? cooling.power.powerKw : 0;
}
