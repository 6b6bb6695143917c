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
    const sharing = shortcutsEnabled();
    // Consecutive loads (in name order) mostly share a cooling system and a requirement: the
    // system and whether it serves the requirement are looked up once per run of them.
    let lastName: string | undefined;
    let cooling: CoolingModel | undefined;
    let lastRequirement: string | undefined;
    let serves = false;
    // The passing message around the load's name, made once per run of loads with the same
    // hardware and cooling system: one string joined per load, not the whole sentence.
    let headMade = false;
    let lastHardware: string | undefined;
    let head = '';
    let tail = '';
    // An indexed loop: a for-of is an iterator call per load until V8 optimizes it.
    for (let i = 0; i < cooled.length; i++) {
      const load = cooled[i];
      if (i === 0 || load.cooling !== lastName) {
        lastName = load.cooling;
        cooling = coolingByName.get(load.cooling);
        lastRequirement = undefined;
        if (cooling) tail = `' is served by ${cooling.type} cooling '${cooling.name}'.`;
      }
      if (!cooling) continue; // reported by load-references
      if (lastRequirement === undefined || load.coolingRequirement !== lastRequirement) {
        lastRequirement = load.coolingRequirement;
        serves = canServe(cooling.type, load.coolingRequirement);
      }
      if (serves) {
        const key = 'declared' in load ? load.declared : load;
        const known = sharing ? PASSED.get(key) : undefined;
        if (known?.cooling === cooling) {
          results.push(known.result);
          continue;
        }
        if (!headMade || load.hardware !== lastHardware) {
          headMade = true;
          lastHardware = load.hardware;
          head = `cooling type: ${load.hardware} in '`;
        }
        const result: CheckResult = {
          check: coolingTypeMatch.id,
          subject: load.name,
          path: load.path,
          status: 'pass',
          // `cooling type: ${load.hardware} in '${load.name}' is served by ${cooling.type} cooling '${cooling.name}'.`
          message: `${head}${load.name}${tail}`,
        };
        if (sharing) PASSED.set(key, { cooling, result });
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
