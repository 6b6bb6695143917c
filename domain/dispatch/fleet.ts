/**
 * The mining fleet of one campus, prepared for the simulation: for every state of the campus's
 * timeline, what each pod may draw and what it earns per kW, from the same budget engine synth
 * runs (evaluate.ts, mining-caps.ts, load-model.ts). Nothing here re-derives a cap.
 *
 * - A pod may draw at most its IT power in the state's budget: the solver's cap for power-capped
 *   pods (the `MiningAllocation`), the declared power otherwise (economics.ts `podFigures`);
 *   0 when it is not in service or the solver switched it off. Synth checked the state with
 *   every pod at that power at once, and switching pods off never raises any load of the load
 *   model (a fixed cooling draw stops when its last load stops), so any subset of pods at their
 *   caps passes every check synth passed.
 * - Its hashrate is the budget's at that cap (its hashrate curve where it has one), so its J/TH
 *   and break-even (break-even.ts) are at the cap.
 * - The grid power mining causes per kW of pod IT comes from the load model's `itDrawPerKw`:
 *   1 + facility overhead on the pod's bus, plus the PUE or COP coefficient of its cooling. A
 *   fixed cooling draw (fans, pumps) that serves only mining pods in that state is charged to
 *   mining whenever one of its pods runs (load-model.ts: it stops when its last load stops);
 *   one that also serves a hall, a block or an auxiliary load runs anyway and is not charged.
 */
import { byName } from '../budget';
import { campusEconomics, podFigures } from '../economics';
import { evaluateTimeline, type TimelineEvaluation } from '../evaluate';
import { campusLoads, coolingOf, coolingStepKw, itDrawPerKw } from '../load-model';
import type { CampusModel, DemandResponseCommitment } from '../model';
import type { Month } from '../timeline';
import { calledTogether, inSeason, neededKw } from '../demand-response';
import { monthIndexOf } from './price-series';

/** Pods with the same hardware (the catalog model id) form a group in every figure. */
export interface PodGroup {
  /** The hardware id, e.g. "bitmain-antminer-s21-xp". */
  readonly id: string;
  /** Human label of the hardware, e.g. "Antminer S21 XP". */
  readonly label: string;
}

/** A demand-response reserve: within `responseTimeS`, running pods must be able to shed `neededKw` of grid import. */
export interface ReserveRequirement {
  readonly responseTimeS: number;
  /** This commitment's MW plus those that may be called with it and respond as fast or faster, kW. */
  readonly neededKw: number;
  /** Programs, for reports. */
  readonly programs: readonly string[];
}

/** One state of the timeline, as the simulation reads it. Arrays are indexed by pod (see `SiteFleet.pods`). */
export interface FleetState {
  /** "from 2027-01", "before 2027-01", "at 2027-01", or "" for a campus without dates. */
  readonly label: string;
  /** First month index of the state (inclusive), -Infinity for the first state. */
  readonly fromMonthIndex: number;
  /** Month index where the next state starts (exclusive), Infinity for the last. */
  readonly untilMonthIndex: number;
  /** IT power the pod may draw, kW (0: not in service or switched off by the solver). */
  readonly capKw: Float64Array;
  /** Hashrate at that power, TH/s. */
  readonly hashrateThs: Float64Array;
  /** J/TH at that power (W / TH/s); Infinity for a pod that may not run. */
  readonly efficiencyJTh: Float64Array;
  /** Grid kW caused per kW of pod IT (overhead and PUE/COP cooling, load-model.ts). */
  readonly gridKwPerItKw: Float64Array;
  /** Index into `fixedCoolingKw` of the fixed cooling charged to mining, or -1. */
  readonly fixedCooling: Int32Array;
  /** Fixed cooling draws charged to mining, kW. */
  readonly fixedCoolingKw: Float64Array;
  /** Reserves by calendar month (index 0 = January), fastest response first. */
  readonly reserves: readonly (readonly ReserveRequirement[])[];
  /** Checks that fail in this state (synth would have refused it). */
  readonly failures: number;
}

