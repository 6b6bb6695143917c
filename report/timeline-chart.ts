/**
 * Charts of the timeline: firm IT, interruptible IT, cooling and auxiliary load stacked against
 * capacity at each date. Both read the `timeline` entries of power-budget.json (plain data), so
 * synth and the `campus` report draw the same chart from the same numbers.
 *
 * - `timelineMermaid`: a Mermaid xychart for Markdown (GitHub renders it). xychart draws bars
 *   over each other, so each bar is a running total (total, then without auxiliary, ...): the
 *   visible bands are the classes, stacked.
 * - `timelineSvg`: a self-contained SVG with true stacked bars and capacity lines.
 * Output is deterministic: fixed sizes, numbers with fixed decimals, no fonts measured.
 */

import type { LoadFigures } from './load-cells';

/** The fields of one power-budget.json timeline entry that the charts use. */
export interface TimelineChartEntry {
  readonly label: string;
  readonly capacityKw: number;
  readonly interconnectLimitKw: number;
  readonly load: LoadFigures;
}

const SERIES = [
  { key: 'firmItKw', name: 'firm IT', color: '#1f77b4' },
  { key: 'interruptibleItKw', name: 'interruptible IT', color: '#ff7f0e' },
  { key: 'coolingKw', name: 'cooling', color: '#2ca02c' },
  { key: 'auxiliaryKw', name: 'auxiliary and other', color: '#7f7f7f' },
] as const;

/** A series' figure: the last one also carries facility overhead and gross blocks, so the stack adds up to the load. */
function seriesKw(load: TimelineChartEntry['load'], key: (typeof SERIES)[number]['key']): number {
  return key === 'auxiliaryKw' ? load.auxiliaryKw + (load.overheadKw ?? 0) + (load.grossKw ?? 0) : load[key];
}

function mw(kw: number): string {
  return (Math.round(kw) / 1000).toFixed(1);
}

function axisMw(kw: number): string {
  return String(Math.round(kw) / 1000);
}

function shortLabel(label: string): string {
  return label === '' ? 'planned' : label.replace(/^from /, '').replace(/^before /, '< ').replace(/^at /, '');
}

/** The Mermaid chart's two lines (colors as in the SVG), and the names its legend gives the colors. */
const MERMAID_LINES = [
  { name: 'bus capacity', color: '#d62728' },
  { name: 'interconnect limit', color: '#9467bd' },
] as const;
const COLOR_NAMES: Readonly<Record<string, string>> = { '#1f77b4': 'blue', '#ff7f0e': 'orange', '#2ca02c': 'green', '#7f7f7f': 'grey', '#d62728': 'red', '#9467bd': 'purple' };

/**
 * An x-axis label for Mermaid: "before 2026-07" in words, since Mermaid shows a "<" in an
 * xychart label as "&lt;"; no quote or angle bracket reaches the chart.
 */
