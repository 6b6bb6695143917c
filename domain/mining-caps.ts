/**
 * Per-pod power caps: mining fills the headroom that firm load, cooling and auxiliary leave.
 *
 * Pods in `auto` mode get a per-miner cap in [minW, maxW], or are switched off, so that every
 * capacity check that passes with all of them off still passes: normal operation on every bus,
 * the loss of each source of each bus (for firm pods; interruptible pods are shed there), every
 * cooling system's capacity, and the site interconnect in normal operation and after the loss of
 * each on-site generator.
 *
 * The solver reads what a pod draws from the load model (load-model.ts), the same functions the
 * budget and the checks use: a kW of pod IT adds (1 + facility overhead) on its bus and the PUE
 * or COP coefficient of its cooling on the cooling's bus, in every scenario where the pod runs
 * (normal operation; contingencies too when the pod is firm). A fixed cooling draw is a step:
 * it starts when the first load it cools runs, in each scenario separately, so a firm pod that
 * turns on makes the fixed draw of its cooling firm.
 *
 * What it optimizes, in order:
 * 1. Which pods run. Pods are considered from the highest priority down (then the most
 *    efficient, then by name, descending: the exact reverse of the shedding order,
 *    shedding-order.ts), each turned on at its minimum if that fits with the pods already on. So
 *    a pod is off only if turning it on at its minimum would break a check, and a lower-priority
 *    pod never keeps a higher-priority one off. Demand response is kept too: a pod that does not
 *    shed within a commitment's response time keeps its fixed cooling running during a call;
 *    if that makes a commitment fail that the campus would meet with such pods off, the pods
 *    that keep such cooling systems running are switched off: the fewest systems, those whose
 *    pods are first to be shed, found by a binary search in which each try chooses the on-set
 *    again (linear in the pods), so a round costs O(pods x log systems).
 * 2. How much they draw. Priority groups, highest first, are raised in turn from their minimum.
 *    Within a group every pod rises by the same fraction of its range ("water filling"); when a
 *    check becomes tight, the pods in it stop and the others keep rising, until every pod is at
 *    its maximum or held by a tight check. Pods of equal priority are treated alike whatever
 *    their declaration order; lower priorities get what higher ones leave.
 * The same filling with no per-miner maximum gives the headroom available to mining (the
 * "of Y MW" in "headroom used by mining: X MW of Y MW").
 *
 * Each step is linear in the number of pods, and the number of filling rounds is bounded by the
 * number of checks (bench/budget-bench.ts).
 */
import { commitmentDemands, commitmentsInForce } from './demand-response';
import { minerHashrateThs } from './hashrate';
import {
  CONTINGENCY_SHEDDING,
  NO_SHEDDING,
  demandResponseShedding,
  campusLoads,
  coolingStepKw,
  declaredPowerKw,
  itDrawPerKw,
  listsHoldOwnKinds,
  loadFlow,
  stateFlows,
  type CampusLoad,
  type LoadFlow,
} from './load-model';
import type { CampusModel, MiningPodModel } from './model';
import { busUsableKw } from './redundancy';
import { campusScenarios, generationIn, losesGeneration } from './scenarios';
import { sheddingOrder, sheddingOrderOfNamed } from './shedding-order';
import { once } from './once';
import { shortcutsEnabled } from './shortcuts';
import { formatPower } from './units';

/** Tolerance in kW: a check within 1 mW of its limit is tight. */
const EPS_KW = 1e-6;

export interface PodAllocation {
  readonly name: string;
  readonly mode: 'auto' | 'fixed';
  readonly priority: number;
  /** Cap per miner, W; 0 when switched off. */
  readonly capW: number;
  /** IT power of the pod at that cap, kW. */
  readonly powerKw: number;
  readonly hashrateThs: number;
  /** Why an auto pod is off. */
  readonly offReason?: string;
}

/** A check that the load without auto-capped mining breaks, so that no mining cap can make it pass. */
export interface CapInfeasibility {
  /** e.g. "normal operation on bus 'bus-a'". */
  readonly label: string;
  readonly scenario: 'normal' | 'contingency';
  readonly path: string;
  /** By how much the load without auto-capped mining exceeds the limit, kW. */
  readonly overKw: number;
}

export interface MiningAllocation {
  /** Every auto or fixed pod, sorted by name. */
  readonly pods: readonly PodAllocation[];
  /** IT power given to auto-capped pods, kW (the "X" of "X MW of Y MW"). */
  readonly miningPowerKw: number;
  /** IT power auto-capped pods could take with no per-miner maximum, kW (the "Y"). */
  readonly headroomKw: number;
  readonly infeasible: readonly CapInfeasibility[];
  /** How many of `pods` are auto-capped. */
  readonly autoPods: number;
  /** How many auto-capped pods are switched off. */
  readonly switchedOff: number;
}

/**
 * What the timeline's islands (islands.ts) need to join the allocations of parts of a campus
 * that share no check into the allocation of the whole: the solver's figures per auto pod, in
 * shedding order, and the bound of each bus quantity the site check is judged on.
 * @internal
 */
export interface AllocationParts {
  /** The auto pods in shedding order. */
  readonly shedOrder: readonly MiningPodModel[];
  /** IT power per auto pod (shedding order) before the per-miner maximum is applied, kW; 0 when off. */
  readonly fillKw: Float64Array;
  /** The same with no per-miner maximum (for `headroomKw`); all 0 when no pod is on. */
  readonly headroomFillKw: Float64Array;
  /** Why each auto pod is off (shedding order), without its place in the shedding order. */
  readonly offReasons: readonly (string | undefined)[];
  /** Per bus (name order): the highest its normal and contingency load can reach while filling (see `independentParts`). */
  readonly busBoundsKw: readonly { readonly bus: string; readonly normalKw: number; readonly contingencyKw: number }[];
  /** Whether the solve is free of the site limit: what `independentParts` found. */
  readonly apart: boolean;
}

/** Made on first read: only a timeline joined from islands reads them. */
const PARTS = new WeakMap<MiningAllocation, () => AllocationParts>();

