/**
 * The fast rounding and formatting of domain/units.ts (a table of powers of ten, `=== 0` for -0,
 * digits grouped by hand) and power-budget-file.ts's `ratio` give the same floats and the same
 * text as the plain reference implementations they replaced (test/fuzz/reference-formatting.ts),
 * on random doubles, integers, figures near a rounding boundary and the values toFixed does not
 * write as digits. FC_SEED and FC_RUNS explore further.
 */
import fc from 'fast-check';
import { formatKw, formatMw, round, roundKw } from '../../domain/units';
import { ratio } from '../../report/power-budget-file';
import { referenceFormatKw, referenceFormatMw, referenceRatio, referenceRound, referenceRoundKw } from '../fuzz/reference-formatting';
import { propertyRuns } from '../randomized-runs';

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261124) });
const RUNS = propertyRuns('test/domain/units.property.test.ts');

const numberArb = fc.oneof(
  fc.double(),
  fc.double({ min: -2e6, max: 2e6, noNaN: true }),
  fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }).map((n) => n / 1000),
  // Halfway cases and float noise: x.xxx5 and sums such as 0.1 + 0.2.
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => n / 10_000 + 0.00005),
  fc.constantFrom(-0, 0, NaN, Infinity, -Infinity, 1e21, -1e21, 9.99999e20, 0.1 + 0.2, -0.04, -0.0004, 999.95, 1e-7),
);

/** The same number, with -0 and 0 told apart. */
function same(a: number | null, b: number | null): boolean {
  return Object.is(a, b);
}

test('round, roundKw and ratio give the same floats as the reference, and never -0', () => {
  fc.assert(
    fc.property(numberArb, fc.integer({ min: 0, max: 22 }), (value, decimals) => {
      expect(same(round(value, decimals), referenceRound(value, decimals))).toBe(true);
      expect(same(roundKw(value), referenceRoundKw(value))).toBe(true);
      expect(same(ratio(value), referenceRatio(value))).toBe(true);
      expect(Object.is(round(value, decimals), -0)).toBe(false);
    }),
    { numRuns: RUNS },
  );
});

test('round with decimals outside the table (negative, fractional) as the reference', () => {
  for (const decimals of [-2, -1, 0.5, 1.5, 21, 25]) {
    for (const value of [1234.5678, -0.0001, 5e-324, 12_345_678.9]) expect(same(round(value, decimals), referenceRound(value, decimals))).toBe(true);
  }
  expect(round(1234.5678, -2)).toBe(1200);
});

test('formatKw and formatMw write what the reference writes', () => {
  fc.assert(
    fc.property(numberArb, (value) => {
      expect(formatKw(value)).toBe(referenceFormatKw(value));
      expect(formatMw(value)).toBe(referenceFormatMw(value));
    }),
    { numRuns: RUNS },
  );
  expect([formatKw(-0.04), formatKw(-1_234_567.85), formatKw(123)]).toEqual([
    '0.0 kW',
    '-1,234,567.8 kW', // Math.round takes a half towards +Infinity
    '123.0 kW',
  ]);
});

test('formatKw and formatMw write what toFixed does not write as digits as String writes it, with the unit', () => {
  expect([NaN, Infinity, -Infinity, 1e21, -1e21, 1.5e25, 1e20].map(formatKw)).toEqual([
    'NaN kW',
    'Infinity kW',
    '-Infinity kW',
    '1e+21 kW',
    '-1e+21 kW',
    '1.5e+25 kW',
    '100,000,000,000,000,000,000.0 kW',
  ]);
  expect([NaN, Infinity, -Infinity, 1e24, -1e24].map(formatMw)).toEqual([
    'NaN MW',
    'Infinity MW',
    '-Infinity MW',
    '1e+21 MW',
    '-1e+21 MW',
  ]);
});
