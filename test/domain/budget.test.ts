import { computeBudget, siteBudget } from '../../domain/budget';
import { evaluateCampus, evaluateTimeline } from '../../domain/evaluate';
import type { AuxiliaryLoadModel, GpuHallModel, MiningPodModel } from '../../domain/model';
import { bus, campus, cooling, feed, hall, pod } from './fixtures';
import { campusScenarios, type Scenario } from '../../domain/scenarios';

describe('computeBudget', () => {
  // Hand-computed campus:
  //   bus main, N+1: f1 60 MW, f2 40 MW, f3 40 MW -> usable 140 MW; firm 80 MW after losing f1.
  //   cooling 'air' (PUE 1.2) on main serves pod p1 (50 MW, interruptible) and hall h1 (30 MW, firm):
  //     power = 80 x 0.2 = 16 MW; firm share 30/80 -> 6 MW; interruptible 10 MW.
  //   auxiliary office 2 MW on main.
  //   normal: 30 + 50 + 16 + 2 = 98 MW; contingency: 30 + 6 + 2 = 38 MW.
  const model = campus({
    interconnectLimitKw: 100_000,
    buses: [bus('main', [feed('f1', 60_000), feed('f2', 40_000), feed('f3', 40_000)], 'N+1')],
    coolingSystems: [cooling('air', 'main', { model: 'pue', pue: 1.2 })],
    miningPods: [pod('p1', 'main', 'air', 50_000)],
    gpuHalls: [hall('h1', 'main', 'air', 30_000)],
    auxiliaryLoads: [{ kind: 'auxiliary', name: 'office', path: 'site/office', bus: 'main', powerKw: 2_000 }],
  });
  const budget = computeBudget(model);
  const [normal, contingency] = budget.buses[0].scenarios;

  test('normal operation adds every class against usable capacity', () => {
    expect(normal.capacityKw).toBe(140_000);
    expect(normal.load.firmItKw).toBe(30_000);
    expect(normal.load.interruptibleItKw).toBe(50_000);
    expect(normal.load.coolingKw).toBeCloseTo(16_000, 6);
    expect(normal.load.auxiliaryKw).toBe(2_000);
    expect(normal.load.totalKw).toBeCloseTo(98_000, 6);
    expect(normal.headroomKw).toBeCloseTo(42_000, 6);
    expect(normal.utilization).toBeCloseTo(0.7, 9);
  });

  test('contingency sheds interruptible IT and its share of cooling, against firm capacity', () => {
    expect(contingency.scenario).toBe('contingency');
    expect(contingency.lostFeeds).toEqual(['f1']);
    expect(contingency.capacityKw).toBe(80_000);
    expect(contingency.load.interruptibleItKw).toBe(0);
    expect(contingency.load.coolingKw).toBeCloseTo(6_000, 6);
    expect(contingency.load.totalKw).toBeCloseTo(38_000, 6);
    expect(contingency.utilization).toBeCloseTo(0.475, 9);
  });

  test('cooling budget: heat, firm heat and split power', () => {
    const c = budget.cooling[0];
    expect(c.heatKw).toBe(80_000);
    expect(c.firmHeatKw).toBe(30_000);
    expect(c.firmPowerKw).toBeCloseTo(6_000, 6);
    expect(c.served).toEqual(['h1', 'p1']);
    expect(c.utilization).toBeCloseTo(0.8, 9);
  });

  test('site: grid import is total load when there is no generation', () => {
    expect(budget.site.totalLoadKw).toBeCloseTo(98_000, 6);
    expect(budget.site.gridImportKw).toBeCloseTo(98_000, 6);
    expect(budget.site.utilization).toBeCloseTo(0.98, 9);
  });

  test("cooling power is drawn from the cooling system's bus, not the load's", () => {
    const b = computeBudget(
      campus({
        buses: [bus('it', [feed('f', 10_000)]), bus('plant', [feed('g', 10_000)])],
        coolingSystems: [cooling('chiller', 'plant', { model: 'cop', cop: 4 })],
        gpuHalls: [hall('h', 'it', 'chiller', 4_000)],
      }),
    );
    const [itBus, plantBus] = b.buses;
    expect(itBus.scenarios[0].load.coolingKw).toBe(0);
    expect(itBus.scenarios[0].load.totalKw).toBe(4_000);
    expect(plantBus.scenarios[0].load.coolingKw).toBe(1_000);
  });

  test('on-site generation offsets grid import only on its own bus', () => {
    const b = computeBudget(
      campus({
        buses: [
          bus('a', [feed('ua', 10_000), feed('gen-a', 5_000, { source: 'onsite-generation' })]),
          bus('b', [feed('ub', 10_000), feed('gen-b', 5_000, { source: 'onsite-generation' })]),
        ],
        coolingSystems: [cooling('air', 'a', { model: 'fixed', powerKw: 0.001 })],
        auxiliaryLoads: [
          { kind: 'auxiliary', name: 'x', path: 'site/x', bus: 'a', powerKw: 12_000 },
          { kind: 'auxiliary', name: 'y', path: 'site/y', bus: 'b', powerKw: 2_000 },
        ],
      }),
    );
    // bus a: 12,000 - 5,000 = 7,000 kW from the grid (the fixed cooling cools nothing that runs,
    // so it draws nothing); bus b: 2,000 - 5,000 -> 0 (no export credit).
    expect(b.buses[0].gridImportKw).toBeCloseTo(7_000, 6);
    expect(b.buses[1].gridImportKw).toBe(0);
    expect(b.site.gridImportKw).toBeCloseTo(7_000, 6);
    expect(b.site.generationOffsetKw).toBeCloseTo(7_000, 6);
  });

  test('fixed cooling power stays firm in a contingency however much mining shares the system', () => {
    // A 10 MW firm hall and 2 MW of fixed cooling on an N+1 bus with 11 MW firm capacity: 12 MW
    // of firm load fails. Adding a 9 MW interruptible pod on the same cooling must not change that.
    const model = (podKw: number) =>
      computeBudget(
        campus({
          buses: [bus('b', [feed('f1', 11_000), feed('f2', 11_000)], 'N+1')],
          coolingSystems: [cooling('c', 'b', { model: 'fixed', powerKw: 2_000 }, 1_000_000)],
          gpuHalls: [hall('h', 'b', 'c', 10_000)],
          miningPods: podKw > 0 ? [pod('p', 'b', 'c', podKw)] : [],
        }),
      ).buses[0].scenarios[1].load.totalKw;
    expect(model(0)).toBe(12_000);
    expect(model(9_000)).toBe(12_000);
  });

  test('the result does not depend on declaration order', () => {
    const reversed = computeBudget({
      ...model,
      miningPods: [...model.miningPods].reverse(),
      buses: [...model.buses].reverse(),
      gpuHalls: [...model.gpuHalls].reverse(),
    });
    expect(JSON.stringify(reversed.buses)).toBe(JSON.stringify(budget.buses));
  });

  test('utilization is Infinity when there is load and no capacity, 0 when neither', () => {
    const b = computeBudget(campus({ interconnectLimitKw: 0, buses: [bus('a', [feed('f', 10)])] }));
    expect(b.site.utilization).toBe(0);
    const c = computeBudget(
      campus({
        interconnectLimitKw: 0,
        buses: [bus('a', [feed('f', 10)])],
        auxiliaryLoads: [{ kind: 'auxiliary', name: 'x', path: 'site/x', bus: 'a', powerKw: 1 }],
      }),
    );
    expect(c.site.utilization).toBe(Infinity);
  });
});

