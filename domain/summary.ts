/**
 * The plain-text power-budget summary printed by `cdktf synth` (one block per site).
 */
import type { CampusEvaluation } from './evaluate';
import { formatPercent, KW_PER_MW, round } from './units';

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

export function renderSummary(evaluation: CampusEvaluation): string {
  const { budget, failures, warnings } = evaluation;
  const { campus, site } = budget;
  const header = ['', 'scenario', 'capacity MW', 'firm IT', 'interr. IT', 'cooling', 'aux', 'load MW', 'headroom MW', 'util'];
  const rows: string[][] = [header];
  for (const bus of budget.buses) {
    for (const s of bus.scenarios) {
      rows.push([
        `bus ${bus.bus.name}`,
        s.label,
        mw(s.capacityKw),
        mw(s.load.firmItKw),
        mw(s.load.interruptibleItKw),
        mw(s.load.coolingKw),
        mw(s.load.auxiliaryKw),
        mw(s.load.totalKw),
        mw(s.headroomKw),
        pct(s.utilization),
      ]);
    }
  }
  rows.push(['site', 'grid import', mw(site.interconnectLimitKw), '', '', '', '', mw(site.gridImportKw), mw(site.headroomKw), pct(site.utilization)]);
  const status = failures.length > 0 ? `FAIL (${failures.length} failed)` : warnings.length > 0 ? `OK with ${warnings.length} warning(s)` : 'OK';
  const lines = [
    `Power budget: ${campus.name} (${campus.gridRegion}, interconnect ${mw(site.interconnectLimitKw)} MW): ${status}`,
    ...table(rows, [false, false, true, true, true, true, true, true, true, true]).map((l) => `  ${l}`),
    ...[...failures, ...warnings].map((r) => `  ${r.status === 'fail' ? 'FAIL' : 'WARN'} [${r.path}] ${r.message}`),
  ];
  return `${lines.join('\n')}\n`;
}