/** The solver's figures behind an allocation made by `allocateMiningCaps` (islands.ts). @internal */
export function allocationParts(allocation: MiningAllocation): AllocationParts | undefined {
  return PARTS.get(allocation)?.();
}

/** The reason an auto pod is off, with its place in the shedding order of the campus. */
export function switchedOffReason(index: number, count: number, reason: string): string {
  return `switched off (shed ${index + 1} of ${count}): ${reason}`;
}

const BY_NAME = new WeakMap<MiningAllocation, { get(name: string): PodAllocation | undefined }>();

/**
 * An allocation whose pod list is made on first read (only reports read it) and whose pods
 * `podAllocation` finds through `lookup`: what `allocateMiningCaps` and the islands' join
 * (islands.ts) return. `headroomKw` is at least the power given.
 * @internal
 */
export function allocationOf(
  figures: Omit<MiningAllocation, 'pods'>,
  pods: () => readonly PodAllocation[],
  lookup: { get(name: string): PodAllocation | undefined },
): MiningAllocation {
  const list = once(pods);
  const allocation: MiningAllocation = {
    get pods() {
      return list();
    },
    miningPowerKw: figures.miningPowerKw,
    headroomKw: Math.max(figures.headroomKw, figures.miningPowerKw),
    infeasible: figures.infeasible,
    autoPods: figures.autoPods,
    switchedOff: figures.switchedOff,
  };
  BY_NAME.set(allocation, lookup);
  return allocation;
}

/** The allocation of one pod, if it is power-capped (a cached lookup by name). */
export function podAllocation(allocation: MiningAllocation | undefined, name: string): PodAllocation | undefined {
  return allocation ? podAllocations(allocation).get(name) : undefined;
}

/** The allocations of an allocation's pods by name (what `podAllocation` looks in): for a caller that looks up every pod. */
export function podAllocations(allocation: MiningAllocation): { get(name: string): PodAllocation | undefined } {
  let byName = BY_NAME.get(allocation);
  if (!byName) BY_NAME.set(allocation, (byName = new Map(allocation.pods.map((p) => [p.name, p]))));
  return byName;
}

type AutoPod = MiningPodModel & { readonly powerControl: { readonly mode: 'auto'; readonly minW: number; readonly maxW: number } };

function isAuto(p: CampusLoad): p is AutoPod {
  return p.kind === 'mining-pod' && p.powerControl?.mode === 'auto';
}

/** A limit on one quantity (a bus load in normal operation or in a contingency, or a cooling system's heat). */
interface Limit {
  readonly q: number;
  readonly capacityKw: number;
  readonly label: string;
  readonly scenario: 'normal' | 'contingency';
  readonly path: string;
}

/** The site interconnect in one scenario: the bus loads of a mode against generation per bus. */
interface SiteLimit {
  /** Offset of the bus quantities: 0 for normal operation, nb for contingencies. */
  readonly offset: number;
  readonly generationKw: Float64Array;
  readonly limitKw: number;
  readonly label: string;
  readonly scenario: 'normal' | 'contingency';
}

interface Problem {
  readonly nb: number;
  /** Quantities: [0, nb) bus loads in normal operation, [nb, 2nb) in a contingency, then cooling heat. */
  readonly usage: Float64Array;
  readonly limits: readonly Limit[];
  readonly limitsOf: readonly (readonly Limit[])[];
  readonly sites: readonly SiteLimit[];
  /**
   * Per auto pod i: the (quantity, kW per kW of pod IT) pairs at [termStart[i], termStart[i + 1])
   * of termQ and termCoeff. Flat typed arrays rather than an object per pair: the solver reads
   * them for every pod in every step, and an object per pair made two or three per pod per state.
   */
  readonly termStart: Int32Array;
  readonly termQ: Int32Array;
  readonly termCoeff: Float64Array;
  /** Per auto pod: 1 when it runs in a contingency (a firm pod), 0 when it is shed there. */
  readonly runsInContingency: Uint8Array;
  /** Per auto pod: its fixed cooling step (quantity of the cooling's bus in each mode, kW), if any. */
  readonly steps: readonly ({ readonly cooling: string; readonly busQ: number; readonly kw: number } | undefined)[];
  /** Per mode (0 normal, 1 contingency): fixed cooling systems already running. */
  readonly coolingRunning: [Set<string>, Set<string>];
  /** Per quantity, for `fill` (all zero between its calls): made once per problem, not per filling round. */
  readonly scratch: { readonly slope: Float64Array; readonly loaded: Uint8Array; readonly loadedList: Int32Array; readonly tight: Uint8Array };
}

function runningCooling(flow: LoadFlow): Set<string> {
  return new Set([...flow.cooling].filter(([, c]) => c.running).map(([name]) => name));
}

