/**
 * Property: whatever the prices and options, no month mines more than the campus allows in the
 * state covering it (the budget's caps, from evaluateTimeline: the same engine synth runs).
 */
import fc from 'fast-check';
import { fleetOf } from '../../domain/dispatch/fleet';
import { constantHashprice } from '../../domain/dispatch/price-series';
import { simulateDispatch } from '../../domain/dispatch/simulate';
import { podFigures } from '../../domain/economics';
import { evaluateTimeline } from '../../domain/evaluate';
import { autoPod, bus, campus, cooling, feed, hall, pod } from '../domain/fixtures';
import { series } from './series';
import { propertyRuns } from '../randomized-runs';

// A campus in two states: before 2024-03, an auto-capped pod and two fixed pods (one firm) share a
// 1 MW N+1 bus; from 2024-03 a 400 kW hall takes part of it and the solver lowers the auto pod's cap.
const model = campus({
  buses: [bus('bus', [feed('grid-1', 500), feed('grid-2', 500)], 'N+1')],
  coolingSystems: [cooling('air', 'bus', { model: 'pue', pue: 1.1 }), cooling('fans', 'bus', { model: 'fixed', powerKw: 15 })],
  miningPods: [
    autoPod('auto', 'bus', 'air', 100, 2_000, 5_000),
    pod('fixed-a', 'bus', 'fans', 150, { hashrateThs: 10_000, minerHashrateThs: 10_000, efficiencyJTh: 15, curtailSeconds: 30 }),
    pod('firm-b', 'bus', 'air', 100, { firm: true, hashrateThs: 5_000, minerHashrateThs: 5_000, efficiencyJTh: 20 }),
  ],
  gpuHalls: [hall('hall', 'bus', 'air', 400, { inService: '2024-03', firm: false })],
  commitments: [{ program: 'ERS', sheddableKw: 200, responseTimeS: 600 }],
});

const evaluation = evaluateTimeline(model);
// Allowed IT kW per state, from the budget.
const allowedKw = evaluation.states.map((s) => s.evaluation.budget.campus.miningPods.reduce((t, p) => t + podFigures(s.evaluation.budget, p).itKw, 0));

test('the campus allows less mining once the hall is in (the property below has two states to check)', () => {
  expect(evaluation.states.map((s) => s.point.label)).toEqual(['before 2024-03', 'from 2024-03']);
  expect(evaluation.failures).toEqual([]);
  expect(allowedKw[1]).toBeLessThan(allowedKw[0]);
});

test('no month mines more than the caps of its state allow', () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: -50, max: 400 }), { minLength: (31 + 29 + 31) * 24, maxLength: (31 + 29 + 31) * 24 }),
      fc.integer({ min: 1, max: 6 }),
      fc.integer({ min: 1, max: 6 }),
      fc.boolean(),
      fc.boolean(),
      (prices, minOn, minOff, window, holdReserves) => {
        const result = simulateDispatch(fleetOf(model), series(prices, '2024-01-01T00:00:00Z', 60), {
          hashprice: constantHashprice(50),
          poolFeeFraction: 0.02,
          minOnIntervals: minOn,
          minOffIntervals: minOff,
          ...(window ? { fourCpWindow: { startMinute: 900, endMinute: 1080 } } : {}),
          holdReserves,
          shiftYears: 0,
        });
        const hours = [31 * 24, 29 * 24, 31 * 24];
        result.months.forEach((m, i) => {
          const state = i < 2 ? 0 : 1;
          expect(m.figures.minedMwh).toBeLessThanOrEqual((allowedKw[state] * hours[i]) / 1000 + 1e-9);
          expect(m.figures.availableMwh).toBeCloseTo((allowedKw[state] * hours[i]) / 1000, 9);
        });
      },
    ),
    { numRuns: propertyRuns('test/dispatch/simulate.property.test.ts'), seed: Number(process.env.FC_SEED ?? 14) },
  );
});
