/**
 * Per-pod power caps: mining fills the headroom that firm load, cooling and auxiliary leave.
 *
 * Pods in `auto` mode get the highest per-miner cap in [minW, maxW] such that every capacity
 * check still passes: normal operation on every bus, the contingency of N+1 / 2N buses (for
 * pods declared firm; interruptible pods are shed there), every cooling system's capacity and
 * the site interconnect. Cooling power grows with the IT it serves: a PUE or COP cooling system
 * adds (PUE - 1) or 1/COP kW per kW of mining on its own bus, and that is part of each check.
 *
 * The allocation, for one state of the campus:
 * 1. Everything that is not auto-capped (firm halls, rated or fixed pods, auxiliary, cooling of
 *    those) is the base. If the base alone breaks a check that auto pods take part in, no cap can
 *    help: every auto pod is off and the `mining-caps` check says by how much firm load must shrink.
 * 2. Auto pods start at their minimum cap. If that does not fit, whole pods are switched off in
 *    shedding order (lowest priority, least efficient, then name), each only if it takes part in
 *    a check that is still broken, until the rest fits at minimum.
 * 3. Priority groups, highest first, are raised in turn. Within a group every pod rises by the same
 *    fraction of its range ("water filling"); when a check becomes tight, the pods in it stop and
 *    the others keep rising, until every pod is at its maximum or held by a tight check. So pods of
 *    equal priority are treated alike whatever their declaration order, and lower priorities are
 *    capped first when power is short.
 * The same filling with no per-miner maximum gives the headroom available to mining (the
 * "of Y MW" in "headroom used by mining: X MW of Y MW").
 *
 * Each step is linear in the number of pods, and the number of rounds is bounded by the number
 * of checks, so 10,000 pods take milliseconds (bench/budget-bench.ts).
 */
import { computeBudget } from './budget';
import { minerHashrateThs } from './hashrate';
import type { CampusModel, CoolingPowerModel, MiningPodModel } from './model';
import { sheddingOrder } from './shedding-order';
import { formatPower } from './units';

/** Tolerance in kW: a check within 1 mW of its limit is tight. */
const EPS_KW = 1e-6;

export interface PodAllocation {
  readonly name: string;
  readonly mode: 'auto' | 'fixed';
  readonly priority: number;
  /** Cap per miner, W; 0 when switched off. */
  readonly capW: number;
  readonly powerKw: number;
  readonly hashrateThs: number;
  /** Why an auto pod is off. */
  readonly offReason?: string;
}

/** A check that firm load alone breaks, so that no mining cap can make it pass. */
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
}

interface Constraint {
  readonly label: string;
  readonly scenario: 'normal' | 'contingency';
  readonly path: string;
  readonly capacityKw: number;
  usageKw: number;
  /** Index of the bus for normal-operation constraints (their usage is the bus load the site sums). */
  readonly busIndex?: number;
  relevant: boolean;
}

interface Problem {
  readonly constraints: Constraint[];
  /** Per auto pod: (constraint index, kW of usage per kW of pod power). */
  readonly terms: { readonly c: number; readonly coeff: number }[][];
  /** Per bus: the normal-operation constraint index and usable on-site generation. */
  readonly buses: { readonly c: number; readonly generationKw: number }[];
  readonly interconnectLimitKw: number;
}

function coolingCoefficient(power: CoolingPowerModel): number {
  switch (power.model) {
    case 'pue':
      return power.pue - 1;
    case 'cop':
      return 1 / power.cop;
    case 'fixed':
      return 0;
  }
}

function isAuto(p: MiningPodModel): p is MiningPodModel & { powerControl: { mode: 'auto'; minW: number; maxW: number } } {
  return p.powerControl?.mode === 'auto';
}

