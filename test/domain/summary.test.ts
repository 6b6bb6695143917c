import { evaluateTimeline } from '../../domain/evaluate';
import { renderSummary } from '../../report/summary';
import { bus, campus, cooling, feed, hall } from './fixtures';

describe('summary', () => {
  test('prints normal operation and the worst loss of each bus, the site, then each failure', () => {
    const text = renderSummary(
      evaluateTimeline(
        campus({
          interconnectLimitKw: 50_000,
          buses: [bus('main', [feed('f1', 30_000), feed('f2', 30_000)], 'N+1')],
          coolingSystems: [cooling('air', 'main', { model: 'cop', cop: 5 })],
          gpuHalls: [hall('h1', 'main', 'air', 40_000)],
        }),
      ),
    );
    expect(text).toBe(
      [
        'Power budget: site (ERCOT, interconnect 50.00 MW): FAIL (1 failed)',
        '            scenario     capacity MW  firm IT  interr. IT  cooling  aux+other  load MW  headroom MW    util',
        '  bus main  normal             60.00    40.00        0.00     8.00       0.00    48.00        12.00   80.0%',
        '  bus main  lose f1            30.00    40.00        0.00     8.00       0.00    48.00       -18.00  160.0%',
        '  site      grid import        50.00                                             48.00         2.00   96.0%',
        "  FAIL [site/main] contingency on bus 'main' (N+1, loss of feed 'f1'): firm load 48.000 MW (firm IT 40.000 MW, interruptible IT 0.000 MW, cooling 8.000 MW, auxiliary 0.000 MW) exceeds the 30.000 MW the bus can still carry by 18.000 MW, with all interruptible load shed (it also fails on: lose f2). Add a feed to 'main', move firm load (GPU halls, firm pods, their cooling, auxiliary) to another bus, or make loads interruptible if they can be shed.",
        '  WARN [site] site interconnect: grid import 48.000 MW (total load 48.000 MW - on-site generation 0.000 MW) is 96.0% of the ERCOT interconnect limit 50.000 MW, above the 90.0% warning threshold; headroom 2.000 MW.',
        '',
      ].join('\n'),
    );
  });
});
