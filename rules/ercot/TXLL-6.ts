/**
 * TXLL-6: interruptible load that runs in June to September with no 4CP curtailment declared is
 * exposed to 4CP: the site's demand in the four coincident peak intervals (one each in June,
 * July, August and September) sets its transmission charges for the following year
 * (domain-notes.md, 4CP; about $50-150+/kW-yr in recent estimates).
 *
 * Judged at every state that covers one of those months (domain/timeline.ts monthsCovered; a
 * campus without dates covers all). The interruptible load is the load model's
 * (site-figures.ts: what a contingency sheds, with its cooling and overhead). Reads the fact
 * `gridFacts.fourCpCurtailment`: the months the site curtails that load in the predicted
 * intervals; the months it leaves out are exposed. Missing, no month is covered, which is the
 * finding itself (it names the fact); given but unusable (a hand-built model: not integers 6 to
 * 9), it is named with its value, never read.
 * A state is judged on the months it covers: a campus synthesized for one month (`asOf`) outside
 * June to September covers no 4CP month, so it gets no TXLL-6 finding.
 * A warning: running through 4CP is a cost, not a breach; the warning gives the MW exposed.
 */
import type { Rule } from '../rule';
import { monthsCovered } from '../../domain/timeline';
import { EPSILON_KW, formatMw } from '../../domain/units';
import { type MissingFact, finding, missingFacts, notAnObject } from './findings';
import { FOUR_CP_MONTHS, interruptibleKw, monthNames } from './site-figures';

export const TXLL_6: Rule = {
  id: 'TXLL-6',
  statement: 'Interruptible load that runs in June to September should be curtailed in the 4CP intervals; the MW left running are exposed to 4CP charges.',
  source: 'ERCOT 4CP transmission cost allocation (shared/reference/domain-notes.md, 4CP; ercot-large-loads.md, 4CP)',
  level: 'warning',
  check: ({ campus, timeline }) => {
    const raw = campus.gridFacts?.fourCpCurtailment as unknown;
    const unusable = unusableMonths(raw);
    const declared = unusable ? undefined : (raw as { readonly months: readonly number[] } | undefined);
    const curtailed = new Set(declared?.months ?? []);
    return timeline.states.flatMap((state) => {
      const covered = monthsCovered(state.point);
      const exposed = FOUR_CP_MONTHS.filter((m) => covered.has(m) && !curtailed.has(m));
      const kw = interruptibleKw(state.evaluation.budget);
      if (exposed.length === 0 || kw <= EPSILON_KW) return [];
      if (unusable) {
        return [
          finding(
            campus,
            state,
            `${formatMw(kw)} of interruptible load runs in ${monthNames(exposed)} (4CP months), and whether it is curtailed in the coincident peak ` +
              `intervals is unknown: ${missingFacts([unusable])}`,
          ),
        ];
      }
      const why =
        declared === undefined
          ? 'no 4CP curtailment is declared (set the Campus prop gridFacts.fourCpCurtailment, e.g. { months: [6, 7, 8, 9] })'
          : `gridFacts.fourCpCurtailment does not list ${exposed.length === 1 ? 'it' : 'them'} (it lists ${declared.months.length === 0 ? 'no month' : monthNames(declared.months)})`;
      return [
        finding(
          campus,
          state,
          `${formatMw(kw)} of interruptible load runs in ${monthNames(exposed)} (4CP months) and ${why}: its demand in the coincident peak intervals ` +
            `sets next year's transmission charges. Curtail it in the predicted 4CP intervals and declare the months, or accept the cost.`,
        ),
      ];
    });
  },
};

/**
 * The fact as a MissingFact when a hand-built model gives it unusable (not { months } with
 * integers 6 to 9), named with its value; undefined when it is absent or usable.
 */
function unusableMonths(value: unknown): MissingFact | undefined {
  const example = '{ months: [6, 7, 8, 9] }';
  if (value === undefined) return undefined;
  const shape = notAnObject('fourCpCurtailment', value, example);
  if (shape) return shape;
  const months = (value as Record<string, unknown>).months;
  const usable = Array.isArray(months) && months.every((m) => Number.isInteger(m) && (m as number) >= 6 && (m as number) <= 9);
  return usable ? undefined : { fact: 'fourCpCurtailment.months', example: 'months 6 to 9, e.g. [6, 7, 8, 9]', invalid: { given: months, problem: 'is not a list of months 6 to 9' } };
}
