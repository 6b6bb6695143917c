/**
 * Check 2, contingency per N+1 / 2N bus: with all interruptible load shed (mining and the
 * cooling share that served it), the firm load (firm IT + its cooling + auxiliary) must fit
 * within the firm capacity left after the design contingency (see redundancy.ts).
 */
import { formatMw } from '../units';
import type { BudgetCheck, CheckResult } from './check';
import { judgeCapacity } from './check';
import { describeLoad } from './describe-load';

export const busContingencyCapacity: BudgetCheck = {
  id: 'bus-contingency-capacity',
  description:
    'Each N+1 or 2N bus carries its firm load, with interruptible load shed, after losing its largest feed (N+1) or one side (2N).',
  run: (budget) =>
    budget.buses.flatMap((bus): CheckResult[] =>
      bus.scenarios
        .filter((s) => s.scenario === 'contingency')
        .map((s) => {
          const name = bus.bus.name;
          const head = `contingency ${bus.bus.redundancy} on bus '${name}' (${s.lost})`;
          return judgeCapacity(
            { check: busContingencyCapacity.id, subject: name, path: bus.bus.path, scenario: 'contingency' },
            {
              loadKw: s.load.totalKw,
              capacityKw: s.capacityKw,
              utilization: s.utilization,
              warnUtilization: budget.campus.warnUtilization,
              autoMiningKw: s.autoMiningKw,
              format: formatMw,
              level: `${head}: firm load ${formatMw(s.load.totalKw)}`,
              capacityLabel: 'the firm capacity',
              failure: (overKw) =>
                `${head}: firm load ${formatMw(s.load.totalKw)} (${describeLoad(s.load)}) exceeds the firm capacity ` +
                `${formatMw(s.capacityKw)} by ${formatMw(overKw)}, with all interruptible load shed. ` +
                `Add a feed to '${name}', move firm load (GPU halls, their cooling, auxiliary) to another bus, ` +
                `or make loads interruptible if they can be shed.`,
            },
          );
        }),
    ),
};
