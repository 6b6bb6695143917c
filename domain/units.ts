/**
 * Units and number formatting shared by the budget engine, the summary and the JSON file.
 *
 * The engine works in kW throughout. Values written to files are rounded to the watt
 * (3 decimals of kW) so that floating-point noise never shows up in a diff.
 */

export const KW_PER_MW = 1000;
export const W_PER_KW = 1000;

/** Comparison tolerance in kW (1 mW): sums of floats that are equal on paper compare equal. */
export const EPSILON_KW = 1e-6;

export function mwToKw(mw: number): number {
  return mw * KW_PER_MW;
}

export function wToKw(w: number): number {
  return w / W_PER_KW;
}

/**
 * `10 ** decimals` for 0 to 20 decimals, worked out once: the same numbers (every power of ten up
 * to 1e22 is exact in a double), so `round` gives the same floats without a power per call (a
 * profile of the incremental-timeline property test found `round` the hottest function it owns).
 */
const POWERS_OF_TEN: readonly number[] = Array.from({ length: 21 }, (_, d) => 10 ** d);

/** Rounds to `decimals` places and never returns -0 (NaN stays NaN). */
export function round(value: number, decimals: number): number {
  const factor = POWERS_OF_TEN[decimals] ?? 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  // -0 === 0: a zero of either sign is written as 0.
  return rounded === 0 ? 0 : rounded;
}

/** kW rounded to the watt, for files. */
export function roundKw(kw: number): number {
  return round(kw, 3);
}

/**
 * "12.345 MW" (rounded to the kW). What toFixed does not write as digits is written as String
 * writes it: "NaN MW", "Infinity MW", "-Infinity MW", and "1e+21 MW" and up for |MW| >= 1e21.
 */
export function formatMw(kw: number): string {
  return `${roundKw(kw / KW_PER_MW).toFixed(3)} MW`;
}

/**
 * A string of digits with its thousands grouped by commas ("1234567" -> "1,234,567"): grouping done
 * by hand, so the text never depends on the machine's locale data (no toLocaleString, whose
 * first call also loads the ICU number formatter).
 */
export function groupDigits(digits: string): string {
  // By concatenation, with no regex or array (formatKw writes every kW figure of a summary); text
  // that is not all digits ("1e+21", "Infinity", from toFixed) as the rule below leaves it.
  if (digits.length <= 3) return digits;
  for (let i = 0; i < digits.length; i++) {
    const c = digits.charCodeAt(i);
    if (c < 48 || c > 57) return digits.replace(/\B(?=(\d{3})+$)/g, ',');
  }
  const head = digits.length % 3 || 3;
  let grouped = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) grouped += `,${digits.slice(i, i + 3)}`;
  return grouped;
}

/** A whole number with its thousands grouped by commas ("200,000"); other numbers as String writes them. */
export function groupThousands(n: number): string {
  if (!Number.isSafeInteger(n)) return String(n);
  const digits = groupDigits(String(Math.abs(n)));
  return n < 0 ? `-${digits}` : digits;
}

/**
 * "1,234.5 kW": rounded to 0.1 kW, thousands grouped by commas. What toFixed does not write as
 * digits is written as String writes it: "NaN kW", "Infinity kW", "-Infinity kW", and "1e+21 kW"
 * and up for |kW| >= 1e21.
 */
export function formatKw(kw: number): string {
  const rounded = round(kw, 1);
  // toFixed writes a finite number under 1e21 as digits, a point and one decimal.
  if (!(Math.abs(rounded) < 1e21)) return `${rounded} kW`;
  const text = rounded.toFixed(1);
  const negative = text.charCodeAt(0) === 45; // '-'
  return `${negative ? '-' : ''}${groupDigits(text.slice(negative ? 1 : 0, text.length - 2))}${text.slice(text.length - 2)} kW`;
}

/** Picks MW for large figures and kW for small ones, so cooling and rack figures stay readable. */
export function formatPower(kw: number): string {
  return Math.abs(kw) >= KW_PER_MW ? formatMw(kw) : formatKw(kw);
}

/** "87.5%" from a fraction. */
export function formatPercent(fraction: number): string {
  return `${round(fraction * 100, 1).toFixed(1)}%`;
}

/** a <= b, allowing for float noise. */
export function fitsWithin(loadKw: number, capacityKw: number): boolean {
  return loadKw <= capacityKw + EPSILON_KW;
}

/** Load over capacity; a load on no capacity is Infinity, nothing on nothing is 0. */
export function utilizationOf(loadKw: number, capacityKw: number): number {
  if (capacityKw > 0) return loadKw / capacityKw;
  return loadKw > 0 ? Infinity : 0;
}
