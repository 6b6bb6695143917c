/**
 * Check 5a: every pod, hall, auxiliary load and cooling system refers to a bus (and every pod
 * and hall to a cooling system) that exists in the same campus. Constructs already refuse
 * cross-campus references when they are created; this catches plain-data models built by hand.
 */
import type { BudgetCheck, CheckResult } from './check';

export const loadReferences: BudgetCheck = {
  id: 'load-references',
  description: 'Every load is attached to a bus and a cooling system of the same campus.',
  run: (budget) => {
    const campus = budget.campus;
    const buses = new Set(campus.buses.map((b) => b.name));
    const cooling = new Set(campus.coolingSystems.map((c) => c.name));
    // Made only for a message that needs them.
    const list = (names: ReadonlySet<string>) => [...names].sort().join(', ') || '(none)';
    const results: CheckResult[] = [];
    const judge = (subject: { name: string; path: string }, field: 'bus' | 'cooling', target: string): void => {
      const known = field === 'bus' ? buses : cooling;
      if (known.has(target)) return;
      const what = field === 'bus' ? 'bus' : 'cooling system';
      const dormant = campus.notInService?.find((p) => p.name === target);
      let message: string;
      if (dormant) {
        const at = campus.period?.at;
        const notYet = dormant.inService !== undefined && (at === undefined || at < dormant.inService);
        const span = notYet ? `it comes into service in ${dormant.inService}` : `it retires in ${dormant.retire}`;
        message =
          `structure: '${subject.name}' uses ${what} '${target}', which is not in service then (${span}). ` +
          `Give '${subject.name}' service dates within those of '${target}', or move it to a ${what} in service.`;
      } else {
        message =
          `structure: '${subject.name}' refers to ${what} '${target}', which is not part of campus ` +
          `'${campus.name}'. Use one of: ${list(field === 'bus' ? buses : cooling)}.`;
      }
      results.push({ check: loadReferences.id, status: 'fail', subject: subject.name, path: subject.path, message });
    };
    // An indexed loop: a for-of is an iterator call per load until V8 optimizes it.
    const itLoads = budget.itLoads;
    for (let i = 0; i < itLoads.length; i++) {
      const load = itLoads[i];
      judge(load, 'bus', load.bus);
      judge(load, 'cooling', load.cooling);
    }
    const sorted = <T extends { readonly name: string }>(items: readonly T[]) => [...items].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const block of sorted(campus.blockLoads ?? [])) {
      judge(block, 'bus', block.bus);
      if (block.cooling !== undefined) judge(block, 'cooling', block.cooling);
    }
    for (const aux of sorted(campus.auxiliaryLoads)) judge(aux, 'bus', aux.bus);
    for (const c of sorted(campus.coolingSystems)) judge(c, 'bus', c.bus);
    return results;
  },
};
