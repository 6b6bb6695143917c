import type { BlockLoadModel, EnergizationApprovalFact } from '../../../domain/model';
import { TXLL_3 } from '../../../rules/ercot/TXLL-3';
import { aux, findingsOf, hall, messagesOf, pod, site } from './ercot-fixtures';

const LEL = (itMw: string, share: string, demandMw: string) =>
  `computational load (mining and GPU IT) ${itMw} is ${share} of site demand ${demandMw} (at least 50%) at a Large Load: the site is a Large Electronic Load`;
const UNLESS = 'which must meet ride-through requirements unless its energization was approved on or before 2025-11-14 for its load (NOGRR282/NPRR1308)';
const MISSING = (itMw: string, share: string, demandMw: string) =>
  `${LEL(itMw, share, demandMw)}, ${UNLESS}, but gridFacts.energizationApproval is not declared. Set the Campus prop ` +
  `gridFacts.energizationApproval ({ date: 'YYYY-MM-DD', approvedMw }).`;
const RIDE_THROUGH = (itMw: string, share: string, demandMw: string, approval: string) =>
  `${LEL(itMw, share, demandMw)}, and its energization was approved on ${approval}, after 2025-11-14, so it must meet ERCOT's voltage and ` +
  `frequency ride-through requirements (NOGRR282/NPRR1308). Show compliance with them and record it in a suppression of TXLL-3.`;

/** 100 MW: `podKw` of mining, the rest auxiliary (not computational). */
const half = (podKw: number, energizationApproval?: EnergizationApprovalFact) =>
  site({ miningPods: [pod('pod-a', 'main', 'air', podKw)], auxiliaryLoads: [aux('plant', 100_000 - podKw)] }, energizationApproval ? { energizationApproval } : undefined);
