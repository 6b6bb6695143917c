import type { CheckResult } from '../../report/budget-schema';
import { diffChecks, transitionOf } from '../../report/check-diff';

const result = (status: CheckResult['status'], path = 'site/a', check = 'bus-normal-capacity'): CheckResult => ({
  check,
  status,
  subject: path.split('/')[1],
  path,
  scenario: 'normal',
  message: `${path} ${status}`,
});

describe('check transitions', () => {
  test.each([
    ['pass', 'fail', 'newly-fails'],
    ['warn', 'fail', 'newly-fails'],
    ['absent', 'fail', 'newly-fails'],
    ['pass', 'warn', 'newly-warns'],
    ['fail', 'warn', 'newly-warns'],
    ['absent', 'warn', 'newly-warns'],
    ['fail', 'pass', 'newly-passes'],
    ['warn', 'pass', 'newly-passes'],
    ['fail', 'absent', 'newly-passes'],
    ['absent', 'pass', undefined],
    ['pass', 'absent', undefined],
    ['fail', 'fail', undefined],
  ] as const)('%s -> %s is %s', (base, head, expected) => {
    expect(transitionOf(base, head)).toBe(expected);
  });

  test('failures come first, then warnings, then passes, each sorted by path; a removed failing check newly passes', () => {
    const changes = diffChecks(
      [result('pass', 'site/b'), result('pass', 'site/a'), result('fail', 'site/c'), result('warn', 'site/gone')],
      [result('fail', 'site/b'), result('fail', 'site/a'), result('pass', 'site/c'), result('warn', 'site/new')],
    );
    expect(changes.map((c) => [c.transition, c.path, c.baseStatus, c.headStatus])).toEqual([
      ['newly-fails', 'site/a', 'pass', 'fail'],
      ['newly-fails', 'site/b', 'pass', 'fail'],
      ['newly-warns', 'site/new', 'absent', 'warn'],
      ['newly-passes', 'site/c', 'fail', 'pass'],
      ['newly-passes', 'site/gone', 'warn', 'absent'],
    ]);
    expect(changes[4].message).toBe('site/gone warn');
  });

  test('two results of one check on one subject are told apart by their rank', () => {
    const changes = diffChecks([result('pass'), result('pass')], [result('pass'), result('fail')]);
    expect(changes).toHaveLength(1);
    expect(changes[0].transition).toBe('newly-fails');
  });
});
