/**
 * Check: each demand-response commitment in force can be met, together with the commitments
 * that may be called at the same time (../demand-response.ts): the grid import that the loads
 * curtailing within its response time can take off must cover its MW and theirs.
 *
 * A commitment with a season applies to a state only if the state covers one of its months.
 */
import { commitmentDemands, commitmentsInForce, inSeason } from '../demand-response';
import { fitsWithin, formatMw, formatPercent } from '../units';
import type { BudgetCheck, CheckResult } from './check';

export { inSeason };

export const demandResponse: BudgetCheck = {
  id: 'demand-response',
  description:
    'Each demand-response commitment in force, with those that may be called at the same time, is covered by the grid import that loads curtailing within its response time can take off.',
  run: (budget) => {
    const campus = budget.campus;
    return commitmentDemands(budget, commitmentsInForce(campus)).map((d): CheckResult => {
      const c = d.commitment;
      const base = { check: demandResponse.id, subject: c.program, path: campus.path };
      const counted =
        d.together.length === 0
          ? `the committed ${formatMw(c.sheddableKw)}`
          : `the committed ${formatMw(d.neededKw)} (${formatMw(c.sheddableKw)} for '${c.program}' and ` +
            `${d.together.map((o) => `${formatMw(o.sheddableKw)} for '${o.program}'`).join(', ')}, which may be called at the same time and respond as fast)`;
      const head = `demand response '${c.program}': shedding the interruptible load that curtails within ${c.responseTimeS} s cuts grid import by ${formatMw(d.availableKw)}`;
      if (!fitsWithin(d.neededKw, d.availableKw)) {
        return {
          ...base,
          status: 'fail',
          message:
            `${head}, below ${counted} by ${formatMw(d.neededKw - d.availableKw)}. ` +
            `Keep more grid-fed mining in service, make pods curtail faster (curtailSeconds), take slow or firm loads off fixed-power ` +
            `cooling shared with the pods that shed (it keeps running for them), lower or end a commitment, ` +
            `or give commitments that are never called together the same exclusiveGroup.`,
        };
      }
      const coverage = d.neededKw > 0 ? d.availableKw / d.neededKw : Infinity;
      return {
        ...base,
        status: 'pass',
        message: `${head}, covering ${counted}${Number.isFinite(coverage) ? ` (${formatPercent(coverage)})` : ''}.`,
      };
    });
  },
};
