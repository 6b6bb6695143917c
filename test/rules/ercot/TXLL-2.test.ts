import { TXLL_2 } from '../../../rules/ercot/TXLL-2';
import { findingsOf, messagesOf, pod, site } from './ercot-fixtures';

const DATA = (mw: string) =>
  `peak site load ${mw} is at least 25 MW: ERCOT requires the site's information and modelling data (NPRR1234/PGRR115). Submit them through ` +
  `the transmission service provider and record the submission in a suppression of TXLL-2, or keep the site's load below 25 MW.`;

describe('TXLL-2 data submission (25 MW)', () => {
  test('just below 25 MW: compliant', () => {
    expect(findingsOf(TXLL_2, site({ miningPods: [pod('pod-a', 'main', 'air', 24_999)] }))).toEqual([]);
  });

  test('exactly 25 MW: the data are due', () => {
    expect(messagesOf(TXLL_2, site({ miningPods: [pod('pod-a', 'main', 'air', 25_000)] }))).toEqual([DATA('25.000 MW')]);
  });

  test('a Large Load owes the data too', () => {
    expect(messagesOf(TXLL_2, site({ miningPods: [pod('pod-a', 'main', 'air', 120_000)] }))).toEqual([DATA('120.000 MW')]);
  });

  test('a phased campus: one finding per state from the state that reaches 25 MW, and none after the pod retires', () => {
    const model = site({
      miningPods: [pod('pod-a', 'main', 'air', 20_000), pod('pod-b', 'main', 'air', 10_000, { inService: '2027-01', retire: '2028-01' })],
    });
    expect(findingsOf(TXLL_2, model)).toEqual([{ path: 'site', target: 'from 2027-01', message: `from 2027-01: ${DATA('30.000 MW')}` }]);
  });
});
