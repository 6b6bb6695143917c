/**
 * TXLL-1: a site of 75 MW or more is an ERCOT Large Load. It goes through a Large Load
 * Interconnection Study, and since 2025-11-03 transmission providers study the outage of the
 * site itself as a contingency (ERCOT market notice M-B100825-02).
 *
 * Judged at every state of the timeline on the site's peak load (site-figures.ts: the load
 * model's total site load in normal operation, before on-site generation). A warning: the duty is
 * a process with the transmission service provider that the campus model cannot show done;
 * record its reference in a suppression once it is under way.
 */
import type { Rule } from '../rule';
import { formatMw } from '../../domain/units';
import { finding } from './findings';
import { isLargeLoad, siteDemandKw } from './site-figures';

export const TXLL_1: Rule = {
  id: 'TXLL-1',
  statement: 'A site whose peak load is 75 MW or more is an ERCOT Large Load and needs a Large Load Interconnection Study.',
  source:
    'ERCOT NPRR1234 / PGRR115 (https://www.ercot.com/mktrules/issues/PGRR115); ERCOT market notice M-B100825-02, outage of a Large Load as a ' +
    'contingency from 2025-11-03 (https://www.ercot.com/services/comm/mkt_notices/M-B100825-02)',
  level: 'warning',
  check: ({ campus, timeline }) =>
    timeline.states
      .filter((state) => isLargeLoad(state.evaluation.budget))
      .map((state) =>
        finding(
          campus,
          state,
          `peak site load ${formatMw(siteDemandKw(state.evaluation.budget))} is at least 75 MW: the site is an ERCOT Large Load, which needs a Large Load ` +
            `Interconnection Study (NPRR1234/PGRR115), and since 2025-11-03 its outage is studied as a contingency (ERCOT market notice M-B100825-02). Request the study from the transmission service provider ` +
            `and record its reference in a suppression of TXLL-1, or keep the site's load below 75 MW.`,
        ),
      ),
};
