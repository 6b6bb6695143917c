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
  return [...pods].sort((a, b) => byPriorityThenEfficiency(a, b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Rules 1 and 2 of the shedding order: lower priority first, then the least efficient first. */
function byPriorityThenEfficiency(a: MiningPodModel, b: MiningPodModel): number {
  return a.priority - b.priority || b.efficiencyJTh - a.efficiencyJTh;
}

/** The most groups of equal priority and efficiency `sheddingOrderOfNamed` sorts by group; with more it gives undefined. */
const MAX_GROUPS = 32;

/**
 * `sheddingOrder(pods)`, for pods already in name order (a stable sort by name of the pods as
 * listed, as load-model.ts's campusLoads gives them): the same list, found without sorting the
 * pods again. A stable sort by name followed by a stable split into groups of equal priority and
 * efficiency, the groups in shedding order, puts every pod where the full sort puts it (within a
 * group the order is by name, a name used twice in its listed order, as the sort leaves it). A
 * campus has few such groups, so this is one pass over the pods instead of a sort of 10,000 of
 * them with a three-key comparison (13 to 16 ms on a cold engine). Undefined when a priority or
 * efficiency is not a finite number: the comparison is then inconsistent, and where the full sort
 * puts a pod depends on the order the pods are listed in, so the caller sorts them as listed.
 * Also undefined with more groups than MAX_GROUPS (a lookup per pod would cost more than the sort
 * it spares), so that the caller sorts the pods as listed too: the pods after the limit are not
 * looked at, and one of them may have a priority or efficiency that is not finite, where sorting
 * the name order would not give the order of the pods as listed.
 */
export function sheddingOrderOfNamed<T extends MiningPodModel>(podsByName: readonly T[]): T[] | undefined {
  const groups: T[][] = [];
  let last: T[] | undefined;
  let lastPod: T | undefined;
  for (let i = 0; i < podsByName.length; i++) {
    const pod = podsByName[i];
    if (!Number.isFinite(pod.priority) || !Number.isFinite(pod.efficiencyJTh)) return undefined;
    // Consecutive pods mostly share their group: the last group first, then the others.
    if (last === undefined || lastPod!.priority !== pod.priority || lastPod!.efficiencyJTh !== pod.efficiencyJTh) {
      last = undefined;
      for (let g = 0; g < groups.length && last === undefined; g++) {
        const first = groups[g][0];
        if (first.priority === pod.priority && first.efficiencyJTh === pod.efficiencyJTh) last = groups[g];
      }
      if (last === undefined) {
        // Many groups: a lookup per pod would cost more than the sort it spares. The pods not yet
        // looked at may not be finite, so the caller sorts the pods as listed.
        if (groups.length === MAX_GROUPS) return undefined;
        groups.push((last = []));
      }
    }
    last.push(pod);
    lastPod = pod;
  }
  // Groups differ in priority or efficiency, so this order is strict.
  groups.sort((a, b) => byPriorityThenEfficiency(a[0], b[0]));
  return groups.length === 1 ? groups[0] : ([] as T[]).concat(...groups);
}
