/**
 * Rebuilds what power-budget.json format version 3 stores as changes (power-budget-file.ts):
 * each state's bus rows, and each mining pod's running figures over the timeline.
 *
 * The rule, from the file's header: the first timeline entry lists every bus and every pod in
 * service; each later entry lists the buses whose rows differ from the previous state's (a bus
 * with no scenarios left) and the pods whose figures differ or that left service
 * (`inService: false`). A state's rows are the previous state's with the listed ones replaced.
 */
import type { PodChange, PowerBudget, TimelineEntry } from './budget-schema';

/** A pod's running figures in one state; undefined when it is not in service then. */
export type PodFigures = Extract<PodChange, { readonly itKw: number }>;

/** One point of a pod's figures over time: from the state that starts at `from` (null: the first state) on. */
export interface PodStep {
  /** The state's first month, or null for the first state (before every date). */
  readonly from: string | null;
  /** The state's label, as the timeline gives it ("from 2027-05", "before 2027-01", ...). */
  readonly label: string;
  readonly figures: PodFigures | undefined;
}

type BusRow = NonNullable<TimelineEntry['buses']>[number];

/**
 * Each state's bus rows, in name order, rebuilt from the listed changes; undefined when the file
 * does not list them per state (versions 1 and 2 list every bus at every state, but the reader
 * does not keep them).
 */
export function busRowsByState(budget: PowerBudget): BusRow[][] | undefined {
  const timeline = budget.timeline;
  if (!timeline || timeline.some((t) => t.buses === undefined)) return undefined;
  const current = new Map<string, BusRow>();
  return timeline.map((t) => {
    for (const row of t.buses!) {
      if (row.scenarios.length === 0) current.delete(row.name);
      else current.set(row.name, row);
    }
    return [...current.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  });
}

/**
 * Each mining pod's figures over the timeline, one step per state where they change (the first
 * step is where the pod first appears); pods by name. Undefined when the file has no per-state
 * pod figures (versions 1 and 2, or no timeline).
 */
export function podTimelines(budget: PowerBudget): Map<string, PodStep[]> | undefined {
  const timeline = budget.timeline;
  if (!timeline || timeline.length === 0 || timeline.some((t) => t.pods === undefined)) return undefined;
  const steps = new Map<string, PodStep[]>();
  for (const t of timeline) {
    for (const change of t.pods!) {
      const figures = 'itKw' in change ? change : undefined;
      const list = steps.get(change.name) ?? [];
      list.push({ from: t.from, label: t.label, figures });
      steps.set(change.name, list);
    }
  }
  return steps;
}

/** Whether month `a` is at or before `b`, where null is before every month. */
export function atOrBefore(a: string | null, b: string | null): boolean {
  if (a === null) return true;
  if (b === null) return false;
  return a <= b;
}

/** A pod's figures at the state that starts at `from`: its last step at or before it. */
export function podFiguresAt(steps: readonly PodStep[], from: string | null): PodFigures | undefined {
  let figures: PodFigures | undefined;
  for (const step of steps) {
    if (!atOrBefore(step.from, from)) break;
    figures = step.figures;
  }
  return figures;
}
