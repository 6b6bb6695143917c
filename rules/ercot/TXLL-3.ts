/**
 * TXLL-3: a Large Electronic Load meets ERCOT's voltage and frequency ride-through requirements,
 * unless its energization was approved on or before 2025-11-14; that approval exempts only the
 * site load it approved.
 *
 * A Large Electronic Load is a Large Load (75 MW or more) where power-electronic computational
 * load is 50% or more of site demand (site-figures.ts: IT of pods, halls and IT blocks against the
 * total site load in normal operation; exactly 50% counts). Assumption: cooling and facility
 * overhead are not computational load. A block stated as gross power has no IT share in the
 * model: when counting it could reach 50% and the IT alone does not, the finding names it, never
 * guessing its share.
 * Needs the fact `gridFacts.energizationApproval` (dated-coverage.ts): approved after
 * 2025-11-14, nothing is exempt; on or before, a state whose site load exceeds the approved MW
 * is not covered, so its MW are needed then. Without a fact it needs, the finding names it.
 * A warning: the campus model holds no ride-through data, so the rule cannot prove a breach, only
 * that the requirement applies; once compliance is shown, record it in a suppression.
 */
import type { Rule } from '../rule';
import { EPSILON_KW, formatMw, formatPercent } from '../../domain/units';
import { readCoverage } from './dated-coverage';
import { finding, missingFacts } from './findings';
import { LARGE_ELECTRONIC_LOAD_SHARE, RIDE_THROUGH_APPROVAL_CUTOFF, atLeast, computationalKw, grossBlocks, isLargeLoad, siteDemandKw } from './site-figures';

const RIDE_THROUGH = "must meet ERCOT's voltage and frequency ride-through requirements (NOGRR282/NPRR1308). Show compliance with them and record it in a suppression of TXLL-3.";

export const TXLL_3: Rule = {
  id: 'TXLL-3',
  statement:
    'A Large Load whose power-electronic computational load (mining and GPU IT; cooling and overhead excluded) is 50% or more of site demand is a ' +
    'Large Electronic Load and must meet ride-through requirements, unless its energization was approved on or before 2025-11-14 (for the load approved).',
  source:
    'ERCOT NOGRR282 / NPRR1308 (summary: https://epeconsulting.com/epe-intelligence/news/preparing-for-nogrr-282-ercot-s-next-phase-of-large-load-requirements)',
  level: 'warning',
  check: ({ campus, timeline }) => {
    const approval = readCoverage(campus.gridFacts?.energizationApproval, {
      fact: 'energizationApproval',
      kwField: 'approvedKw',
      mwProp: 'approvedMw',
      dayExample: "the day ERCOT approved energization, 'YYYY-MM-DD'",
      mwExample: 'the site load ERCOT approved, MW',
      cutoff: RIDE_THROUGH_APPROVAL_CUTOFF,
    });
    return timeline.states.flatMap((state) => {
      const budget = state.evaluation.budget;
      const demandKw = siteDemandKw(budget);
      if (!isLargeLoad(budget)) return [];
      if (approval.kind === 'covers' && demandKw <= approval.coveredKw + EPSILON_KW) return [];
      const itKw = computationalKw(budget);
      const thresholdKw = LARGE_ELECTRONIC_LOAD_SHARE * demandKw;
      const share = `computational load (mining and GPU IT) ${formatMw(itKw)} is ${formatPercent(itKw / demandKw)} of site demand ${formatMw(demandKw)}`;
      if (!atLeast(itKw, thresholdKw)) {
        const gross = grossBlocks(budget);
        const grossKw = gross.reduce((total, b) => total + b.powerKw, 0);
        if (!atLeast(itKw + grossKw, thresholdKw)) return [];
        const names = gross.map((b) => `'${b.name}' (${formatMw(b.powerKw)})`).join(', ');
        return [
          finding(
            campus,
            state,
            `${share} at a Large Load, below 50%, but the block loads stated as gross power ${names} are not counted, and with them it could reach ` +
              `50%: whether the site is a Large Electronic Load (NOGRR282/NPRR1308) is unknown. State their computational load with LoadPower.itMw, ` +
              `or declare their computational share by splitting each into an IT block (LoadPower.itMw) and a gross block for the rest.`,
          ),
        ];
      }
      const what = `${share} (at least 50%) at a Large Load: the site is a Large Electronic Load`;
      let sentence: string;
      if (approval.kind === 'unknown') {
        sentence =
          `${what}, which must meet ride-through requirements unless its energization was approved on or before 2025-11-14 for its load ` +
          `(NOGRR282/NPRR1308), but ${missingFacts(approval.missing)}`;
      } else if (approval.kind === 'after-cutoff') {
        sentence = `${what}, and its energization was approved on ${approval.date}, after 2025-11-14, so it ${RIDE_THROUGH}`;
      } else {
        sentence =
          `${what}, and its energization was approved on ${approval.date} (on or before 2025-11-14) for ${formatMw(approval.coveredKw)} only: the ` +
          `site load ${formatMw(demandKw)} exceeds it, so the exemption does not cover this state and the site ${RIDE_THROUGH}`;
      }
      return [finding(campus, state, sentence)];
    });
  },
};
