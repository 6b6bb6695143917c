/**
 * The price-duration curve as SVG: the series' prices sorted from highest to lowest against the
 * share of intervals, with each pod group's break-even as a horizontal line (where it crosses the
 * curve is the share of the time that group mines on price alone). Deterministic: fixed size,
 * fixed decimals, at most 400 points (the maximum of each of 400 equal slices of the sorted
 * series), no fonts measured.
 */
import type { DispatchReport } from './dispatch-report';

const WIDTH = 800;
const HEIGHT = 420;
const LEFT = 70;
const RIGHT = 200;
const TOP = 40;
const BOTTOM = 50;
const POINTS = 400;
const COLORS = ['#d62728', '#2ca02c', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22', '#ff7f0e'];

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function f1(n: number): string {
  const text = (Math.round(n * 10) / 10).toFixed(1);
  return text === '-0.0' ? '0.0' : text;
}

/** A round step for an axis covering `span`. */
function niceStep(span: number): number {
  const raw = span / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((k) => k * power).find((s) => s >= raw)!;
}

export function priceDurationSvg(report: DispatchReport, sorted: Float64Array): string {
  const n = sorted.length;
  const lines = report.sites.flatMap((s) => s.groups.filter((g) => g.breakEvenUsdPerMwh !== null).map((g) => ({ site: s.site, label: g.label, usd: g.breakEvenUsdPerMwh! })));
  // The y range: the 1st to 99th percentile of prices and every break-even, so that a few scarcity
  // intervals do not flatten the curve; prices beyond are drawn at the edge.
  const lo = Math.min(n > 0 ? sorted[Math.min(n - 1, Math.floor(n * 0.99))] : 0, ...lines.map((l) => l.usd), 0);
  const hi = Math.max(n > 0 ? sorted[Math.floor(n * 0.01)] : 1, ...lines.map((l) => l.usd), lo + 1);
  const step = niceStep(hi - lo);
  const yMin = Math.floor(lo / step) * step;
  const yMax = Math.ceil(hi / step) * step;
  const plotW = WIDTH - LEFT - RIGHT;
  const plotH = HEIGHT - TOP - BOTTOM;
  const x = (share: number) => LEFT + share * plotW;
  const y = (usd: number) => TOP + plotH - ((Math.min(Math.max(usd, yMin), yMax) - yMin) / (yMax - yMin)) * plotH;
  const points: string[] = [];
  const slices = Math.min(POINTS, n);
  for (let k = 0; k < slices; k++) {
    const from = Math.floor((k * n) / slices);
    const to = Math.floor(((k + 1) * n) / slices);
    // Sorted descending: the slice's first price is its maximum.
    points.push(`${f1(x(from / n))},${f1(y(sorted[from]))}`, `${f1(x(to / n))},${f1(y(sorted[to - 1]))}`);
  }
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<title>Price-duration curve${report.inputs.prices.settlementPoint ? ` (${escapeXml(report.inputs.prices.settlementPoint)})` : ''} with break-even prices</title>`,
    `<rect x="0" y="0" width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${LEFT}" y="24" font-size="14">Price-duration curve${report.inputs.prices.settlementPoint ? `, ${escapeXml(report.inputs.prices.settlementPoint)}` : ''}: ${n} intervals of ${report.inputs.prices.intervalMinutes} min</text>`,
  ];
  for (let v = yMin; v <= yMax + step / 2; v += step) {
    out.push(`<line x1="${LEFT}" y1="${f1(y(v))}" x2="${LEFT + plotW}" y2="${f1(y(v))}" stroke="#dddddd"/>`);
    out.push(`<text x="${LEFT - 6}" y="${f1(y(v) + 4)}" text-anchor="end">${f1(v).replace(/\.0$/, '')}</text>`);
  }
  for (let p = 0; p <= 100; p += 20) {
    out.push(`<text x="${f1(x(p / 100))}" y="${TOP + plotH + 18}" text-anchor="middle">${p}%</text>`);
  }
  out.push(`<text x="${f1(LEFT + plotW / 2)}" y="${HEIGHT - 10}" text-anchor="middle">share of intervals at or above the price</text>`);
  out.push(`<text x="16" y="${f1(TOP + plotH / 2)}" text-anchor="middle" transform="rotate(-90 16 ${f1(TOP + plotH / 2)})">USD/MWh</text>`);
  out.push(`<polyline fill="none" stroke="#1f77b4" stroke-width="2" points="${points.join(' ')}"/>`);
  lines.forEach((l, i) => {
    const color = COLORS[i % COLORS.length];
    out.push(`<line x1="${LEFT}" y1="${f1(y(l.usd))}" x2="${LEFT + plotW}" y2="${f1(y(l.usd))}" stroke="${color}" stroke-dasharray="6 4"/>`);
    const label = `${report.sites.length > 1 ? `${l.site}: ` : ''}${l.label} ${l.usd.toFixed(2)}`;
    out.push(`<text x="${LEFT + plotW + 6}" y="${f1(TOP + 14 + i * 16)}" fill="${color}">${escapeXml(label)}</text>`);
  });
  out.push(`<rect x="${LEFT}" y="${TOP}" width="${plotW}" height="${plotH}" fill="none" stroke="#333333"/>`, '</svg>');
  return `${out.join('\n')}\n`;
}
