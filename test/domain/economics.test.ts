import { computeBudget } from '../../domain/budget';
import { REFERENCE_ECONOMICS, campusEconomics } from '../../domain/economics';
import { bus, campus, cooling, feed, hall, pod } from './fixtures';

// One pod of 1,000 kW at 10 J/TH (100 PH/s) on PUE 1.1 air; a self-operated 8-GPU hall and a
// 1,000 kW hall leased to a tenant.
const budget = computeBudget(
  campus({
    buses: [bus('main', [feed('f', 100_000)])],
    coolingSystems: [cooling('air', 'main', { model: 'pue', pue: 1.1 })],
    miningPods: [pod('p', 'main', 'air', 1_000, { hashrateThs: 100_000, efficiencyJTh: 10 })],
    gpuHalls: [hall('self', 'main', 'air', 100, { gpus: 8 }), hall('leased', 'main', 'air', 1_000, { operator: { kind: 'tenant', tenant: 'acme' } })],
  }),
);

describe('economics', () => {
  test('mining: hashrate x hashprice, and power bought for the pod and its cooling', () => {
    const { mining } = campusEconomics(budget, { mining: { hashpriceUsdPerPhDay: 39.53, powerPriceUsdPerMwh: 40 } });
    // 100 PH/s x $39.53 = $3,953/day; 1,100 kW x 24 h = 26.4 MWh x $40 = $1,056/day.
    expect(mining!.revenueUsdPerDay).toBeCloseTo(3_953, 6);
    expect(mining!.powerCostUsdPerDay).toBeCloseTo(1_056, 6);
    // Per MW-year: $3,953 x 365 / 1 MW. Same as domain-notes' $/MWh formula: 39.53 / (24 x 10 / 1000) = $164.71/MWh.
    expect(mining!.revenueUsdPerMwYear).toBeCloseTo(1_442_845, 3);
    expect(mining!.revenueUsdPerDay / 24).toBeCloseTo(39.53 / ((24 * 10) / 1000), 6);
  });

  test('AI: GPU-hours for self-operated halls, colocation rent for leased ones', () => {
    const { ai } = campusEconomics(budget, { ai: { gpuHourUsd: 2.95, utilization: 0.5, coloUsdPerKwMonth: 104.17 } });
    // self: 8 GPUs x 24 h x $2.95 x 0.5 = $283.20; leased: 1,000 kW x $104.17 x 12 / 365 = $3,424.77
    expect(ai!.revenueUsdPerDay).toBeCloseTo(283.2 + (1_000 * 104.17 * 12) / 365, 6);
    expect(ai!.itKw).toBe(1_100);
  });

  test('with only a GPU-hour price, a leased hall earns nothing (it is not ours to sell)', () => {
    const { ai } = campusEconomics(budget, { ai: { gpuHourUsd: 2.95, utilization: 0.5 } });
    expect(ai!.revenueUsdPerDay).toBeCloseTo(283.2, 6);
  });

  test('with only a colocation price, every hall earns rent', () => {
    const { ai } = campusEconomics(budget, { ai: { coloUsdPerKwMonth: 100 } });
    expect(ai!.revenueUsdPerDay).toBeCloseTo((1_100 * 100 * 12) / 365, 6);
  });

  test('no inputs, no figures', () => {
    expect(campusEconomics(budget, {})).toEqual({});
  });

  test('reference values are the dated figures from the domain notes', () => {
    expect(REFERENCE_ECONOMICS.mining.hashpriceUsdPerPhDay).toBe(39.53);
    expect(REFERENCE_ECONOMICS.ai.coloUsdPerKwMonth).toBeCloseTo(1_250_000 / 1_000 / 12, 2);
  });
});
