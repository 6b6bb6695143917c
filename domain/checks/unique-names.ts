/**
 * Check 5b: every named part of a campus (bus, feed, cooling system, pod, hall, auxiliary load)
 * has a name of its own, because names become Kubernetes object names and report keys.
 */
import type { CampusModel } from '../model';
import { shortcutsEnabled } from '../shortcuts';
import type { BudgetCheck, CheckResult } from './check';

/** Whether two named parts share a name: one pass over the names, the common case at every date of a large campus. */
export function hasDuplicateName(campus: CampusModel): boolean {
  const seen = new Set<string>();
  const groups: readonly (readonly { readonly name: string }[])[] = [
    campus.buses,
    ...campus.buses.map((b) => b.feeds),
    campus.coolingSystems,
    campus.miningPods,
    campus.gpuHalls,
    campus.blockLoads ?? [],
    campus.auxiliaryLoads,
  ];
  for (const group of groups) {
    for (const part of group) {
      if (seen.has(part.name)) return true;
      seen.add(part.name);
    }
  }
  return false;
}

export const uniqueNames: BudgetCheck = {
  id: 'unique-names',
  description: 'Every bus, feed, cooling system, pod, hall, block and auxiliary load in a campus has a unique name.',
  run: (budget) => {
    const campus = budget.campus;
    if (shortcutsEnabled() && !hasDuplicateName(campus)) return [];
    const declared: { name: string; path: string; what: string }[] = [
      ...campus.buses.map((b) => ({ name: b.name, path: b.path, what: 'bus' })),
      ...campus.buses.flatMap((b) => b.feeds.map((f) => ({ name: f.name, path: b.path, what: 'feed' }))),
      ...campus.coolingSystems.map((c) => ({ name: c.name, path: c.path, what: 'cooling system' })),
      ...campus.miningPods.map((p) => ({ name: p.name, path: p.path, what: 'mining pod' })),
      ...campus.gpuHalls.map((h) => ({ name: h.name, path: h.path, what: 'GPU hall' })),
      ...(campus.blockLoads ?? []).map((b) => ({ name: b.name, path: b.path, what: 'block load' })),
      ...campus.auxiliaryLoads.map((a) => ({ name: a.name, path: a.path, what: 'auxiliary load' })),
    ];
    const byName = new Map<string, typeof declared>();
    for (const part of declared) byName.set(part.name, [...(byName.get(part.name) ?? []), part]);
    const results: CheckResult[] = [];
    for (const [name, parts] of [...byName.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (parts.length < 2) continue;
      const where = parts.map((p) => `${p.what} at ${p.path}`).join(', ');
      for (const partPath of [...new Set(parts.map((p) => p.path))]) {
        results.push({
          check: uniqueNames.id,
          status: 'fail',
          subject: name,
          path: partPath,
          message: `structure: the name '${name}' is used ${parts.length} times in campus '${campus.name}' (${where}). Give each part a unique name.`,
        });
      }
    }
    return results;
  },
};
