import type { GridFacts } from '../../../domain/model';
import { TXLL_5 } from '../../../rules/ercot/TXLL-5';
import { findingsOf, hall, messagesOf, pod, site } from './ercot-fixtures';

/** 100 MW: an interruptible 60 MW pod and a firm 40 MW hall. */
const model = (gridFacts?: GridFacts) => site({ miningPods: [pod('pod-a', 'main', 'air', 60_000)], gpuHalls: [hall('hall-1', 'main', 'air', 40_000)] }, gridFacts);
const NEW_TRANSMISSION: GridFacts = { voltageClass: 'transmission', interconnectionDate: '2026-01-01' };

const MISSING =
  'peak site load 100.000 MW makes the site a Large Load, which must be curtailable during firm load shed if it is at transmission voltage and ' +
  'interconnected after 2025-12-31 (SB 6), but ';
const LIST = 'gridFacts.firmLoadShed.remoteDisconnectLoads';

describe('TXLL-5 curtailment in firm load shed', () => {
  test('neither voltage class nor interconnection date declared: one finding naming both facts', () => {
    expect(findingsOf(TXLL_5, model())).toEqual([
      {
        path: 'site',
        message:
          `${MISSING}gridFacts.voltageClass and gridFacts.interconnectionDate are not declared. Set the Campus props gridFacts.voltageClass ` +
          `('transmission' or 'distribution') and gridFacts.interconnectionDate (the day the site is interconnected, 'YYYY-MM-DD').`,
      },
    ]);
  });

  test('only the fact that still decides is asked for', () => {
    expect(messagesOf(TXLL_5, model({ voltageClass: 'transmission' }))).toEqual([
      `${MISSING}gridFacts.interconnectionDate is not declared. Set the Campus prop gridFacts.interconnectionDate (the day the site is interconnected, 'YYYY-MM-DD').`,
    ]);
    expect(messagesOf(TXLL_5, model({ interconnectionDate: '2026-05-01' }))).toEqual([
      `${MISSING}gridFacts.voltageClass is not declared. Set the Campus prop gridFacts.voltageClass ('transmission' or 'distribution').`,
    ]);
  });

  test('a hand-built model with facts that cannot be used: named with their values, never guessed', () => {
    expect(messagesOf(TXLL_5, model({ voltageClass: 'high' as never, interconnectionDate: '2026-1-5' }))).toEqual([
      `${MISSING}gridFacts.voltageClass = "high" is neither 'transmission' nor 'distribution' and gridFacts.interconnectionDate = "2026-1-5" is not ` +
        `a day written YYYY-MM-DD. Set the Campus props gridFacts.voltageClass ('transmission' or 'distribution') and gridFacts.interconnectionDate ` +
        `(the day the site is interconnected, 'YYYY-MM-DD').`,
    ]);
  });

  test('distribution voltage, or interconnected on 2025-12-31: does not apply, whatever else is missing', () => {
    expect(findingsOf(TXLL_5, model({ voltageClass: 'distribution' }))).toEqual([]);
    expect(findingsOf(TXLL_5, model({ interconnectionDate: '2025-12-31' }))).toEqual([]);
  });

  test('below 75 MW: not a Large Load, no fact needed', () => {
    expect(findingsOf(TXLL_5, site({ miningPods: [pod('pod-a', 'main', 'air', 74_999)] }))).toEqual([]);
  });

  test('applies (transmission, 2026-01-01) and no remote-disconnect loads declared', () => {
    expect(messagesOf(TXLL_5, model(NEW_TRANSMISSION))).toEqual([
      `peak site load 100.000 MW at transmission voltage, interconnected on 2026-01-01 (after 2025-12-31): SB 6 requires that the load can be ` +
        `curtailed during firm load shed, but no loads are declared for the remote-disconnect equipment. Set the Campus prop ${LIST} to the ` +
        `interruptible loads it drops.`,
    ]);
  });

  test('an interruptible load that the load model sheds: compliant', () => {
    expect(findingsOf(TXLL_5, model({ ...NEW_TRANSMISSION, firmLoadShed: { remoteDisconnectLoads: ['pod-a'] } }))).toEqual([]);
  });

  test('a firm load in the list is a finding', () => {
    expect(messagesOf(TXLL_5, model({ ...NEW_TRANSMISSION, firmLoadShed: { remoteDisconnectLoads: ['pod-a', 'hall-1'] } }))).toEqual([
      `'hall-1' is listed in ${LIST} but is a firm load, which the campus never sheds: dropping it in firm load shed would cut load the campus ` +
        `must keep up (SB 6). Remove it from the list, or declare it interruptible.`,
    ]);
  });

  test('a name that is no load of the campus is a finding', () => {
    expect(messagesOf(TXLL_5, model({ ...NEW_TRANSMISSION, firmLoadShed: { remoteDisconnectLoads: ['pod-z'] } }))).toEqual([
      `'pod-z' is listed in ${LIST} but is not a load of campus 'site'. Use one of: hall-1, pod-a.`,
    ]);
  });

  test('a phased campus: applies once the site reaches 75 MW, and the listed pod retiring leaves nothing to drop', () => {
    const phased = site(
      {
        miningPods: [pod('pod-a', 'main', 'air', 20_000, { retire: '2028-01' }), pod('pod-b', 'main', 'air', 20_000, { inService: '2028-01' })],
        gpuHalls: [hall('hall-1', 'main', 'air', 40_000), hall('hall-2', 'main', 'air', 40_000, { inService: '2027-01' })],
      },
      { ...NEW_TRANSMISSION, firmLoadShed: { remoteDisconnectLoads: ['pod-a'] } },
    );
    // before 2027-01: 60 MW, not a Large Load; from 2027-01: 100 MW, pod-a drops 20 MW; from 2028-01: pod-a is out of service.
    expect(findingsOf(TXLL_5, phased)).toEqual([
      {
        path: 'site',
        target: 'from 2028-01',
        message:
          `from 2028-01: none of the loads in ${LIST} (pod-a) draws power then, so the remote disconnect drops 0.000 MW of the 100.000 MW site ` +
          `load in firm load shed (SB 6). List the interruptible loads in service then.`,
      },
    ]);
  });
});
