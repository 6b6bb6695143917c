/**
 * The data of `campus report`: per site, per bus and scenario, capacity, load by class,
 * headroom and utilization, plus the checks that do not pass. Also the `--format json` document.
 */
import type { CheckResult, LoadByClass, PowerBudget, SiteScenario } from './budget-schema';
import { siteChecks } from './site-checks';
import { rulesOf, type SiteRules } from './rules-findings';

export const REPORT_FORMAT = 'hybrid-campus/power-budget-report';
/**
 * Version 2: a bus may list several contingencies (one per loss), each with its `id`; look
 * scenarios up by `id`, not by kind.
 */
export const REPORT_FORMAT_VERSION = 2;

export interface ScenarioRow {
  readonly scenario: 'normal' | 'contingency';
  /** Stable on its bus: "normal", "lose-feed:xfmr-1", "lose-side:A"; a version-1 file's is its kind. */
  readonly id: string;
  readonly label: string;
  readonly capacityKw: number;
  readonly load: LoadByClass;
  readonly headroomKw: number;
  readonly utilization: number | null;
}

export interface BusReport {
  readonly bus: string;
  readonly redundancy: string;
  readonly scenarios: readonly ScenarioRow[];
}

export interface SiteReport {
  readonly site: string;
  readonly gridRegion: string;
  readonly status: 'pass' | 'warn' | 'fail';
  readonly interconnectLimitKw: number;
  readonly gridImportKw: number;
  readonly generationOffsetKw: number;
  readonly headroomKw: number;
  readonly utilization: number | null;
  readonly buses: readonly BusReport[];
  /**
   * Checks that warn or fail, in the file's order (check order, then subject). For a campus with
   * a timeline, those of every date, in time order, each message naming its date.
   */
  readonly findings: readonly CheckResult[];
  /** The chosen month the top level describes, if the site was synthesized for one. */
  readonly asOf: string | null;
  /** One row per state, for a campus with more than one (phases); empty otherwise. */
  readonly timeline: readonly TimelineRow[];
  /** One row per power-capped pod (auto or fixed), in the state the file's top level describes. */
  readonly cappedPods: readonly CappedPodRow[];
  /**
   * The site's grid import in normal operation and in the loss scenarios that lose on-site
   * generation (the only losses that can raise it: every other loss only sheds load), worst
   * first, at most SITE_SCENARIO_LIMIT of them; empty when none loses generation or the file
   * does not list site scenarios (version 1).
   */
  readonly siteScenarios: readonly SiteScenarioRow[];
  /** Generation-loss scenarios left out of `siteScenarios` (beyond the limit). */
  readonly siteScenariosOmitted: number;
  /** The rule findings, suppressed ones with their reasons, when the site has a rules.json (rule packs enabled). */
  readonly rules?: SiteRules;
}

export interface SiteScenarioRow {
  readonly id: string;
  readonly label: string;
  readonly totalLoadKw: number;
  readonly generationKw: number;
  readonly gridImportKw: number;
  readonly headroomKw: number;
  readonly utilization: number | null;
}

/** Generation-loss rows shown per site; the rest are counted in `siteScenariosOmitted`. */
export const SITE_SCENARIO_LIMIT = 5;

export interface CappedPodRow {
  readonly pod: string;
  readonly mode: 'auto' | 'fixed';
  readonly priority: number;
  readonly capW: number;
  readonly itKw: number;
  readonly hashrateThs: number;
  readonly offReason?: string;
}

export interface TimelineRow {
  readonly label: string;
  readonly status: 'pass' | 'warn' | 'fail';
  readonly capacityKw: number;
  readonly load: LoadByClass;
  readonly gridImportKw: number;
  readonly interconnectLimitKw: number;
}

export interface CampusReport {
  readonly format: typeof REPORT_FORMAT;
  readonly formatVersion: typeof REPORT_FORMAT_VERSION;
  readonly sites: readonly SiteReport[];
}

function byKey<T>(key: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}

/** Normal operation first, then the contingencies (a stable sort keeps their file order). */
export function scenarioOrder(scenario: 'normal' | 'contingency'): number {
  return scenario === 'normal' ? 0 : 1;
}