function buildProblem(campus: CampusModel, loads: readonly CampusLoad[], auto: readonly AutoPod[]): Problem {
  const buses = [...campus.buses].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const nb = buses.length;
  const busIndex = new Map(buses.map((b, i) => [b.name, i]));
  const coolingSystems = [...campus.coolingSystems].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const coolingIndex = new Map(coolingSystems.map((c, i) => [c.name, i]));
  const coolingByName = new Map(coolingSystems.map((c) => [c.name, c]));
  // The base: every load at its declared power, auto pods off.
  const basePowerKw = new Float64Array(loads.length);
  for (let i = 0; i < loads.length; i++) basePowerKw[i] = isAuto(loads[i]) ? 0 : declaredPowerKw(loads[i]);
  // Both flows in one pass (load-model.ts stateFlows: each as loadFlow gives it).
  const { normal, contingency } = stateFlows(campus, loads, basePowerKw);
  const usage = new Float64Array(2 * nb + coolingSystems.length);
  buses.forEach((b, i) => {
    usage[i] = normal.buses.get(b.name)!.totalKw;
    usage[nb + i] = contingency.buses.get(b.name)!.totalKw;
  });
  coolingSystems.forEach((c, i) => (usage[2 * nb + i] = normal.cooling.get(c.name)!.heatKw));

  const limits: Limit[] = [];
  buses.forEach((b, i) => {
    limits.push({ q: i, capacityKw: busUsableKw(b), label: `normal operation on bus '${b.name}'`, scenario: 'normal', path: b.path });
  });
  const scenarios = campusScenarios(buses);
  for (const s of scenarios) {
    if (!s.event) continue;
    const b = busIndex.get(s.event.bus)!;
    limits.push({ q: nb + b, capacityKw: s.event.capacityKw, label: `${s.event.lost} on bus '${s.event.bus}'`, scenario: 'contingency', path: buses[b].path });
  }
  coolingSystems.forEach((c, i) =>
    limits.push({ q: 2 * nb + i, capacityKw: c.capacityKw, label: `cooling capacity of '${c.name}'`, scenario: 'normal', path: c.path }),
  );
  const limitsOf: Limit[][] = [];
  for (let q = 0; q < usage.length; q++) limitsOf.push([]);
  for (const l of limits) limitsOf[l.q].push(l);

  const generation = (s: (typeof scenarios)[number]) => {
    const g = generationIn(campus, s);
    const generationKw = new Float64Array(nb);
    buses.forEach((b, i) => (generationKw[i] = g.get(b.name) ?? 0));
    return generationKw;
  };
  // The site in normal operation, and after the loss of each generator (a loss that takes no
  // generation leaves the site importing less than in normal operation).
  const sites: SiteLimit[] = [
    { offset: 0, generationKw: generation(scenarios[0]), limitKw: campus.interconnectLimitKw, label: 'the site interconnect', scenario: 'normal' },
    ...scenarios
      .filter(losesGeneration)
      .map(
        (s): SiteLimit => ({
          offset: nb,
          generationKw: generation(s),
          limitKw: campus.interconnectLimitKw,
          label: `the site interconnect after the ${s.event!.lost} on bus '${s.event!.bus}'`,
          scenario: 'contingency',
        }),
      ),
  ];

  // Per pod, its terms (what a kW of its IT adds to each quantity, from the load model's
  // itDrawPerKw) and its fixed cooling step. They depend only on the pod's bus, cooling system,
  // overhead fraction and firmness: pods listed one after another mostly share them, so they are
  // worked out once per run of such pods and copied, into buffers sized for the most terms a pod
  // can have (two draws in two modes, and its cooling's heat).
  const termStart = new Int32Array(auto.length + 1);
  const runsInContingency = new Uint8Array(auto.length);
  const qs = new Int32Array(MAX_TERMS_PER_POD * auto.length);
  const coeffs = new Float64Array(MAX_TERMS_PER_POD * auto.length);
  let length = 0;
  const steps: ({ readonly cooling: string; readonly busQ: number; readonly kw: number } | undefined)[] = new Array(auto.length);
  let last: { bus: string; cooling: string; overhead: number | undefined; firm: boolean; runs: number; from: number; to: number; step: Problem['steps'][number] } | undefined;
  for (let i = 0; i < auto.length; i++) {
    const pod = auto[i];
    termStart[i] = length;
    const overhead = pod.facilityOverheadFraction;
    const firm = pod.firm;
    if (last !== undefined && last.bus === pod.bus && last.cooling === pod.cooling && Object.is(last.overhead, overhead) && last.firm === firm) {
      for (let t = last.from; t < last.to; t++) {
        qs[length] = qs[t];
        coeffs[length++] = coeffs[t];
      }
      steps[i] = last.step;
      runsInContingency[i] = last.runs;
      continue;
    }
    const from = length;
    const cooling = coolingByName.get(pod.cooling);
    const runs = CONTINGENCY_SHEDDING.sheds(pod) ? 0 : 1;
    runsInContingency[i] = runs;
    const draws = itDrawPerKw(pod, cooling);
    // The buffers hold MAX_TERMS_PER_POD terms a pod: a longer list would be dropped silently.
    if (2 * draws.length + 1 > MAX_TERMS_PER_POD) throw new Error(`mining-caps: itDrawPerKw gave ${draws.length} draws for '${pod.name}'; at most 2 fit MAX_TERMS_PER_POD: raise it`);
    for (const draw of draws) {
      const b = busIndex.get(draw.bus);
      if (b === undefined) continue;
      qs[length] = b;
      coeffs[length++] = draw.kwPerKw;
      if (runs === 1) {
        qs[length] = nb + b;
        coeffs[length++] = draw.kwPerKw;
      }
    }
    const c = coolingIndex.get(pod.cooling);
    if (c !== undefined) {
      qs[length] = 2 * nb + c;
      coeffs[length++] = 1;
    }
    const stepBus = cooling ? busIndex.get(cooling.bus) : undefined;
    const step = cooling && stepBus !== undefined && coolingStepKw(cooling) > 0 ? { cooling: cooling.name, busQ: stepBus, kw: coolingStepKw(cooling) } : undefined;
    steps[i] = step;
    last = { bus: pod.bus, cooling: pod.cooling, overhead, firm, runs, from, to: length, step };
  }
  termStart[auto.length] = length;
  const termQ = qs.slice(0, length);
  const termCoeff = coeffs.slice(0, length);
  const scratch = { slope: new Float64Array(usage.length), loaded: new Uint8Array(usage.length), loadedList: new Int32Array(usage.length), tight: new Uint8Array(usage.length) };
  return { nb, usage, limits, limitsOf, sites, termStart, termQ, termCoeff, runsInContingency, steps, coolingRunning: [runningCooling(normal), runningCooling(contingency)], scratch };
}

/**
 * The most terms a pod can have: itDrawPerKw gives at most two draws (the pod's own bus, and its
 * cooling system's bus when that is another), each in normal operation and in contingency, plus
 * its cooling system's heat. A typed array drops writes past its end silently, so a third draw
 * added to itDrawPerKw must raise this.
 */
const MAX_TERMS_PER_POD = 5;

function siteImport(problem: Problem, site: SiteLimit, usage: Float64Array): number {
  let total = 0;
  for (let b = 0; b < problem.nb; b++) total += Math.max(0, usage[site.offset + b] - site.generationKw[b]);
  return total;
}

/**
 * (quantity, kW) pairs in the order they were first added, a quantity added twice summed in its
 * first place: what a Map<number, number> would hold, in a buffer reused for every pod (no Map
 * per pod per try).
 */
class Delta {
  readonly q: Int32Array;
  readonly kw: Float64Array;
  length = 0;

