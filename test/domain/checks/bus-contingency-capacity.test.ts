import { computeBudget } from '../../../domain/budget';
import { busContingencyCapacity } from '../../../domain/checks/bus-contingency-capacity';
import type { Redundancy } from '../../../domain/model';
import { bus, campus, cooling, feed, hall, pod } from '../fixtures';

// Bus 'main': feeds 60 + 40 + 40 MW (usable 140 MW). N+1 firm = 80 MW (lose f1); 2N firm = 70 MW.
// A firm hall of `hallKw` and an interruptible 50 MW pod share a PUE 1.2 air system on the bus.
function run(hallKw: number, redundancy: Redundancy) {
  const budget = computeBudget(
    campus({
      buses: [bus('main', [feed('f1', 60_000), feed('f2', 40_000), feed('f3', 40_000)], redundancy)],
      coolingSystems: [cooling('air', 'main', { model: 'pue', pue: 1.2 }, 1_000_000)],
      miningPods: [pod('p1', 'main', 'air', 50_000)],
      gpuHalls: [hall('h1', 'main', 'air', hallKw)],
    }),
  );
  return busContingencyCapacity.run(budget);
}

describe('check bus-contingency-capacity', () => {
  test('an N bus has no contingency to check', () => {
    expect(run(10_000, 'N')).toEqual([]);
  });

  test('N+1 passes: firm 50 MW hall + 10 MW cooling = 60 MW of 80 MW', () => {
    expect(run(50_000, 'N+1')).toEqual([
      {
        check: 'bus-contingency-capacity',
        status: 'pass',
        subject: 'main',
        path: 'site/main',
        scenario: 'contingency',
        message:
          "contingency N+1 on bus 'main' (loss of feed 'f1', the largest on the bus): firm load 60.000 MW is 75.0% of the firm capacity 80.000 MW; headroom 20.000 MW.",
      },
    ]);
  });

  test('N+1 fails and names the lost feed: a 70 MW hall + 14 MW cooling = 84 MW > 80 MW', () => {
    const [result] = run(70_000, 'N+1');
    expect(result.status).toBe('fail');
    expect(result.message).toBe(
      "contingency N+1 on bus 'main' (loss of feed 'f1', the largest on the bus): firm load 84.000 MW " +
        '(firm IT 70.000 MW, interruptible IT 0.000 MW, cooling 14.000 MW, auxiliary 0.000 MW) exceeds the firm capacity 80.000 MW ' +
        "by 4.000 MW, with all interruptible load shed. Add a feed to 'main', move firm load (GPU halls, their cooling, auxiliary) " +
        'to another bus, or make loads interruptible if they can be shed.',
    );
  });

  test('2N warns above the threshold: 55 MW hall + 11 MW cooling = 66 MW of 70 MW', () => {
    const [result] = run(55_000, '2N');
    expect(result.status).toBe('warn');
    expect(result.message).toBe(
      "contingency 2N on bus 'main' (loss of one of its two redundant sides, half of its usable capacity): firm load 66.000 MW " +
        'is 94.3% of the firm capacity 70.000 MW, above the 90.0% warning threshold; headroom 4.000 MW.',
    );
  });

  test('2N fails above half the usable capacity', () => {
    expect(run(60_000, '2N')[0].status).toBe('fail');
  });
});
