import { diffBudgets } from '../../report/diff';
import { renderDiffText } from '../../report/diff-text';
import { InputError } from '../../report/input-error';
import { bus, feed } from '../domain/fixtures';
import { budgetOf, smallSite } from './budget-fixtures';

describe('diff between two synth outputs', () => {
  test('sites and buses added or removed', () => {
    const a = budgetOf(smallSite());
    const b = budgetOf({ ...smallSite(), name: 'other', path: 'other' });
    const withBus = budgetOf(smallSite({ buses: [bus('main', [feed('f1', 40_000), feed('f2', 40_000), feed('f3', 40_000)], 'N+1'), bus('new', [feed('n1', 5_000)])] }));
    const diff = diffBudgets([a], [withBus, b]);
    expect(diff.result).toBe('changed');
    expect(diff.sites.map((s) => [s.site, s.change])).toEqual([
      ['other', 'added'],
      ['site', 'changed'],
    ]);
    expect(diff.sites[1].buses.map((x) => [x.bus, x.change])).toEqual([
      ['main', 'unchanged'],
      ['new', 'added'],
    ]);
    expect(diffBudgets([a, b], [a]).sites.map((s) => s.change)).toEqual(['removed', 'unchanged']);
    expect(renderDiffText(diffBudgets([a, b], [a])).split('\n')[0]).toBe(
      '1 of 2 sites changed (1 removed): grid import -48.00 MW, firm IT -20.00 MW, interruptible IT -20.00 MW; checks: 0 newly fail, 0 newly warn, 0 newly pass.',
    );
  });

  test('a head that fails exits as "check-fails" even when nothing changed', () => {
    const failing = budgetOf(smallSite({ interconnectLimitKw: 10_000 }));
    expect(diffBudgets([failing], [failing]).result).toBe('check-fails');
    expect(renderDiffText(diffBudgets([failing], [failing]))).toBe('No change to the power budget (1 site). Head fails 1 check.\n');
  });

  test('base and head with no site in common are bad input', () => {
    const a = budgetOf(smallSite());
    const b = budgetOf({ ...smallSite(), name: 'other', path: 'other' });
    expect(() => diffBudgets([a], [b])).toThrow(
      new InputError('base and head describe different sites (base: site; head: other); compare two outputs of the same campus app'),
    );
  });
});
