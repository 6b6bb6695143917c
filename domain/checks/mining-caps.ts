/**
 * Check: auto-capped mining can be allocated. It fails when a check that auto pods take part in
 * is broken by the load without them (firm halls, fixed loads, auxiliary and their cooling), so
 * that no cap, not even switching every pod off, can make it pass. The message names the check
 * and scenario and gives the MW by which firm load must shrink. Otherwise it reports how much of
 * the headroom mining uses.
 */
import { formatMw } from '../units';
import type { BudgetCheck, CheckResult } from './check';

export const miningCaps: BudgetCheck = {
  id: 'mining-caps',
  description: 'Auto-capped mining fits: the load without it leaves room in every check it takes part in.',
  run: (budget) => {
    const allocation = budget.allocation;
    if (!allocation || allocation.autoPods === 0) return [];
    const base = { check: miningCaps.id, subject: budget.campus.name, path: budget.campus.path };
    if (allocation.infeasible.length > 0) {
      return allocation.infeasible.map(
        (v): CheckResult => ({
          ...base,
          ...(v.path ? { path: v.path } : {}),
          status: 'fail',
          scenario: v.scenario,
          message:
            `auto mining caps: even with every auto-capped pod switched off, ${v.label} (${v.scenario}) is over its limit by ` +
            `${formatMw(v.overKw)}: the load without auto-capped mining (halls, rated and fixed-cap pods, blocks, auxiliary and their cooling) ` +
            `must shrink by ${formatMw(v.overKw)}, or the capacity must grow by as much.`,
        }),
      );
    }
    const off = allocation.switchedOff;
    return [
      {
        ...base,
        status: 'pass',
        message:
          `auto mining caps: headroom used by mining ${formatMw(allocation.miningPowerKw)} of ${formatMw(allocation.headroomKw)} ` +
          `across ${allocation.autoPods} pod${allocation.autoPods === 1 ? '' : 's'}${off > 0 ? `, ${off} switched off` : ''}.`,
      },
    ];
  },
};