/** The constraints auto pods take part in, with the base load (everything else) as usage. */
function buildProblem(campus: CampusModel, pods: readonly MiningPodModel[]): Problem {
  const base = computeBudget({ ...campus, miningPods: campus.miningPods.map((p) => (isAuto(p) ? { ...p, itKw: 0 } : p)) });
  const constraints: Constraint[] = [];
  const normalOf = new Map<string, number>();
  const contingencyOf = new Map<string, number>();
  const coolingOf = new Map<string, number>();
  const buses = base.buses.map((b, busIndex) => {
    const [normal, contingency] = b.scenarios;
    normalOf.set(b.bus.name, constraints.length);
    constraints.push({
      label: `normal operation on bus '${b.bus.name}'`,
      scenario: 'normal',
      path: b.bus.path,
      capacityKw: normal.capacityKw,
      usageKw: normal.load.totalKw,
      busIndex,
      relevant: false,
    });
    if (contingency) {
      contingencyOf.set(b.bus.name, constraints.length);
      constraints.push({
        label: `contingency ${b.bus.redundancy} on bus '${b.bus.name}'`,
        scenario: 'contingency',
        path: b.bus.path,
        capacityKw: contingency.capacityKw,
        usageKw: contingency.load.totalKw,
        relevant: false,
      });
    }
    return { c: normalOf.get(b.bus.name)!, generationKw: b.generationUsableKw };
  });
  for (const c of base.cooling) {
    coolingOf.set(c.cooling.name, constraints.length);
    constraints.push({ label: `cooling capacity of '${c.cooling.name}'`, scenario: 'normal', path: c.cooling.path, capacityKw: c.cooling.capacityKw, usageKw: c.heatKw, relevant: false });
  }
  const coolingByName = new Map(campus.coolingSystems.map((c) => [c.name, c]));
  const terms = pods.map((pod) => {
    const list: { c: number; coeff: number }[] = [];
    const add = (c: number | undefined, coeff: number) => {
      if (c === undefined || coeff === 0) return;
      const existing = list.find((t) => t.c === c);
      if (existing) existing.coeff += coeff;
      else list.push({ c, coeff });
      constraints[c].relevant = true;
    };
    const cooling = coolingByName.get(pod.cooling);
    const k = cooling ? coolingCoefficient(cooling.power) : 0;
    add(normalOf.get(pod.bus), 1);
    if (cooling) add(normalOf.get(cooling.bus), k);
    if (pod.firm) {
      add(contingencyOf.get(pod.bus), 1);
      if (cooling) add(contingencyOf.get(cooling.bus), k);
    }
    add(coolingOf.get(pod.cooling), 1);
    return list;
  });
  return { constraints, terms, buses, interconnectLimitKw: campus.interconnectLimitKw };
}

function siteImportKw(problem: Problem, usage: (c: number) => number): number {
  return problem.buses.reduce((t, b) => t + Math.max(0, usage(b.c) - b.generationKw), 0);
}

/**
 * Largest step d >= 0 with sum_B max(0, u_B + d s_B - G_B) <= limit (Infinity if unbounded). A bus
 * whose load stays under its own generation does not add to the import, so a full site does not
 * stop pods that only load such buses.
 */
function siteStep(problem: Problem, slope: Float64Array): number {
  const { constraints, buses, interconnectLimitKw } = problem;
  let value = siteImportKw(problem, (c) => constraints[c].usageKw);
  let rate = 0;
  const breakpoints: { at: number; slope: number }[] = [];
  for (const b of buses) {
    const u = constraints[b.c].usageKw;
    const s = slope[b.c];
    if (s <= 0) continue;
    if (u > b.generationKw) rate += s;
    else breakpoints.push({ at: (b.generationKw - u) / s, slope: s });
  }
  if (rate > 0 && value >= interconnectLimitKw - EPS_KW) return 0;
  breakpoints.sort((x, y) => x.at - y.at);
  let at = 0;
  for (const bp of breakpoints) {
    if (rate > 0 && value + rate * (bp.at - at) >= interconnectLimitKw) return at + Math.max(0, interconnectLimitKw - value) / rate;
    value += rate * (bp.at - at);
    at = bp.at;
    rate += bp.slope;
    if (value >= interconnectLimitKw - EPS_KW) return at;
  }
  return rate > 0 ? at + Math.max(0, interconnectLimitKw - value) / rate : Infinity;
}

/** Constraints (and the site) that the current usage breaks, with the overshoot. */
function violations(problem: Problem, extraKw: Float64Array | undefined, onlyRelevant: boolean): CapInfeasibility[] {
  const usage = (c: number) => problem.constraints[c].usageKw + (extraKw ? extraKw[c] : 0);
  const out: CapInfeasibility[] = [];
  problem.constraints.forEach((c, i) => {
    if (onlyRelevant && !c.relevant) return;
    const over = usage(i) - c.capacityKw;
    if (over > EPS_KW) out.push({ label: c.label, scenario: c.scenario, path: c.path, overKw: over });
  });
  const site = siteImportKw(problem, usage) - problem.interconnectLimitKw;
  if (site > EPS_KW) out.push({ label: 'site interconnect', scenario: 'normal', path: '', overKw: site });
  return out;
}

