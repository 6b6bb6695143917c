/**
 * Check 4b: hardware that needs hydro, immersion or direct-to-chip cooling is served only by a
 * cooling system of a matching type (table in ../cooling-compatibility.ts).
 */
import { COMPATIBLE_COOLING, canServe } from '../cooling-compatibility';
import type { CoolingModel } from '../model';
import { shortcutsEnabled } from '../shortcuts';
import type { BudgetCheck, CheckResult } from './check';

/**
 * The passing result of a load and its cooling system, made once: a campus judged at hundreds
 * of dates has the same load on the same cooling in most of them, and the result (which names
 * no date) is the same, so it is reused while neither object changes.
 */
const PASSED = new WeakMap<object, { readonly cooling: CoolingModel; readonly result: CheckResult }>();

export const coolingTypeMatch: BudgetCheck = {
  id: 'cooling-type-match',
  description: 'Each pod and hall is served by a cooling type its hardware can use.',
  run: (budget) => {
    const coolingByName = new Map(budget.cooling.map((c) => [c.cooling.name, c.cooling]));
    const blocks = (budget.campus.blockLoads ?? [])
      .filter((b) => b.basis === 'it' && b.cooling !== undefined && b.coolingRequirement !== undefined)
      .map((b) => ({ ...b, cooling: b.cooling!, coolingRequirement: b.coolingRequirement!, hardware: b.description, declared: b }));
    // budget.itLoads is sorted by name already: sorting again only matters when blocks join.
    const cooled = blocks.length === 0 ? budget.itLoads : [...budget.itLoads, ...blocks].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const results: CheckResult[] = [];
    for (const load of cooled) {
      const cooling = coolingByName.get(load.cooling);
      if (!cooling) continue; // reported by load-references
      if (canServe(cooling.type, load.coolingRequirement)) {
        const key = 'declared' in load ? load.declared : load;
        const known = shortcutsEnabled() ? PASSED.get(key) : undefined;
        if (known?.cooling === cooling) {
          results.push(known.result);
          continue;
        }
        const result: CheckResult = {
          check: coolingTypeMatch.id,
          subject: load.name,
          path: load.path,
          status: 'pass',
          message: `cooling type: ${load.hardware} in '${load.name}' is served by ${cooling.type} cooling '${cooling.name}'.`,
        };
        if (shortcutsEnabled()) PASSED.set(key, { cooling, result });
        results.push(result);
        continue;
      }
      const allowed = COMPATIBLE_COOLING[load.coolingRequirement];
      results.push({
        check: coolingTypeMatch.id,
        subject: load.name,
        path: load.path,
        status: 'fail',
        message:
          `cooling type: ${load.hardware} in '${load.name}' needs ${load.coolingRequirement} cooling, but cooling system ` +
          `'${cooling.name}' is ${cooling.type}. Serve '${load.name}' with a cooling system of type ${allowed.join(' or ')}.`,
      });
    }
    return results;
  },
};
