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
 * finding itself (it names the fact).
 * A warning: running through 4CP is a cost, not a breach; the warning gives the MW exposed.
 */
import type { Rule } from '../rule';
import { monthsCovered } from '../../domain/timeline';
import { EPSILON_KW, formatMw } from '../../domain/units';
import { finding } from './findings';
import { FOUR_CP_MONTHS, interruptibleKw, monthNames } from './site-figures';

export const TXLL_6: Rule = {
  id: 'TXLL-6',
  statement: 'Interruptible load that runs in June to September should be curtailed in the 4CP intervals; the MW left running are exposed to 4CP charges.',
  source: 'ERCOT 4CP transmission cost allocation (shared/reference/domain-notes.md, 4CP; ercot-large-loads.md, 4CP)',
  level: 'warning',
  check: ({ campus, timeline }) => {
    const declared = campus.gridFacts?.fourCpCurtailment;
    const curtailed = new Set(declared?.months ?? []);
    return timeline.states.flatMap((state) => {
      const covered = monthsCovered(state.point);
      const exposed = FOUR_CP_MONTHS.filter((m) => covered.has(m) && !curtailed.has(m));
      const kw = interruptibleKw(state.evaluation.budget);
      if (exposed.length === 0 || kw <= EPSILON_KW) return [];
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
