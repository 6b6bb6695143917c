import type { BlockLoadModel } from '../../../domain/model';
import { TXLL_3 } from '../../../rules/ercot/TXLL-3';
import { aux, findingsOf, hall, messagesOf, pod, site } from './ercot-fixtures';

const LEL = (itMw: string, share: string, demandMw: string) =>
  `computational load (mining and GPU IT) ${itMw} is ${share} of site demand ${demandMw} (at least 50%) at a Large Load: the site is a Large Electronic Load`;
const MISSING = (itMw: string, share: string, demandMw: string) =>
  `${LEL(itMw, share, demandMw)}, which must meet ride-through requirements unless its energization was approved on or before 2025-11-14 ` +
  `(NOGRR282/NPRR1308), but gridFacts.energizationApprovalDate is not declared. Set the Campus prop gridFacts.energizationApprovalDate ` +
  `(the day ERCOT approved energization, 'YYYY-MM-DD').`;
const RIDE_THROUGH = (itMw: string, share: string, demandMw: string, approval: string) =>
  `${LEL(itMw, share, demandMw)}, and its energization was approved on ${approval}, after 2025-11-14, so it must meet ERCOT's voltage and ` +
  `frequency ride-through requirements (NOGRR282/NPRR1308). Show compliance with them and record it in a suppression of TXLL-3.`;

/** 100 MW: `podKw` of mining, the rest auxiliary (not computational). */
const half = (podKw: number, energizationApprovalDate?: string) =>
  site({ miningPods: [pod('pod-a', 'main', 'air', podKw)], auxiliaryLoads: [aux('plant', 100_000 - podKw)] }, energizationApprovalDate ? { energizationApprovalDate } : undefined);

describe('TXLL-3 Large Electronic Load ride-through', () => {
  test('exactly 50% computational at a Large Load, no approval date declared: the missing fact is the finding', () => {
    expect(findingsOf(TXLL_3, half(50_000))).toEqual([{ path: 'site', message: MISSING('50.000 MW', '50.0%', '100.000 MW') }]);
  });

  test('just below 50%: not a Large Electronic Load, no fact needed', () => {
    expect(findingsOf(TXLL_3, half(49_999))).toEqual([]);
  });

  test('all computational but below 75 MW: not a Large Load, so not a Large Electronic Load', () => {
    expect(findingsOf(TXLL_3, site({ miningPods: [pod('pod-a', 'main', 'air', 74_999)] }))).toEqual([]);
  });

  test('a hand-built model with a month for the approval day: named with its value, never guessed', () => {
    expect(messagesOf(TXLL_3, half(80_000, '2025-11'))).toEqual([
      `${LEL('80.000 MW', '80.0%', '100.000 MW')}, which must meet ride-through requirements unless its energization was approved on or before ` +
        `2025-11-14 (NOGRR282/NPRR1308), but gridFacts.energizationApprovalDate = "2025-11" is not a day written YYYY-MM-DD. Set the Campus prop ` +
        `gridFacts.energizationApprovalDate (the day ERCOT approved energization, 'YYYY-MM-DD').`,
    ]);
  });

  test('energization approved on 2025-11-14: exempt (compliant)', () => {
    expect(findingsOf(TXLL_3, half(80_000, '2025-11-14'))).toEqual([]);
  });

  test('energization approved on 2025-11-15: ride-through applies', () => {
    expect(messagesOf(TXLL_3, half(80_000, '2025-11-15'))).toEqual([RIDE_THROUGH('80.000 MW', '80.0%', '100.000 MW', '2025-11-15')]);
  });

  test('GPU halls and IT blocks are computational, a gross block and cooling are not', () => {
    const itBlock: BlockLoadModel = { kind: 'block-load', name: 'colo', path: 'site/colo', bus: 'main', basis: 'it', powerKw: 20_000, cooling: 'air', firm: true, description: '20 MW critical IT' };
    const grossBlock: BlockLoadModel = { kind: 'block-load', name: 'third-party', path: 'site/third-party', bus: 'main', basis: 'gross', powerKw: 45_000, firm: true, description: '45 MW gross' };
    const model = site({ gpuHalls: [hall('hall-1', 'main', 'air', 30_000)], blockLoads: [itBlock, grossBlock] }, { energizationApprovalDate: '2026-02-01' });
    // IT 50 MW, cooling at PUE 1.1 5 MW: 50 MW of 100 MW.
    const withCooling = { ...model, coolingSystems: [{ ...model.coolingSystems[0], power: { model: 'pue' as const, pue: 1.1 } }] };
    expect(messagesOf(TXLL_3, withCooling)).toEqual([RIDE_THROUGH('50.000 MW', '50.0%', '100.000 MW', '2026-02-01')]);
  });

  test('a phased campus: applies from the date a GPU hall tips the share over 50%', () => {
    const model = site(
      { miningPods: [pod('pod-a', 'main', 'air', 20_000)], auxiliaryLoads: [aux('plant', 60_000)], gpuHalls: [hall('hall-1', 'main', 'air', 60_000, { inService: '2027-01' })] },
      { energizationApprovalDate: '2026-06-30' },
    );
    expect(findingsOf(TXLL_3, model)).toEqual([
      { path: 'site', target: 'from 2027-01', message: `from 2027-01: ${RIDE_THROUGH('80.000 MW', '57.1%', '140.000 MW', '2026-06-30')}` },
    ]);
  });
});