  /** For the pods of `problem`: room for the most terms of one pod and its two cooling steps. */
  constructor(problem: Problem) {
    let most = 0;
    for (let i = 0; i + 1 < problem.termStart.length; i++) most = Math.max(most, problem.termStart[i + 1] - problem.termStart[i]);
    this.q = new Int32Array(most + 2);
    this.kw = new Float64Array(most + 2);
  }

  add(q: number, kw: number): void {
    for (let k = 0; k < this.length; k++) {
      if (this.q[k] === q) {
        this.kw[k] += kw;
        return;
      }
    }
    this.q[this.length] = q;
    // 0 + kw, as `(map.get(q) ?? 0) + kw` writes it (a -0 becomes 0).
    this.kw[this.length++] = 0 + kw;
  }
}

/** What pod i adds at `kw` of IT (and the fixed cooling it starts), as (quantity, kW) pairs, into `delta`. */
function podDelta(problem: Problem, i: number, kw: number, delta: Delta): Delta {
  delta.length = 0;
  for (let t = problem.termStart[i]; t < problem.termStart[i + 1]; t++) delta.add(problem.termQ[t], problem.termCoeff[t] * kw);
  const step = problem.steps[i];
  if (step) {
    if (!problem.coolingRunning[0].has(step.cooling)) delta.add(step.busQ, step.kw);
    if (problem.runsInContingency[i] === 1 && !problem.coolingRunning[1].has(step.cooling)) delta.add(problem.nb + step.busQ, step.kw);
  }
  return delta;
}

/** What `delta` adds to a site's import (the buses it loads above their generation), kW. */
function siteRise(problem: Problem, site: SiteLimit, delta: Delta): number {
  let rise = 0;
  for (let k = 0; k < delta.length; k++) {
    const q = delta.q[k];
    const b = q - site.offset;
    if (b < 0 || b >= problem.nb) continue;
    const u = problem.usage[q];
    rise += Math.max(0, u + delta.kw[k] - site.generationKw[b]) - Math.max(0, u - site.generationKw[b]);
  }
  return rise;
}

/**
 * A site's import can be over its limit only when a running estimate says it is near it: the
 * estimate (kept up to date pod by pod, so that a pod costs O(its quantities), not O(buses)) is
 * off from the exact sum by float rounding only, far below this margin; near the limit the
 * exact sum decides, so the answer is the same as summing every bus for every pod.
 */
function mayExceed(estimateKw: number, limitKw: number): boolean {
  // Written so that a NaN estimate counts as "may exceed" (the exact sum then decides).
  return !(estimateKw - limitKw <= EPS_KW - 1e-9 * (Math.abs(estimateKw) + Math.abs(limitKw)) - 1e-7);
}

/**
 * The first check that `delta` would break (or break further), with the overshoot; undefined if
 * it fits. `importKw` holds each site's running import estimate (see `mayExceed`), `riseKw` what
 * `delta` adds to each (siteRise, worked out once per pod by the caller, which adds it when the
 * pod fits).
 */
function breaks(problem: Problem, delta: Delta, importKw: Float64Array, riseKw: Float64Array): { readonly label: string; readonly overKw: number } | undefined {
  for (let k = 0; k < delta.length; k++) {
    const q = delta.q[k];
    const d = delta.kw[k];
    if (d <= 0) continue;
    const limits = problem.limitsOf[q];
    for (let j = 0; j < limits.length; j++) {
      const over = problem.usage[q] + d - limits[j].capacityKw;
      if (over > EPS_KW) return { label: limits[j].label, overKw: over };
    }
  }
  if (shortcutsEnabled()) {
    let clear = true;
    for (let k = 0; k < problem.sites.length && clear; k++) clear = !mayExceed(importKw[k] + riseKw[k], problem.sites[k].limitKw);
    if (clear) return undefined;
  }
  const after = problem.usage.slice();
  for (let k = 0; k < delta.length; k++) after[delta.q[k]] += delta.kw[k];
  for (const site of problem.sites) {
    const before = siteImport(problem, site, problem.usage);
    const now = siteImport(problem, site, after);
    if (now > before + EPS_KW && now - site.limitKw > EPS_KW) return { label: site.label, overKw: now - site.limitKw };
  }
  return undefined;
}

/**
 * Largest step d >= 0 with sum_B max(0, u_B + d s_B - G_B) <= limit (Infinity if unbounded). A bus
 * whose load stays under its own generation does not add to the import, so a full site does not
 * stop pods that only load such buses.
 */
function siteStep(problem: Problem, site: SiteLimit, slope: Float64Array): number {
  const { usage } = problem;
  let value = siteImport(problem, site, usage);
  let rate = 0;
  const breakpoints: { at: number; slope: number }[] = [];
  for (let b = 0; b < problem.nb; b++) {
    const u = usage[site.offset + b];
    const s = slope[site.offset + b];
    const g = site.generationKw[b];
    if (s <= 0) continue;
    if (u > g) rate += s;
    else breakpoints.push({ at: (g - u) / s, slope: s });
  }
  const limit = site.limitKw;
  if (rate > 0 && value >= limit - EPS_KW) return 0;
  breakpoints.sort((x, y) => x.at - y.at);
  let at = 0;
  for (const bp of breakpoints) {
    if (rate > 0 && value + rate * (bp.at - at) >= limit) return at + Math.max(0, limit - value) / rate;
    value += rate * (bp.at - at);
    at = bp.at;
    rate += bp.slope;
    if (value >= limit - EPS_KW) return at;
  }
  return rate > 0 ? at + Math.max(0, limit - value) / rate : Infinity;
}

/**
 * Raises the active pods together: pod i gains rate[i] kW per unit of the shared level, up to
 * `levelMax`. Stops each pod when a check it takes part in becomes tight. Mutates powerKw and usage.
 */
