import { TXLL_1 } from '../../../rules/ercot/TXLL-1';
import { findingsOf, hall, messagesOf, pod, site } from './ercot-fixtures';

const LARGE_LOAD = (mw: string) =>
  `peak site load ${mw} is at least 75 MW: the site is an ERCOT Large Load, which needs a Large Load Interconnection Study (NPRR1234/PGRR115), ` +
  `and since 2025-11-03 its outage is studied as a contingency (ERCOT market notice M-B100825-02). Request the study from the transmission service provider and record its reference in a ` +
  `suppression of TXLL-1, or keep the site's load below 75 MW.`;

describe('TXLL-1 Large Load (75 MW)', () => {
  test('just below 75 MW: compliant, no finding', () => {
    expect(findingsOf(TXLL_1, site({ miningPods: [pod('pod-a', 'main', 'air', 74_999)] }))).toEqual([]);
  });

  test('exactly 75 MW: a Large Load, on the campus, with no date for an undated campus', () => {
    expect(findingsOf(TXLL_1, site({ miningPods: [pod('pod-a', 'main', 'air', 75_000)] }))).toEqual([{ path: 'site', message: LARGE_LOAD('75.000 MW') }]);
  });

  test('counts the whole site load (firm and interruptible, cooling included), before on-site generation', () => {
    const model = site(
      { miningPods: [pod('pod-a', 'main', 'air', 40_000)], gpuHalls: [hall('hall-1', 'main', 'air', 30_000)] },
      undefined,
      [{ name: 'gen', source: 'onsite-generation', ratingKw: 80_000, maxUtilization: 1, ratingBasis: '80 MW' }],
    );
    const withCooling = { ...model, coolingSystems: [{ ...model.coolingSystems[0], power: { model: 'pue' as const, pue: 1.1 } }] };
    expect(messagesOf(TXLL_1, withCooling)).toEqual([LARGE_LOAD('77.000 MW')]);
  });

  test('a phased campus: the rule starts to apply when the second hall comes into service', () => {
    const model = site({
      miningPods: [pod('pod-a', 'main', 'air', 60_000)],
      gpuHalls: [hall('hall-1', 'main', 'air', 20_000, { inService: '2027-01' })],
    });
    expect(findingsOf(TXLL_1, model)).toEqual([{ path: 'site', target: 'from 2027-01', message: `from 2027-01: ${LARGE_LOAD('80.000 MW')}` }]);
  });
});
