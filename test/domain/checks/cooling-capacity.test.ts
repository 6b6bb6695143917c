import { computeBudget } from '../../../domain/budget';
import { coolingCapacity } from '../../../domain/checks/cooling-capacity';
import { bus, campus, cooling, feed, pod } from '../fixtures';

function run(capacityKw: number) {
  return coolingCapacity.run(
    computeBudget(
      campus({
        buses: [bus('main', [feed('f', 100_000)])],
        coolingSystems: [cooling('tank', 'main', { model: 'fixed', powerKw: 25 }, capacityKw, 'immersion')],
        miningPods: [pod('p1', 'main', 'tank', 424.8), pod('p2', 'main', 'tank', 200)],
      }),
    ),
  );
}

describe('check cooling-capacity', () => {
  test('passes when the served heat fits', () => {
    expect(run(720)).toEqual([
      {
        check: 'cooling-capacity',
        status: 'pass',
        subject: 'tank',
        path: 'site/tank',
        message: "cooling capacity: heat 624.8 kW from 2 served loads on 'tank' is 86.8% of its heat-rejection capacity 720.0 kW; headroom 95.2 kW.",
      },
    ]);
  });

  test('warns above the threshold', () => {
    expect(run(650)[0].status).toBe('warn');
  });

  test('fails when the served heat exceeds the capacity, listing the loads', () => {
    expect(run(600)[0]).toMatchObject({
      status: 'fail',
      message:
        "cooling capacity: heat 624.8 kW from 2 served loads (p1, p2) exceeds the heat-rejection capacity 600.0 kW of 'tank' by 24.8 kW. " +
        "Raise capacityKw of 'tank' or move loads to another cooling system.",
    });
  });
});
