import { computeBudget } from '../../../domain/budget';
import { busContingencyCapacity } from '../../../domain/checks/bus-contingency-capacity';
import type { Redundancy } from '../../../domain/model';
import { bus, campus, cooling, feed, hall, pod } from '../fixtures';

// Bus 'main': feeds 60 + 40 + 40 MW (usable 140 MW). N+1: losing f1 leaves 80 MW. 2N with sides
// (A: f1; B: f2, f3): losing side B leaves 60 MW. 2N without sides: the worst split leaves only the
// smallest feed (f2, 40 MW; ties by name). A firm hall of `hallKw` and an interruptible 50 MW pod share a PUE 1.2 air system.
function run(hallKw: number, redundancy: Redundancy, sides = false) {
  const side = (s: 'A' | 'B') => (sides ? { side: s } : {});
  const budget = computeBudget(
    campus({
      buses: [bus('main', [feed('f1', 60_000, side('A')), feed('f2', 40_000, side('B')), feed('f3', 40_000, side('B'))], redundancy)],
      coolingSystems: [cooling('air', 'main', { model: 'pue', pue: 1.2 }, 1_000_000)],
      miningPods: [pod('p1', 'main', 'air', 50_000)],
      gpuHalls: [hall('h1', 'main', 'air', hallKw)],
    }),
  );
  return busContingencyCapacity.run(budget);
}

describe('check bus-contingency-capacity', () => {
  test('an N bus is checked against the loss of each feed too: firm load must survive any one loss', () => {
    expect(run(10_000, 'N')).toEqual([
      {
        check: 'bus-contingency-capacity',
        status: 'pass',
        subject: 'main',
        path: 'site/main',
        scenario: 'contingency',
        message: "contingency on bus 'main' (N, loss of feed 'f1'): firm load 12.000 MW is 15.0% of what the bus can still carry 80.000 MW; headroom 68.000 MW.",
      },
    ]);
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
          "contingency on bus 'main' (N+1, loss of feed 'f1'): firm load 60.000 MW is 75.0% of what the bus can still carry 80.000 MW; headroom 20.000 MW.",
      },
    ]);
  });

  test('N+1 fails and names the lost feed: a 70 MW hall + 14 MW cooling = 84 MW > 80 MW', () => {
    const [result] = run(70_000, 'N+1');
    expect(result.status).toBe('fail');
    expect(result.message).toBe(
      "contingency on bus 'main' (N+1, loss of feed 'f1'): firm load 84.000 MW " +
        '(firm IT 70.000 MW, interruptible IT 0.000 MW, cooling 14.000 MW, auxiliary 0.000 MW) exceeds the 80.000 MW the bus can still carry ' +
        "by 4.000 MW, with all interruptible load shed. Add a feed to 'main', move firm load (GPU halls, firm pods, their cooling, auxiliary) " +
        'to another bus, or make loads interruptible if they can be shed.',
    );
  });

  test('2N with sides warns above the threshold: 46 MW hall + 9.2 MW cooling = 55.2 MW of the 60 MW side A keeps', () => {
    const [result] = run(46_000, '2N', true);
    expect(result.status).toBe('warn');
    expect(result.message).toBe(
      "contingency on bus 'main' (2N, loss of side B: feeds 'f2', 'f3'): firm load 55.200 MW " +
        'is 92.0% of what the bus can still carry 60.000 MW, above the 90.0% warning threshold; headroom 4.800 MW.',
    );
  });

  test('2N with sides fails above the smaller side', () => {
    expect(run(55_000, '2N', true)[0].status).toBe('fail');
  });

  test('2N without sides fails where the favourable half would pass: 66 MW against the 40 MW of the worst split, not 70 MW', () => {
    const [result] = run(55_000, '2N');
    expect(result.status).toBe('fail');
    expect(result.message).toContain(
      "contingency on bus 'main' (2N, loss of one side; the feeds name no side, so the worst split for the bus is assumed: only 'f2' is left ('f1', 'f3' lost)): firm load 66.000 MW",
    );
    expect(result.message).toContain('exceeds the 40.000 MW the bus can still carry by 26.000 MW');
  });
});
