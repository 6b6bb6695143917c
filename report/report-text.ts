/**
 * `campus report` as a terminal table (the default format).
 */
import { OTHER_LOAD_HEADER, loadCells } from './load-cells';
import { mw, pct } from './format';
import type { CampusReport, SiteReport } from './report';
import { textTable } from './text-table';
import { findingLine, rulesSummaryLine } from './rules-findings';

const HEADER = ['bus', 'redundancy', 'scenario', 'capacity MW', 'firm IT MW', 'interr. IT MW', 'cooling MW', `${OTHER_LOAD_HEADER} MW`, 'load MW', 'headroom MW', 'util'];
const RIGHT = [false, false, false, true, true, true, true, true, true, true, true];

/** One line: "ercot-300 (ERCOT): pass; grid import 255.88 of 300.00 MW, headroom 44.12 MW, 85.3%". */
export function siteHeadline(site: SiteReport): string {
  return (
    `${site.site} (${site.gridRegion})${site.asOf ? ` at ${site.asOf}` : ''}: ${site.status}; grid import ${mw(site.gridImportKw)} of ${mw(site.interconnectLimitKw)} MW ` +
    `interconnect, headroom ${mw(site.headroomKw)} MW, utilization ${pct(site.utilization)}`
  );
}

const TIMELINE_HEADER = ['date', 'capacity MW', 'firm IT MW', 'interr. IT MW', 'cooling MW', `${OTHER_LOAD_HEADER} MW`, 'load MW', 'grid MW', 'interconnect MW', 'status'];
const TIMELINE_RIGHT = [false, true, true, true, true, true, true, true, true, false];

/** The timeline rows of a site with phases (header first); shared with the Markdown report. */
export function timelineRows(site: SiteReport): string[][] {
  return [
    TIMELINE_HEADER,
    ...site.timeline.map((t) => [
      t.label,
      mw(t.capacityKw),
      ...loadCells(t.load, mw),
      mw(t.gridImportKw),
      mw(t.interconnectLimitKw),
      t.status,
    ]),
  ];
}

/** The per-pod cap rows of a site with power-capped pods (header first); shared with the Markdown report. */
export function cappedPodRows(site: SiteReport): string[][] {
  return [
    ['pod', 'mode', 'priority', 'cap W', 'kW', 'TH/s', 'note'],
    ...site.cappedPods.map((p) => [p.pod, p.mode, String(p.priority), p.capW.toFixed(0), p.itKw.toFixed(1), p.hashrateThs.toFixed(1), p.offReason ?? '']),
  ];
}

/** The heading of the site-scenario table. */
export const SITE_SCENARIO_TITLE = 'site interconnect, normal and on loss of on-site generation (interruptible load shed)';

/** The site's grid import per scenario (header first), when a loss removes on-site generation; shared with the Markdown report. */
export function siteScenarioRows(site: SiteReport): string[][] {
  return [
    ['scenario', 'load MW', 'generation MW', 'grid import MW', 'headroom MW', 'util'],
    ...site.siteScenarios.map((s) => [s.label, mw(s.totalLoadKw), mw(s.generationKw), mw(s.gridImportKw), mw(s.headroomKw), pct(s.utilization)]),
  ];
}

export const SITE_SCENARIO_RIGHT = [false, true, true, true, true, true];

/** "... and 3 more generation-loss scenarios, none with more grid import (see power-budget.json)". */
export function siteScenariosOmittedNote(site: SiteReport): string {
  const n = site.siteScenariosOmitted;
  return `... and ${n} more generation-loss scenario${n === 1 ? '' : 's'}, none with more grid import (see power-budget.json)`;
}

function siteBlock(site: SiteReport): string[] {
  const rows = [HEADER];
  for (const bus of site.buses) {
    for (const s of bus.scenarios) {
      rows.push([
        bus.bus,
        bus.redundancy,
        s.label,
        mw(s.capacityKw),
        ...loadCells(s.load, mw),
        mw(s.headroomKw),
        pct(s.utilization),
      ]);
    }
  }
  return [
    siteHeadline(site),
    ...textTable(rows, RIGHT).map((l) => `  ${l}`),
    ...(site.siteScenarios.length > 0
      ? [
          `  ${SITE_SCENARIO_TITLE}:`,
          ...textTable(siteScenarioRows(site), SITE_SCENARIO_RIGHT).map((l) => `    ${l}`),
          ...(site.siteScenariosOmitted > 0 ? [`    ${siteScenariosOmittedNote(site)}`] : []),
        ]
      : []),
    ...(site.timeline.length > 0 ? ['  timeline (site totals, normal operation):', ...textTable(timelineRows(site), TIMELINE_RIGHT).map((l) => `    ${l}`)] : []),
    ...(site.cappedPods.length > 0
      ? ['  mining caps:', ...textTable(cappedPodRows(site), [false, false, true, true, true, true, false]).map((l) => `    ${l}`)]
      : []),
    ...site.findings.map((c) => `  ${c.status.toUpperCase()} [${c.path}] ${c.message}`),
    ...(site.rules
      ? [
          `  ${rulesSummaryLine(site.rules)}`,
          ...site.rules.findings.map((f) => `    ${findingLine(f)}`),
          ...site.rules.suppressionProblems.map((p) => `    BAD SUPPRESSION [${p.path}] ${p.message}`),
        ]
      : []),
  ];
}

/** The whole report: one block per site, separated by a blank line. */
export function renderReportText(report: CampusReport): string {
  return `${report.sites.map((s) => siteBlock(s).join('\n')).join('\n\n')}\n`;
}
