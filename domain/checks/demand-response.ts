/**
 * Check: each demand-response commitment in force can be met. The interruptible load that can
 * curtail within the program's response time (pods whose curtailSeconds <= responseTimeS, plus
 * the share of their cooling power that stops with them; a fixed cooling draw only when every
 * load it cools can be shed in time) must reach the committed MW.
 *
 * A commitment with a season applies to a state only if the state covers one of its months.
 */
import type { CampusBudget } from '../budget';
import type { DemandResponseCommitment } from '../model';
import { monthsCovered } from '../timeline';
import { fitsWithin, formatMw, formatPercent } from '../units';
import type { BudgetCheck, CheckResult } from './check';

export function inSeason(commitment: DemandResponseCommitment, months: ReadonlySet<number>): boolean {
  const season = commitment.season;
  if (!season) return true;
  for (const m of months) {
    const inside =
      season.fromMonth <= season.toMonth ? m >= season.fromMonth && m <= season.toMonth : m >= season.fromMonth || m <= season.toMonth;
    if (inside) return true;
  }
  return false;
}

/** Interruptible load (IT + its cooling share) that can curtail within `responseTimeS`, in kW. */
export function sheddableKw(budget: CampusBudget, responseTimeS: number): number {
  const cooling = new Map(budget.cooling.map((c) => [c.cooling.name, c]));
  // A fixed cooling draw stops only when every load it cools is shed: count it only then.
  const slowOrFirm = new Set(
    [...budget.campus.miningPods, ...budget.campus.gpuHalls].filter((l) => l.firm || (l as { curtailSeconds?: number }).curtailSeconds! > responseTimeS).map((l) => l.cooling),
  );
  let total = 0;
  for (const pod of budget.campus.miningPods) {
    if (pod.firm || pod.curtailSeconds > responseTimeS) continue;
    const c = cooling.get(pod.cooling);
    const interruptibleHeatKw = c ? c.heatKw - c.firmHeatKw : 0;
    const fixedStaysOn = c?.cooling.power.model === 'fixed' && slowOrFirm.has(pod.cooling);
    const coolingShareKw = c && interruptibleHeatKw > 0 && !fixedStaysOn ? (c.power.interruptibleKw * pod.itKw) / interruptibleHeatKw : 0;
    total += pod.itKw + coolingShareKw;
  }
  return total;
}

export const demandResponse: BudgetCheck = {
  id: 'demand-response',
  description: 'Each demand-response commitment in force is covered by interruptible load that can curtail within its response time.',
  run: (budget) => {
    const campus = budget.campus;
    const months = campus.period ? monthsCovered(campus.period) : monthsCovered({ label: '' });
    return (campus.commitments ?? []).flatMap((c): CheckResult[] => {
      const base = { check: demandResponse.id, subject: c.program, path: campus.path };
      if (!inSeason(c, months)) return [];
      const availableKw = sheddableKw(budget, c.responseTimeS);
      const head = `demand response '${c.program}': ${formatMw(availableKw)} of interruptible load can curtail within ${c.responseTimeS} s`;
      if (!fitsWithin(c.sheddableKw, availableKw)) {
        return [
          {
            ...base,
            status: 'fail',
            message:
              `${head}, below the committed ${formatMw(c.sheddableKw)} by ${formatMw(c.sheddableKw - availableKw)}. ` +
              `Keep more mining in service, make pods curtail faster (curtailSeconds), or lower or end the commitment.`,
          },
        ];
      }
      const coverage = c.sheddableKw > 0 ? availableKw / c.sheddableKw : Infinity;
      return [
        {
          ...base,
          status: 'pass',
          message: `${head}, covering the committed ${formatMw(c.sheddableKw)}${Number.isFinite(coverage) ? ` (${formatPercent(coverage)})` : ''}.`,
        },
      ];
    });
  },
};
