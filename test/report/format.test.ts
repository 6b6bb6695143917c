import { fixed, mw, pct, signedMw, signedMwCell, signedPoints } from '../../report/format';

describe('report number formatting', () => {
  test('groups digits by hand, with fixed decimals', () => {
    expect(fixed(1234567.891, 2)).toBe('1,234,567.89');
    expect(fixed(-1234.5, 1)).toBe('-1,234.5');
    expect(fixed(65536, 0)).toBe('65,536');
    expect(mw(52_301)).toBe('52.30');
    expect(mw(1_234_567)).toBe('1,234.57');
  });

  test('signs deltas and never prints -0.00', () => {
    expect(signedMw(1_234)).toBe('+1.23 MW');
    expect(signedMw(-500)).toBe('-0.50 MW');
    expect(signedMw(0)).toBe('0.00 MW');
    expect(signedMw(-1)).toBe('0.00 MW');
    expect(signedMw(1)).toBe('0.00 MW');
    expect(signedMwCell(10_560)).toBe('+10.56');
  });

  test('percentages with one decimal, n/a without capacity, deltas in points', () => {
    expect(pct(0.58123)).toBe('58.1%');
    expect(pct(null)).toBe('n/a');
    expect(signedPoints(0.5, 0.532)).toBe('+3.2 pp');
    expect(signedPoints(0.5, 0.4999)).toBe('0.0 pp');
    expect(signedPoints(0.6, 0.5)).toBe('-10.0 pp');
    expect(signedPoints(null, 0.5)).toBe('n/a');
  });
});
