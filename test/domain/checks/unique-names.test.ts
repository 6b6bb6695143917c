import { computeBudget } from '../../../domain/budget';
import { uniqueNames } from '../../../domain/checks/unique-names';
import { bus, campus, cooling, feed, pod } from '../fixtures';

describe('check unique-names', () => {
  test('passes (returns nothing) when every name is unique', () => {
    const budget = computeBudget(campus({ buses: [bus('a', [feed('f1', 1)]), bus('b', [feed('f2', 1)])] }));
    expect(uniqueNames.run(budget)).toEqual([]);
  });

  test('fails at every place a name is reused, listing them all', () => {
    const budget = computeBudget(
      campus({
        buses: [bus('a', [feed('dup', 1)]), { ...bus('b', [feed('f2', 1)]), path: 'site/row-1/b' }],
        coolingSystems: [cooling('air', 'a', { model: 'pue', pue: 1.1 })],
        miningPods: [{ ...pod('dup', 'a', 'air', 1), path: 'site/row-2/dup' }],
      }),
    );
    const results = uniqueNames.run(budget);
    const message =
      "structure: the name 'dup' is used 2 times in campus 'site' (feed at site/a, mining pod at site/row-2/dup). Give each part a unique name.";
    expect(results.map((r) => [r.status, r.path, r.message])).toEqual([
      ['fail', 'site/a', message],
      ['fail', 'site/row-2/dup', message],
    ]);
  });
});
