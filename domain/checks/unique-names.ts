/**
 * Check 5b: every named part of a campus (bus, feed, cooling system, pod, hall, auxiliary load)
 * has a name of its own, because names become Kubernetes object names and report keys.
 */
import { campusLoads } from '../load-model';
import type { CampusModel } from '../model';
import { shortcutsEnabled } from '../shortcuts';
import type { BudgetCheck, CheckResult } from './check';

/**
 * Whether two named parts share a name: one pass over the names, the common case at every date of
 * a large campus. With `loadsByName`, the campus's loads in name order (load-model.ts
 * campusLoads), a name shared by two loads is found next to its twin, and only the names of the
 * buses, feeds and cooling systems are kept in a set (a few hundred, where a set of every name
 * grows to 10,000 at 10,000 pods); a name that is not a string (a model built by hand) is
 * looked for in the set of every name, since sorting orders such names inconsistently.
 */
export function hasDuplicateName(campus: CampusModel, loadsByName?: readonly { readonly name: string }[]): boolean {
  const seen = new Set<string>();
  const groups: readonly (readonly { readonly name: string }[])[] = [
    campus.buses,
    ...campus.buses.map((b) => b.feeds),
    campus.coolingSystems,
    ...(loadsByName === undefined ? [campus.miningPods, campus.gpuHalls, campus.blockLoads ?? [], campus.auxiliaryLoads] : []),
  ];
  // Indexed loops: a for-of is an iterator call per part until V8 optimizes it.
  for (const group of groups) {
    for (let i = 0; i < group.length; i++) {
      const name = group[i].name;
      if (seen.has(name)) return true;
      seen.add(name);
    }
  }
  if (loadsByName === undefined) return false;
  for (let i = 0; i < loadsByName.length; i++) {
    const name = loadsByName[i].name;
    if (typeof name !== 'string') return hasDuplicateName(campus);
    if ((i > 0 && name === loadsByName[i - 1].name) || seen.has(name)) return true;
  }
  return false;
}

export const uniqueNames: BudgetCheck = {
  id: 'unique-names',
  description: 'Every bus, feed, cooling system, pod, hall, block and auxiliary load in a campus has a unique name.',
  run: (budget) => {
    const campus = budget.campus;
    if (shortcutsEnabled() && !hasDuplicateName(campus, campusLoads(campus))) return [];
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