export interface SiteFleet {
  readonly site: string;
  /** Every pod of the campus, sorted by name; arrays of the states are indexed like this. */
  readonly pods: readonly string[];
  readonly groups: readonly PodGroup[];
  /** Group index of each pod. */
  readonly podGroup: Int32Array;
  /** 1 for an interruptible pod (shed in a 4CP window), 0 for a firm one. */
  readonly interruptible: Uint8Array;
  /** Seconds within which each pod curtails (demand response). */
  readonly curtailSeconds: Float64Array;
  readonly states: readonly FleetState[];
  /**
   * AI revenue per MW of IT per year from the campus's economics inputs (economics.ts), or null
   * when it has none: the last state whose halls and leased blocks earn something, else the
   * colocation price alone (USD per kW-month x 12 x 1000).
   */
  readonly aiValueUsdPerMwYear: number | null;
  /**
   * Grid MWh per MW of AI IT per year that the AI revenue above does not pay for: the power of
   * self-operated halls valued at GPU-hours (their IT x 8,760 h x the load model's overhead and
   * cooling factor, as if they ran at their IT all year), per MW of the AI IT the revenue is
   * spread over; 0 when all of it is colocation rent (the tenant pays its power); null without
   * an AI value. The simulation prices it at the series' mean price so that AI is compared with
   * mining on the same basis, a margin after power.
   */
  readonly aiGridMwhPerMwYear: number | null;
}

function reservesFor(commitments: readonly DemandResponseCommitment[], calendarMonth: number): ReserveRequirement[] {
  // The synth check's rule (demand-response.ts `calledTogether`).
  const inForce = commitments.filter((c) => inSeason(c, new Set([calendarMonth])));
  return inForce
    .map((c) => {
      const together = calledTogether(c, inForce);
      const programs = [c, ...together].map((o) => o.program).sort();
      return { responseTimeS: c.responseTimeS, neededKw: neededKw(c, together), programs };
    })
    .sort((a, b) => a.responseTimeS - b.responseTimeS || a.neededKw - b.neededKw || (a.programs.join() < b.programs.join() ? -1 : a.programs.join() > b.programs.join() ? 1 : 0));
}

/** Prepares one campus from its timeline evaluation (evaluateTimeline, as synth runs it). */
export function prepareFleet(evaluation: TimelineEvaluation): SiteFleet {
  const campus = evaluation.campus;
  const allPods = [...campus.miningPods].sort(byName);
  const index = new Map(allPods.map((p, i) => [p.name, i]));
  const groupIds = [...new Set(allPods.map((p) => p.hardwareId))].sort();
  const groups = groupIds.map((id) => ({ id, label: allPods.find((p) => p.hardwareId === id)!.hardware }));
  const groupIndex = new Map(groupIds.map((id, i) => [id, i]));
  const n = allPods.length;

  const states = evaluation.states.map((state): FleetState => {
    const budget = state.evaluation.budget;
    const model = budget.campus;
    const capKw = new Float64Array(n);
    const hashrateThs = new Float64Array(n);
    const efficiencyJTh = new Float64Array(n).fill(Infinity);
    const gridKwPerItKw = new Float64Array(n);
    const fixedCooling = new Int32Array(n).fill(-1);
    const coolingByName = new Map(model.coolingSystems.map((c) => [c.name, c]));
    // Fixed cooling systems whose only loads are mining pods: their draw stops with mining.
    const loads = campusLoads(model);
    const fixedNames = [...model.coolingSystems]
      .sort(byName)
      .filter((c) => coolingStepKw(c) > 0 && loads.every((l) => coolingOf(l) !== c.name || l.kind === 'mining-pod') && loads.some((l) => coolingOf(l) === c.name));
    const fixedIndex = new Map(fixedNames.map((c, i) => [c.name, i]));
    for (const pod of model.miningPods) {
      const i = index.get(pod.name)!;
      const figures = podFigures(budget, pod);
      if (!(figures.itKw > 0) || !(figures.hashrateThs > 0)) continue;
      capKw[i] = figures.itKw;
      hashrateThs[i] = figures.hashrateThs;
      // W per TH/s is J/TH: kW x 1000 / TH/s.
      efficiencyJTh[i] = (figures.itKw * 1000) / figures.hashrateThs;
      gridKwPerItKw[i] = itDrawPerKw(pod, coolingByName.get(pod.cooling)).reduce((t, d) => t + d.kwPerKw, 0);
      fixedCooling[i] = fixedIndex.get(pod.cooling) ?? -1;
    }
    const commitments = model.commitments ?? [];
    const point = state.point;
    return {
      label: point.label,
      fromMonthIndex: point.from !== undefined ? monthIndexOf(point.from) : -Infinity,
      untilMonthIndex: point.until !== undefined ? monthIndexOf(point.until) : Infinity,
      capKw,
      hashrateThs,
      efficiencyJTh,
      gridKwPerItKw,
      fixedCooling,
      fixedCoolingKw: Float64Array.from(fixedNames.map((c) => coolingStepKw(c))),
      reserves: Array.from({ length: 12 }, (_, m) => reservesFor(commitments, m + 1)),
      failures: state.evaluation.failures.length,
    };
  });

  return {
    site: campus.name,
    pods: allPods.map((p) => p.name),
    groups,
    podGroup: Int32Array.from(allPods.map((p) => groupIndex.get(p.hardwareId)!)),
    interruptible: Uint8Array.from(allPods.map((p) => (p.firm ? 0 : 1))),
    curtailSeconds: Float64Array.from(allPods.map((p) => p.curtailSeconds)),
    states,
    ...aiValue(evaluation),
  };
}

