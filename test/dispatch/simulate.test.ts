import { breakEvenUsdPerMwh } from '../../domain/dispatch/break-even';
import { fleetOf } from '../../domain/dispatch/fleet';
import { constantHashprice } from '../../domain/dispatch/price-series';
import { simulateDispatch, type DispatchOptions } from '../../domain/dispatch/simulate';
import { evaluateTimeline } from '../../domain/evaluate';
import { podFigures } from '../../domain/economics';
import type { CampusModel } from '../../domain/model';
import { autoPod, bus, campus, cooling, feed, hall, pod } from '../domain/fixtures';
import { DISPATCH_FORMAT, DISPATCH_FORMAT_VERSION, siteReport } from '../../report/dispatch/dispatch-report';
import { renderDispatchText } from '../../report/dispatch/render-text';
import { series } from './series';

const HASHPRICE = 50;

function options(extra: Partial<DispatchOptions> = {}): DispatchOptions {
  return { hashprice: constantHashprice(HASHPRICE), poolFeeFraction: 0, minOnIntervals: 1, minOffIntervals: 1, holdReserves: true, shiftYears: 0, ...extra };
}

/**
 * Two 1-miner pods on one bus with PUE 1.1 air cooling:
 * - pod-a: 300 kW, 20,000 TH/s: 15 J/TH, break-even 50 / (24 x 15 / 1000) = 138.89 $/MWh;
 * - pod-b: 200 kW, 11,428.57 TH/s: 17.5 J/TH, break-even 119.05 $/MWh.
 */
function twoPods(extra: Partial<CampusModel> = {}): CampusModel {
  return campus({
    buses: [bus('bus', [feed('grid', 10_000)])],
    coolingSystems: [cooling('air', 'bus', { model: 'pue', pue: 1.1 })],
    miningPods: [
      pod('pod-a', 'bus', 'air', 300, { hardwareId: 'model-a', hardware: 'Model A', minerHashrateThs: 20_000, hashrateThs: 20_000, efficiencyJTh: 15 }),
      pod('pod-b', 'bus', 'air', 200, { hardwareId: 'model-b', hardware: 'Model B', minerHashrateThs: 200 / 0.0175, hashrateThs: 200 / 0.0175, efficiencyJTh: 17.5 }),
    ],
    ...extra,
  });
}