/** Load by class in the file's order (a version-1 file's, normalized, has the same keys). */
function loadByClass(load: LoadByClass): LoadByClass {
  return {
    firmItKw: load.firmItKw,
    interruptibleItKw: load.interruptibleItKw,
    grossKw: load.grossKw,
    coolingKw: load.coolingKw,
    overheadKw: load.overheadKw,
    auxiliaryKw: load.auxiliaryKw,
    totalKw: load.totalKw,
  };
}

function siteScenarioRow(s: SiteScenario): SiteScenarioRow {
  return {
    id: s.id,
    label: s.label,
    totalLoadKw: s.totalLoadKw,
    generationKw: s.generationKw,
    gridImportKw: s.gridImportKw,
    headroomKw: s.headroomKw,
    utilization: s.utilization,
  };
}

/**
 * Normal operation and the loss scenarios that leave less on-site generation than normal, most
 * grid import first (ties by id), capped at SITE_SCENARIO_LIMIT.
 */
export function generationLossScenarios(budget: PowerBudget): { readonly rows: SiteScenarioRow[]; readonly omitted: number } {
  const normal = budget.scenarios.find((s) => s.kind === 'normal');
  if (!normal) return { rows: [], omitted: 0 };
  const losses = budget.scenarios
    .filter((s) => s.kind === 'contingency' && s.generationKw < normal.generationKw)
    .sort((a, b) => b.gridImportKw - a.gridImportKw || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (losses.length === 0) return { rows: [], omitted: 0 };
  const shown = losses.slice(0, SITE_SCENARIO_LIMIT);
  return { rows: [normal, ...shown].map(siteScenarioRow), omitted: losses.length - shown.length };
}

/**
 * One site's report from its power budget; buses sorted by name, scenarios normal first, then
 * every contingency in the file's order (version 2 lists one per loss event).
 */
export function siteReport(budget: PowerBudget): SiteReport {
  const { site } = budget;
  const timeline = budget.timeline ?? [];
  const siteScenarios = generationLossScenarios(budget);
  return {
    site: site.name,
    gridRegion: site.gridRegion,
    status: budget.status,
    interconnectLimitKw: site.interconnectLimitKw,
    gridImportKw: site.gridImportKw,
    generationOffsetKw: site.generationOffsetKw,
    headroomKw: site.headroomKw,
    utilization: site.utilization,
    buses: [...budget.buses].sort(byKey((b) => b.name)).map((b) => ({
      bus: b.name,
      redundancy: b.redundancy,
      scenarios: [...b.scenarios]
        .sort((x, y) => scenarioOrder(x.scenario) - scenarioOrder(y.scenario))
        .map((s) => ({
          scenario: s.scenario,
          id: s.id,
          label: s.label,
          capacityKw: s.capacityKw,
          load: loadByClass(s.load),
          headroomKw: s.headroomKw,
          utilization: s.utilization,
        })),
    })),
    findings: siteChecks(budget).filter((c) => c.status !== 'pass').map(
      (c) => ({ check: c.check, status: c.status, subject: c.subject, path: c.path, ...(c.scenario ? { scenario: c.scenario } : {}), message: c.message }),
    ),
    asOf: budget.asOf ?? null,
    cappedPods: budget.loads.miningPods
      .filter((p) => p.capMode === 'auto' || p.capMode === 'fixed')
      .map((p) => ({
        pod: p.name,
        mode: p.capMode as 'auto' | 'fixed',
        priority: p.priority ?? 0,
        capW: p.capW ?? 0,
        itKw: p.itKw,
        hashrateThs: p.hashrateThs ?? 0,
        ...(p.offReason ? { offReason: p.offReason } : {}),
      })),
    timeline:
      timeline.length > 1
        ? timeline.map((t) => ({
            label: t.label,
            status: t.status,
            capacityKw: t.capacityKw,
            load: loadByClass(t.load),
            gridImportKw: t.gridImportKw,
            interconnectLimitKw: t.interconnectLimitKw,
          }))
        : [],
    siteScenarios: siteScenarios.rows,
    siteScenariosOmitted: siteScenarios.omitted,
    ...(rulesOf(budget) ? { rules: rulesOf(budget) } : {}),
  };
}

/** The report over every site, sorted by site name. */
export function buildReport(budgets: readonly PowerBudget[]): CampusReport {
  return {
    format: REPORT_FORMAT,
    formatVersion: REPORT_FORMAT_VERSION,
    sites: budgets.map(siteReport).sort(byKey((s) => s.site)),
  };
}

/** `--format json`: two-space JSON with a final newline. */
export function renderReportJson(report: CampusReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
