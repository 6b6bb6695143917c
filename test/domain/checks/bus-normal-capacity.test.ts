import { computeBudget } from '../../../domain/budget';
import { busNormalCapacity } from '../../../domain/checks/bus-normal-capacity';
import { bus, campus, feed } from '../fixtures';

function run(loadKw: number, capacityKw = 10_000) {
  const budget = computeBudget(
    campus({
      buses: [bus('main', [feed('f1', capacityKw / 2), feed('f2', capacityKw / 2)])],
      auxiliaryLoads: [{ kind: 'auxiliary', name: 'office', path: 'site/office', bus: 'main', powerKw: loadKw }],
    }),
  );
  return busNormalCapacity.run(budget);
}

describe('check bus-normal-capacity', () => {
  test('passes below the warning threshold', () => {
    expect(run(5_000)).toEqual([
      {
        check: 'bus-normal-capacity',
        status: 'pass',
        subject: 'main',
        path: 'site/main',
        scenario: 'normal',
        message: "normal operation: bus 'main' load 5.000 MW is 50.0% of its usable capacity 10.000 MW; headroom 5.000 MW.",
      },
    ]);
  });

  test('warns above the threshold', () => {
    expect(run(9_500)[0]).toMatchObject({
      status: 'warn',
      message:
        "normal operation: bus 'main' load 9.500 MW is 95.0% of its usable capacity 10.000 MW, above the 90.0% warning threshold; headroom 0.500 MW.",
    });
  });

  test('a load exactly at the limit fits (it warns, it does not fail)', () => {
    expect(run(10_000)[0].status).toBe('warn');
  });

  test('fails 1 W over the limit, naming the load by class, the overshoot and the fix', () => {
    const [result] = run(10_000.001);
    expect(result.status).toBe('fail');
    expect(result.message).toBe(
      "normal operation: bus 'main' load 10.000 MW (firm IT 0.000 MW, interruptible IT 0.000 MW, cooling 0.000 MW, auxiliary 10.000 MW) " +
        "exceeds its usable capacity 10.000 MW (2 feeds x max utilization) by 0.000 MW. Add or uprate a feed on 'main', or move or remove load on it.",
    );
  });

  test('fails with the overshoot in MW', () => {
    expect(run(12_345)[0].message).toContain('exceeds its usable capacity 10.000 MW (2 feeds x max utilization) by 2.345 MW.');
  });
});