/**
 * Raises the active pods together: pod i gains rate[i] kW per unit of the shared level, up to
 * `levelMax`. Stops each pod when a constraint it is in becomes tight. Mutates powerKw and usage.
 */
function fill(problem: Problem, active: number[], rate: Float64Array, levelMax: number, powerKw: Float64Array): void {
  const { constraints } = problem;
  let level = 0;
  let live = active.filter((i) => rate[i] > 0);
  while (live.length > 0) {
    const slope = new Float64Array(constraints.length);
    for (const i of live) for (const t of problem.terms[i]) slope[t.c] += t.coeff * rate[i];
    let step = levelMax - level;
    constraints.forEach((c, j) => {
      if (slope[j] > 0) step = Math.min(step, Math.max(0, (c.capacityKw - c.usageKw) / slope[j]));
    });
    step = Math.min(step, siteStep(problem, slope));
    if (!Number.isFinite(step)) throw new Error('mining-caps: unbounded fill (a pod is on no bus); this is a bug');
    for (const i of live) powerKw[i] += step * rate[i];
    constraints.forEach((c, j) => (c.usageKw += step * slope[j]));
    level += step;
    if (level >= levelMax - 1e-12) return;
    const tight = new Set<number>();
    constraints.forEach((c, j) => {
      if (slope[j] > 0 && c.capacityKw - c.usageKw <= EPS_KW) tight.add(j);
    });
    const siteTight = siteImportKw(problem, (c) => constraints[c].usageKw) >= problem.interconnectLimitKw - EPS_KW;
    const importing = new Set(problem.buses.filter((b) => constraints[b.c].usageKw > b.generationKw - EPS_KW).map((b) => b.c));
    const held = (i: number) => problem.terms[i].some((t) => tight.has(t.c) || (siteTight && importing.has(t.c)));
    const next = live.filter((i) => !held(i));
    // Guard against float noise leaving nothing tight: stop rather than loop.
    live = next.length === live.length ? [] : next;
  }
}

