/**
 * TXLL-3: a Large Electronic Load meets ERCOT's voltage and frequency ride-through requirements,
 * unless its energization was approved on or before 2025-11-14.
 *
 * A Large Electronic Load is a Large Load (75 MW or more) where power-electronic computational
 * load is 50% or more of site demand (site-figures.ts: IT of pods, halls and IT blocks against the
 * total site load in normal operation; exactly 50% counts). Needs the fact
 * `gridFacts.energizationApprovalDate`; without it the finding names that fact (findings.ts).
 * A warning: the campus model holds no ride-through data, so the rule cannot prove a breach, only
 * that the requirement applies; once compliance is shown, record it in a suppression.
 */
import type { Rule } from '../rule';
import { formatMw, formatPercent } from '../../domain/units';
import { finding, missingFacts, unusableDay } from './findings';
import { LARGE_ELECTRONIC_LOAD_SHARE, RIDE_THROUGH_APPROVAL_CUTOFF, atLeast, computationalKw, isLargeLoad, siteDemandKw } from './site-figures';

export const TXLL_3: Rule = {
  id: 'TXLL-3',
  statement:
    'A Large Load whose power-electronic computational load is 50% or more of site demand is a Large Electronic Load and must meet ride-through ' +
    'requirements, unless its energization was approved on or before 2025-11-14.',
  source: 'ERCOT NOGRR282 / NPRR1308',
  level: 'warning',
  check: ({ campus, timeline }) => {
    const approval = campus.gridFacts?.energizationApprovalDate;
    const unusable = unusableDay('energizationApprovalDate', approval, "the day ERCOT approved energization, 'YYYY-MM-DD'");
    if (unusable === undefined && approval! <= RIDE_THROUGH_APPROVAL_CUTOFF) return [];
    return timeline.states.flatMap((state) => {
      const budget = state.evaluation.budget;
      const demandKw = siteDemandKw(budget);
      const itKw = computationalKw(budget);
      if (!isLargeLoad(budget) || !atLeast(itKw, LARGE_ELECTRONIC_LOAD_SHARE * demandKw)) return [];
      const what =
        `computational load (mining and GPU IT) ${formatMw(itKw)} is ${formatPercent(itKw / demandKw)} of site demand ${formatMw(demandKw)} ` +
        `(at least 50%) at a Large Load: the site is a Large Electronic Load`;
      return [
        finding(
          campus,
          state,
          unusable !== undefined
            ? `${what}, which must meet ride-through requirements unless its energization was approved on or before 2025-11-14 (NOGRR282/NPRR1308), ` +
                `but ${missingFacts([unusable])}`
            : `${what}, and its energization was approved on ${approval}, after 2025-11-14, so it must meet ERCOT's voltage and frequency ride-through ` +
                `requirements (NOGRR282/NPRR1308). Show compliance with them and record it in a suppression of TXLL-3.`,
        ),
      ];
    });
  },
};
