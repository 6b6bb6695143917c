import type { GridFacts } from '../../../domain/model';
import { TXLL_6 } from '../../../rules/ercot/TXLL-6';
import { findingsOf, hall, messagesOf, pod, site } from './ercot-fixtures';

/** An interruptible 60 MW pod and a firm 40 MW hall. */
const model = (gridFacts?: GridFacts) => site({ miningPods: [pod('pod-a', 'main', 'air', 60_000)], gpuHalls: [hall('hall-1', 'main', 'air', 40_000)] }, gridFacts);
const TAIL = `: its demand in the coincident peak intervals sets next year's transmission charges. Curtail it in the predicted 4CP intervals and declare the months, or accept the cost.`;
const UNDECLARED = (mw: string) =>
  `${mw} of interruptible load runs in June, July, August and September (4CP months) and no 4CP curtailment is declared (set the Campus prop ` +
  `gridFacts.fourCpCurtailment, e.g. { months: [6, 7, 8, 9] })${TAIL}`;

describe('TXLL-6 4CP exposure', () => {
  test('no 4CP curtailment declared: a warning with the interruptible MW (the missing fact named)', () => {
    expect(findingsOf(TXLL_6, model())).toEqual([{ path: 'site', message: UNDECLARED('60.000 MW') }]);
  });

  test('the interruptible MW include the cooling that stops with them (the load model contingency shedding)', () => {
    const m = model();
    expect(messagesOf(TXLL_6, { ...m, coolingSystems: [{ ...m.coolingSystems[0], power: { model: 'pue', pue: 1.1 } }] })).toEqual([UNDECLARED('66.000 MW')]);
  });

  test('curtailment declared in all four months: compliant', () => {
    expect(findingsOf(TXLL_6, model({ fourCpCurtailment: { months: [6, 7, 8, 9] } }))).toEqual([]);
  });

  test('curtailment declared in some months: the others are exposed', () => {
    expect(messagesOf(TXLL_6, model({ fourCpCurtailment: { months: [6, 7] } }))).toEqual([
      `60.000 MW of interruptible load runs in August and September (4CP months) and gridFacts.fourCpCurtailment does not list them (it lists June and July)${TAIL}`,
    ]);
    expect(messagesOf(TXLL_6, model({ fourCpCurtailment: { months: [8, 6, 7] } }))).toEqual([
      `60.000 MW of interruptible load runs in September (4CP months) and gridFacts.fourCpCurtailment does not list it (it lists June, July and August)${TAIL}`,
    ]);
  });

  test('only firm load: nothing to curtail, no finding', () => {
    expect(findingsOf(TXLL_6, site({ gpuHalls: [hall('hall-1', 'main', 'air', 40_000)] }))).toEqual([]);
  });

  test('a phased campus: a state within January to April is not exposed; the lasting state from May is', () => {
    const phased = site({
      gpuHalls: [hall('hall-1', 'main', 'air', 40_000)],
      miningPods: [pod('pod-a', 'main', 'air', 30_000, { inService: '2027-01', retire: '2027-05' }), pod('pod-b', 'main', 'air', 20_000, { inService: '2027-05' })],
    });
    expect(findingsOf(TXLL_6, phased)).toEqual([{ path: 'site', target: 'from 2027-05', message: `from 2027-05: ${UNDECLARED('20.000 MW')}` }]);
  });

  test('a state from April to July is exposed in June only', () => {
    const phased = site({ miningPods: [pod('pod-a', 'main', 'air', 30_000, { inService: '2027-04', retire: '2027-07' })], gpuHalls: [hall('hall-1', 'main', 'air', 40_000)] });
    expect(messagesOf(TXLL_6, phased)).toEqual([
      `from 2027-04: 30.000 MW of interruptible load runs in June (4CP months) and no 4CP curtailment is declared (set the Campus prop ` +
        `gridFacts.fourCpCurtailment, e.g. { months: [6, 7, 8, 9] })${TAIL}`,
    ]);
  });
});
