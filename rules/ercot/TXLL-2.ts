/**
 * TXLL-2: from 25 MW, ERCOT requires the site's information and modelling data.
 *
 * Judged at every state on the site's peak load (site-figures.ts), like TXLL-1; a Large Load
 * (75 MW or more) owes the data too, so both rules report it. A warning: the submission is made
 * through the transmission service provider and the model cannot show it made; record it in a
 * suppression.
 */
import type { Rule } from '../rule';
import { formatMw } from '../../domain/units';
import { finding } from './findings';
import { DATA_SUBMISSION_KW, atLeast, siteDemandKw } from './site-figures';

export const TXLL_2: Rule = {
  id: 'TXLL-2',
  statement: 'A site whose peak load is 25 MW or more must submit its information and modelling data to ERCOT.',
  source: 'ERCOT NPRR1234 / PGRR115 (https://www.ercot.com/mktrules/issues/PGRR115)',
  level: 'warning',
  check: ({ campus, timeline }) =>
    timeline.states
      .filter((state) => atLeast(siteDemandKw(state.evaluation.budget), DATA_SUBMISSION_KW))
      .map((state) =>
        finding(
          campus,
          state,
          `peak site load ${formatMw(siteDemandKw(state.evaluation.budget))} is at least 25 MW: ERCOT requires the site's information and modelling data ` +
            `(NPRR1234/PGRR115). Submit them through the transmission service provider and record the submission in a suppression of TXLL-2, ` +
            `or keep the site's load below 25 MW.`,
        ),
      ),
};