/** Hours in a year of 365 days, for per-year figures (as `valueUsdPerMwYear`: 8,760). */
const HOURS_PER_YEAR = 8760;

function aiValue(evaluation: TimelineEvaluation): { aiValueUsdPerMwYear: number | null; aiGridMwhPerMwYear: number | null } {
  const ai = evaluation.campus.economics?.ai;
  if (!ai) return { aiValueUsdPerMwYear: null, aiGridMwhPerMwYear: null };
  for (let i = evaluation.states.length - 1; i >= 0; i--) {
    const budget = evaluation.states[i].evaluation.budget;
    const figures = campusEconomics(budget, { ai }).ai;
    const value = figures?.revenueUsdPerMwYear;
    if (value === null || value === undefined || !(value > 0) || !(figures!.itKw > 0)) continue;
    // The same halls economics.ts values at GPU-hours: self-operated, with a GPU-hour price and
    // a utilization. Their grid kW per IT kW comes from the load model (load-model.ts itDrawPerKw).
    const gpuHour = ai.gpuHourUsd !== undefined && ai.utilization !== undefined;
    const cooling = new Map(budget.campus.coolingSystems.map((c) => [c.name, c]));
    let gridKw = 0;
    for (const load of budget.loads) {
      if (load.kind !== 'gpu-hall' || load.operator.kind !== 'self' || !gpuHour) continue;
      gridKw += load.itKw * itDrawPerKw(load, cooling.get(load.cooling)).reduce((t, d) => t + d.kwPerKw, 0);
    }
    return { aiValueUsdPerMwYear: value, aiGridMwhPerMwYear: (gridKw / figures!.itKw) * HOURS_PER_YEAR };
  }
  // No hall earns in any state: the colocation price alone, USD per kW-month x 12 months x 1000 kW
  // (the tenant pays its power).
  return ai.coloUsdPerKwMonth !== undefined ? { aiValueUsdPerMwYear: ai.coloUsdPerKwMonth * 12 * 1000, aiGridMwhPerMwYear: 0 } : { aiValueUsdPerMwYear: null, aiGridMwhPerMwYear: null };
}

/** Evaluates a campus model as synth does (every state, or only `asOf`) and prepares its fleet. */
export function fleetOf(campus: CampusModel, asOf?: Month): SiteFleet {
  return prepareFleet(evaluateTimeline(campus, asOf !== undefined ? { asOf } : {}));
}
