/**
 * `campus diff --format md`: a pull-request comment.
 *
 * Layout: a hidden marker (first line, so a workflow can find and update its own comment), a
 * one-line summary, a table of changed sites, the checks that newly fail / warn / pass, the
 * hardware and load changes, and a collapsible <details> section per changed bus. The whole
 * comment stays within GitHub's 65,536-character limit: lists are capped, and bus details that
 * do not fit are left out with a note saying how many.
 */
import { OTHER_LOAD_HEADER, loadCells } from './load-cells';
import type { CheckChange, CheckTransition } from './check-diff';
import type { BusDiff, CampusDiff, ScenarioFigures, SiteDiff, SiteFigures } from './diff';
import { summaryLine } from './diff-summary';
import { formatVersionNote, scenarioLabel } from './diff-text';
import { fixed, mw, pct, signedMwCell, signedPoints } from './format';
import { escapeCell, markdownTable } from './markdown-table';
import { statusBadge } from './status-badge';
import { changedFindingLine, findingLine } from './rules-findings';

/** The hidden first line of every diff comment. */
export const DIFF_MARKER = '<!-- hybrid-campus:power-budget-diff -->';

/** GitHub's maximum comment body, in characters. */
export const GITHUB_COMMENT_LIMIT = 65_536;

/** Items shown per list (checks of one kind, hardware changes) before "... and N more". */
export const LIST_LIMIT = 50;

const TRANSITION_TITLES: Record<CheckTransition, string> = {
  'newly-fails': '❌ Checks that newly fail',
  'newly-warns': '⚠️ Checks that newly warn',
  'newly-passes': '✅ Checks that newly pass',
};

function capped(items: readonly string[]): string[] {
  if (items.length <= LIST_LIMIT) return [...items];
  return [...items.slice(0, LIST_LIMIT), `- ... and ${items.length - LIST_LIMIT} more (run \`campus diff\` locally for the full list)`];
}

function statusCell(site: SiteDiff): string {
  if (site.base && site.head) {
    return site.base.status === site.head.status ? statusBadge(site.head.status) : `${statusBadge(site.base.status)} → ${statusBadge(site.head.status)}`;
  }
  return site.head ? statusBadge(site.head.status) : 'removed';
}

function pair(site: SiteDiff, value: (f: SiteFigures) => number): [string, string] {
  const h = site.head ? value(site.head) : 0;
  const b = site.base ? value(site.base) : 0;
  return [site.head ? mw(h) : '-', signedMwCell(h - b)];
}

function siteTable(sites: readonly SiteDiff[]): string[] {
  const rows = sites.map((s) => [
    escapeCell(s.site),
    s.change,
    statusCell(s),
    ...pair(s, (f) => f.totalLoadKw),
    ...pair(s, (f) => f.gridImportKw),
    ...pair(s, (f) => f.headroomKw),
    s.head ? pct(s.head.utilization) : '-',
    signedPoints(s.base?.utilization ?? 0, s.head?.utilization ?? 0),
  ]);
  const header = ['site', 'change', 'status', 'load MW', 'Δ load', 'grid import MW', 'Δ import', 'headroom MW', 'Δ headroom', 'utilization', 'Δ util'];
  return markdownTable(header, rows, [false, false, false, true, true, true, true, true, true, true, true], [true, false, true]);
}

function checkLine(site: string, c: CheckChange): string {
  const scenario = c.scenario ? ` (${c.scenario})` : '';
  const was = c.baseStatus === 'absent' ? 'new' : `was ${c.baseStatus}`;
  const now = c.headStatus === 'absent' ? 'no longer checked' : escapeCell(c.message);
  return `- **${escapeCell(site)}** \`${c.path}\` ${c.check}${scenario}, ${was}: ${now}`;
}

function checkSections(sites: readonly SiteDiff[]): string[] {
  return (['newly-fails', 'newly-warns', 'newly-passes'] as const).flatMap((transition) => {
    const lines = sites.flatMap((s) => s.checks.filter((c) => c.transition === transition).map((c) => checkLine(s.site, c)));
    return lines.length === 0 ? [] : ['', `#### ${TRANSITION_TITLES[transition]}`, '', ...capped(lines)];
  });
}

function rulesSection(sites: readonly SiteDiff[]): string[] {
  const lines = sites.flatMap((s) => [
    ...(s.rules?.appeared ?? []).map((f) => `- **${escapeCell(s.site)}** appears: ${escapeCell(findingLine(f))}`),
    ...(s.rules?.disappeared ?? []).map((f) => `- **${escapeCell(s.site)}** gone: ${escapeCell(findingLine(f))}`),
    ...(s.rules?.changed ?? []).map((c) => `- **${escapeCell(s.site)}** changed: ${escapeCell(changedFindingLine(c))}`),
  ]);
  return lines.length === 0 ? [] : ['', '#### Rule findings', '', ...capped(lines)];
}

function hardwareSection(sites: readonly SiteDiff[]): string[] {
  const lines = sites.flatMap((s) => s.hardware.map((h) => `- **${escapeCell(s.site)}**: ${escapeCell(h.text)}`));
  return lines.length === 0 ? [] : ['', '#### Hardware and loads', '', ...capped(lines)];
}

function figureCells(f: ScenarioFigures | undefined): string[] {
  if (!f) return ['-', '-', '-', '-', '-', '-', '-', '-'];
  return [mw(f.capacityKw), ...loadCells(f, mw), mw(f.headroomKw), pct(f.utilization)];
}

