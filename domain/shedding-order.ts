/**
 * The order in which mining pods are shed (curtailed) when power is short or the grid calls.
 *
 * 1. Lower `priority` first (a pod's declared priority; default 0).
 * 2. Then the least efficient miners first (highest J/TH): shedding them gives up the least
 *    hashrate per kW released.
 * 3. Then by name, so the order never depends on declaration order.
 */
import type { MiningPodModel } from './model';

export function sheddingOrder<T extends MiningPodModel>(pods: readonly T[]): T[] {
  return [...pods].sort(
    (a, b) => a.priority - b.priority || b.efficiencyJTh - a.efficiencyJTh || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}

/** At most this many (priority, J/TH) classes are put in order by hand; more are sorted. */
const MOST_CLASSES = 16;

/**
 * `sheddingOrder(listed)`, given the same pods in name order too (`podsByName`; a name used twice:
 * in the order `sheddingOrder`'s stable sort keeps them). The order then needs only the pods' classes
 * (priority, J/TH), which are few: each pod goes to its class in one pass, and the classes are
 * sorted, not the 10,000 pods (a comparator call per comparison, run unoptimized, cost more
 * than the rest of the caps solver's first step). Sorts `listed` when a priority or J/TH is not a
 * finite number (NaN compares as neither lower nor higher, so the sort's answer depends on the
 * order it is given) or classes are many.
 */
export function sheddingOrderOfNamed<T extends MiningPodModel>(podsByName: readonly T[], listed: readonly T[]): T[] {
  const priorities: number[] = [];
  const efficiencies: number[] = [];
  const members: T[][] = [];
  let last = -1;
  for (let i = 0; i < podsByName.length; i++) {
    const pod = podsByName[i];
    const priority = pod.priority;
    const efficiency = pod.efficiencyJTh;
    if (!Number.isFinite(priority) || !Number.isFinite(efficiency)) return sheddingOrder(listed);
    if (last < 0 || priorities[last] !== priority || efficiencies[last] !== efficiency) {
      last = -1;
      for (let k = 0; k < priorities.length && last < 0; k++) if (priorities[k] === priority && efficiencies[k] === efficiency) last = k;
      if (last < 0) {
        if (priorities.length === MOST_CLASSES) return sheddingOrder(listed);
        last = priorities.length;
        priorities.push(priority);
        efficiencies.push(efficiency);
        members.push([]);
      }
    }
    members[last].push(pod);
  }
  const classes = members.map((_, k) => k).sort((a, b) => priorities[a] - priorities[b] || efficiencies[b] - efficiencies[a]);
  const order: T[] = [];
  for (const k of classes) for (const pod of members[k]) order.push(pod);
  return order;
}
