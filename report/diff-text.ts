/**
 * `campus diff` in the terminal (the default format): the summary, then per changed site its
 * figures, checks, hardware and a table of changed bus scenarios.
 */
import type { CheckTransition } from './check-diff';
import type { CampusDiff, ScenarioDiff, SiteDiff } from './diff';
import { summaryLine } from './diff-summary';
import { mw, pct, signedMwCell, signedPoints } from './format';
import { textTable } from './text-table';
import { changedFindingLine, findingLine } from './rules-findings';

const TRANSITION_WORDS: Record<CheckTransition, string> = {
  'newly-fails': 'NEWLY FAILS',
  'newly-warns': 'NEWLY WARNS',
  'newly-passes': 'NEWLY PASSES',
};

/**
 * The row label of a scenario: head's label (base's when head does not have it), and base's too
 * when the two were paired across format versions under different labels.
 */
export function scenarioLabel(s: ScenarioDiff): string {
  const label = (s.head ?? s.base)!.label;
  return s.pairedBy && s.base && s.head && s.base.label !== s.head.label ? `${label} (base: ${s.base.label})` : label;
}

/** For a site whose base and head files differ in formatVersion: how their scenarios were paired. */
export function formatVersionNote(site: SiteDiff): string | undefined {
  const v = site.formatVersions;
  if (!v) return undefined;
  return (
    `base is power-budget.json formatVersion ${v.base}, head formatVersion ${v.head}: version 1 lists one contingency per bus, ` +
    `paired with the loss of the same feeds (or, where it names none, the worst loss of the bus); contingencies without a counterpart show "-"`
  );
}

/** A difference only when the scenario is on both sides; "-" otherwise (there is nothing to compare). */
function deltaCell(s: ScenarioDiff, cell: (base: NonNullable<ScenarioDiff['base']>, head: NonNullable<ScenarioDiff['head']>) => string): string {
  return s.base && s.head ? cell(s.base, s.head) : '-';
}

function siteLines(site: SiteDiff): string[] {
  const h = site.head;
  const b = site.base;
  const status = b && h && b.status !== h.status ? `${b.status} -> ${h.status}` : (h ?? b)!.status;
  const lines = [
    `${site.site}: ${site.change}, ${status}; grid import ${h ? mw(h.gridImportKw) : '-'} MW (${signedMwCell((h?.gridImportKw ?? 0) - (b?.gridImportKw ?? 0))}), ` +
      `headroom ${h ? mw(h.headroomKw) : '-'} MW (${signedMwCell((h?.headroomKw ?? 0) - (b?.headroomKw ?? 0))}), ` +
      `utilization ${h ? pct(h.utilization) : '-'} (${signedPoints(b?.utilization ?? 0, h?.utilization ?? 0)})`,
  ];
  const note = formatVersionNote(site);
  if (note) lines.push(`  note: ${note}`);
  for (const c of site.checks) lines.push(`  ${TRANSITION_WORDS[c.transition]} [${c.path}] ${c.headStatus === 'absent' ? 'no longer checked' : c.message}`);
  for (const change of site.hardware) lines.push(`  ${change.text}`);
  for (const f of site.rules?.appeared ?? []) lines.push(`  RULE FINDING APPEARS: ${findingLine(f)}`);
  for (const f of site.rules?.disappeared ?? []) lines.push(`  RULE FINDING GONE: ${findingLine(f)}`);
  for (const c of site.rules?.changed ?? []) lines.push(`  RULE FINDING CHANGED: ${changedFindingLine(c)}`);
  const rows = [['bus', 'scenario', 'capacity MW', 'load MW', 'Δ load', 'headroom MW', 'Δ headroom', 'util', 'Δ util']];
  for (const bus of site.buses.filter((x) => x.change !== 'unchanged')) {
    for (const s of bus.scenarios) {
      rows.push([
        `${bus.bus}${bus.change === 'changed' ? '' : ` (${bus.change})`}`,
        scenarioLabel(s),
        s.head ? mw(s.head.capacityKw) : '-',
        s.head ? mw(s.head.totalKw) : '-',
        deltaCell(s, (b, h) => signedMwCell(h.totalKw - b.totalKw)),
        s.head ? mw(s.head.headroomKw) : '-',
        deltaCell(s, (b, h) => signedMwCell(h.headroomKw - b.headroomKw)),
        s.head ? pct(s.head.utilization) : '-',
        deltaCell(s, (b, h) => signedPoints(b.utilization, h.utilization)),
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
