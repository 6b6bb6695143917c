/**
 * BINARY_UNIT (binary-unit.ts), the unit of the fuzz suite's random strings, is fast-check's
 * `unit: 'binary'` without the 1,112,064-entry Map fast-check builds for it: from the same seed,
 * `fc.string` makes the same strings with either unit, and both accept (can shrink) the same
 * values, so the fuzz suite's cases from its fixed seed are the ones fast-check's own unit made.
 */
import * as fc from 'fast-check';
import { BINARY_UNIT, binaryUnitChar, binaryUnitIndex } from './binary-unit';

// Made once: fast-check's own unit costs about 1.5 CPU-seconds to make.
const theirs = fc.string({ unit: 'binary', maxLength: 40 });
const ours = fc.string({ unit: BINARY_UNIT, maxLength: 40 });

test.each([1, 13_2026, 20_261_123])('seed %d: the same 300 strings as with fast-check\'s binary unit', (seed) => {
  const made = fc.sample(ours, { seed, numRuns: 300 });
  expect(made).toEqual(fc.sample(theirs, { seed, numRuns: 300 }));
  // Not vacuous: strings of many lengths, with characters beyond the Basic Multilingual Plane.
  expect(new Set(made.map((s) => [...s].length)).size).toBeGreaterThan(8);
  expect(made.some((s) => s.length > [...s].length)).toBe(true);
});

test('each unit accepts the same values: one code point on either side of the surrogates, nothing else', () => {
  const values: unknown[] = [
    '',
    'a',
    '\u0000',
    '\ud7ff',
    '\ud800',
    '\udbff',
    '\udc00',
    '\udfff',
    '\ue000',
    '\uffff',
    '\u{10000}',
    '\u{10ffff}',
    '\ud800\udc00',
    '\udc00\ud800',
    'ab\u{10ffff}',
    'x'.repeat(40),
    'x'.repeat(41),
    42,
    undefined,
    ['a'],
  ];
  const accepted = values.map((v) => ours.canShrinkWithoutContext(v));
  expect(accepted).toEqual(values.map((v) => theirs.canShrinkWithoutContext(v)));
  // Not vacuous: both accept some and refuse others.
  expect(accepted.filter(Boolean).length).toBe(11);
});

test('the choices at the ends of both ranges, and every choice maps back to itself', () => {
  const last = 0x10ffff - 0x800;
  expect([0, 0xd7ff, 0xd800, last].map(binaryUnitChar)).toEqual(['\u0000', '\ud7ff', '\ue000', '\u{10ffff}']);
  expect(['\u0000', '\ud7ff', '\ue000', '\u{10ffff}'].map(binaryUnitIndex)).toEqual([0, 0xd7ff, 0xd800, last]);
  for (let index = 0; index <= last; index += 997) expect(binaryUnitIndex(binaryUnitChar(index))).toBe(index);
  expect(['', '\ud800', '\udfff', 'ab', 7].map(binaryUnitIndex)).toEqual([-1, -1, -1, -1, -1]);
});
