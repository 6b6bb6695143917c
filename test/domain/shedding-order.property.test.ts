/**
 * `sheddingOrderOfNamed` (pods already in name order, put in order by class) gives exactly the
 * pods, in exactly the order, `sheddingOrder` (a stable sort of the pods as listed) gives: random
 * pods with names used twice, few or many (priority, J/TH) classes, -0, and priorities or J/TH
 * that are not finite numbers (fast-check; FC_SEED and FC_RUNS explore further).
 */
import fc from 'fast-check';
import type { MiningPodModel } from '../../domain/model';
import { sheddingOrder, sheddingOrderOfNamed } from '../../domain/shedding-order';
import { pod } from './fixtures';

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261124) });
const RUNS = Number(process.env.FC_RUNS ?? 500);

const figure = (values: readonly number[]) => fc.oneof({ weight: 20, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -0) });

const pods = fc.array(
  fc.record({
    name: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'),
    priority: figure([0, 1, 2, -1]),
    efficiencyJTh: figure([13.5, 17.5, 21.5]),
    wide: fc.integer({ min: 0, max: 40 }),
  }),
  { maxLength: 40 },
);

describe('shedding order of pods in name order', () => {
  test('is the order sheddingOrder gives, pod for pod', () => {
    fc.assert(
      fc.property(pods, fc.boolean(), (specs, manyClasses) => {
        const listed: MiningPodModel[] = specs.map((s, i) =>
          pod(s.name, 'bus', 'c', 1, { path: `site/${i}`, priority: s.priority, efficiencyJTh: manyClasses ? s.efficiencyJTh + s.wide : s.efficiencyJTh }),
        );
        const byName = [...listed].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        expect(sheddingOrderOfNamed(byName, listed).map((p) => p.path)).toEqual(sheddingOrder(listed).map((p) => p.path));
      }),
      { numRuns: RUNS },
    );
  });
});
