import { computeBudget } from '../../../domain/budget';
import { coolingTypeMatch } from '../../../domain/checks/cooling-type-match';
import type { CoolingRequirement, CoolingType } from '../../../domain/model';
import { bus, campus, cooling, feed, hall, pod } from '../fixtures';

function run(type: CoolingType, requirement: CoolingRequirement) {
  return coolingTypeMatch.run(
    computeBudget(
      campus({
        buses: [bus('main', [feed('f', 100_000)])],
        coolingSystems: [cooling('c1', 'main', { model: 'pue', pue: 1.1 }, 100_000, type)],
        gpuHalls: [hall('h1', 'main', 'c1', 1_000, { coolingRequirement: requirement, hardware: 'NVIDIA GB300 NVL72 rack' })],
      }),
    ),
  );
}

describe('check cooling-type-match', () => {
  test('direct-to-chip hardware on direct-to-chip cooling passes', () => {
    expect(run('direct-to-chip', 'direct-to-chip')).toEqual([
      {
        check: 'cooling-type-match',
        status: 'pass',
        subject: 'h1',
        path: 'site/h1',
        message: "cooling type: NVIDIA GB300 NVL72 rack in 'h1' is served by direct-to-chip cooling 'c1'.",
      },
    ]);
  });

  test('direct-to-chip hardware on air cooling fails', () => {
    expect(run('air', 'direct-to-chip')[0]).toMatchObject({
      status: 'fail',
      message:
        "cooling type: NVIDIA GB300 NVL72 rack in 'h1' needs direct-to-chip cooling, but cooling system 'c1' is air. " +
        "Serve 'h1' with a cooling system of type direct-to-chip.",
    });
  });

  test.each<[CoolingType, CoolingRequirement, 'pass' | 'fail']>([
    ['air', 'air', 'pass'],
    ['chiller', 'air', 'pass'],
    ['immersion', 'air', 'fail'],
    ['hydro', 'hydro', 'pass'],
    ['air', 'hydro', 'fail'],
    ['immersion', 'hydro', 'fail'],
    ['immersion', 'immersion', 'pass'],
    ['hydro', 'immersion', 'fail'],
    ['chiller', 'direct-to-chip', 'fail'],
    ['direct-to-chip', 'unspecified', 'pass'],
    ['hydro', 'unspecified', 'fail'],
  ])('%s cooling for %s hardware: %s', (type, requirement, expected) => {
    expect(run(type, requirement)[0].status).toBe(expected);
  });

  test('the fix lists every allowed type', () => {
    expect(run('hydro', 'air')[0].message).toContain('with a cooling system of type air or chiller.');
  });

  test('loads in runs on one cooling system, with hardware, requirement and system changing between them: each message as written for that load alone', () => {
    // The check joins the passing sentence from a part per hardware and a part per cooling system
    // (reused over runs of loads in name order): every message must still be the sentence for
    // its own load, including after a failing load, a load on an unknown system, and a change of
    // hardware alone or of system alone.
    const specs: [name: string, coolingName: string, requirement: CoolingRequirement, hardware: string][] = [
      ['p01', 'air-1', 'immersion', 'Fluid Miner'],
      ['p02', 'air-1', 'air', 'Miner A'],
      ['p03', 'air-1', 'air', 'Miner A'],
      ['p04', 'air-1', 'air', 'Miner B'],
      ['p05', 'gone', 'air', 'Miner B'],
      ['p06', 'air-1', 'air', 'Miner B'],
      ['p07', 'air-2', 'air', 'Miner B'],
      ['p08', 'air-2', 'hydro', 'Miner B'],
      ['p09', 'air-2', 'air', 'Miner B'],
      ['p10', 'tank', 'immersion', 'Miner B'],
      ['p11', 'tank', 'immersion', 'Miner C'],
      ['p12', 'air-1', 'air', 'Miner C'],
    ];
    const budget = computeBudget(
      campus({
        buses: [bus('main', [feed('f', 100_000)])],
        coolingSystems: [
          cooling('air-1', 'main', { model: 'pue', pue: 1.1 }, 100_000, 'air'),
          cooling('air-2', 'main', { model: 'pue', pue: 1.1 }, 100_000, 'air'),
          cooling('tank', 'main', { model: 'pue', pue: 1.05 }, 100_000, 'immersion'),
        ],
        miningPods: specs.map(([name, coolingName, coolingRequirement, hardware]) => pod(name, 'main', coolingName, 10, { coolingRequirement, hardware })),
      }),
    );
    const typeOf: Record<string, CoolingType> = { 'air-1': 'air', 'air-2': 'air', tank: 'immersion' };
    const expected = specs
      .filter(([, coolingName]) => coolingName !== 'gone')
      .map(([name, coolingName, requirement, hardware]) =>
        typeOf[coolingName] === 'immersion' || requirement === 'air'
          ? ['pass', name, `cooling type: ${hardware} in '${name}' is served by ${typeOf[coolingName]} cooling '${coolingName}'.`]
          : ['fail', name, expect.stringContaining(`cooling type: ${hardware} in '${name}' needs ${requirement} cooling, but cooling system '${coolingName}' is air.`)],
      );
    expect(coolingTypeMatch.run(budget).map((r) => [r.status, r.subject, r.message])).toEqual(expected);
  });
});

