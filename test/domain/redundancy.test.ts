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

  test('2N with sides: losing the larger side leaves the smaller, and the feeds lost are named', () => {
    const c = busContingency(
      bus('b', [feed('a1', 30_000, { side: 'A' }), feed('a2', 20_000, { side: 'A' }), feed('b1', 45_000, { side: 'B' })], '2N'),
    )!;
    expect(c.firmCapacityKw).toBe(45_000);
    expect(c.label).toBe('2N (lose side A)');
    expect(c.lost).toBe("loss of side A: feeds 'a1', 'a2'");
    expect(c.lostFeed).toBe('a1,a2');
  });

  test('N+1 with no feed in service has no firm capacity', () => {
    expect(busContingency(bus('b', [], 'N+1'))).toEqual({ label: 'N+1 (no feed in service)', lost: 'no feed in service', firmCapacityKw: 0 });
  });
});
