import * as fc from 'fast-check';

/** The first UTF-16 surrogate code point, and how many there are (a lone surrogate is no character). */
const SURROGATES_FROM = 0xd800;
const SURROGATE_COUNT = 0x800;

/**
 * The unit of the fuzz suite's random strings (mutations.ts): fast-check's `unit: 'binary'` (any
 * code point but a surrogate) made the same way, with its inverse computed instead of looked up.
 * fast-check's own unit inverts by a Map of all 1,112,064 code points, which `fc.string` builds as
 * soon as it is made (it looks for the "dangerous" strings a unit can form): about 1.5
 * CPU-seconds in every process that loaded mutations.ts (the fuzz worker, oracles.test.ts). The
 * same integer over the same 1,112,064 choices, mapped to the same code point, so a seed gives the
 * same strings (binary-unit.test.ts compares the two); the inverse refuses what fast-check's
 * refuses (anything but one such code point).
 */
export const BINARY_UNIT: fc.Arbitrary<string> = fc.nat({ max: 0x10ffff - SURROGATE_COUNT }).map(binaryUnitChar, binaryUnitIndex);

/** Choice `index` of BINARY_UNIT: U+0000 to U+D7FF, then U+E000 to U+10FFFF, as fast-check orders its binary unit. */
export function binaryUnitChar(index: number): string {
  return String.fromCodePoint(index < SURROGATES_FROM ? index : index + SURROGATE_COUNT);
}

/** The choice of BINARY_UNIT that makes `value`; -1 (which no nat makes: fast-check then cannot shrink it, as with its own unit) for anything but one such code point. */
export function binaryUnitIndex(value: unknown): number {
  const codePoint = typeof value === 'string' ? value.codePointAt(0) : undefined;
  if (codePoint === undefined || String.fromCodePoint(codePoint) !== value || (codePoint >= SURROGATES_FROM && codePoint < SURROGATES_FROM + SURROGATE_COUNT)) return -1;
  return codePoint < SURROGATES_FROM ? codePoint : codePoint - SURROGATE_COUNT;
}
