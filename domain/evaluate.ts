/**
 * Computes a campus's budget and runs every check over it: once per state of its timeline.
 */
import { computeBudget } from './budget';
import { DATED_LISTS, campusAt, campusStates, interconnectLimitAt } from './campus-timeline';
import { ALL_CHECKS, type BudgetCheck, type CheckResult } from './checks';
import { allocateMiningCaps } from './mining-caps';
import type { CampusModel } from './model';
import { evaluationFrom, type CampusEvaluation } from './campus-evaluation';
import { evaluateByIslands } from './islands';
import { withoutShortcuts } from './shortcuts';
import type { Month, TimelinePoint } from './timeline';

export type { CampusEvaluation } from './campus-evaluation';

/**
 * The state as the checks judge it: with the interconnect limit in force in this state (campusAt
 * sets its month), or, for a model without one, the lowest of the schedule (never the favourable one).
 */
function withLimitInForce(model: CampusModel): CampusModel {
  return model.interconnectSteps?.length ? { ...model, interconnectLimitKw: interconnectLimitAt(model, model.period?.at), interconnectSteps: [] } : model;
}

/**
 * The state as the checks judge it (`withLimitInForce(campusAt(campus, point))`), with the lists
 * of parts in service made when first read: a timeline judged by islands (islands.ts) reads the
 * site's figures of every state and the lists of parts of few. The same keys, in the same order,
 * with the same values, as the state made at once.
 */
function lazyStateOf(campus: CampusModel, point: TimelinePoint): CampusModel {
  if (!point.label) return withLimitInForce(campus);
  let made: CampusModel | undefined;
  const full = () => (made ??= campusAt(campus, point));
  // The keys campusAt gives a state, in its order: campusAt itself, on the campus with its dated
  // lists empty (so that no list is written twice, here and there).
  const emptied: Record<string, unknown> = { ...campus };
  for (const key of DATED_LISTS) if (emptied[key] !== undefined) emptied[key] = [];
  const shape = withLimitInForce(campusAt(emptied as unknown as CampusModel, point)) as unknown as Record<string, unknown>;
  const state: Record<string, unknown> = {};
  for (const key of Object.keys(shape)) {
    if (DATED_LISTS.has(key)) Object.defineProperty(state, key, { enumerable: true, configurable: true, get: () => (full() as unknown as Record<string, unknown>)[key] });
    else state[key] = shape[key];
  }
  return state as unknown as CampusModel;
}

/** Evaluates one state of a campus (or a campus without dates). */
export function evaluateCampus(model: CampusModel, checks: readonly BudgetCheck[] = ALL_CHECKS): CampusEvaluation {
  const campus = withLimitInForce(model);
  const budget = computeBudget(campus, allocateMiningCaps(campus));
  // Each check's results, and those not passing (plain loops: 10,000 results for 10,000 pods);
  // every result joined in one copy (concat copies a list at once, not result by result).
  const perCheck: CheckResult[][] = [];
  const issues: CheckResult[] = [];
  for (let c = 0; c < checks.length; c++) {
    const results = checks[c].run(budget);
    perCheck.push(results);
    for (let k = 0; k < results.length; k++) if (results[k].status !== 'pass') issues.push(results[k]);
  }
  const raw = ([] as CheckResult[]).concat(...perCheck);
  return evaluationFrom(budget, campus.period?.label, () => raw, issues);
}

export interface TimelineState {
  readonly point: TimelinePoint;
  readonly evaluation: CampusEvaluation;
}

export interface TimelineEvaluation {
  /** The campus as declared, all dates included. */
  readonly campus: CampusModel;
  /** The chosen month, when the campus is synthesized for one date. */
  readonly asOf?: Month;
  /** Every state, in time order. */
  readonly states: readonly TimelineState[];
  /** The state reported at the top level: the chosen month's, else the last (the campus as finally planned). */
  readonly current: CampusEvaluation;
  /** Failures and warnings of every state, in time order. */
  readonly failures: readonly CheckResult[];
  readonly warnings: readonly CheckResult[];
}

/** The timeline of evaluated states: the current one, and every state's failures and warnings in time order. */
function timelineOf(campus: CampusModel, asOf: Month | undefined, states: readonly TimelineState[]): TimelineEvaluation {
  return {
    campus,
    ...(asOf !== undefined ? { asOf } : {}),
    states,
    current: states[states.length - 1].evaluation,
    failures: states.flatMap((s) => s.evaluation.failures),
    warnings: states.flatMap((s) => s.evaluation.warnings),
  };
}

/** Evaluates every state of the timeline (or only month `asOf`). Never reads the clock. */
export function evaluateTimeline(campus: CampusModel, options: { readonly asOf?: Month; readonly checks?: readonly BudgetCheck[] } = {}): TimelineEvaluation {
  const checks = options.checks ?? ALL_CHECKS;
  const points = campusStates(campus, options.asOf);
  // evaluateCampus puts the interconnect limit in force.
  const stateOf = (point: TimelinePoint) => (point.label ? campusAt(campus, point) : campus);
  // Islands (islands.ts) reuse what did not change from state to state; where they cannot be
  // used, every state is evaluated whole.
  const evaluations =
    evaluateByIslands(campus, points, checks, (point) => lazyStateOf(campus, point), (state) => evaluateCampus(state, checks)) ??
    points.map((point) => evaluateCampus(stateOf(point), checks));
  return timelineOf(
    campus,
    options.asOf,
    points.map((point, i) => ({ point, evaluation: evaluations[i] })),
  );
}

/** The evaluation with its lazily dated results made now (inside `withoutShortcuts`). */
function settled(evaluation: CampusEvaluation): CampusEvaluation {
  return { ...evaluation, results: evaluation.results };
}

/**
 * The reference for `evaluateTimeline`: every state evaluated on a fresh deep copy of the campus
 * with every shortcut off (shortcuts.ts), so that nothing computed for one state can be reused by
 * another and no estimate stands in for a sum. It gives the same answers byte for byte
 * (test/domain/incremental-timeline.property.test.ts), only slower.
 */
export function evaluateTimelineFromScratch(
  campus: CampusModel,
  options: { readonly asOf?: Month; readonly checks?: readonly BudgetCheck[] } = {},
): TimelineEvaluation {
  const states = campusStates(campus, options.asOf).map((point) => {
    const copy = structuredClone(campus);
    return { point, evaluation: withoutShortcuts(() => settled(evaluateCampus(point.label ? campusAt(copy, point) : copy, options.checks))) };
  });
  return timelineOf(campus, options.asOf, states);
}

/**
 * Groups results of the same check on the same subject across dates: the first date's message,
 * followed by the other dates where it also happens. This is what synth reports.
 */
export function firstOccurrences(results: readonly CheckResult[]): CheckResult[] {
  const groups = new Map<string, CheckResult[]>();
  for (const r of results) {
    const key = JSON.stringify([r.check, r.subject, r.path, r.scenario ?? '']);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()].map(([first, ...later]) =>
    later.length === 0 ? first : { ...first, message: `${first.message} Also ${later.map((r) => r.date).join(', ')}.` },
  );
}
