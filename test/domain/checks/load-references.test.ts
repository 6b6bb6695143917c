import { evaluateTimeline } from '../../../domain/evaluate';
import { computeBudget } from '../../../domain/budget';
import { loadReferences } from '../../../domain/checks/load-references';
import { bus, campus, cooling, feed, pod } from '../fixtures';

describe('check load-references', () => {
  test('passes (returns nothing) when every reference resolves', () => {
    const budget = computeBudget(
      campus({
        buses: [bus('main', [feed('f', 1_000)])],
        coolingSystems: [cooling('air', 'main', { model: 'pue', pue: 1.1 })],
        miningPods: [pod('p1', 'main', 'air', 100)],
        auxiliaryLoads: [{ kind: 'auxiliary', name: 'x', path: 'site/x', bus: 'main', powerKw: 1 }],
      }),
    );
    expect(loadReferences.run(budget)).toEqual([]);
  });

  test('fails for a bus or cooling system that is not in the campus, listing the ones that are', () => {
    const budget = computeBudget(
      campus({
        buses: [bus('main', [feed('f', 1_000)]), bus('spare', [feed('g', 1_000)])],
        coolingSystems: [cooling('air', 'elsewhere', { model: 'pue', pue: 1.1 })],
        miningPods: [pod('p1', 'other-bus', 'other-cooling', 100)],
        auxiliaryLoads: [{ kind: 'auxiliary', name: 'x', path: 'site/x', bus: 'nope', powerKw: 1 }],
      }),
    );
    expect(loadReferences.run(budget).map((r) => [r.path, r.message])).toEqual([
      ['site/p1', "structure: 'p1' refers to bus 'other-bus', which is not part of campus 'site'. Use one of: main, spare."],
      ['site/p1', "structure: 'p1' refers to cooling system 'other-cooling', which is not part of campus 'site'. Use one of: air."],
      ['site/x', "structure: 'x' refers to bus 'nope', which is not part of campus 'site'. Use one of: main, spare."],
      ['site/air', "structure: 'air' refers to bus 'elsewhere', which is not part of campus 'site'. Use one of: main, spare."],
    ]);
  });
});

describe('check load-references over time', () => {
  test('names the service dates when a load outlives its cooling system', () => {
    const timeline = evaluateTimeline(
      campus({
        buses: [bus('main', [feed('f', 10_000)])],
        coolingSystems: [{ ...cooling('air', 'main', { model: 'pue', pue: 1.1 }), retire: '2027-04' }],
        miningPods: [pod('p1', 'main', 'air', 100)],
      }),
    );
    expect(timeline.failures.filter((f) => f.check === 'load-references').map((f) => f.message)).toEqual([
      "from 2027-04: structure: 'p1' uses cooling system 'air', which is not in service then (it retires in 2027-04). Give 'p1' service dates within those of 'air', or move it to a cooling system in service.",
    ]);
  });
});