function fill(
  problem: Problem,
  active: readonly number[],
  rate: Float64Array,
  levelMax: number,
  powerKw: Float64Array,
  within: { readonly limits: readonly Limit[]; readonly sites: readonly SiteLimit[] } = problem,
): void {
  const { usage, termStart, termQ, termCoeff, nb } = problem;
  const { limits, sites } = within;
  // Scratch of the problem, all zero between calls: the slope of each quantity, and the
  // quantities the live pods load (a quantity no live pod loads has slope 0 and does not move).
  const { slope, loaded, loadedList, tight } = problem.scratch;
  let level = 0;
  let live: number[] = [];
  for (let k = 0; k < active.length; k++) if (rate[active[k]] > 0) live.push(active[k]);
  while (live.length > 0) {
    let nLoaded = 0;
    // Indexed loops throughout: a for-of is an iterator call per item until V8 optimizes this.
    for (let k = 0; k < live.length; k++) {
      const i = live[k];
      for (let t = termStart[i]; t < termStart[i + 1]; t++) {
        const q = termQ[t];
        if (!loaded[q]) {
          loaded[q] = 1;
          loadedList[nLoaded++] = q;
        }
        slope[q] += termCoeff[t] * rate[i];
      }
    }
    let step = levelMax - level;
    for (let j = 0; j < limits.length; j++) {
      const l = limits[j];
      if (slope[l.q] > 0) step = Math.min(step, Math.max(0, (l.capacityKw - usage[l.q]) / slope[l.q]));
    }
    for (let j = 0; j < sites.length; j++) step = Math.min(step, siteStep(problem, sites[j], slope));
    if (Number.isFinite(step)) {
      for (let k = 0; k < live.length; k++) powerKw[live[k]] += step * rate[live[k]];
      // Only the loaded quantities: adding step x 0 to the others changes nothing (usage is never -0).
      for (let k = 0; k < nLoaded; k++) usage[loadedList[k]] += step * slope[loadedList[k]];
      level += step;
    }
    const done = !Number.isFinite(step) || level >= levelMax - 1e-12;
    let next = live;
    if (!done) {
      const tightList: number[] = [];
      const mark = (q: number) => {
        if (!tight[q]) tightList.push(q);
        tight[q] = 1;
      };
      for (let j = 0; j < limits.length; j++) {
        const l = limits[j];
        if (slope[l.q] > 0 && l.capacityKw - usage[l.q] <= EPS_KW) mark(l.q);
      }
      for (let j = 0; j < sites.length; j++) {
        const site = sites[j];
        if (siteImport(problem, site, usage) < site.limitKw - EPS_KW) continue;
        for (let b = 0; b < nb; b++) if (usage[site.offset + b] > site.generationKw[b] - EPS_KW) mark(site.offset + b);
      }
      next = [];
      for (let k = 0; k < live.length; k++) {
        const i = live[k];
        let free = true;
        for (let t = termStart[i]; t < termStart[i + 1] && free; t++) if (tight[termQ[t]]) free = false;
        if (free) next.push(i);
      }
      for (let k = 0; k < tightList.length; k++) tight[tightList[k]] = 0;
    }
    for (let k = 0; k < nLoaded; k++) {
      slope[loadedList[k]] = 0;
      loaded[loadedList[k]] = 0;
    }
    if (!Number.isFinite(step)) throw new Error('mining-caps: unbounded fill (a pod is on no bus); this is a bug');
    if (done) return;
    // Guard against float noise leaving nothing tight: stop rather than loop.
    live = next.length === live.length ? [] : next;
  }
}

/** The running pods of one priority in one part, filled together, and the checks they fill against. */
interface FillGroup {
  readonly pods: readonly number[];
  readonly part: FillPart;
}

/**
 * The groups filled in turn: per part, its running pods by priority, highest first (pods of a
 * group in shedding order). Made once per state for both fillings (with and without the
 * per-miner maximum), in plain loops: a filter and a set per part made closures and lists per pod.
 */
function fillGroups(parts: readonly FillPart[], shedOrder: readonly MiningPodModel[], off: Uint8Array): FillGroup[] {
  const groups: FillGroup[] = [];
  for (const part of parts) {
    const on: number[] = [];
    const priorityOf: number[] = [];
    // The priorities of the running pods in order of first appearance (as a Set keeps them: SameValueZero).
    const priorities: number[] = [];
    for (let k = 0; k < part.pods.length; k++) {
      const i = part.pods[k];
      if (off[i] === 1) continue;
      const priority = shedOrder[i].priority;
      on.push(i);
      priorityOf.push(priority);
      if (!priorities.includes(priority)) priorities.push(priority);
    }
    priorities.sort((a, b) => b - a);
    for (const priority of priorities) {
      const pods: number[] = [];
      for (let k = 0; k < on.length; k++) if (priorityOf[k] === priority) pods.push(on[k]);
      groups.push({ pods, part });
    }
  }
  return groups;
}

/**
 * The highest each quantity can reach while filling: the larger of its value with every pod at
 * its minimum and its tightest limit, for a quantity a running pod loads; its value at the
 * minimum otherwise (see `independentParts`).
 */
function quantityBounds(problem: Problem, n: number, atMinimum: Float64Array, off: Uint8Array): Float64Array {
  const { termStart, termQ, termCoeff, limitsOf } = problem;
  const moves = new Uint8Array(atMinimum.length);
  for (let i = 0; i < n; i++) if (off[i] === 0) for (let t = termStart[i]; t < termStart[i + 1]; t++) if (termCoeff[t] > 0) moves[termQ[t]] = 1;
  const bounds = atMinimum.slice();
  for (let q = 0; q < bounds.length; q++) {
    if (!moves[q]) continue;
    let tightest = Infinity;
    const limits = limitsOf[q];
    for (let j = 0; j < limits.length; j++) tightest = Math.min(tightest, limits[j].capacityKw);
    bounds[q] = Math.max(atMinimum[q], tightest + EPS_KW);
  }
  return bounds;
}

/** Whether a site's import, with every bus at its bound, is clearly under its limit (by far more than float noise). */
export function siteStaysClear(importBoundKw: number, limitKw: number): boolean {
  return importBoundKw < limitKw - 1e-3 - 1e-9 * Math.abs(limitKw);
}

/** Pods (indices in shedding order, ascending) that fill together, and the checks they fill against. */
interface FillPart {
  readonly pods: readonly number[];
  readonly limits: readonly Limit[];
  readonly sites: readonly SiteLimit[];
}

