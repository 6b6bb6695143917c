import fc from 'fast-check';
import { evaluateTimeline, evaluateTimelineFromScratch } from '../../domain/evaluate';
import { sheddingOrder, sheddingOrderOfNamed } from '../../domain/shedding-order';
import type { MiningPodModel } from '../../domain/model';
import { renderPowerBudget } from '../../report/power-budget-file';
import { autoPod, bus, campus, cooling, feed, pod } from './fixtures';
import { propertyRuns } from '../randomized-runs';

describe('shedding order', () => {
  test('lower priority first, then least efficient, then name; independent of declaration order', () => {
    const pods = [
      pod('b-efficient', 'bus', 'c', 1, { priority: 0, efficiencyJTh: 13.5 }),
      pod('a-important', 'bus', 'c', 1, { priority: 5, efficiencyJTh: 21.5 }),
      pod('c-old', 'bus', 'c', 1, { priority: 0, efficiencyJTh: 21.5 }),
      pod('a-old', 'bus', 'c', 1, { priority: 0, efficiencyJTh: 21.5 }),
      pod('z-first', 'bus', 'c', 1, { priority: -1, efficiencyJTh: 12 }),
    ];
    const expected = ['z-first', 'a-old', 'c-old', 'b-efficient', 'a-important'];
    expect(sheddingOrder(pods).map((p) => p.name)).toEqual(expected);
    expect(sheddingOrder([...pods].reverse()).map((p) => p.name)).toEqual(expected);
  });
});