/** Allocates caps for one state. Returns the campus with capped pods' power and hashrate set. */
export function allocateMiningCaps(campus: CampusModel): CampusModel {
  const controlled = campus.miningPods.filter((p) => p.powerControl !== undefined);
  if (controlled.length === 0) return campus;
  const auto = sheddingOrder(campus.miningPods.filter(isAuto));
  const problem = buildProblem(campus, auto);
  const n = auto.length;
  const minKw = Float64Array.from(auto, (p) => (p.count * p.powerControl.minW) / 1000);
  const spanKw = Float64Array.from(auto, (p) => (p.count * (p.powerControl.maxW - p.powerControl.minW)) / 1000);
  const ratedKw = Float64Array.from(auto, (p) => (p.count * p.minerPowerW) / 1000);
  const baseUsage = problem.constraints.map((c) => c.usageKw);

  /** Usage added by the pods that are on, at their minimum. */
  const atMinimum = (skip: (i: number) => boolean = () => false): Float64Array => {
    const extra = new Float64Array(problem.constraints.length);
    for (let i = 0; i < n; i++) if (!skip(i)) for (const t of problem.terms[i]) extra[t.c] += t.coeff * minKw[i];
    return extra;
  };

  const infeasible = n > 0 ? violations(problem, undefined, true) : [];
  // off[i]: pod i is switched off, and why.
  const offReasons: (string | undefined)[] = new Array(n).fill(undefined);
  if (infeasible.length > 0) {
    offReasons.fill(`firm load alone breaks ${infeasible[0].label}`);
  } else {
    // All at their minimum; then, in shedding order, switch off each pod that takes part in a
    // check its minimum (with the pods still on) breaks, until nothing is broken. A pod whose
    // checks all fit stays on, even if it ranks low.
    const usage = atMinimum();
    problem.constraints.forEach((c, j) => (usage[j] += c.usageKw));
    const broken = (j: number) => usage[j] > problem.constraints[j].capacityKw + EPS_KW;
    const siteBroken = () => siteImportKw(problem, (c) => usage[c]) > problem.interconnectLimitKw + EPS_KW;
    const importing = (j: number) => problem.buses.some((b) => b.c === j && usage[j] > b.generationKw + EPS_KW);
    for (let i = 0; i < n; i++) {
      const overSite = siteBroken();
      const hit = problem.terms[i].find((t) => broken(t.c)) ?? (overSite ? problem.terms[i].find((t) => importing(t.c)) : undefined);
      if (!hit) continue;
      const c = problem.constraints[hit.c];
      const what = broken(hit.c) ? c.label : 'site interconnect';
      const overKw = broken(hit.c) ? usage[hit.c] - c.capacityKw : siteImportKw(problem, (k) => usage[k]) - problem.interconnectLimitKw;
      offReasons[i] = `its minimum cap does not fit with the pods ranked above it: ${what} would exceed its limit by ${formatPower(overKw)}`;
      for (const t of problem.terms[i]) usage[t.c] -= t.coeff * minKw[i];
    }
  }
  const isOff = (i: number) => offReasons[i] !== undefined;

  // A pod on a bus the campus does not have (load-references fails) has no limit to fill up to.
  const onKnownBus = auto.map((_, i) => problem.terms[i].some((t) => problem.constraints[t.c].busIndex !== undefined));
  const run = (rate: Float64Array, levelMax: number): Float64Array => {
    problem.constraints.forEach((c, j) => (c.usageKw = baseUsage[j]));
    const powerKw = new Float64Array(n);
    const extra = atMinimum(isOff);
    problem.constraints.forEach((c, j) => (c.usageKw += extra[j]));
    for (let i = 0; i < n; i++) if (!isOff(i)) powerKw[i] = minKw[i];
    const priorities = [...new Set(auto.filter((_, i) => !isOff(i)).map((p) => p.priority))].sort((a, b) => b - a);
    for (const priority of priorities) {
      const group: number[] = [];
      for (let i = 0; i < n; i++) if (!isOff(i) && auto[i].priority === priority) group.push(i);
      fill(problem, group, rate, levelMax, powerKw);
    }
    return powerKw;
  };
  const unboundedRate = ratedKw.map((r, i) => (onKnownBus[i] ? r : 0));
  const onCount = auto.filter((_, i) => !isOff(i)).length;
  const headroomKw = onCount > 0 ? run(unboundedRate, Infinity).reduce((t, v) => t + v, 0) : 0;
  const powerKw = run(spanKw, 1);

  const allocations = new Map<string, PodAllocation>();
  const capped = new Map<string, MiningPodModel>();
  auto.forEach((pod, i) => {
    const capW = isOff(i) ? 0 : Math.min(pod.powerControl.maxW, (powerKw[i] * 1000) / pod.count);
    const itKw = isOff(i) ? 0 : powerKw[i];
    const hashrateThs = pod.count * minerHashrateThs(capW, pod.efficiencyJTh, pod.hashrateCurve);
    const reason = isOff(i) ? `switched off (shed ${i + 1} of ${n}): ${offReasons[i]}` : undefined;
    allocations.set(pod.name, { name: pod.name, mode: 'auto', priority: pod.priority, capW, powerKw: itKw, hashrateThs, ...(reason ? { offReason: reason } : {}) });
    capped.set(pod.name, { ...pod, itKw, capW, hashrateThs, ...(reason ? { offReason: reason } : {}) });
  });
  for (const pod of controlled) {
    if (pod.powerControl?.mode !== 'fixed') continue;
    allocations.set(pod.name, { name: pod.name, mode: 'fixed', priority: pod.priority, capW: pod.powerControl.capW, powerKw: pod.itKw, hashrateThs: pod.hashrateThs });
  }
  const miningPowerKw = auto.reduce((t, _, i) => t + (isOff(i) ? 0 : powerKw[i]), 0);
  const allocation: MiningAllocation = {
    pods: [...allocations.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    miningPowerKw,
    headroomKw: Math.max(headroomKw, miningPowerKw),
    infeasible,
  };
  return { ...campus, miningPods: campus.miningPods.map((p) => capped.get(p.name) ?? p), miningAllocation: allocation };
}