/**
 * The pods split into parts that share no quantity (a bus in a mode, or a cooling system), for
 * filling apart; undefined when a site limit might bind, since the site couples every bus.
 *
 * While filling, a quantity never goes above the larger of its value with every pod at its
 * minimum and its tightest limit (a pod stops when a check it takes part in is tight; a quantity
 * no running pod loads does not move). If, with every bus at that bound, each site's import is
 * still clearly under its limit (by far more than float noise), no site check can stop a pod,
 * and a pod's fill depends only on the pods it shares a quantity with: filling each part apart
 * gives each pod the same level as filling them all together (up to float rounding in the order
 * of the steps). A site that can bind is never assumed not to: then everything fills together.
 */
function independentParts(problem: Problem, n: number, boundKw: Float64Array): FillPart[] | undefined {
  const { termStart, termQ } = problem;
  for (const site of problem.sites) if (!siteStaysClear(siteImport(problem, site, boundKw), site.limitKw)) return undefined;
  // Union-find over quantities: a pod joins every quantity it loads.
  const parent = new Int32Array(boundKw.length);
  for (let q = 0; q < parent.length; q++) parent[q] = q;
  const root = (q: number): number => {
    while (parent[q] !== q) q = parent[q] = parent[parent[q]];
    return q;
  };
  for (let i = 0; i < n; i++) {
    for (let t = termStart[i] + 1; t < termStart[i + 1]; t++) parent[root(termQ[t])] = root(termQ[termStart[i]]);
  }
  const byRoot = new Map<number, number[]>();
  const alone: number[][] = [];
  for (let i = 0; i < n; i++) {
    if (termStart[i + 1] === termStart[i]) {
      alone.push([i]);
      continue;
    }
    const r = root(termQ[termStart[i]]);
    const pods = byRoot.get(r);
    if (pods) pods.push(i);
    else byRoot.set(r, [i]);
  }
  const limitsByRoot = new Map<number, Limit[]>();
  for (const l of problem.limits) {
    const r = root(l.q);
    const list = limitsByRoot.get(r);
    if (list) list.push(l);
    else limitsByRoot.set(r, [l]);
  }
  return [
    ...[...byRoot].map(([r, pods]) => ({ pods, limits: limitsByRoot.get(r) ?? [], sites: [] })),
    ...alone.map((pods) => ({ pods, limits: [], sites: [] })),
  ];
}

/**
 * The campus's auto pods in shedding order (`sheddingOrder` of the auto pods of `miningPods`).
 * When every list holds its own kind, the auto pods of `loads` (campusLoads: in name order) are
 * those pods, and are put in shedding order without a second sort (`sheddingOrderOfNamed`); with
 * shortcuts off (the reference evaluation), always by the full sort.
 */
function autoPodsInSheddingOrder(campus: CampusModel, loads: readonly CampusLoad[]): AutoPod[] {
  if (!shortcutsEnabled() || !listsHoldOwnKinds(campus)) return sheddingOrder(campus.miningPods.filter(isAuto));
  const byName: AutoPod[] = [];
  for (let i = 0; i < loads.length; i++) {
    const load = loads[i];
    if (isAuto(load)) byName.push(load);
  }
  return sheddingOrderOfNamed(byName) ?? sheddingOrder(campus.miningPods.filter(isAuto));
}

