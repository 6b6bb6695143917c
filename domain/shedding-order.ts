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