/** The fourth load column, as loadCells sums it: auxiliary, facility overhead and gross blocks. */
function otherKw(f: ScenarioFigures): number {
  return f.auxiliaryKw + f.overheadKw + f.grossKw;
}

/** Head minus base, or "-" in every cell when the scenario is on one side only (nothing to compare). */
function deltaCells(b: ScenarioFigures | undefined, h: ScenarioFigures | undefined): string[] {
  if (!b || !h) return ['-', '-', '-', '-', '-', '-', '-', '-'];
  const d = (value: (f: ScenarioFigures) => number) => signedMwCell(value(h) - value(b));
  return [
    d((f) => f.capacityKw),
    d((f) => f.firmItKw),
    d((f) => f.interruptibleItKw),
    d((f) => f.coolingKw),
    d(otherKw),
    d((f) => f.totalKw),
    d((f) => f.headroomKw),
    signedPoints(b.utilization, h.utilization),
  ];
}

/** Scenarios named in a bus's one-line summary before "and N more". */
const SUMMARY_SCENARIOS = 4;

/** "normal -3.20 MW, lose xfmr-1 -3.20 MW, lose xfmr-2 new"; a scenario on one side only is "new" or "gone". */
function headroomSummary(bus: BusDiff): string {
  const more = bus.scenarios.length - SUMMARY_SCENARIOS;
  const parts = bus.scenarios
    .slice(0, SUMMARY_SCENARIOS)
    .map((s) => {
      const label = (s.head ?? s.base)!.label;
      if (!s.base) return `${label} new`;
      if (!s.head) return `${label} gone`;
      return `${label} ${signedMwCell(s.head.headroomKw - s.base.headroomKw)} MW`;
    });
  return [...parts, ...(more > 0 ? [`and ${more} more`] : [])].join(', ');
}

/** One line per site whose base and head differ in formatVersion. */
function formatVersionNotes(sites: readonly SiteDiff[]): string[] {
  const lines = sites.flatMap((s) => {
    const note = formatVersionNote(s);
    return note ? [`_**${escapeCell(s.site)}**: ${escapeCell(note)}._`] : [];
  });
  return lines.length === 0 ? [] : ['', ...lines];
}

/** One collapsible section: base, head and delta rows per scenario. */
export function busDetails(site: string, bus: BusDiff): string {
  const redundancy = bus.redundancy.base && bus.redundancy.head && bus.redundancy.base !== bus.redundancy.head
    ? `${bus.redundancy.base} → ${bus.redundancy.head}`
    : (bus.redundancy.head ?? bus.redundancy.base)!;
  const header = ['scenario', '', 'capacity MW', 'firm IT MW', 'interr. IT MW', 'cooling MW', `${OTHER_LOAD_HEADER} MW`, 'load MW', 'headroom MW', 'util'];
  const rows = bus.scenarios.flatMap((s) => [
    [scenarioLabel(s), 'base', ...figureCells(s.base)],
    ['', 'head', ...figureCells(s.head)],
    ['', 'Δ', ...deltaCells(s.base, s.head)],
  ]);
  return [
    `<details><summary><b>${escapeCell(site)} / ${escapeCell(bus.bus)}</b> (${escapeCell(redundancy)}, ${bus.change}): headroom ${escapeCell(headroomSummary(bus))}</summary>`,
    '',
    ...markdownTable(header, rows, [false, false, true, true, true, true, true, true, true, true]),
    '',
    '</details>',
  ].join('\n');
}

function omittedNote(omitted: number, total: number): string {
  return `_${omitted} of ${total} bus details left out to stay under GitHub's ${fixed(GITHUB_COMMENT_LIMIT, 0)}-character comment limit; run \`campus diff\` locally for all of them._`;
}

/** Cuts text at a line boundary so that it, plus `note`, fits in `maxChars`. */
function cutToFit(text: string, note: string, maxChars: number): string {
  const room = maxChars - note.length - 2;
  const cut = text.slice(0, Math.max(0, room));
  const lastBreak = cut.lastIndexOf('\n');
  return `${lastBreak > 0 ? cut.slice(0, lastBreak) : cut}\n\n${note}`;
}

/** The comment body; at most `maxChars` characters (GitHub's limit by default). */
export function renderDiffMarkdown(diff: CampusDiff, maxChars = GITHUB_COMMENT_LIMIT): string {
  const changed = diff.sites.filter((s) => s.change !== 'unchanged');
  const head = [DIFF_MARKER, '## Power budget diff', '', `**${escapeCell(summaryLine(diff))}**`];
  if (changed.length > 0) head.push('', ...siteTable(changed), ...formatVersionNotes(changed), ...checkSections(changed), ...rulesSection(changed), ...hardwareSection(changed));
  const details = changed.flatMap((s) => s.buses.filter((b) => b.change !== 'unchanged').map((b) => busDetails(s.site, b)));
  let body = `${head.join('\n')}\n`;
  if (details.length > 0) body += '\n#### Per bus\n';
  let shown = 0;
  for (const section of details) {
    const reserve = shown + 1 < details.length ? omittedNote(details.length, details.length).length + 2 : 0;
    if (body.length + section.length + 2 + reserve > maxChars) break;
    body += `\n${section}\n`;
    shown += 1;
  }
  if (shown < details.length) body += `\n${omittedNote(details.length - shown, details.length)}\n`;
  if (body.length > maxChars) body = `${cutToFit(body, '_Comment cut to stay under GitHub\'s comment limit; run `campus diff` locally for the full diff._', maxChars - 1)}\n`;
  return body;
}
