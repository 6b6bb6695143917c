import { fitsWithin, formatKw, formatMw, formatPercent, formatPower, groupDigits, round, roundKw } from '../../domain/units';

describe('units', () => {
  test('formats MW with three decimals and kW with grouping, independent of locale', () => {
    expect(formatMw(12_345.6789)).toBe('12.346 MW');
    expect(formatKw(1_234_567.89)).toBe('1,234,567.9 kW');
    expect(formatKw(-1_500)).toBe('-1,500.0 kW');
    expect(formatKw(999.94)).toBe('999.9 kW');
  });

  test('formatPower switches to MW at 1 MW', () => {
    expect(formatPower(999.9)).toBe('999.9 kW');
    expect(formatPower(1_000)).toBe('1.000 MW');
  });

  test('percent with one decimal', () => {
    expect(formatPercent(0.8529)).toBe('85.3%');
  });

  test('rounding never returns -0', () => {
    expect(Object.is(round(-0.0001, 2), 0)).toBe(true);
    expect(roundKw(0.1 + 0.2)).toBe(0.3);
  });

  test('fitsWithin tolerates float noise but not a real overshoot', () => {
    expect(fitsWithin(0.1 + 0.2, 0.3)).toBe(true);
    expect(fitsWithin(10_000.001, 10_000)).toBe(false);
  });
});

test('groupDigits groups a string of digits by thousands and leaves text that is not all digits as the comma rule leaves it', () => {
  expect(['', '1', '123', '1234', '123456', '1234567', '1152921504606846976'].map(groupDigits)).toEqual(['', '1', '123', '1,234', '123,456', '1,234,567', '1,152,921,504,606,846,976']);
  // What toFixed writes for 1e21 and up, and for infinities: no digit run to group before the end.
  expect(['1e+21', 'Infinity', '12a4567', '1234.5'].map(groupDigits)).toEqual(['1e+21', 'Infinity', '12a4,567', '1234.5']);
});