const grossBlock = (name: string, powerKw: number, extra: Partial<BlockLoadModel> = {}): BlockLoadModel => ({
  kind: 'block-load', name, path: `site/${name}`, bus: 'main', basis: 'gross', powerKw, firm: true, description: 'gross', ...extra,
});

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
    expect(messagesOf(TXLL_3, half(80_000, { date: '2025-11', approvedKw: 100_000 }))).toEqual([
      `${LEL('80.000 MW', '80.0%', '100.000 MW')}, ${UNLESS}, but gridFacts.energizationApproval.date = "2025-11" is not a day written YYYY-MM-DD. ` +
        `Set the Campus prop gridFacts.energizationApproval.date (the day ERCOT approved energization, 'YYYY-MM-DD').`,
    ]);
  });

  test('a hand-built model with a day before 1900: named with its value', () => {
    expect(messagesOf(TXLL_3, half(80_000, { date: '1899-12-31', approvedKw: 100_000 }))).toEqual([
      `${LEL('80.000 MW', '80.0%', '100.000 MW')}, ${UNLESS}, but gridFacts.energizationApproval.date = "1899-12-31" is before 1900. ` +
        `Set the Campus prop gridFacts.energizationApproval.date (the day ERCOT approved energization, 'YYYY-MM-DD').`,
    ]);
  });

  test('a hand-built model with a string for the approved kW or no object at all: named with its value', () => {
    expect(messagesOf(TXLL_3, half(80_000, { date: '2025-10-01', approvedKw: '100000' as never }))).toEqual([
      `${LEL('80.000 MW', '80.0%', '100.000 MW')}, ${UNLESS}, but gridFacts.energizationApproval.approvedKw = "100000" is not a positive number of kW. ` +
        `Set the Campus prop gridFacts.energizationApproval.approvedMw (the site load ERCOT approved, MW).`,
    ]);
    expect(messagesOf(TXLL_3, half(80_000, '2025-10-01' as never))).toEqual([
      `${LEL('80.000 MW', '80.0%', '100.000 MW')}, ${UNLESS}, but gridFacts.energizationApproval = "2025-10-01" is not an object. ` +
        `Set the Campus prop gridFacts.energizationApproval ({ date: 'YYYY-MM-DD', approvedMw }).`,
    ]);
  });

  test('energization approved on 2025-11-14 for the whole site load: exempt (compliant)', () => {
    expect(findingsOf(TXLL_3, half(80_000, { date: '2025-11-14', approvedKw: 100_000 }))).toEqual([]);
  });

  test('approved on or before 2025-11-14 without the MW approved: the missing MW are the finding', () => {
    expect(messagesOf(TXLL_3, half(80_000, { date: '2025-10-01' }))).toEqual([
      `${LEL('80.000 MW', '80.0%', '100.000 MW')}, ${UNLESS}, but gridFacts.energizationApproval.approvedMw is not declared. ` +
        `Set the Campus prop gridFacts.energizationApproval.approvedMw (the site load ERCOT approved, MW).`,
    ]);
  });

  test('energization approved on 2025-11-15: ride-through applies, and the MW approved are not needed', () => {
    expect(messagesOf(TXLL_3, half(80_000, { date: '2025-11-15' }))).toEqual([RIDE_THROUGH('80.000 MW', '80.0%', '100.000 MW', '2025-11-15')]);
  });

  test('approved by 2025-10-01 for 80 MW: a 200 MW hall added in 2028 is not covered, the rule applies from then and says so', () => {
    const phased = site(
      { miningPods: [pod('pod-a', 'main', 'air', 80_000)], gpuHalls: [hall('hall-2', 'main', 'air', 200_000, { inService: '2028-01' })] },
      { energizationApproval: { date: '2025-10-01', approvedKw: 80_000 } },
    );
    expect(findingsOf(TXLL_3, phased)).toEqual([
      {
        path: 'site',
        target: 'from 2028-01',
        message:
          `from 2028-01: ${LEL('280.000 MW', '100.0%', '280.000 MW')}, and its energization was approved on 2025-10-01 (on or before 2025-11-14) for ` +
          `80.000 MW only: the site load 280.000 MW exceeds it, so the exemption does not cover this state and the site must meet ERCOT's voltage ` +
          `and frequency ride-through requirements (NOGRR282/NPRR1308). Show compliance with them and record it in a suppression of TXLL-3.`,
      },
    ]);
  });

  test('IT below 50% but gross blocks that could reach it: the finding names them, never guessing their share', () => {
    const model = site({ miningPods: [pod('pod-a', 'main', 'air', 40_000)], blockLoads: [grossBlock('third-party', 35_000), grossBlock('offices', 5_000)], auxiliaryLoads: [aux('plant', 20_000)] });
    expect(messagesOf(TXLL_3, model)).toEqual([
      `computational load (mining and GPU IT) 40.000 MW is 40.0% of site demand 100.000 MW at a Large Load, below 50%, but the block loads stated ` +
        `as gross power 'offices' (5.000 MW), 'third-party' (35.000 MW) are not counted, and with them it could reach 50%: whether the site is a ` +
        `Large Electronic Load (NOGRR282/NPRR1308) is unknown. State their computational load with LoadPower.itMw, or declare their computational ` +
        `share by splitting each into an IT block (LoadPower.itMw) and a gross block for the rest.`,
    ]);
  });

  test('IT below 50% and gross blocks that cannot reach it either: no finding', () => {
    const model = site({ miningPods: [pod('pod-a', 'main', 'air', 40_000)], blockLoads: [grossBlock('third-party', 9_999)], auxiliaryLoads: [aux('plant', 50_001)] });
    expect(findingsOf(TXLL_3, model)).toEqual([]);
  });

  test('gross blocks that could decide, at a site whose approval covers its load: exempt, nothing asked', () => {
    const model = site(
      { miningPods: [pod('pod-a', 'main', 'air', 40_000)], blockLoads: [grossBlock('third-party', 40_000)], auxiliaryLoads: [aux('plant', 20_000)] },
      { energizationApproval: { date: '2025-11-14', approvedKw: 100_000 } },
    );
    expect(findingsOf(TXLL_3, model)).toEqual([]);
  });

  test('GPU halls and IT blocks are computational, a gross block and cooling are not', () => {
    const itBlock: BlockLoadModel = { kind: 'block-load', name: 'colo', path: 'site/colo', bus: 'main', basis: 'it', powerKw: 20_000, cooling: 'air', firm: true, description: '20 MW critical IT' };
    const grossBlock: BlockLoadModel = { kind: 'block-load', name: 'third-party', path: 'site/third-party', bus: 'main', basis: 'gross', powerKw: 45_000, firm: true, description: '45 MW gross' };
    const model = site({ gpuHalls: [hall('hall-1', 'main', 'air', 30_000)], blockLoads: [itBlock, grossBlock] }, { energizationApproval: { date: '2026-02-01' } });
    // IT 50 MW, cooling at PUE 1.1 5 MW: 50 MW of 100 MW.
    const withCooling = { ...model, coolingSystems: [{ ...model.coolingSystems[0], power: { model: 'pue' as const, pue: 1.1 } }] };
    expect(messagesOf(TXLL_3, withCooling)).toEqual([RIDE_THROUGH('50.000 MW', '50.0%', '100.000 MW', '2026-02-01')]);
  });

  test('a phased campus: applies from the date a GPU hall tips the share over 50%', () => {
    const model = site(
      { miningPods: [pod('pod-a', 'main', 'air', 20_000)], auxiliaryLoads: [aux('plant', 60_000)], gpuHalls: [hall('hall-1', 'main', 'air', 60_000, { inService: '2027-01' })] },
      { energizationApproval: { date: '2026-06-30' } },
    );
    expect(findingsOf(TXLL_3, model)).toEqual([
      { path: 'site', target: 'from 2027-01', message: `from 2027-01: ${RIDE_THROUGH('80.000 MW', '57.1%', '140.000 MW', '2026-06-30')}` },
    ]);
  });
});