function mermaidLabel(label: string): string {
  return (label === '' ? 'planned' : label.replace(/^from /, '').replace(/^at /, '')).replace(/["<>]/g, '');
}

/**
 * Mermaid xychart-beta: stacked load (as running totals) with capacity and interconnect lines.
 * xychart draws no legend, so the colors are fixed (the SVG's) and `timelineMermaidLegend`
 * names them, for a line under the chart.
 */
export function timelineMermaid(entries: readonly TimelineChartEntry[], title = 'Load against capacity (MW)'): string {
  const labels = entries.map((e) => `"${mermaidLabel(e.label)}"`).join(', ');
  // One color per plot, in the order they are declared: the bars from the top band down, then the lines.
  const palette = [...[...SERIES].reverse().map((s) => s.color), ...MERMAID_LINES.map((l) => l.color)].join(', ');
  const maxKw = Math.max(1, ...entries.map((e) => Math.max(e.capacityKw, e.load.totalKw, e.interconnectLimitKw)));
  const cumulative = (upTo: number) =>
    entries.map((e) => mw(SERIES.slice(0, upTo + 1).reduce((t, s) => t + seriesKw(e.load, s.key), 0))).join(', ');
  const lines = [
    `%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${palette}"}}}}%%`,
    'xychart-beta',
    `  title "${title}"`,
    `  x-axis [${labels}]`,
    `  y-axis "MW" 0 --> ${Math.ceil((maxKw * 1.1) / 1000)}`,
    ...SERIES.map((_, i) => `  bar [${cumulative(SERIES.length - 1 - i)}]`),
    `  line [${entries.map((e) => mw(e.capacityKw)).join(', ')}]`,
    `  line [${entries.map((e) => mw(e.interconnectLimitKw)).join(', ')}]`,
  ];
  return lines.join('\n');
}

/** The legend of `timelineMermaid`: one line of Markdown for under the chart. */
export function timelineMermaidLegend(): string {
  const name = (p: { readonly name: string; readonly color: string }) => `${p.name} (${COLOR_NAMES[p.color]})`;
  return `Bars, stacked from the bottom: ${SERIES.map(name).join(', ')}. Lines: ${MERMAID_LINES.map(name).join(', ')}.`;
}

/** The smallest 1, 2 or 5 x 10^k kW step at or above `kw`, so axis ticks are round numbers. */
export function niceStepKw(kw: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(kw));
  const step = [1, 2, 5, 10].map((f) => f * magnitude).find((s) => s >= kw);
  return step ?? 10 * magnitude;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A self-contained SVG: stacked bars per date, a capacity line and an interconnect line. */
export function timelineSvg(entries: readonly TimelineChartEntry[], title: string): string {
  const barW = 56;
  const gap = 24;
  const left = 56;
  const top = 40;
  const plotH = 260;
  const width = left + entries.length * (barW + gap) + gap + 150;
  const height = top + plotH + 60;
  const tickKw = niceStepKw(Math.max(1, ...entries.map((e) => Math.max(e.capacityKw, e.load.totalKw, e.interconnectLimitKw))) / 4);
  const maxKw = tickKw * 5;
  const y = (kw: number) => (top + plotH - (kw / maxKw) * plotH).toFixed(1);
  const x = (i: number) => left + gap + i * (barW + gap);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<title>${escapeXml(title)}</title>`,
    `<text x="${left}" y="20" font-size="14">${escapeXml(title)}</text>`,
    `<line x1="${left}" y1="${top + plotH}" x2="${x(entries.length)}" y2="${top + plotH}" stroke="#000"/>`,
    `<line x1="${left}" y1="${top}" x2="${left}" y2="${top + plotH}" stroke="#000"/>`,
  ];
  for (let t = 0; t <= 5; t++) {
    const kw = tickKw * t;
    parts.push(`<text x="${left - 6}" y="${y(kw)}" text-anchor="end" dominant-baseline="middle">${axisMw(kw)}</text>`);
  }
  parts.push(`<text x="12" y="${top + plotH / 2}" transform="rotate(-90 12 ${top + plotH / 2})" text-anchor="middle">MW</text>`);
  entries.forEach((e, i) => {
    let baseKw = 0;
    for (const s of SERIES) {
      const kw = seriesKw(e.load, s.key);
      if (kw > 0) {
        parts.push(
          `<rect x="${x(i)}" y="${y(baseKw + kw)}" width="${barW}" height="${(Number(y(baseKw)) - Number(y(baseKw + kw))).toFixed(1)}" fill="${s.color}"><title>${escapeXml(`${e.label || 'planned'}: ${s.name} ${mw(kw)} MW`)}</title></rect>`,
        );
      }
      baseKw += kw;
    }
    parts.push(`<text x="${x(i) + barW / 2}" y="${top + plotH + 16}" text-anchor="middle">${escapeXml(shortLabel(e.label))}</text>`);
  });
  const step = (pick: (e: TimelineChartEntry) => number) =>
    entries.map((e, i) => `${i === 0 ? 'M' : 'L'}${x(i) - gap / 2} ${y(pick(e))} L${x(i) + barW + gap / 2} ${y(pick(e))}`).join(' ');
  parts.push(`<path d="${step((e) => e.capacityKw)}" fill="none" stroke="#d62728" stroke-width="2"/>`);
  parts.push(`<path d="${step((e) => e.interconnectLimitKw)}" fill="none" stroke="#9467bd" stroke-width="2" stroke-dasharray="6 4"/>`);
  const legend = [...SERIES.map((s) => ({ name: s.name, color: s.color, line: false })), { name: 'bus capacity', color: '#d62728', line: true }, { name: 'interconnect', color: '#9467bd', line: true }];
  legend.forEach((l, i) => {
    const lx = x(entries.length) + 10;
    const ly = top + i * 18;
    parts.push(
      l.line
        ? `<line x1="${lx}" y1="${ly + 5}" x2="${lx + 14}" y2="${ly + 5}" stroke="${l.color}" stroke-width="2"/>`
        : `<rect x="${lx}" y="${ly}" width="14" height="10" fill="${l.color}"/>`,
      `<text x="${lx + 20}" y="${ly + 9}">${escapeXml(l.name)}</text>`,
    );
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
