import type { GridFacts } from '../../../domain/model';
import { evaluateTimeline } from '../../../domain/evaluate';
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

  test("a hand-built model with strings for months: named with its value, never read as months", () => {
    expect(messagesOf(TXLL_6, model({ fourCpCurtailment: { months: ['6'] as never } }))).toEqual([
      `60.000 MW of interruptible load runs in June, July, August and September (4CP months), and whether it is curtailed in the coincident peak ` +
        `intervals is unknown: gridFacts.fourCpCurtailment.months = ["6"] is not a list of months 6 to 9. Set the Campus prop ` +
        `gridFacts.fourCpCurtailment.months (months 6 to 9, e.g. [6, 7, 8, 9]).`,
    ]);
  });

  test('a hand-built model with a month outside 6 to 9, a fraction, or no object: named with its value', () => {
    const unusable = (shown: string) =>
      `60.000 MW of interruptible load runs in June, July, August and September (4CP months), and whether it is curtailed in the coincident peak ` +
      `intervals is unknown: gridFacts.fourCpCurtailment.months = ${shown} is not a list of months 6 to 9. Set the Campus prop ` +
      `gridFacts.fourCpCurtailment.months (months 6 to 9, e.g. [6, 7, 8, 9]).`;
    expect(messagesOf(TXLL_6, model({ fourCpCurtailment: { months: [6, 7.5] } }))).toEqual([unusable('[6,7.5]')]);
    expect(messagesOf(TXLL_6, model({ fourCpCurtailment: { months: [5, 6] } }))).toEqual([unusable('[5,6]')]);
    expect(messagesOf(TXLL_6, model({ fourCpCurtailment: [6, 7] as never }))).toEqual([
      `60.000 MW of interruptible load runs in June, July, August and September (4CP months), and whether it is curtailed in the coincident peak ` +
        `intervals is unknown: gridFacts.fourCpCurtailment = [6,7] is not an object. Set the Campus prop gridFacts.fourCpCurtailment ({ months: [6, 7, 8, 9] }).`,
    ]);
  });

  test('evaluated for one month (asOf) outside June to September: no 4CP month is covered, so no finding', () => {
    const m = model();
    const subjects = (asOf: string) => ({ campus: m, timeline: evaluateTimeline(m, { asOf }), resources: [] });
    expect(TXLL_6.check(subjects('2027-03'))).toEqual([]);
    expect(TXLL_6.check(subjects('2027-07')).map((v) => v.message)).toEqual([
      `at 2027-07: 60.000 MW of interruptible load runs in July (4CP months) and no 4CP curtailment is declared (set the Campus prop ` +
        `gridFacts.fourCpCurtailment, e.g. { months: [6, 7, 8, 9] })${TAIL}`,
    ]);
  });
});
