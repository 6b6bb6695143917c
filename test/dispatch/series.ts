/**
 * Hand-made price series for the dispatch tests: consecutive intervals in UTC (local = UTC).
 */
import type { PriceSeries } from '../../domain/dispatch/price-series';

/** `prices` in consecutive `intervalMinutes` intervals from `startIso` (UTC, e.g. '2024-06-01T00:00Z'). */
export function series(prices: readonly number[], startIso = '2024-01-01T00:00:00Z', intervalMinutes = 15): PriceSeries {
  const start = Date.parse(startIso);
  const starts = prices.map((_, i) => start + i * intervalMinutes * 60_000);
  return {
    intervalMinutes,
    startUtcMs: Float64Array.from(starts),
    priceUsdPerMwh: Float64Array.from(prices),
    localMonthIndex: Int32Array.from(starts, (ms) => new Date(ms).getUTCFullYear() * 12 + new Date(ms).getUTCMonth()),
    localDay: Int32Array.from(starts, (ms) => Math.floor(ms / 86_400_000)),
    localMinuteOfDay: Int32Array.from(starts, (ms) => new Date(ms).getUTCHours() * 60 + new Date(ms).getUTCMinutes()),
    settlementPoint: 'TEST',
  };
}
