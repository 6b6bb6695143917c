/**
 * Each cooling system's `autoMiningHeatKw` (domain/budget.ts localBudget, which sums it per run
 * of loads that share a cooling system) is, bit for bit (Object.is), the plain sum of the power
 * of the auto-capped pods it serves, added load by load in name order (fast-check). Campuses have
 * 2-4 cooling systems and loads whose name order interleaves them (a system that comes back
 * after another, runs of one, pods, halls and rated pods between), with figures whose sums depend
 * on the order they are added in; both at the declared powers and at the caps solver's. An
 * optimistic sum here (heat carried from one cooling system into the next) would let
 * judgeCapacity count a cooling shortfall as filled by mining. FC_SEED and FC_RUNS explore further.
 */
import fc from 'fast-check';
import { computeBudget, type CampusBudget } from '../../domain/budget';
import { evaluateCampus } from '../../domain/evaluate';
import type { CampusModel } from '../../domain/model';
import { autoPod, bus, campus, cooling, feed, hall, pod } from './fixtures';
import { propertyRuns } from '../randomized-runs';

const RUNS = propertyRuns('test/domain/cooling-auto-heat.property.test.ts');
const seed = Number(process.env.FC_SEED ?? 20261124);

const COOLING = ['c0', 'c1', 'c2', 'c3'];

interface LoadSpec {
  readonly kind: 'auto' | 'rated' | 'hall';
  readonly name: string;
  readonly cooling: number;
  readonly count: number;
  /** Odd watts, so that kW have many decimals and sums depend on their order. */
  readonly maxW: number;
}

const loadArb: fc.Arbitrary<LoadSpec> = fc.record({
  kind: fc.constantFrom<LoadSpec['kind']>('auto', 'auto', 'auto', 'rated', 'hall'),
  // Few letters, so that names of one cooling system come apart in name order.
  name: fc.tuple(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), fc.nat({ max: 99 })).map(([l, n]) => `${l}${n}`),
  cooling: fc.nat({ max: 3 }),
  count: fc.integer({ min: 1, max: 40 }),
  maxW: fc.integer({ min: 1000, max: 3600 }).map((w) => w * 2 + 1),
});

interface CampusSpec {
  readonly coolingSystems: number;
  readonly loads: readonly LoadSpec[];
  /** The bus's feed, so that the solver caps some pods. */
  readonly limitKw: number;
}

const campusArb: fc.Arbitrary<CampusSpec> = fc.record({
  coolingSystems: fc.integer({ min: 2, max: 4 }),
  loads: fc.array(loadArb, { minLength: 2, maxLength: 30 }),
  limitKw: fc.integer({ min: 50, max: 3000 }),
});

function build(spec: CampusSpec): CampusModel {
  const c = (i: number) => COOLING[i % spec.coolingSystems];
  return campus({
    buses: [bus('b', [feed('f', spec.limitKw)])],
    coolingSystems: COOLING.slice(0, spec.coolingSystems).map((name) => cooling(name, 'b', { model: 'pue', pue: 1.1 }, 1e6)),
    miningPods: spec.loads
      .filter((l) => l.kind !== 'hall')
      .map((l) => (l.kind === 'auto' ? autoPod(l.name, 'b', c(l.cooling), l.count, Math.floor(l.maxW / 3), l.maxW) : pod(l.name, 'b', c(l.cooling), (l.count * l.maxW) / 1000))),
    gpuHalls: spec.loads.filter((l) => l.kind === 'hall').map((l) => hall(l.name, 'b', c(l.cooling), (l.count * l.maxW) / 1000)),
  });
}

/** Each cooling system's auto heat as the plain sum, load by load in name order (the budget's `loads`). */
function plainAutoHeatKw(budget: CampusBudget): Map<string, number> {
  const sums = new Map<string, number>();
  for (const load of budget.loads) {
    if (load.kind !== 'mining-pod' || load.powerControl?.mode !== 'auto') continue;
    sums.set(load.cooling, (sums.get(load.cooling) ?? 0) + (budget.powerKw.get(load.name) ?? 0));
  }
  return sums;
}

function expectPlainSums(budget: CampusBudget): void {
  const plain = plainAutoHeatKw(budget);
  const got = budget.cooling.map((c) => [c.cooling.name, c.autoMiningHeatKw]);
  const expected = budget.cooling.map((c) => [c.cooling.name, plain.get(c.cooling.name) ?? 0]);
  // toEqual tells 0 from -0 and compares NaN, like Object.is; the message shows both lists.
  expect(got).toEqual(expected);
  for (let i = 0; i < got.length; i++) expect(Object.is(got[i][1], expected[i][1])).toBe(true);
}

test('autoMiningHeatKw per cooling system: the plain sum in name order, at declared powers and at the solver caps', () => {
  fc.assert(
    fc.property(campusArb, (spec) => {
      const model = build(spec);
      expectPlainSums(computeBudget(model));
      expectPlainSums(evaluateCampus(model).budget);
    }),
    { numRuns: RUNS, seed },
  );
});

test('the campuses reach what the sum needs: cooling systems that come back in name order, several with auto heat, capped pods', () => {
  const samples = fc.sample(campusArb, { numRuns: 200, seed }).map((spec) => evaluateCampus(build(spec)).budget);
  /** The cooling systems of the auto pods, run by run in name order. */
  const runs = (b: CampusBudget) => {
    const out: string[] = [];
    for (const l of b.loads) {
      const c = (l as { cooling?: string }).cooling;
      if (c !== undefined && c !== out[out.length - 1]) out.push(c);
    }
    return out;
  };
  // A cooling system that comes back after another's run.
  expect(samples.filter((b) => runs(b).length > new Set(runs(b)).size).length).toBeGreaterThan(100);
  // Two or more cooling systems with auto heat.
  expect(samples.filter((b) => b.cooling.filter((c) => c.autoMiningHeatKw > 0).length >= 2).length).toBeGreaterThan(100);
  // Sums whose value depends on the order of addition: the same pods' powers added in reverse differ.
  const orderMatters = (b: CampusBudget) =>
    b.cooling.some((c) => {
      const kws = b.loads.filter((l) => l.kind === 'mining-pod' && l.powerControl?.mode === 'auto' && l.cooling === c.cooling.name).map((l) => b.powerKw.get(l.name) ?? 0);
      return kws.reduce((s, x) => s + x, 0) !== kws.reduceRight((s, x) => s + x, 0);
    });
  expect(samples.filter(orderMatters).length).toBeGreaterThan(10);
  // The caps solver capped some pods below their maximum per miner, and switched some off.
  const maxW = (b: CampusBudget, name: string) => {
    const control = b.campus.miningPods.find((p) => p.name === name)?.powerControl;
    return control?.mode === 'auto' ? control.maxW : 0;
  };
  expect(samples.filter((b) => (b.allocation?.pods ?? []).some((p) => p.mode === 'auto' && p.capW > 0 && p.capW < maxW(b, p.name))).length).toBeGreaterThan(30);
  expect(samples.filter((b) => (b.allocation?.switchedOff ?? 0) > 0).length).toBeGreaterThan(10);
});
