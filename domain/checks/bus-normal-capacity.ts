/**
 * Check 1, normal operation per bus: firm IT + interruptible IT + cooling + auxiliary must fit
 * within the bus's usable capacity (sum of feed ratings x max utilization).
 */
import { formatMw } from '../units';
import type { BudgetCheck } from './check';
import { judgeCapacity } from './check';
import { describeLoad } from './describe-load';

export const busNormalCapacity: BudgetCheck = {
  id: 'bus-normal-capacity',
  description: 'In normal operation each bus carries all its load within the usable capacity of its feeds.',
  run: (budget) =>
    budget.buses.map((bus) => {
      const normal = bus.scenarios[0];
      const name = bus.bus.name;
      const feeds = `${bus.bus.feeds.length} feed${bus.bus.feeds.length === 1 ? '' : 's'} x max utilization`;
      return judgeCapacity(
        { check: busNormalCapacity.id, subject: name, path: bus.bus.path, scenario: 'normal' },
        {
          loadKw: normal.load.totalKw,
          capacityKw: normal.capacityKw,
          utilization: normal.utilization,
          warnUtilization: budget.campus.warnUtilization,
          autoMiningKw: bus.autoMiningKw,
          format: formatMw,
          level: `normal operation: bus '${name}' load ${formatMw(normal.load.totalKw)}`,
          capacityLabel: 'its usable capacity',
          failure: (overKw) =>
            `normal operation: bus '${name}' load ${formatMw(normal.load.totalKw)} (${describeLoad(normal.load)}) ` +
            `exceeds its usable capacity ${formatMw(normal.capacityKw)} (${feeds}) by ${formatMw(overKw)}. ` +
            `Add or uprate a feed on '${name}', or move or remove load on it.`,
        },
      );
    }),
};
