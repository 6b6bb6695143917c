import { evaluateTimeline } from '../../domain/evaluate';
import { POWER_BUDGET_FORMAT_VERSION, powerBudgetDocument, renderPowerBudget } from '../../report/power-budget-file';
import { bus, campus, cooling, feed, hall, pod } from './fixtures';

const model = campus({
  interconnectLimitKw: 100_000,
  buses: [bus('main', [feed('f2', 40_000), feed('f1', 60_000), feed('f3', 40_000)], 'N+1')],
  coolingSystems: [cooling('air', 'main', { model: 'pue', pue: 1.2 })],
  miningPods: [pod('p2', 'main', 'air', 20_000), pod('p1', 'main', 'air', 30_000)],
  gpuHalls: [hall('h1', 'main', 'air', 30_000, { operator: { kind: 'tenant', tenant: 'acme' } })],
  auxiliaryLoads: [{ kind: 'auxiliary', name: 'office', path: 'site/office', bus: 'main', powerKw: 2_000 }],
});

describe('power-budget.json', () => {
  const doc = powerBudgetDocument(evaluateTimeline(model));

  test('is versioned', () => {
    expect(doc.format).toBe('hybrid-campus/power-budget');
    expect(doc.formatVersion).toBe(POWER_BUDGET_FORMAT_VERSION);
    expect(POWER_BUDGET_FORMAT_VERSION).toBe(3);
  });

  test('gives each bus and scenario its capacity, load by class, headroom and utilization', () => {
    expect(doc.buses[0].scenarios).toEqual([
      {
        scenario: 'normal',
        id: 'normal',
        label: 'normal',
        capacityKw: 140_000,
        load: { firmItKw: 30_000, interruptibleItKw: 50_000, grossKw: 0, coolingKw: 16_000, overheadKw: 0, auxiliaryKw: 2_000, totalKw: 98_000 },
        headroomKw: 42_000,
        utilization: 0.7,
      },
      // Every loss of a feed is listed; the firm load is the same in each, the capacity left differs.
      ...[
        ['f1', 80_000, 0.475],
        ['f2', 100_000, 0.38],
        ['f3', 100_000, 0.38],
      ].map(([name, capacityKw, utilization]) => ({
        scenario: 'contingency',
        id: `lose-feed:${name}`,
        label: `lose ${name}`,
        lost: `loss of feed '${name}'`,
        lostFeeds: [name],
        capacityKw,
        load: { firmItKw: 30_000, interruptibleItKw: 0, grossKw: 0, coolingKw: 6_000, overheadKw: 0, auxiliaryKw: 2_000, totalKw: 38_000 },
        headroomKw: (capacityKw as number) - 38_000,
        utilization,
      })),
    ]);
  });

  test('lists the site in every scenario', () => {
    expect(doc.scenarios.map((s) => [s.id, s.gridImportKw])).toEqual([
      ['normal', 98_000],
      ['main/lose-feed:f1', 38_000],
      ['main/lose-feed:f2', 38_000],
      ['main/lose-feed:f3', 38_000],
    ]);
  });

  test('sorts feeds and loads by name and records the tenant', () => {
    expect(doc.buses[0].feeds.map((f) => f.name)).toEqual(['f1', 'f2', 'f3']);
    expect(doc.loads.miningPods.map((p) => p.name)).toEqual(['p1', 'p2']);
    expect(doc.loads.gpuHalls[0]).toMatchObject({ operator: 'tenant', tenant: 'acme', systemKind: 'gpu-server' });
  });

  test('records every check result (those passing about a single load counted) and an overall status', () => {
    expect(doc.status).toBe('warn'); // the site is at 98% of its interconnect
    expect(doc.checks.filter((c) => c.status === 'warn').map((c) => c.check)).toEqual(['site-interconnect']);
    expect(doc.checks.map((c) => c.check)).toEqual(['bus-normal-capacity', 'bus-contingency-capacity', 'site-interconnect', 'cooling-capacity']);
    // Two pods and a hall, each matching its cooling.
    expect(doc.passedChecks).toEqual([{ check: 'cooling-type-match', passed: 3 }]);
  });

  test('writes null utilization when there is load and no capacity', () => {
    const d = powerBudgetDocument(
      evaluateTimeline(
        campus({
          interconnectLimitKw: 0,
          buses: [bus('a', [feed('f', 10)])],
          auxiliaryLoads: [{ kind: 'auxiliary', name: 'x', path: 'site/x', bus: 'a', powerKw: 1, firm: false }],
        }),
      ),
    );
    expect(d.site.utilization).toBeNull();
  });

  test('is byte-identical whatever the declaration order', () => {
    const shuffled = {
      ...model,
      miningPods: [...model.miningPods].reverse(),
      buses: model.buses.map((b) => ({ ...b, feeds: [...b.feeds].reverse() })),
    };
    expect(renderPowerBudget(evaluateTimeline(shuffled))).toBe(renderPowerBudget(evaluateTimeline(model)));
  });

  test('rounds to the watt so float noise never reaches the file', () => {
    const text = renderPowerBudget(
      evaluateTimeline(
        campus({
          buses: [bus('a', [feed('f', 10_000)])],
          auxiliaryLoads: [
            { kind: 'auxiliary', name: 'x', path: 'site/x', bus: 'a', powerKw: 0.1 },
            { kind: 'auxiliary', name: 'y', path: 'site/y', bus: 'a', powerKw: 0.2 },
          ],
        }),
      ),
    );
    expect(text).toContain('"totalKw": 0.3\n');
    expect(text).not.toContain('0.30000000000000004');
    expect(text.endsWith('}\n')).toBe(true);
  });
});
