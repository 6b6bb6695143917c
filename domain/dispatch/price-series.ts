/**
 * A price series and a hashprice schedule as plain data, for the simulation (simulate.ts).
 * report/dispatch/ reads them from files; nothing here does I/O.
 */

/**
 * Prices of consecutive intervals of equal length. Every array has one entry per interval, in
 * time order. "Local" means the market's calendar (Central Prevailing Time for ERCOT, the
 * written offset for a plain CSV): months, days and times of day come from it.
 */
export interface PriceSeries {
  /** Length of every interval, minutes (15 for ERCOT real-time prices). */
  readonly intervalMinutes: number;
  /** Start of each interval, milliseconds since 1970-01-01T00:00Z. */
  readonly startUtcMs: Float64Array;
  readonly priceUsdPerMwh: Float64Array;
  /** Local calendar month of the interval's start: year x 12 + (month - 1). */
  readonly localMonthIndex: Int32Array;
  /** Local day of the interval's start, days since 1970-01-01. */
  readonly localDay: Int32Array;
  /** Local time of day of the interval's start, minutes after midnight (0-1439). */
  readonly localMinuteOfDay: Int32Array;
  /** The settlement point or node the prices are for, e.g. "HB_WEST"; "" when the file does not say. */
  readonly settlementPoint: string;
}

/** Hashprice by day: from `fromDay[i]` (local day, inclusive) until the next entry, `usdPerPhDay[i]`. */
export interface HashpriceSchedule {
  /** Sorted, strictly increasing. A constant hashprice is one entry from -Infinity. */
  readonly fromDay: readonly number[];
  readonly usdPerPhDay: readonly number[];
}

/** A constant hashprice, USD per PH/s per day. */
export function constantHashprice(usdPerPhDay: number): HashpriceSchedule {
  return { fromDay: [-Infinity], usdPerPhDay: [usdPerPhDay] };
}

/** Month index (year x 12 + month - 1) of a 'YYYY-MM' month. */
export function monthIndexOf(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

/** 'YYYY-MM' of a month index. */
export function monthOfIndex(index: number): string {
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String(index - year * 12 + 1).padStart(2, '0')}`;
}
