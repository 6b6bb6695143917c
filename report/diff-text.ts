/**
 * `campus diff` in the terminal (the default format): the summary, then per changed site its
 * figures, checks, hardware and a table of changed bus scenarios.
 */
import type { CheckTransition } from './check-diff';
import type { CampusDiff, SiteDiff } from './diff';
import { summaryLine } from './diff-summary';
import { mw, pct, signedMwCell, signedPoints } from './format';
import { textTable } from './text-table';

const TRANSITION_WORDS: Record<CheckTransition, string> = {
  'newly-fails': 'NEWLY FAILS',
  'newly-warns': 'NEWLY WARNS',
  'newly-passes': 'NEWLY PASSES',
};

function siteLines(site: SiteDiff): string[] {
  const h = site.head;
  const b = site.base;
  const status = b && h && b.status !== h.status ? `${b.status} -> ${h.status}` : (h ?? b)!.status;
  const lines = [
    `${site.site}: ${site.change}, ${status}; grid import ${h ? mw(h.gridImportKw) : '-'} MW (${signedMwCell((h?.gridImportKw ?? 0) - (b?.gridImportKw ?? 0))}), ` +
      `headroom ${h ? mw(h.headroomKw) : '-'} MW (${signedMwCell((h?.headroomKw ?? 0) - (b?.headroomKw ?? 0))}), ` +
      `utilization ${h ? pct(h.utilization) : '-'} (${signedPoints(b?.utilization ?? 0, h?.utilization ?? 0)})`,
  ];
  for (const c of site.checks) lines.push(`  ${TRANSITION_WORDS[c.transition]} [${c.path}] ${c.headStatus === 'absent' ? 'no longer checked' : c.message}`);
  for (const change of site.hardware) lines.push(`  ${change.text}`);
  const rows = [['bus', 'scenario', 'capacity MW', 'load MW', 'Δ load', 'headroom MW', 'Δ headroom', 'util', 'Δ util']];
  for (const bus of site.buses.filter((x) => x.change !== 'unchanged')) {
    for (const s of bus.scenarios) {
      const f = s.head ?? s.base!;
      rows.push([
        `${bus.bus}${bus.change === 'changed' ? '' : ` (${bus.change})`}`,
        f.label,
        s.head ? mw(s.head.capacityKw) : '-',
        s.head ? mw(s.head.totalKw) : '-',
        signedMwCell((s.head?.totalKw ?? 0) - (s.base?.totalKw ?? 0)),
        s.head ? mw(s.head.headroomKw) : '-',
        signedMwCell((s.head?.headroomKw ?? 0) - (s.base?.headroomKw ?? 0)),
        s.head ? pct(s.head.utilization) : '-',
        signedPoints(s.base?.utilization ?? 0, s.head?.utilization ?? 0),
      ]);
    }
  }
  if (rows.length > 1) lines.push(...textTable(rows, [false, false, true, true, true, true, true, true, true]).map((l) => `  ${l}`));
  return lines;
}

/** The diff for a terminal. */
export function renderDiffText(diff: CampusDiff): string {
  const changed = diff.sites.filter((s) => s.change !== 'unchanged');
  return `${[summaryLine(diff), ...changed.flatMap((s) => ['', ...siteLines(s)])].join('\n')}\n`;
}
