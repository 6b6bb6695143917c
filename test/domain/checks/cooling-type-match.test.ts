import { computeBudget } from '../../../domain/budget';
import { coolingTypeMatch } from '../../../domain/checks/cooling-type-match';
import type { CoolingRequirement, CoolingType } from '../../../domain/model';
import { bus, campus, cooling, feed, hall } from '../fixtures';

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
});