describe('itLoads', () => {
  const base = {
    buses: [bus('main', [feed('f1', 60_000)])],
    coolingSystems: [cooling('air', 'main', { model: 'pue', pue: 1.2 })],
  };

  test('lists every pod and hall by name, and no other load', () => {
    const budget = computeBudget(
      campus({
        ...base,
        miningPods: [pod('p-b', 'main', 'air', 1_000), pod('p-a', 'main', 'air', 1_000)],
        gpuHalls: [hall('h-a', 'main', 'air', 1_000), hall('p-a2', 'main', 'air', 1_000)],
        auxiliaryLoads: [{ kind: 'auxiliary', name: 'a-office', path: 'site/a-office', bus: 'main', powerKw: 10 }],
      }),
    );
    expect(budget.itLoads.map((l) => l.name)).toEqual(['h-a', 'p-a', 'p-a2', 'p-b']);
  });

  test('a model built by hand with a hall in the pods list lists what the two lists hold, by name', () => {
    const budget = computeBudget(
      campus({
        ...base,
        miningPods: [pod('p-b', 'main', 'air', 1_000), hall('h-in-pods', 'main', 'air', 1_000) as unknown as MiningPodModel],
        gpuHalls: [],
        auxiliaryLoads: [{ kind: 'mining-pod', name: 'a-pod-in-aux', path: 'site/a', bus: 'main', powerKw: 10 } as unknown as AuxiliaryLoadModel],
      }),
    );
    expect(budget.itLoads.map((l) => l.name)).toEqual(['h-in-pods', 'p-b']);
  });
});

