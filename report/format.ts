/**
 * Number formatting for reports and diffs: fixed decimals, digits grouped by hand (never the
 * machine's locale), signed deltas. The same number always gives the same text.
 */
import { formatPercent, groupDigits, KW_PER_MW, round } from '../domain/units';

/** "1,234.56" from 1234.56 with 2 decimals. */
export function fixed(value: number, decimals: number): string {
  const [whole, fraction] = round(value, decimals).toFixed(decimals).split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const grouped = groupDigits(sign ? whole.slice(1) : whole);
  return fraction === undefined ? `${sign}${grouped}` : `${sign}${grouped}.${fraction}`;
}

/** MW with 2 decimals, no unit: "52.30" from 52301 kW. */
export function mw(kw: number): string {
  return fixed(kw / KW_PER_MW, 2);
}

/** A signed MW delta with its unit: "+1.23 MW", "-0.50 MW", "0.00 MW". */
export function signedMw(deltaKw: number): string {
  const text = mw(deltaKw);
  return `${deltaKw > 0 && text !== '0.00' ? '+' : ''}${text} MW`;
}

/** A signed MW delta without unit, for table cells: "+1.23", "-0.50", "0.00". */
export function signedMwCell(deltaKw: number): string {
  const text = mw(deltaKw);
  return `${deltaKw > 0 && text !== '0.00' ? '+' : ''}${text}`;
}

/** Utilization as a percentage with 1 decimal, "n/a" when there is load and no capacity. */
export function pct(utilization: number | null): string {
  return utilization === null ? 'n/a' : formatPercent(utilization);
}

/** A change of utilization in percentage points: "+3.2 pp", "-0.4 pp", "0.0 pp"; "n/a" if either side is n/a. */
export function signedPoints(baseUtilization: number | null, headUtilization: number | null): string {
  if (baseUtilization === null || headUtilization === null) return 'n/a';
  const text = fixed((headUtilization - baseUtilization) * 100, 1);
  return `${text !== '0.0' && !text.startsWith('-') ? '+' : ''}${text} pp`;
}

/** "1 check" / "2 checks". */
export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : pluralNoun}`;
}
