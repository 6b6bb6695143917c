/**
 * Which mining pods run differently between two budgets of one site, and from when: the pods
 * whose running figures (power, cap per miner, switched off) differ at some state of the
 * timeline, each with the first month they differ, in words:
 * "pod-3 from 2027-05: 0.87 MW at 3100 W per miner (base: 1.02 MW at 3645 W per miner): -0.15 MW
 * interruptible; differs at 4 dates, to 2027-09".
 *
 * Read from the timeline's per-state pod figures (power-budget.json format version 3, see
 * budget-timeline.ts); says nothing when either side has none (versions 1 and 2): their pods'
 * figures at the top level are still compared by hardware-diff.ts), nor when neither side has
 * dates (one state: hardware-diff.ts says it all). The dates compared are every
 * month where either side's figures for the pod change; "the start" is the first state, before
 * every date.
 */
import type { PowerBudget } from './budget-schema';
import { podFiguresAt, podTimelines, type PodFigures, type PodStep } from './budget-timeline';
import { mw, plural, signedMw } from './format';
import type { LoadChange } from './hardware-diff';

/** How a pod runs in one state, in words. */
function describe(figures: PodFigures | undefined): string {
  if (!figures) return 'not in service';
  if (figures.offReason) return `switched off (${figures.offReason})`;
  return `${mw(figures.itKw)} MW${figures.capW === null ? '' : ` at ${figures.capW} W per miner`}`;
}

function sameFigures(a: PodFigures | undefined, b: PodFigures | undefined): boolean {
  if (!a || !b) return a === b;
  return a.itKw === b.itKw && a.hashrateThs === b.hashrateThs && a.capW === b.capW && a.offReason === b.offReason;
}

/** The months where either side's steps start, in time order (null, the first state, first). */
function breakpoints(base: readonly PodStep[], head: readonly PodStep[]): (string | null)[] {
  const months = new Set<string>();
  let start = false;
  for (const step of [...base, ...head]) {
    if (step.from === null) start = true;
    else months.add(step.from);
  }
  return [...(start ? [null] : []), ...[...months].sort()];
}

/**
 * One sentence per pod that runs differently at some date, in pod name order; empty when either
 * budget has no per-state pod figures or neither has more than one state.
 */
export function diffPodTimelines(base: PowerBudget, head: PowerBudget): LoadChange[] {
  const before = podTimelines(base);
  const after = podTimelines(head);
  if (!before || !after || ((base.timeline ?? []).length <= 1 && (head.timeline ?? []).length <= 1)) return [];
  const firm = new Map([...base.loads.miningPods, ...head.loads.miningPods].map((p) => [p.name, p.firm]));
  const names = [...new Set([...before.keys(), ...after.keys()])].sort();
  return names.flatMap((name): LoadChange[] => {
    const b = before.get(name) ?? [];
    const h = after.get(name) ?? [];
    const differing = breakpoints(b, h).filter((from) => !sameFigures(podFiguresAt(b, from), podFiguresAt(h, from)));
    if (differing.length === 0) return [];
    const from = differing[0];
    const baseFigures = podFiguresAt(b, from);
    const headFigures = podFiguresAt(h, from);
    const deltaKw = (headFigures?.itKw ?? 0) - (baseFigures?.itKw ?? 0);
    const last = differing[differing.length - 1];
    const span = differing.length > 1 ? `; differs at ${plural(differing.length, 'date')}, to ${last}` : '';
    return [
      {
        text: `${name} from ${from ?? 'the start'}: ${describe(headFigures)} (base: ${describe(baseFigures)}): ${signedMw(deltaKw)} ${firm.get(name) ? 'firm' : 'interruptible'}${span}`,
        deltaKw,
      },
    ];
  });
}