describe('a model whose load lists change after a first evaluation', () => {
  const model = (pods: MiningPodModel[]) =>
    campus({ buses: [bus('main', [feed('f1', 1_000)])], coolingSystems: [cooling('air', 'main', { model: 'pue', pue: 1.0 })], miningPods: pods });

  test('a pod pushed into the list it was built with is counted at the next evaluation', () => {
    const pods = [pod('p1', 'main', 'air', 500)];
    const m = model(pods);
    expect(evaluateCampus(m).failures).toHaveLength(0);
    pods.push(pod('p2', 'main', 'air', 5_000));
    const again = evaluateCampus(m);
    expect(again.budget.itLoads.map((l) => l.name)).toEqual(['p1', 'p2']);
    expect(again.failures.length).toBeGreaterThan(0);
  });

  test('a pod replaced in place (same count) is the one counted', () => {
    const pods = [pod('p1', 'main', 'air', 500)];
    const m = model(pods);
    expect(evaluateCampus(m).budget.itLoads.map((l) => l.name)).toEqual(['p1']);
    pods[0] = pod('p9', 'main', 'air', 5_000);
    const again = evaluateCampus(m);
    expect(again.budget.itLoads.map((l) => l.name)).toEqual(['p9']);
    expect(again.failures.length).toBeGreaterThan(0);
  });

  test('a cooling system replaced in place is the one whose draw is counted', () => {
    const coolingSystems = [cooling('c0', 'main', { model: 'pue', pue: 1.2 })];
    const m = campus({ buses: [bus('main', [feed('f1', 1_500)])], coolingSystems, miningPods: [pod('p0', 'main', 'c0', 1_000)] });
    expect(evaluateCampus(m).failures).toHaveLength(0);
    // 1,000 kW of IT at PUE 1.9 draws 1,900 kW on a 1,500 kW feed.
    coolingSystems[0] = cooling('c0', 'main', { model: 'pue', pue: 1.9 });
    const again = evaluateCampus(m);
    expect(again.budget.buses[0].scenarios[0].load.totalKw).toBeCloseTo(1_900, 6);
    expect(again.failures.map((r) => r.check)).toContain('bus-normal-capacity');
  });

  test('a bus and a cooling system pushed in place are budgeted', () => {
    const buses = [bus('main', [feed('f1', 5_000)])];
    const coolingSystems = [cooling('c0', 'main', { model: 'pue', pue: 1.2 })];
    const pods = [pod('p0', 'main', 'c0', 1_000)];
    const m = campus({ buses, coolingSystems, miningPods: pods });
    expect(evaluateCampus(m).failures).toHaveLength(0);
    buses.push(bus('b1', [feed('f2', 500)]));
    coolingSystems.push(cooling('c1', 'b1', { model: 'fixed', powerKw: 50 }));
    pods.push(pod('p1', 'b1', 'c1', 900));
    const again = evaluateCampus(m);
    const b1 = again.budget.buses.find((b) => b.bus.name === 'b1')!;
    // 900 kW of IT and the fixed 50 kW of c1 on a 500 kW feed.
    expect(b1.scenarios[0].load.totalKw).toBe(950);
    expect(again.failures.map((r) => r.check)).toContain('bus-normal-capacity');
  });

  test("a feed pushed into a bus's list in place is counted and its loss checked", () => {
    const feeds = [feed('f1', 5_000)];
    const m = campus({ buses: [bus('main', feeds, 'N+1')], coolingSystems: [cooling('air', 'main', { model: 'pue', pue: 1.0 })], gpuHalls: [hall('h1', 'main', 'air', 4_000)] });
    // One 5 MW feed at N+1: losing it leaves nothing for the 4 MW hall.
    expect(evaluateCampus(m).failures.map((r) => r.check)).toContain('bus-contingency-capacity');
    // A second 5 MW feed: 10 MW usable, and losing either leaves 5 MW for 4 MW.
    feeds.push(feed('f2', 5_000));
    for (const evaluation of [evaluateCampus(m), evaluateTimeline(m).current]) {
      expect(evaluation.budget.buses[0].scenarios.map((s) => [s.capacityKw, s.lostFeeds ?? []])).toEqual([
        [10_000, []],
        [5_000, ['f1']],
        [5_000, ['f2']],
      ]);
      expect(evaluation.failures).toHaveLength(0);
    }
  });

  test("a generator replaced in place by a smaller one is the one the site's import counts", () => {
    const { feeds, m } = generatorSite();
    // 10.5 MW with 6 MW generated: 4.5 MW of import on a 7 MW limit.
    expect(evaluateCampus(m).budget.site.gridImportKw).toBe(4_500);
    // With 1 MW generated, 9.5 MW of import.
    feeds[1] = feed('g1', 1_000, { source: 'onsite-generation' });
    for (const evaluation of [evaluateCampus(m), evaluateTimeline(m).current]) {
      expect(evaluation.budget.site.gridImportKw).toBe(9_500);
      expect(evaluation.failures.map((r) => r.check)).toContain('site-interconnect');
    }
  });

  test('a bus pushed in place has its loss scenarios checked, in one state and over the timeline', () => {
    const buses = [bus('main', [feed('f1', 5_000)])];
    const halls: GpuHallModel[] = [];
    const m = campus({ buses, coolingSystems: [cooling('air', 'main', { model: 'pue', pue: 1.0 })], gpuHalls: halls, miningPods: [pod('p0', 'main', 'air', 1_000)] });
    expect(evaluateCampus(m).failures).toHaveLength(0);
    expect(evaluateTimeline(m).failures).toHaveLength(0);
    // N+1 of two 3 MW feeds: 4 MW of firm IT is more than the 3 MW left after losing either.
    buses.push(bus('b1', [feed('f2', 3_000), feed('f3', 3_000)], 'N+1'));
    halls.push(hall('h1', 'b1', 'air', 4_000));
    for (const evaluation of [evaluateCampus(m), evaluateTimeline(m).current]) {
      expect(evaluation.budget.buses.find((b) => b.bus.name === 'b1')!.scenarios.map((s) => s.lostFeeds ?? [])).toEqual([[], ['f2'], ['f3']]);
      expect(evaluation.failures.map((r) => r.check)).toContain('bus-contingency-capacity');
    }
  });
});