/** Allocates caps for one state; undefined when the campus has no power-capped pod. */
export function allocateMiningCaps(campus: CampusModel): MiningAllocation | undefined {
  const controlled = campus.miningPods.filter((p) => p.powerControl !== undefined);
  if (controlled.length === 0) return undefined;
  const loads = campusLoads(campus);
  const shedOrder = autoPodsInSheddingOrder(campus, loads);
  const n = shedOrder.length;
  const problem = buildProblem(campus, loads, shedOrder);
  // Per pod, in shedding order (plain loops: `Float64Array.from` with a function is a slow path).
  const minKw = new Float64Array(n);
  const spanKw = new Float64Array(n);
  const ratedKw = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = shedOrder[i];
    minKw[i] = (p.count * p.powerControl.minW) / 1000;
    spanKw[i] = (p.count * (p.powerControl.maxW - p.powerControl.minW)) / 1000;
    ratedKw[i] = (p.count * p.minerPowerW) / 1000;
  }

  // Checks the load without auto pods already breaks, among those auto pods take part in.
  const touched = new Uint8Array(problem.usage.length);
  for (let t = 0; t < problem.termQ.length; t++) touched[problem.termQ[t]] = 1;
  const infeasible: CapInfeasibility[] = [];
  for (const l of problem.limits) {
    const over = problem.usage[l.q] - l.capacityKw;
    if (touched[l.q] && over > EPS_KW) infeasible.push({ label: l.label, scenario: l.scenario, path: l.path, overKw: over });
  }
  for (const site of problem.sites) {
    const over = siteImport(problem, site, problem.usage) - site.limitKw;
    const involved = touched.subarray(site.offset, site.offset + problem.nb).includes(1);
    if (involved && over > EPS_KW) infeasible.push({ label: site.label, scenario: site.scenario, path: campus.path, overKw: over });
  }

  // 1. Which pods run: from the last to be shed to the first, each on at its minimum if it fits.
  const baseUsage = problem.usage.slice();
  const baseRunning: [Set<string>, Set<string>] = [new Set(problem.coolingRunning[0]), new Set(problem.coolingRunning[1])];
  const broken = new Set(infeasible.map((v) => v.label));
  const chooseOnSet = (excluded: ReadonlyMap<number, string>): (string | undefined)[] => {
    problem.usage.set(baseUsage);
    problem.coolingRunning[0] = new Set(baseRunning[0]);
    problem.coolingRunning[1] = new Set(baseRunning[1]);
    const importKw = Float64Array.from(problem.sites, (site) => siteImport(problem, site, problem.usage));
    const reasons: (string | undefined)[] = new Array(n).fill(undefined);
    const delta = new Delta(problem);
    const riseKw = new Float64Array(problem.sites.length);
    for (let i = n - 1; i >= 0; i--) {
      if (excluded.size > 0 && excluded.has(i)) {
        reasons[i] = excluded.get(i);
        continue;
      }
      podDelta(problem, i, minKw[i], delta);
      for (let k = 0; k < problem.sites.length; k++) riseKw[k] = siteRise(problem, problem.sites[k], delta);
      const hit = breaks(problem, delta, importKw, riseKw);
      if (hit) {
        reasons[i] = broken.has(hit.label)
          ? `the load without auto-capped mining already breaks ${hit.label}`
          : `its minimum cap does not fit with the pods ranked above it: ${hit.label} would exceed its limit by ${formatPower(hit.overKw)}`;
        continue;
      }
      for (let k = 0; k < problem.sites.length; k++) importKw[k] += riseKw[k];
      for (let k = 0; k < delta.length; k++) problem.usage[delta.q[k]] += delta.kw[k];
      const step = problem.steps[i];
      if (step) {
        problem.coolingRunning[0].add(step.cooling);
        if (problem.runsInContingency[i] === 1) problem.coolingRunning[1].add(step.cooling);
      }
    }
    return reasons;
  };
  // Demand response: a pod that does not shed within a commitment's response time keeps its fixed
  // cooling running during a call, so that draw no longer counts. Turning on any other pod never
  // lowers what demand response can shed, so the best reachable is the campus with such "holding"
  // pods off. For a commitment met there but not with them on, the pods that alone keep a fixed
  // cooling system running during its call are switched off, one cooling system at a time, the
  // one whose pods are first to be shed first; on-sets are then chosen again.
  const excluded = new Map<number, string>();
  let offReasons = chooseOnSet(excluded);
  const commitments = commitmentsInForce(campus);
  if (commitments.length > 0 && shedOrder.some((_, i) => problem.steps[i] !== undefined)) {
    const powerWith = (on: (i: number) => boolean) => {
      const onKw = new Map(shedOrder.map((p, i) => [p.name, on(i) ? minKw[i] : 0]));
      return new Map(loads.map((l) => [l.name, onKw.get(l.name) ?? (isAuto(l) ? 0 : declaredPowerKw(l))]));
    };
    const met = (powerKw: ReadonlyMap<string, number>) =>
      commitmentDemands({ campus, loads, powerKw }, commitments).map((d) => d.neededKw <= d.availableKw + EPS_KW);
    const holds = (i: number, seconds: number) => problem.steps[i] !== undefined && !demandResponseShedding(seconds).sheds(shedOrder[i]);
    for (let round = 0; round < n; round++) {
      const on = (i: number) => offReasons[i] === undefined;
      const now = met(powerWith(on));
      const best = met(powerWith((i) => on(i) && !commitments.some((c) => holds(i, c.responseTimeS))));
      const lost = commitments.findIndex((_, k) => best[k] && !now[k]);
      if (lost < 0) break;
      const c = commitments[lost];
      // The fixed cooling systems that stop during this call once their holding pods are off.
      const holding = (i: number) => on(i) && holds(i, c.responseTimeS);
      const withoutHolding = powerWith((i) => on(i) && !holding(i));
      // A system that runs in normal operation for other loads, and stops during the call once its
      // holding pods are off: those pods alone keep its draw from counting.
      const power = (l: CampusLoad) => withoutHolding.get(l.name) ?? 0;
      const normal = loadFlow(campus, loads, power, NO_SHEDDING);
      const during = loadFlow(campus, loads, power, demandResponseShedding(c.responseTimeS));
      const freed = (i: number) => {
        const cooling = problem.steps[i]?.cooling;
        return holding(i) && cooling !== undefined && normal.cooling.get(cooling)?.running === true && during.cooling.get(cooling)?.running === false;
      };
      // The freed systems in the order their holding pods are shed; stop the fewest, first ones
      // that let the commitment be met again (a binary search: each try chooses the on-set again).
      const groups: string[] = [];
      shedOrder.forEach((_, i) => {
        const cooling = problem.steps[i]?.cooling;
        if (freed(i) && cooling !== undefined && !groups.includes(cooling)) groups.push(cooling);
      });
      if (groups.length === 0) break; // not the auto pods' doing; the demand-response check reports it
      const reason = (cooling: string) =>
        `it does not shed within the ${c.responseTimeS} s of '${c.program}', and with the other pods it keeps its fixed cooling ` +
        `'${cooling}' running during a call, so demand response could no longer cover the commitment`;
      const withGroups = (k: number) => {
        const stopped = new Set(groups.slice(0, k));
        const more = new Map(excluded);
        shedOrder.forEach((_, i) => {
          if (freed(i) && stopped.has(problem.steps[i]!.cooling)) more.set(i, reason(problem.steps[i]!.cooling));
        });
        return more;
      };
      const metWith = (k: number) => {
        const reasons = chooseOnSet(withGroups(k));
        return met(powerWith((i) => reasons[i] === undefined))[lost];
      };
      let lo = 1;
      let hi = groups.length;
      if (metWith(hi)) {
        while (lo < hi) {
          const mid = Math.floor((lo + hi) / 2);
          if (metWith(mid)) hi = mid;
          else lo = mid + 1;
        }
      }
      for (const [i, why] of withGroups(hi)) excluded.set(i, why);
      offReasons = chooseOnSet(excluded);
    }
  }
  // 1 per pod switched off: read per pod by every step below, so made once.
  const off = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (offReasons[i] !== undefined) off[i] = 1;
  const atMinimum = problem.usage.slice();

  // 2. How much they draw: priority groups, highest first, filled in turn.
  // Pods that share no check fill apart (one part each, see `independentParts`) when no site
  // limit can bind; otherwise the site couples them all and they fill together. With the
  // shortcuts off (the from-scratch reference), everything fills together.
  // Each quantity's bound while filling (quantityBounds): judged here, and kept for the islands.
  const bounds = shortcutsEnabled() ? quantityBounds(problem, n, atMinimum, off) : undefined;
  const apartParts = bounds ? independentParts(problem, n, bounds) : undefined;
  const parts = apartParts ?? [{ pods: shedOrder.map((_, i) => i), limits: problem.limits, sites: problem.sites }];
  const groups = fillGroups(parts, shedOrder, off);
  const run = (rate: Float64Array, levelMax: number): Float64Array => {
    problem.usage.set(atMinimum);
    const powerKw = new Float64Array(n);
    for (let i = 0; i < n; i++) if (off[i] === 0) powerKw[i] = minKw[i];
    for (const group of groups) fill(problem, group.pods, rate, levelMax, powerKw, group.part);
    return powerKw;
  };
  // A pod on no known bus gets no rate when unbounded (nothing would stop it).
  const unboundedRate = new Float64Array(n);
  let onCount = 0;
  for (let i = 0; i < n; i++) {
    for (let t = problem.termStart[i]; t < problem.termStart[i + 1]; t++) {
      if (problem.termQ[t] < problem.nb) {
        unboundedRate[i] = ratedKw[i];
        break;
      }
    }
    if (off[i] === 0) onCount += 1;
  }
  const headroomFillKw = onCount > 0 ? run(unboundedRate, Infinity) : new Float64Array(n);
  let headroomKw = 0;
  if (onCount > 0) for (let i = 0; i < n; i++) headroomKw += headroomFillKw[i];
  const powerKw = run(spanKw, 1);

  const allocations = autoAllocations(shedOrder, powerKw, off, offReasons);
  for (const pod of controlled) {
    if (pod.powerControl?.mode !== 'fixed') continue;
    allocations.set(pod.name, shared(pod, { name: pod.name, mode: 'fixed', priority: pod.priority, capW: pod.powerControl.capW, powerKw: pod.itKw, hashrateThs: pod.hashrateThs }));
  }
  let miningPowerKw = 0;
  for (let i = 0; i < n; i++) miningPowerKw += off[i] === 1 ? 0 : powerKw[i];
  // Sorted by name on first read (only reports read the list; lookups go through `podAllocation`):
  // `loads` is in name order already, so this is a walk, not a sort (a name used twice is listed
  // once, with its last allocation, as the map holds it). Every load is walked, whatever its
  // kind: a hand-built model may list in `miningPods` a part labelled otherwise, and its
  // allocation is listed as before.
  const podsByName = (): PodAllocation[] => {
    const pods: PodAllocation[] = [];
    let last: string | undefined;
    for (const load of loads) {
      if (load.name === last) continue;
      const p = allocations.get(load.name);
      if (p === undefined) continue;
      pods.push(p);
      last = load.name;
    }
    return pods;
  };
  // The lookup by name (podAllocation) is the map just built: `pods` are its values.
  const allocation = allocationOf({ miningPowerKw, headroomKw, infeasible, autoPods: n, switchedOff: n - onCount }, podsByName, allocations);
  if (bounds) {
    // Nothing it reads changes after this point (the filling is done).
    PARTS.set(
      allocation,
      once(() => {
        const busNames = [...campus.buses].map((b) => b.name).sort();
        return {
        shedOrder,
        fillKw: powerKw.map((kw, i) => (off[i] === 1 ? 0 : kw)),
        headroomFillKw,
        offReasons,
        busBoundsKw: busNames.map((bus, b) => ({ bus, normalKw: bounds[b], contingencyKw: bounds[problem.nb + b] })),
        apart: apartParts !== undefined,
        };
      }),
    );
  }
  return allocation;
}

