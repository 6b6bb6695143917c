/**
 * Check 4a: the heat of the pods and halls a cooling system serves (their IT kW) must fit within
 * its heat-rejection capacity.
 */
import { formatPower } from '../units';
import type { BudgetCheck } from './check';
import { judgeCapacity } from './check';

/** Up to five names, then how many more: messages stay one readable line for big campuses. */
export function listNames(names: readonly string[], shown = 5): string {
  return names.length <= shown ? names.join(', ') : `${names.slice(0, shown).join(', ')} and ${names.length - shown} more`;
}

export const coolingCapacity: BudgetCheck = {
  id: 'cooling-capacity',
  description: 'Each cooling system can reject the heat of every pod and hall it serves.',
  run: (budget) =>
    budget.cooling.map((c) => {
      const name = c.cooling.name;
      const served = `${c.served.length} served load${c.served.length === 1 ? '' : 's'}`;
      return judgeCapacity(
        { check: coolingCapacity.id, subject: name, path: c.cooling.path },
        {
          loadKw: c.heatKw,
          capacityKw: c.cooling.capacityKw,
          utilization: c.utilization,
          warnUtilization: budget.campus.warnUtilization,
          autoMiningKw: c.autoMiningHeatKw,
          format: formatPower,
          level: `cooling capacity: heat ${formatPower(c.heatKw)} from ${served} on '${name}'`,
          capacityLabel: 'its heat-rejection capacity',
          failure: (overKw) =>
            `cooling capacity: heat ${formatPower(c.heatKw)} from ${served} (${listNames(c.served)}) exceeds the ` +
            `heat-rejection capacity ${formatPower(c.cooling.capacityKw)} of '${name}' by ${formatPower(overKw)}. ` +
            `Raise capacityKw of '${name}' or move loads to another cooling system.`,
        },
      );
    }),
};
