/**
 * Check 2, the loss of each source of each bus: with all interruptible load shed (load-model.ts),
 * the firm load that remains (firm IT, the cooling and overhead that keep running for it,
 * auxiliary) must fit within what the bus can still carry after losing that feed, side or
 * generator (redundancy.ts). One result per bus, for its worst loss; a failure also names the
 * other losses that fail.
 */
import { leastHeadroom } from '../budget';
import { formatMw } from '../units';
import type { BudgetCheck, CheckResult } from './check';
import { judgeCapacity } from './check';
import { describeLoad } from './describe-load';

export const busContingencyCapacity: BudgetCheck = {
  id: 'bus-contingency-capacity',
  description:
    'Each bus carries its firm load, with interruptible load shed, after the loss of any one of its feeds or generators (a whole side for a 2N bus).',
  run: (budget) =>
    budget.buses.flatMap((bus): CheckResult[] => {
      const losses = bus.scenarios.filter((s) => s.scenario === 'contingency');
      const worst = leastHeadroom(losses);
      if (worst === undefined) return [];
      const name = bus.bus.name;
      const head = `contingency on bus '${name}' (${bus.bus.redundancy}, ${worst.lost})`;
      const others = losses.filter((s) => s !== worst && s.headroomKw < -1e-6).map((s) => s.label);
      const fix =
        worst.id.startsWith('lose-side:worst')
          ? `Give each feed of '${name}' its side (A or B) to check the real split, add a feed, move firm load to another bus, ` +
            `or make loads interruptible if they can be shed.`
          : bus.bus.redundancy === 'N'
          ? `'${name}' is declared N (no redundancy), so its firm load is lost with a feed: add a feed and declare it N+1, ` +
            `move firm load to a redundant bus, or declare the loads interruptible if they may go down with the feed.`
          : `Add a feed to '${name}', move firm load (GPU halls, firm pods, their cooling, auxiliary) to another bus, ` +
            `or make loads interruptible if they can be shed.`;
      return [
        judgeCapacity(
          { check: busContingencyCapacity.id, subject: name, path: bus.bus.path, scenario: 'contingency' },
          {
            loadKw: worst.load.totalKw,
            capacityKw: worst.capacityKw,
            utilization: worst.utilization,
            warnUtilization: budget.campus.warnUtilization,
            autoMiningKw: worst.autoMiningKw,
            format: formatMw,
            level: `${head}: firm load ${formatMw(worst.load.totalKw)}`,
            capacityLabel: 'what the bus can still carry',
            failure: (overKw) =>
              `${head}: firm load ${formatMw(worst.load.totalKw)} (${describeLoad(worst.load)}) exceeds the ` +
              `${formatMw(worst.capacityKw)} the bus can still carry by ${formatMw(overKw)}, with all interruptible load shed` +
              `${others.length > 0 ? ` (it also fails on: ${others.join('; ')})` : ''}. ${fix}`,
          },
        ),
      ];
    }),
};