/**
 * The allocation of each auto pod (shedding order) at the IT power the filling gave it, by name.
 * A function of its own, small, so that V8 optimizes its loop over 10,000 pods early.
 */
function autoAllocations(shedOrder: readonly AutoPod[], powerKw: Float64Array, off: Uint8Array, offReasons: readonly (string | undefined)[]): Map<string, PodAllocation> {
  const n = shedOrder.length;
  const allocations = new Map<string, PodAllocation>();
  const sharing = shortcutsEnabled();
  for (let i = 0; i < n; i++) {
    const pod = shedOrder[i];
    const isOff = off[i] === 1;
    const capW = isOff ? 0 : Math.min(pod.powerControl.maxW, (powerKw[i] * 1000) / pod.count);
    const itKw = isOff ? 0 : Math.min(powerKw[i], (pod.count * pod.powerControl.maxW) / 1000);
    const hashrateThs = pod.count * minerHashrateThs(capW, { powerW: pod.minerPowerW, hashrateThs: pod.minerHashrateThs }, pod.hashrateCurve);
    // Made in its final shape at once (no fields object copied without its offReason).
    const made: PodAllocation = isOff
      ? { name: pod.name, mode: 'auto', priority: pod.priority, capW, powerKw: itKw, hashrateThs, offReason: switchedOffReason(i, n, offReasons[i]!) }
      : { name: pod.name, mode: 'auto', priority: pod.priority, capW, powerKw: itKw, hashrateThs };
    allocations.set(pod.name, sharing ? sharedAllocation(pod, made) : made);
  }
  return allocations;
}

/** A pod's last allocation, per pod object (shortcuts.ts). */
const LAST_ALLOCATION = new WeakMap<MiningPodModel, PodAllocation>();

/**
 * The pod's allocation: the object of an earlier state when every field is the same (a campus
 * judged at hundreds of dates keeps most caps from one state to the next, and stores each once).
 */
export function shared(pod: MiningPodModel, fields: Omit<PodAllocation, 'offReason'> & { readonly offReason?: string }): PodAllocation {
  const { offReason, ...rest } = fields;
  const allocation: PodAllocation = offReason === undefined ? rest : { ...rest, offReason };
  return shortcutsEnabled() ? sharedAllocation(pod, allocation) : allocation;
}

/** `allocation`, or the pod's allocation of an earlier state when every field is the same; kept as the pod's last. */
function sharedAllocation(pod: MiningPodModel, allocation: PodAllocation): PodAllocation {
  const last = LAST_ALLOCATION.get(pod);
  if (
    last !== undefined &&
    last.name === allocation.name &&
    last.mode === allocation.mode &&
    last.priority === allocation.priority &&
    Object.is(last.capW, allocation.capW) &&
    Object.is(last.powerKw, allocation.powerKw) &&
    Object.is(last.hashrateThs, allocation.hashrateThs) &&
    last.offReason === allocation.offReason
  ) {
    return last;
  }
  LAST_ALLOCATION.set(pod, allocation);
  return allocation;
}
