import { computeBudget } from '../../../domain/budget';
import { hasDuplicateName, uniqueNames } from '../../../domain/checks/unique-names';
import { campusLoads } from '../../../domain/load-model';
import type { AuxiliaryLoadModel, CampusModel } from '../../../domain/model';
import { bus, campus, cooling, feed, hall, pod } from '../fixtures';

describe('check unique-names', () => {
  test('passes (returns nothing) when every name is unique', () => {
    const budget = computeBudget(campus({ buses: [bus('a', [feed('f1', 1)]), bus('b', [feed('f2', 1)])] }));
    expect(uniqueNames.run(budget)).toEqual([]);
  });

  test('fails at every place a name is reused, listing them all', () => {
    const budget = computeBudget(
      campus({
        buses: [bus('a', [feed('dup', 1)]), { ...bus('b', [feed('f2', 1)]), path: 'site/row-1/b' }],
        coolingSystems: [cooling('air', 'a', { model: 'pue', pue: 1.1 })],
        miningPods: [{ ...pod('dup', 'a', 'air', 1), path: 'site/row-2/dup' }],
      }),
    );
    const results = uniqueNames.run(budget);
    const message =
      "structure: the name 'dup' is used 2 times in campus 'site' (feed at site/a, mining pod at site/row-2/dup). Give each part a unique name.";
    expect(results.map((r) => [r.status, r.path, r.message])).toEqual([
      ['fail', 'site/a', message],
      ['fail', 'site/row-2/dup', message],
    ]);
  });

  describe('hasDuplicateName with the loads in name order (the check\'s path) agrees with the set of every name', () => {
    /** Whether two parts share a name, by counting (the oracle). */
    function shared(model: CampusModel): boolean {
      const names = [
        ...model.buses.map((b) => b.name),
        ...model.buses.flatMap((b) => b.feeds.map((f) => f.name)),
        ...model.coolingSystems.map((c) => c.name),
        ...model.miningPods.map((p) => p.name),
        ...model.gpuHalls.map((h) => h.name),
        ...model.auxiliaryLoads.map((a) => a.name),
      ];
      return new Set(names).size !== names.length;
    }
    const aux = (name: string): AuxiliaryLoadModel => ({ kind: 'auxiliary', name, path: `site/${name}`, bus: 'b', powerKw: 1 });

    test('on campuses whose names are drawn from a small pool (shared within and across kinds, or not at all)', () => {
      // A fixed-seed generator: names from a pool of 12, so that some campuses share none and
      // others share one between two pods, a pod and a hall, a load and a feed or a bus, or two feeds.
      let seed = 20261124;
      const next = (n: number) => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return seed % n;
      };
      const pool = Array.from({ length: 12 }, (_, i) => `n${String(i).padStart(2, '0')}`);
      let withShared = 0;
      for (let run = 0; run < 400; run++) {
        const names = [...pool].sort(() => next(3) - 1);
        const take = () => (next(6) === 0 ? pool[next(pool.length)] : names.pop() ?? pool[next(pool.length)]);
        const model = campus({
          buses: [bus(take(), [feed(take(), 1), feed(take(), 1)])],
          coolingSystems: [cooling(take(), 'b', { model: 'pue', pue: 1.1 })],
          miningPods: Array.from({ length: next(4) }, () => pod(take(), 'b', 'c', 1)),
          gpuHalls: Array.from({ length: next(3) }, () => hall(take(), 'b', 'c', 1)),
          auxiliaryLoads: Array.from({ length: next(3) }, () => aux(take())),
        });
        const expected = shared(model);
        if (expected) withShared += 1;
        expect([hasDuplicateName(model, campusLoads(model)), hasDuplicateName(model)]).toEqual([expected, expected]);
      }
      // The generator reaches both answers.
      expect(withShared).toBeGreaterThan(50);
      expect(withShared).toBeLessThan(350);
    });

    test('a name that is not a string (a model built by hand) is found through the set of every name', () => {
      const unnamed = (extra: object) => ({ ...pod('x', 'b', 'c', 1), name: undefined as unknown as string, ...extra });
      const twice = campus({ buses: [bus('b', [feed('f', 1)])], miningPods: [unnamed({ path: 'site/1' }), pod('a', 'b', 'c', 1), unnamed({ path: 'site/2' })] });
      const once = campus({ buses: [bus('b', [feed('f', 1)])], miningPods: [unnamed({ path: 'site/1' }), pod('a', 'b', 'c', 1), pod('z', 'b', 'c', 1)] });
      expect([hasDuplicateName(twice, campusLoads(twice)), hasDuplicateName(once, campusLoads(once))]).toEqual([true, false]);
    });
  });
});

