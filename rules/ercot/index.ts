/**
 * The ERCOT large-load pack: rules a campus in Texas answers to, computed from the campus model
 * and the one load model's results at every state of its timeline. Sources and thresholds:
 * shared/reference/ercot-large-loads.md; how each figure is read: site-figures.ts; how a missing
 * fact is reported: findings.ts.
 */
import type { RulePack } from '../rule';
import { TXLL_1 } from './TXLL-1';
import { TXLL_2 } from './TXLL-2';
import { TXLL_3 } from './TXLL-3';
import { TXLL_4 } from './TXLL-4';
import { TXLL_5 } from './TXLL-5';
import { TXLL_6 } from './TXLL-6';

export { TXLL_1, TXLL_2, TXLL_3, TXLL_4, TXLL_5, TXLL_6 };

export const ERCOT_LARGE_LOADS: RulePack = {
  name: 'hybrid-campus/ercot-large-loads',
  description:
    'ERCOT and Texas SB 6 rules for large loads: Large Load and data-submission thresholds, Large Electronic Load ride-through, backup generation ' +
    'disclosure, curtailment in firm load shed, and 4CP exposure.',
  rules: [TXLL_1, TXLL_2, TXLL_3, TXLL_4, TXLL_5, TXLL_6],
};