describe('siteBudget called again with a list of scenarios that gained a loss', () => {
  test("the generator losses pushed in are checked against the interconnect", () => {
    const gen = (name: string, kw: number) => feed(name, kw, { source: 'onsite-generation' });
    const m = campus({
      interconnectLimitKw: 7_000,
      buses: [bus('a', [feed('u', 9_000), gen('g1', 3_000), gen('g2', 3_000)], 'N+1')],
      coolingSystems: [cooling('c', 'a', { model: 'pue', pue: 1.0 })],
      miningPods: [pod('p', 'a', 'c', 10_500, { firm: true })],
    });
    const { flows } = computeBudget(m);
    const all = campusScenarios(m.buses);
    const scenarios: Scenario[] = all.filter((s) => s.kind !== 'contingency' || !(s.event!.lostGenerationKw > 0));
    const both = { normal: flows.normal, contingency: flows.contingency, normalNoAuto: flows.normal, contingencyNoAuto: flows.contingency };
    expect(siteBudget(m.buses, scenarios, both, 7_000).contingencies.map((c) => c.scenario.id)).toEqual(['a/lose-feed:u']);
    scenarios.push(...all.filter((s) => s.kind === 'contingency' && s.event!.lostGenerationKw > 0));
    // 10.5 MW of firm load: 4.5 MW of import with both generators, 7.5 MW with one lost (7 MW limit).
    const again = siteBudget(m.buses, scenarios, both, 7_000).contingencies;
    expect(again.map((c) => [c.scenario.id, c.gridImportKw, c.headroomKw])).toEqual([
      ['a/lose-feed:u', 4_500, 2_500],
      ['a/lose-feed:g1', 7_500, -500],
      ['a/lose-feed:g2', 7_500, -500],
    ]);
  });
});

describe("a budget's site", () => {
  test('is made from the model as it was when the budget was made, not when the site is first read', () => {
    const { feeds, m } = generatorSite();
    const first = evaluateCampus(m, []);
    // A larger generator put in place afterwards must not lower the import of the state judged before.
    feeds[1] = feed('g1', 9_000, { source: 'onsite-generation' });
    expect(first.budget.buses[0].scenarios[0].capacityKw).toBe(15_000);
    expect(first.budget.site.gridImportKw).toBe(4_500);
  });
});

/** One bus fed by a 9 MW utility feed and a 6 MW generator, 10.5 MW of firm mining, a 7 MW interconnect; `feeds` is the bus's own list. */
function generatorSite() {
  const feeds = [feed('u', 9_000), feed('g1', 6_000, { source: 'onsite-generation' })];
  const m = campus({
    interconnectLimitKw: 7_000,
    buses: [bus('a', feeds, 'N')],
    coolingSystems: [cooling('c', 'a', { model: 'pue', pue: 1.0 })],
    miningPods: [pod('p', 'a', 'c', 10_500, { firm: true })],
  });
  return { feeds, m };
}
