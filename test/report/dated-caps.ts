/**
 * A dated campus whose auto-capped pods share one bus: `a` runs alone until `secondFrom`, when
 * `b` comes into service and both are capped to fit the 7 MW feed; `c` (its own bus) is never
 * touched. Used by the format-version and diff tests: a pod's cap changes at a date.
 * - bus `main`, one 7 MW feed; air cooling at PUE 1.1, so IT fits 7,000 / 1.1 = 6,363.6 kW;
 * - `a` and `b`: 1,000 miners each between 2,600 and 3,645 W (3.645 MW rated): alone, `a` runs
 *   at 3,645 W; with `b`, the two share 6.36 MW, about 3,182 W a miner;
 * - bus `side` with pod `c` (500 miners, 10 MW feed), in service from the start.
 */
import type { CampusModel } from '../../domain/model';
import { autoPod, bus, campus, cooling, feed } from '../domain/fixtures';

export function datedCaps(secondFrom = '2027-06'): CampusModel {
  return campus({
    buses: [bus('main', [feed('main-1', 7_000)]), bus('side', [feed('side-1', 10_000)])],
    coolingSystems: [cooling('air', 'main', { model: 'pue', pue: 1.1 }), cooling('air-side', 'side', { model: 'pue', pue: 1.1 })],
    miningPods: [
      autoPod('a', 'main', 'air', 1_000, 2_600, 3_645, { inService: '2027-01' }),
      autoPod('b', 'main', 'air', 1_000, 2_600, 3_645, { inService: secondFrom }),
      autoPod('c', 'side', 'air-side', 500, 2_600, 3_645),
    ],
  });
}
