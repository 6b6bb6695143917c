/**
 * `campus report --format md`: a table per site and a Mermaid flowchart of its power.
 */
import type { PowerBudget } from './budget-schema';
import { OTHER_LOAD_HEADER, loadCells } from './load-cells';
import { mw, pct } from './format';
import { escapeCell, markdownTable } from './markdown-table';
import { mermaidFlowchart } from './mermaid';
import { siteReport, type SiteReport } from './report';
import { statusBadge } from './status-badge';
import { rulesSummaryLine } from './rules-findings';
import { SITE_SCENARIO_RIGHT, SITE_SCENARIO_TITLE, cappedPodRows, siteScenarioRows, siteScenariosOmittedNote, timelineRows } from './report-text';
import { timelineMermaid, timelineMermaidLegend } from './timeline-chart';

const HEADER = ['bus', 'scenario', 'capacity MW', 'firm IT MW', 'interr. IT MW', 'cooling MW', `${OTHER_LOAD_HEADER} MW`, 'load MW', 'headroom MW', 'util'];
const RIGHT = [false, false, true, true, true, true, true, true, true, true];

/** The scenario table of one site (also used by the diff's details). */
export function scenarioTable(site: SiteReport): string[] {
  const rows = site.buses.flatMap((bus) =>
    bus.scenarios.map((s) => [
      `${bus.bus} (${bus.redundancy})`,
      s.label,
      mw(s.capacityKw),
      ...loadCells(s.load, mw),
      mw(s.headroomKw),
      pct(s.utilization),
    ]),
  );
  return markdownTable(HEADER, rows, RIGHT);
}

function siteSection(budget: PowerBudget): string[] {
  const site = siteReport(budget);
  return [
    `### ${escapeCell(site.site)} (${escapeCell(site.gridRegion)}): ${statusBadge(site.status)}`,
    '',
    `Grid import **${mw(site.gridImportKw)} MW** of the ${mw(site.interconnectLimitKw)} MW interconnect ` +
      `(${pct(site.utilization)}); headroom ${mw(site.headroomKw)} MW.`,
    '',
    ...scenarioTable(site),
    ...siteScenarioSection(site),
    ...(site.findings.length > 0
      ? ['', ...site.findings.map((c) => `- ${statusBadge(c.status)} \`${c.path}\`: ${escapeCell(c.message)}`)]
      : []),
    '',
    '```mermaid',
    ...mermaidFlowchart(budget),
    '```',
    ...timelineSection(site),
    ...cappedPodSection(site),
    ...rulesSection(site),
  ];
}

/** For a site with rule packs: its findings, suppressed ones with their reasons. */
function rulesSection(site: SiteReport): string[] {
  if (!site.rules) return [];
  const line = (f: NonNullable<SiteReport['rules']>['findings'][number]) =>
    f.suppressed
      ? `- suppressed ${f.level} **${f.ruleId}** \`${f.path}\`: ${escapeCell(f.message)} _Reason: ${escapeCell(f.suppressed.reason)}_`
      : `- ${f.level === 'error' ? '❌ error' : '⚠️ warning'} **${f.ruleId}** \`${f.path}\`: ${escapeCell(f.message)}`;
  const summary = rulesSummaryLine(site.rules);
  return ['', '#### Rules', '', `${summary.charAt(0).toUpperCase()}${summary.slice(1)}.`, ...(site.rules.findings.length > 0 ? ['', ...site.rules.findings.map(line)] : [])];
}

/** For a site whose loss scenarios remove on-site generation: the site's grid import in each. */
function siteScenarioSection(site: SiteReport): string[] {
  if (site.siteScenarios.length === 0) return [];
  const [header, ...rows] = siteScenarioRows(site);
  const title = SITE_SCENARIO_TITLE.charAt(0).toUpperCase() + SITE_SCENARIO_TITLE.slice(1);
  return [
    '',
    `${title}:`,
    '',
    ...markdownTable(header, rows, SITE_SCENARIO_RIGHT),
    ...(site.siteScenariosOmitted > 0 ? ['', `_${escapeCell(siteScenariosOmittedNote(site))}_`] : []),
  ];
}

/** For a site with power-capped pods: a line per pod with its cap, hashrate and priority. */
function cappedPodSection(site: SiteReport): string[] {
  if (site.cappedPods.length === 0) return [];
  const [header, ...rows] = cappedPodRows(site);
  return ['', '#### Mining caps', '', ...markdownTable(header, rows, [false, false, true, true, true, true, false])];
}

/** For a site with phases: the timeline as a table and as a stacked chart. */
function timelineSection(site: SiteReport): string[] {
  if (site.timeline.length === 0) return [];
  const [header, ...rows] = timelineRows(site);
  return [
    '',
    '#### Timeline',
    '',
    ...markdownTable(header, rows, [false, true, true, true, true, true, true, true, true, false]),
    '',
    '```mermaid',
    timelineMermaid(site.timeline, `${site.site}: load against capacity (MW)`),
    '```',
    '',
    timelineMermaidLegend(),
  ];
}

/** The whole report in Markdown, sites in name order. */
export function renderReportMarkdown(budgets: readonly PowerBudget[]): string {
  const sorted = [...budgets].sort((a, b) => (a.site.name < b.site.name ? -1 : a.site.name > b.site.name ? 1 : 0));
  return `${['## Power budget', '', ...sorted.flatMap((b) => [...siteSection(b), ''])].join('\n')}`;
}
