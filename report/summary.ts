/**
 * The plain-text power-budget summary printed by `cdktf synth` (one block per site).
 */
import { generatorLosses, leastHeadroom } from '../domain/budget';
import { campusEconomics, podFigures } from '../domain/economics';
import type { MiningPodModel } from '../domain/model';
import { OTHER_LOAD_HEADER, loadCells, sumLoads } from './load-cells';
import { firstOccurrences, type TimelineEvaluation } from '../domain/evaluate';
import { formatPercent, KW_PER_MW, round } from '../domain/units';

function mw(kw: number): string {
  return round(kw / KW_PER_MW, 2).toFixed(2);
}

function pct(fraction: number): string {
  return Number.isFinite(fraction) ? formatPercent(fraction) : 'n/a';
}

function table(rows: readonly (readonly string[])[], rightAligned: readonly boolean[]): string[] {
  const widths = rows[0].map((_, col) => Math.max(...rows.map((r) => r[col].length)));
  return rows.map((r) =>
    r
      .map((cell, col) => (rightAligned[col] ? cell.padStart(widths[col]) : cell.padEnd(widths[col])))
      .join('  ')
      .trimEnd(),
  );
}

/** One row per state of the timeline: site load by class against bus capacity. */
function timelineRows(timeline: TimelineEvaluation): string[] {
  const inputs = timeline.campus.economics;
  const money = (usdPerDay: number | undefined) => (usdPerDay === undefined ? '' : ((usdPerDay * 365) / 1e6).toFixed(1));
  const rows: string[][] = [
    ['', 'capacity MW', 'firm IT', 'interr. IT', 'cooling', OTHER_LOAD_HEADER, 'load MW', 'grid MW', ...(inputs ? ['mining $M/yr', 'AI $M/yr'] : []), 'status'],
  ];
  for (const { point, evaluation } of timeline.states) {
    const buses = evaluation.budget.buses;
    rows.push([
      point.label,
      mw(buses.reduce((t, b) => t + b.usableKw, 0)),
      ...loadCells(sumLoads(buses.map((b) => b.scenarios[0].load)), mw),
      mw(evaluation.budget.site.gridImportKw),
      ...(inputs
        ? (() => {
            const e = campusEconomics(evaluation.budget, inputs);
            return [money(e.mining?.revenueUsdPerDay), money(e.ai?.revenueUsdPerDay)];
          })()
        : []),
      evaluation.failures.length > 0 ? 'FAIL' : evaluation.warnings.length > 0 ? 'warn' : 'ok',
    ]);
  }
  return table(rows, [false, ...rows[0].slice(1, -1).map(() => true), false]);
}

/** For campuses with auto-capped pods: one line per state on the headroom mining uses. */
function miningLines(timeline: TimelineEvaluation): string[] {
  return timeline.states.flatMap(({ point, evaluation }) => {
    const allocation = evaluation.budget.allocation;
    const auto = allocation?.pods.filter((p) => p.mode === 'auto') ?? [];
    if (!allocation || auto.length === 0) return [];
    const pods = evaluation.budget.loads.filter((l): l is MiningPodModel => l.kind === 'mining-pod');
    const phs = pods.reduce((t, p) => t + podFigures(evaluation.budget, p).hashrateThs, 0) / 1000;
    const off = auto.filter((p) => p.offReason).length;
    return [
      `  mining${point.label ? ` ${point.label}` : ''}: ${mw(allocation.miningPowerKw)} MW of ${mw(allocation.headroomKw)} MW headroom used by ` +
        `${auto.length} auto-capped pod${auto.length === 1 ? '' : 's'}${off > 0 ? ` (${off} off)` : ''}; ${phs.toFixed(1)} PH/s in all`,
    ];
  });
}

export function renderSummary(timeline: TimelineEvaluation): string {
  const { budget } = timeline.current;
  const failures = firstOccurrences(timeline.failures);
  const warnings = firstOccurrences(timeline.warnings);
  const { campus, site } = budget;
  const header = ['', 'scenario', 'capacity MW', 'firm IT', 'interr. IT', 'cooling', OTHER_LOAD_HEADER, 'load MW', 'headroom MW', 'util'];
  const rows: string[][] = [header];
  // Normal operation and the worst loss of each bus; power-budget.json lists every scenario.
  for (const bus of budget.buses) {
    const worst = leastHeadroom(bus.scenarios.filter((s) => s.scenario === 'contingency'));
    for (const s of [bus.scenarios[0], ...(worst ? [worst] : [])]) {
      rows.push([
        `bus ${bus.bus.name}`,
        s.label,
        mw(s.capacityKw),
        ...loadCells(s.load, mw),
        mw(s.headroomKw),
        pct(s.utilization),
      ]);
    }
  }
  rows.push(['site', 'grid import', mw(site.interconnectLimitKw), '', '', '', '', mw(site.gridImportKw), mw(site.headroomKw), pct(site.utilization)]);
  const w = leastHeadroom(generatorLosses(site));
  if (w !== undefined) {
    rows.push(['site', `grid import, ${w.scenario.label}`, mw(site.interconnectLimitKw), '', '', '', '', mw(w.gridImportKw), mw(w.headroomKw), pct(w.utilization)]);
  }
  const status = failures.length > 0 ? `FAIL (${failures.length} failed)` : warnings.length > 0 ? `OK with ${warnings.length} warning(s)` : 'OK';
  const dated = timeline.states.length > 1 || timeline.asOf !== undefined;
  const scope = timeline.asOf !== undefined ? `, at ${timeline.asOf}` : dated ? `, ${timeline.states[timeline.states.length - 1].point.label}` : '';
  const lines = [
    `Power budget: ${campus.name} (${campus.gridRegion}, interconnect ${mw(site.interconnectLimitKw)} MW${scope}): ${status}`,
    ...table(rows, [false, false, true, true, true, true, true, true, true, true]).map((l) => `  ${l}`),
    ...miningLines(timeline),
    ...(timeline.states.length > 1 ? ['  timeline (site totals, normal operation):', ...timelineRows(timeline).map((l) => `    ${l}`)] : []),
    ...[...failures, ...warnings].map((r) => `  ${r.status === 'fail' ? 'FAIL' : 'WARN'} [${r.path}] ${r.message}`),
  ];
  return `${lines.join('\n')}\n`;
}
