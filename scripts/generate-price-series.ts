/**
 * Writes examples/prices/generated-2024-06-07.csv: a GENERATED price series (not market data)
 * for tests and examples, since no real price file can be shipped or downloaded here.
 *
 *   npx tsx scripts/generate-price-series.ts
 *
 * 15-minute intervals from 2024-06-01 00:00 to 2024-07-31 23:45 Central Daylight Time (UTC-5),
 * plain format interval_start,price_usd_per_mwh. The price is a daily shape (a night trough
 * around $22/MWh, an afternoon peak around $75/MWh at 17:00), plus noise from a fixed-seed
 * linear congruential generator, plus a scarcity spike of $400-2,400/MWh on about 1% of
 * afternoon intervals and a few negative night prices (wind), so that the curve has the shape of
 * an ERCOT summer. The same script always writes the same file.
 */
import * as fs from 'fs';
import * as path from 'path';

let seed = 20240601;
/** Numerical Recipes LCG, 32 bits: a uniform number in [0, 1). */
function random(): number {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed / 2 ** 32;
}

const lines = [
  '# GENERATED price series for hybrid-campus tests and examples: not market data.',
  '# Made by scripts/generate-price-series.ts (daily shape + fixed-seed noise + rare spikes), 15-minute intervals, CDT.',
  'interval_start,price_usd_per_mwh',
];
const startUtcMs = Date.UTC(2024, 5, 1, 5, 0); // 2024-06-01T00:00-05:00
const days = 61;
for (let i = 0; i < days * 96; i++) {
  const local = new Date(startUtcMs + i * 15 * 60_000 - 5 * 3_600_000);
  const hour = local.getUTCHours() + local.getUTCMinutes() / 60;
  const shape = 48 - 26 * Math.cos(((hour - 5) / 24) * 2 * Math.PI) + (hour >= 14 && hour < 20 ? 12 : 0);
  let price = shape + (random() - 0.5) * 16;
  const r = random();
  if (hour >= 14 && hour < 20 && r < 0.01) price = 400 + random() * 2000;
  else if (hour < 5 && r < 0.03) price = -5 - random() * 10;
  const iso = `${local.toISOString().slice(0, 19)}-05:00`;
  lines.push(`${iso},${price.toFixed(2)}`);
}
const file = path.join(__dirname, '..', 'examples', 'prices', 'generated-2024-06-07.csv');
fs.writeFileSync(file, `${lines.join('\n')}\n`);
process.stdout.write(`wrote ${file} (${days * 96} intervals)\n`);