describe('dispatch simulation', () => {
  test('every price at 0: every pod mines at its cap in every interval', () => {
    const result = simulateDispatch(fleetOf(twoPods()), series(new Array(96).fill(0)), options());
    // 500 kW for 24 h = 12 MWh; grid = x 1.1.
    expect(result.figures.availableMwh).toBeCloseTo(12, 9);
    expect(result.figures.minedMwh).toBeCloseTo(12, 9);
    expect(result.figures.gridMwh).toBeCloseTo(13.2, 9);
    expect(result.figures.hoursMined).toBeCloseTo(24, 9);
    expect(result.figures.hoursCurtailed).toBeCloseTo(0, 9);
    expect(result.figures.powerCostUsd).toBe(0);
    for (const g of result.groups) expect(g.figures.hoursMined).toBeCloseTo(24, 9);
  });

  test('every price above every break-even: nothing mines', () => {
    const result = simulateDispatch(fleetOf(twoPods()), series(new Array(96).fill(139)), options());
    expect(result.figures.minedMwh).toBe(0);
    expect(result.figures.revenueUsd).toBe(0);
    expect(result.figures.hoursCurtailed).toBeCloseTo(24, 9);
    expect(result.figures.averagePricePaidUsdPerMwh).toBeNull();
  });

  test('a price exactly at a pod\'s break-even: that pod does not mine; a cent below, it does', () => {
    // 138.89 $/MWh of IT, / 1.1 grid kW per IT kW (PUE 1.1) = 126.26 $/MWh at the meter.
    const beA = breakEvenUsdPerMwh(HASHPRICE, 0, 15, 1.1);
    expect(beA).toBeCloseTo(126.262626, 5);
    const at = simulateDispatch(fleetOf(twoPods()), series([beA]), options());
    expect(at.groups.map((g) => g.figures.minedMwh)).toEqual([0, 0]);
    const below = simulateDispatch(fleetOf(twoPods()), series([beA - 0.01]), options());
    expect(below.groups.map((g) => g.figures.minedMwh)).toEqual([0.075, 0]);
  });

  test('totals are exact sums of intervals (hand-checked on four intervals)', () => {
    // Prices 10, 200, 10, 120: both pods, none, both, pod-a only (break-evens at the meter: pod-a
    // 126.26, pod-b 119.05 / 1.1 = 108.23).
    const result = simulateDispatch(fleetOf(twoPods()), series([10, 200, 10, 120]), options());
    const h = 0.25;
    // IT: (500 + 0 + 500 + 300) kW x 0.25 h = 325 kWh.
    expect(result.figures.minedMwh).toBeCloseTo(0.325, 12);
    expect(result.figures.gridMwh).toBeCloseTo(0.3575, 12);
    // Cost: 10 x 0.1375 + 10 x 0.1375 + 120 x 0.0825 MWh.
    expect(result.figures.powerCostUsd).toBeCloseTo(10 * 0.1375 + 10 * 0.1375 + 120 * 0.0825, 9);
    // Revenue: PH/s x hashprice x h / 24, pod-a three intervals, pod-b two.
    const revenueA = 20 * HASHPRICE * (h / 24) * 3;
    const revenueB = (200 / 0.0175 / 1000) * HASHPRICE * (h / 24) * 2;
    expect(result.groups[0].figures.revenueUsd).toBeCloseTo(revenueA, 9);
    expect(result.groups[1].figures.revenueUsd).toBeCloseTo(revenueB, 9);
    expect(result.figures.grossMarginUsd).toBeCloseTo(revenueA + revenueB - result.figures.powerCostUsd, 9);
    // Hours: pod-a mined 3 of 4 intervals, pod-b 2; the site 500+0+500+300 of 500 kW each interval.
    expect(result.groups[0].figures.hoursMined).toBeCloseTo(0.75, 12);
    expect(result.groups[1].figures.hoursMined).toBeCloseTo(0.5, 12);
    expect(result.figures.hoursMined).toBeCloseTo(h * (1 + 0 + 1 + 0.6), 12);
    expect(result.figures.averagePricePaidUsdPerMwh).toBeCloseTo(result.figures.powerCostUsd / 0.3575, 9);
    // A MW-year of allowed mining: margin x 8760 / available MWh (0.5 MW x 1 h).
    expect(result.figures.valueUsdPerMwYear).toBeCloseTo((result.figures.grossMarginUsd * 8760) / 0.5, 6);
    expect(result.groups.map((g) => [g.id, g.efficiencyJTh])).toEqual([
      ['model-a', 15],
      ['model-b', expect.closeTo(17.5, 9)],
    ]);
  });

  test('the break-even is at the meter: a pod does not mine where its grid power costs more than it earns', () => {
    // At 130 $/MWh pod-a earns 138.89 $ per MWh of IT but pays 130 x 1.1 = 143 $ for it (PUE 1.1).
    const result = simulateDispatch(fleetOf(twoPods()), series([130, 126]), options());
    expect(result.groups[0].figures.hoursMined).toBeCloseTo(0.25, 12);
    expect(result.groups[0].figures.grossMarginUsd).toBeGreaterThan(0);
    // The reported break-even is the one the dispatch used.
    expect(result.groups[0].breakEvenUsdPerMwh).toBeCloseTo(126.262626, 5);
  });

  test('the pool fee lowers both the break-even and the revenue', () => {
    const fee = 0.1;
    // pod-a: 138.89 x 0.9 = 125.00 per MWh of IT, / 1.1 at the meter: exactly at break-even, so it does not mine there.
    const be = breakEvenUsdPerMwh(HASHPRICE, fee, 15, 1.1);
    expect(be).toBeCloseTo(125 / 1.1, 9);
    const result = simulateDispatch(fleetOf(twoPods()), series([be, 0]), options({ poolFeeFraction: fee }));
    expect(result.groups[0].figures.hoursMined).toBeCloseTo(0.25, 12);
    expect(result.groups[0].figures.revenueUsd).toBeCloseTo(20 * HASHPRICE * 0.9 * (0.25 / 24), 9);
  });

  test('never draws more than the campus allows at that date: auto pods at the solver\'s caps', () => {
    // 40 miners of 3,000-5,000 W (x 1.1 with cooling: 132-220 kW) on a 200 kW bus with 20 kW of
    // auxiliary load: the solver caps them at (200 - 20) / 1.1 = 163.6 kW.
    const model = campus({
      buses: [bus('bus', [feed('grid', 200)])],
      coolingSystems: [cooling('air', 'bus', { model: 'pue', pue: 1.1 })],
      miningPods: [autoPod('auto', 'bus', 'air', 40, 3000, 5000)],
      auxiliaryLoads: [{ kind: 'auxiliary', name: 'office', path: 'site/office', bus: 'bus', powerKw: 20 }],
    });
    const budget = evaluateTimeline(model).current.budget;
    const allowedKw = podFigures(budget, model.miningPods[0]).itKw;
    expect(allowedKw).toBeCloseTo(180 / 1.1, 6);
    const result = simulateDispatch(fleetOf(model), series(new Array(8).fill(0)), options());
    expect(result.figures.minedMwh).toBeCloseTo((allowedKw * 2) / 1000, 9);
    // With the bus's load: mining grid kW + 20 kW auxiliary within the 200 kW feed.
    expect((result.figures.gridMwh / 2) * 1000 + 20).toBeLessThanOrEqual(200 + 1e-6);
    expect(result.months[0].figures.availableMwh).toBeCloseTo((allowedKw * 2) / 1000, 9);
  });

  test('a phased campus: mining falls as halls come online', () => {
    // Two pods; pod-a retires in 2024-03 when a hall comes in.
    const model = twoPods({
      miningPods: twoPods().miningPods.map((p) => (p.name === 'pod-a' ? { ...p, retire: '2024-03' } : p)),
      gpuHalls: [hall('hall', 'bus', 'air', 300, { inService: '2024-03' })],
    });
    // 2024-01-01 to 2024-04-30, one price a day (0: mine everything).
    const result = simulateDispatch(fleetOf(model), series(new Array(121).fill(0), '2024-01-01T00:00:00Z', 1440), options());
    expect(result.months.map((m) => [m.state, m.figures.minedMwh])).toEqual([
      ['before 2024-03', expect.closeTo(0.5 * 24 * 31, 9)],
      ['before 2024-03', expect.closeTo(0.5 * 24 * 29, 9)],
      ['from 2024-03', expect.closeTo(0.2 * 24 * 31, 9)],
      ['from 2024-03', expect.closeTo(0.2 * 24 * 30, 9)],
    ]);
  });

  test('hysteresis: minimum on and off times in intervals', () => {
    // Cheap, dear, cheap, dear, ...: without hysteresis pod-a mines every other interval.
    const prices = [0, 500, 0, 500, 0, 500, 0, 500];
    const free = simulateDispatch(fleetOf(twoPods()), series(prices), options());
    expect(free.groups[0].figures.hoursMined).toBeCloseTo(1, 12);
    // Minimum on 3: on at 0, held on through 1 and 2, off at 3 (500), then on at 4 (minimum off 1), held through 6.
    const held = simulateDispatch(fleetOf(twoPods()), series(prices), options({ minOnIntervals: 3 }));
    expect(held.groups[0].figures.hoursMined).toBeCloseTo(6 * 0.25, 12);
    // Minimum off 3: on at 0, off at 1, held off through 3, on at 4, off at 5, held off.
    const off = simulateDispatch(fleetOf(twoPods()), series(prices), options({ minOffIntervals: 3 }));
    expect(off.groups[0].figures.hoursMined).toBeCloseTo(2 * 0.25, 12);
  });

  test('4CP window: interruptible pods are shed in June-September within the window; firm pods keep mining', () => {
    const model = twoPods({ miningPods: twoPods().miningPods.map((p) => (p.name === 'pod-b' ? { ...p, firm: true } : p)) });
    // 2024-06-01 14:00 to 18:00 UTC, price 20 except one 90 $/MWh interval at 16:00.
    const prices = new Array(16).fill(20);
    prices[8] = 90;
    const window = { startMinute: 15 * 60, endMinute: 17 * 60 };
    const result = simulateDispatch(fleetOf(model), series(prices, '2024-06-01T14:00:00Z'), options({ fourCpWindow: window }));
    // pod-a (interruptible) is off in the 8 window intervals; pod-b (firm) mines all 16.
    expect(result.groups[0].figures.hoursMined).toBeCloseTo(2, 12);
    expect(result.groups[1].figures.hoursMined).toBeCloseTo(4, 12);
    // Avoided at the highest-price window interval (16:00): pod-a's 300 kW x 1.1 = 0.33 MW.
    expect(result.fourCpAvoidedMw).toBeCloseTo(0.33, 12);
    expect(result.groups.map((g) => g.fourCpAvoidedMw)).toEqual([expect.closeTo(0.33, 12), 0]);
    // The same hours outside the 4CP months: no shedding.
    const winter = simulateDispatch(fleetOf(model), series(prices, '2024-01-01T14:00:00Z'), options({ fourCpWindow: window }));
    expect(winter.groups[0].figures.hoursMined).toBeCloseTo(4, 12);
    expect(winter.fourCpAvoidedMw).toBeNull();
  });

  test('4CP window: an interval that overlaps the window only in part is shed whole', () => {
    // Hourly prices from 2024-06-01 14:00; the window 16:30-17:00 covers half of the 16:00 hour.
    const window = { startMinute: 16 * 60 + 30, endMinute: 17 * 60 };
    const result = simulateDispatch(fleetOf(twoPods()), series([20, 20, 20, 20], '2024-06-01T14:00:00Z', 60), options({ fourCpWindow: window }));
    // Both pods are interruptible: each mines 3 of the 4 hours (not 16:00-17:00).
    expect(result.groups.map((g) => g.figures.hoursMined)).toEqual([3, 3]);
    // The 16:00 hour is the window's only interval: all (300 + 200) kW x 1.1 avoided.
    expect(result.fourCpAvoidedMw).toBeCloseTo(0.55, 12);
    // A window that ends where an interval starts does not touch it: 14:00-15:00 sheds only the 14:00 hour.
    const edge = simulateDispatch(fleetOf(twoPods()), series([20, 20, 20, 20], '2024-06-01T14:00:00Z', 60), options({ fourCpWindow: { startMinute: 14 * 60, endMinute: 15 * 60 } }));
    expect(edge.groups.map((g) => g.figures.hoursMined)).toEqual([3, 3]);
  });

  test('4CP window across midnight: 22:00-02:00 sheds the evening and the early morning, each interval by its own month', () => {
    // Hourly from 2024-09-30 20:00 to 2024-10-01 03:00 (local = UTC): 20, 21 | 22, 23 (Sept, shed) | 0, 1 (October: no 4CP) | 2, 3.
    const window = { startMinute: 22 * 60, endMinute: 2 * 60 };
    const sept = simulateDispatch(fleetOf(twoPods()), series(new Array(8).fill(20), '2024-09-30T20:00:00Z', 60), options({ fourCpWindow: window }));
    expect(sept.groups.map((g) => g.figures.hoursMined)).toEqual([6, 6]);
    // The same hours in June: 22:00 to 02:00 shed, 4 of 8.
    const june = simulateDispatch(fleetOf(twoPods()), series(new Array(8).fill(20), '2024-06-10T20:00:00Z', 60), options({ fourCpWindow: window }));
    expect(june.groups.map((g) => g.figures.hoursMined)).toEqual([4, 4]);
  });

  test('AI is compared after the power it pays for: a self-operated GPU-hour hall is charged its grid MWh at the mean price', () => {
    // A 1 MW self-operated hall, 8 GPUs at $2/GPU-hour and 50% utilization: 8 x 24 x 2 x 0.5 = $192/day
    // = $70,080 per MW-year; it draws 1 MW x 1.1 (PUE) x 8,760 h = 9,636 MWh per MW-year.
    const model = twoPods({ gpuHalls: [hall('hall', 'bus', 'air', 1_000)], economics: { ai: { gpuHourUsd: 2, utilization: 0.5 } } });
    const result = simulateDispatch(fleetOf(model), series([20, 40]), options());
    expect(result.aiValueUsdPerMwYear).toBeCloseTo(70_080, 6);
    expect(result.meanPriceUsdPerMwh).toBe(30);
    expect(result.aiPowerCostUsdPerMwYear).toBeCloseTo(9_636 * 30, 6);
    // The verdict compares margins: AI $70,080 - $289,080 = -$219,000 per MW-year.
    const MINING = 858_062.86;
    const inputs = { sha256: '0'.repeat(64), prices: { settlementPoint: 'TEST', intervalMinutes: 15, intervals: 2, firstIntervalStart: 'a', lastIntervalStart: 'b', fileSha256: [] }, hashprice: { kind: 'constant' as const, usdPerPhDay: HASHPRICE }, poolFeeFraction: 0, minOnIntervals: 1, minOffIntervals: 1, fourCpWindow: null, holdReserves: true, shiftYears: 0 };
    const site = siteReport(result, '0'.repeat(64));
    const text = renderDispatchText({ format: DISPATCH_FORMAT, formatVersion: DISPATCH_FORMAT_VERSION, inputs, sites: [site] });
    expect(site.figures.valueUsdPerMwYear).toBe(MINING);
    expect(text).toContain(
      `; AI -$219,000 (revenue $70,080 from the campus's economics inputs, less $289,080 of power at the mean price 30.00 $/MWh); mining earns $1,077,063 more per MW-year`,
    );
    // Colocation rent excludes the tenant's power: nothing is charged.
    const leased = twoPods({ gpuHalls: [hall('hall', 'bus', 'air', 1_000, { operator: { kind: 'tenant', tenant: 't' } })], economics: { ai: { coloUsdPerKwMonth: 100 } } });
    const colo = simulateDispatch(fleetOf(leased), series([20, 40]), options());
    expect(colo.aiValueUsdPerMwYear).toBeCloseTo(1_200_000, 6);
    expect(colo.aiPowerCostUsdPerMwYear).toBe(0);
  });

  test('demand-response reserve: eligible pods keep running above break-even, most efficient first', () => {
    // 300 kW of grid import sheddable within 600 s: pod-a (300 kW IT x 1.1 = 330 kW) is enough.
    const model = twoPods({ commitments: [{ program: 'ERS-10', sheddableKw: 300, responseTimeS: 600 }] });
    const result = simulateDispatch(fleetOf(model), series([1000, 1000, 1000, 1000]), options());
    expect(result.groups[0].figures.minedMwh).toBeCloseTo(0.3, 12);
    expect(result.groups[0].figures.reserveMwh).toBeCloseTo(0.3, 12);
    expect(result.groups[1].figures.minedMwh).toBe(0);
    expect(result.reserveShortIntervals).toBe(0);
    expect(result.figures.grossMarginUsd).toBeLessThan(0);
    // 600 kW needs both pods (550 kW): held short in every interval.
    const big = twoPods({ commitments: [{ program: 'ERS-10', sheddableKw: 600, responseTimeS: 600 }] });
    expect(simulateDispatch(fleetOf(big), series([1000, 1000]), options()).reserveShortIntervals).toBe(2);
    // A pod slower than the response time does not count; without reserves nothing runs.
    const slow = twoPods({ commitments: [{ program: 'fast', sheddableKw: 100, responseTimeS: 30 }] });
    expect(simulateDispatch(fleetOf(slow), series([1000]), options()).reserveShortIntervals).toBe(1);
    expect(simulateDispatch(fleetOf(model), series([1000]), options({ holdReserves: false })).figures.minedMwh).toBe(0);
  });

  test('the same inputs give the same figures, whatever the declaration order of pods', () => {
    const prices = Array.from({ length: 200 }, (_, i) => (i * 37) % 160);
    const a = simulateDispatch(fleetOf(twoPods()), series(prices), options());
    const reversed = twoPods({ miningPods: [...twoPods().miningPods].reverse() });
    expect(simulateDispatch(fleetOf(reversed), series(prices), options())).toEqual(a);
  });

  test('months no state covers mine nothing and are counted', () => {
    // Everything comes into service in 2024-02: no state covers January.
    const base = twoPods();
    const later = <T>(parts: readonly T[]) => parts.map((p) => ({ ...p, inService: '2024-02' }));
    const model = { ...base, buses: later(base.buses), coolingSystems: later(base.coolingSystems), miningPods: later(base.miningPods) };
    const result = simulateDispatch(fleetOf(model), series(new Array(60).fill(0), '2024-01-01T00:00:00Z', 1440), options());
    expect(result.intervalsWithoutCampus).toBe(31);
    expect(result.months[0].state).toBeNull();
    expect(result.months[0].figures.minedMwh).toBe(0);
    expect(result.months[1].figures.minedMwh).toBeCloseTo(0.5 * 24 * 29, 9);
  });

  test('identical pods are simulated as one class: the same figures as one pod of their total size', () => {
    const prices = Array.from({ length: 300 }, (_, i) => ((i * 53) % 220) - 20);
    const one = (name: string, kw: number) => pod(name, 'bus', 'air', kw, { hashrateThs: kw / 0.015, minerHashrateThs: kw / 0.015, efficiencyJTh: 15 });
    const many = twoPods({ miningPods: ['p1', 'p2', 'p3', 'p4'].map((n) => one(n, 100)) });
    const single = twoPods({ miningPods: [one('p', 400)] });
    const opts = options({ minOnIntervals: 3, minOffIntervals: 2 });
    const a = simulateDispatch(fleetOf(many), series(prices), opts).figures;
    const b = simulateDispatch(fleetOf(single), series(prices), opts).figures;
    for (const key of Object.keys(a) as (keyof typeof a)[]) expect(a[key]).toBeCloseTo(b[key] as number, 6);
  });

  test('a reserve takes only as many pods of a class as it needs', () => {
    // Four identical 100 kW pods (110 kW of grid each); 250 kW must be sheddable: three run.
    const one = (name: string) => pod(name, 'bus', 'air', 100, { hashrateThs: 100 / 0.015, minerHashrateThs: 100 / 0.015, efficiencyJTh: 15 });
    const model = twoPods({ miningPods: ['p1', 'p2', 'p3', 'p4'].map(one), commitments: [{ program: 'ERS-10', sheddableKw: 250, responseTimeS: 600 }] });
    const result = simulateDispatch(fleetOf(model), series([1000, 1000]), options());
    expect(result.figures.minedMwh).toBeCloseTo(0.3 * 0.5, 12);
    expect(result.figures.reserveMwh).toBeCloseTo(0.15, 12);
    expect(result.reserveShortIntervals).toBe(0);
  });
});