describe('shedding order of pods already in name order', () => {
  // A fixed seed keeps CI repeatable; FC_SEED and FC_RUNS explore further.
  const RUNS = propertyRuns('test/domain/shedding-order.test.ts');
  const seed = Number(process.env.FC_SEED ?? 20261124);
  /** Names, a few of them used twice or more, some that sort apart from their length ('pod-10' < 'pod-2'). */
  const nameArb = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'pod-1', 'pod-10', 'pod-2', 'pod-20');
  /** Not a finite number, about 5% of the time. */
  const sometimesNotFinite = (finite: fc.Arbitrary<number>): fc.Arbitrary<number> =>
    fc.oneof({ weight: 19, arbitrary: finite }, { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity) });
  /** Pods in declaration order, a priority or efficiency sometimes not finite; up to 80 of them. */
  const mixedPodsArb = fc.array(
    fc.record({
      name: nameArb,
      priority: sometimesNotFinite(fc.oneof(fc.integer({ min: -2, max: 3 }), fc.constantFrom(-0, 0.5))),
      efficiencyJTh: sometimesNotFinite(fc.oneof(fc.constantFrom(13.5, 17, 21.5), fc.double({ min: 10, max: 40, noNaN: true }))),
    }),
    { maxLength: 80, size: 'max' },
  );
  const PRIORITIES = [0, 1, -1, 2, -0, 0.5, 3, -2, 10, -3, 5, 1.5];
  const EFFICIENCIES_J_TH = [17.5, 21.5, 13.5, 15, 25, 30, 16.5, 20, 38, 12, 34, 19.5];
  /**
   * Pods in declaration order with finite priorities and efficiencies, drawn from the first 1-12 of
   * each list: from one group to 144, so that ties are common and some lists pass 32 groups.
   */
  const finitePodsArb = fc
    .record({ priorities: fc.integer({ min: 1, max: PRIORITIES.length }), efficiencies: fc.integer({ min: 1, max: EFFICIENCIES_J_TH.length }) })
    .chain(({ priorities, efficiencies }) =>
      fc.array(
        fc.record({
          name: nameArb,
          priority: fc.constantFrom(...PRIORITIES.slice(0, priorities)),
          efficiencyJTh: fc.constantFrom(...EFFICIENCIES_J_TH.slice(0, efficiencies)),
        }),
        { maxLength: 80, size: 'max' },
      ),
    );
  type PodFields = { readonly name: string; readonly priority: number; readonly efficiencyJTh: number };
  const podsOf = (fields: readonly PodFields[]) =>
    fields.map((f, i) => pod(f.name, 'bus', 'c', 1, { priority: f.priority, efficiencyJTh: f.efficiencyJTh, path: `site/${i}` }));
  /** As campusLoads gives them: a stable sort by name of the pods as listed. */
  const byNameOf = <T extends MiningPodModel>(pods: readonly T[]) => [...pods].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const isFinitePod = (p: MiningPodModel) => Number.isFinite(p.priority) && Number.isFinite(p.efficiencyJTh);

  /** sheddingOrderOfNamed of the pods in name order against sheddingOrder of the pods as listed. */
  const matchesTheFullSort = (fields: readonly PodFields[]) => {
    const pods = podsOf(fields);
    const named = sheddingOrderOfNamed(byNameOf(pods));
    // Not a finite number, or more than 32 groups: none (the caller sorts the pods as listed).
    expect(named === undefined).toBe(!pods.every(isFinitePod) || groupCount(pods) > 32);
    if (named) expect(named.map((p) => p.path)).toEqual(sheddingOrder(pods).map((p) => p.path));
  };

  test('sheddingOrderOfNamed gives the order sheddingOrder gives, pod for pod (names used twice, groups over the limit, NaN)', () => {
    fc.assert(fc.property(mixedPodsArb, matchesTheFullSort), { numRuns: RUNS, seed });
  });

  test('sheddingOrderOfNamed gives the order sheddingOrder gives, pod for pod (finite: ties, one group to 144)', () => {
    fc.assert(fc.property(finitePodsArb, matchesTheFullSort), { numRuns: RUNS, seed });
  });

  test('the generators reach what the comparison needs: orders compared, ties, groups past the limit, a value not finite after it', () => {
    const mixed = fc.sample(mixedPodsArb, { numRuns: 300, seed }).map(podsOf);
    const finite = fc.sample(finitePodsArb, { numRuns: 300, seed }).map(podsOf);
    const compared = (lists: MiningPodModel[][]) => lists.filter((pods) => pods.every(isFinitePod) && groupCount(pods) <= 32);
    // Lists of finite pods in 32 groups or fewer, compared pod for pod: many, some long.
    expect(compared(finite).length).toBeGreaterThan(200);
    expect(compared(finite).filter((pods) => pods.length >= 40).length).toBeGreaterThan(50);
    expect(compared(mixed).filter((pods) => pods.length >= 10).length).toBeGreaterThan(10);
    // Ties: two pods of one group under different names, and one name used twice in a group.
    const tied = (pods: MiningPodModel[], sameName: boolean) =>
      pods.some((p, i) => pods.some((q, j) => i !== j && p.priority === q.priority && p.efficiencyJTh === q.efficiencyJTh && (p.name === q.name) === sameName));
    expect(compared(finite).filter((pods) => tied(pods, false) && tied(pods, true)).length).toBeGreaterThan(100);
    // Two groups of one priority, so that the efficiency decides.
    expect(compared(finite).filter((pods) => groupCount(pods) > new Set(pods.map((p) => p.priority)).size).length).toBeGreaterThan(100);
    // More than 32 groups, in both generators.
    expect(finite.filter((pods) => groupCount(pods) > 32).length).toBeGreaterThan(15);
    expect(mixed.filter((pods) => groupCount(pods) > 32).length).toBeGreaterThan(60);
    // A value not finite in name order after the pods of the first five groups.
    const afterGroups = (pods: MiningPodModel[]) => {
      const byName = byNameOf(pods);
      const firstNotFinite = byName.findIndex((p) => !isFinitePod(p));
      return firstNotFinite < 0 ? 0 : groupCount(byName.slice(0, firstNotFinite));
    };
    expect(mixed.filter((pods) => afterGroups(pods) >= 5).length).toBeGreaterThan(60);
    expect(mixed.filter((pods) => afterGroups(pods) > 32).length).toBeGreaterThan(0);
  });

  test('more groups than it sorts by group: none (the caller sorts the pods as listed); 32 groups: by group', () => {
    const pods = Array.from({ length: 40 }, (_, i) => pod(`p-${String(i).padStart(2, '0')}`, 'bus', 'c', 1, { priority: 0, efficiencyJTh: 10 + i }));
    expect(sheddingOrderOfNamed(pods)).toBeUndefined();
    const thirtyTwo = pods.slice(0, 32);
    expect(sheddingOrderOfNamed(thirtyTwo)!.map((p) => p.name)).toEqual([...thirtyTwo].reverse().map((p) => p.name));
  });

  /** 33 pods in 33 groups (priority i % 3, 10 + i J/TH), a00..a32, and z0 with priority NaN listed first. */
  const nanAfterTheLimit = <T extends MiningPodModel>(make: (name: string, extra: Partial<MiningPodModel>) => T): T[] => [
    make('z0', { priority: NaN, efficiencyJTh: 20 }),
    ...Array.from({ length: 33 }, (_, i) => make(`a${String(i).padStart(2, '0')}`, { priority: i % 3, efficiencyJTh: 10 + i })),
  ];

  test('a priority that is not finite after the 32nd group: none, so the caller sorts the pods as listed', () => {
    const listed = nanAfterTheLimit((name, extra) => pod(name, 'bus', 'c', 1, extra));
    const byName = [...listed].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    expect(sheddingOrderOfNamed(byName)).toBeUndefined();
    // Why: the full sort of the pods as listed puts z0 (NaN compares as a tie) elsewhere than
    // the full sort of the pods in name order.
    const asListed = sheddingOrder(listed).map((p) => p.name);
    expect(asListed.indexOf('z0')).toBe(7);
    expect(sheddingOrder(byName).map((p) => p.name).indexOf('z0')).toBe(30);
  });

  test('a priority that is not finite after the 32nd group: power-budget.json as evaluated from scratch', () => {
    const model = campus({
      buses: [bus('b', [feed('f', 6_000)])],
      coolingSystems: [cooling('c', 'b', { model: 'fixed', powerKw: 10 }, 1e6)],
      miningPods: nanAfterTheLimit((name, extra) => autoPod(name, 'b', 'c', 100, 1000, 3000, extra)),
    });
    const reference = renderPowerBudget(evaluateTimelineFromScratch(model));
    expect(renderPowerBudget(evaluateTimeline(model))).toBe(reference);
    // The reference caps the least efficient pods of priority 0 first: a00 runs at its maximum.
    expect(reference).toMatch(/"name":"a00",[^\n]*"capW":3000,/);
  });
});

/** The number of groups of equal priority and efficiency (-0 and 0 are equal, as with ===). */
function groupCount(pods: readonly MiningPodModel[]): number {
  return new Set(pods.map((p) => `${p.priority}|${p.efficiencyJTh}`)).size;
}
