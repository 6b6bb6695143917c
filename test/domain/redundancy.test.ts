import { busContingency, busUsableKw } from '../../domain/redundancy';
import { bus, feed } from './fixtures';

describe('redundancy', () => {
  test('N has no contingency', () => {
    expect(busContingency(bus('b', [feed('f1', 10_000)]))).toBeUndefined();
  });

  test('N+1: firm = all feeds minus the largest, and the largest is named', () => {
    const b = bus('b', [feed('small', 20_000), feed('large', 50_000), feed('mid', 30_000)], 'N+1');
    expect(busUsableKw(b)).toBe(100_000);
    const c = busContingency(b)!;
    expect(c.firmCapacityKw).toBe(50_000);
    expect(c.lostFeed).toBe('large');
    expect(c.label).toBe('N+1 (lose large)');
  });

  test('N+1 uses usable capacity: an 80% feed of 60 MW (48 usable) is smaller than a 50 MW contracted one', () => {
    const b = bus('b', [feed('elec', 60_000, { maxUtilization: 0.8 }), feed('contract', 50_000)], 'N+1');
    const c = busContingency(b)!;
    expect(c.lostFeed).toBe('contract');
    expect(c.firmCapacityKw).toBe(48_000);
  });

  test('N+1 ties go to the name that sorts first, whatever the declaration order', () => {
    const a = busContingency(bus('b', [feed('zeta', 10_000), feed('alpha', 10_000)], 'N+1'))!;
    const b = busContingency(bus('b', [feed('alpha', 10_000), feed('zeta', 10_000)], 'N+1'))!;
    expect(a.lostFeed).toBe('alpha');
    expect(b.lostFeed).toBe('alpha');
  });

  test('2N: firm = half of usable capacity', () => {
    const c = busContingency(bus('b', [feed('a', 40_000), feed('b', 40_000)], '2N'))!;
    expect(c.firmCapacityKw).toBe(40_000);
    expect(c.lostFeed).toBeUndefined();
    expect(c.label).toBe('2N (lose one side)');
  });
});
