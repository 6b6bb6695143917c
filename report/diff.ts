/**
 * `campus diff`: what changed between two synth outputs (base and head), per site.
 *
 * Sites and buses are matched by name, scenarios by kind (normal, contingency). A site is
 * "changed" when anything the reports read differs; its buses, checks and hardware say what.
 */
import type { BusBudget, CheckStatus, PowerBudget, ScenarioBudget } from './budget-schema';
import { siteChecks } from './site-checks';
import { diffChecks, type CheckChange } from './check-diff';
import { diffHardware, type LoadChange } from './hardware-diff';
import { InputError } from './input-error';
import { scenarioOrder } from './report';

export const DIFF_FORMAT = 'hybrid-campus/power-budget-diff';
export const DIFF_FORMAT_VERSION = 1;

export type Change = 'added' | 'removed' | 'changed' | 'unchanged';

/** What the diff says overall; the CLI's exit code follows from it. */
export type DiffResult = 'no-change' | 'changed' | 'check-fails';

export interface ScenarioFigures {
  readonly label: string;
  readonly capacityKw: number;
  readonly firmItKw: number;
  readonly interruptibleItKw: number;
  readonly coolingKw: number;
  readonly auxiliaryKw: number;
  readonly totalKw: number;
  readonly headroomKw: number;
  readonly utilization: number | null;
}

export interface ScenarioDiff {
  readonly scenario: 'normal' | 'contingency';
  readonly base?: ScenarioFigures;
  readonly head?: ScenarioFigures;
}

export interface BusDiff {
  readonly bus: string;
  readonly change: Change;
  readonly redundancy: { readonly base?: string; readonly head?: string };
  readonly scenarios: readonly ScenarioDiff[];
}

export interface SiteFigures {
  readonly status: CheckStatus;
  readonly interconnectLimitKw: number;
  readonly totalLoadKw: number;
  readonly gridImportKw: number;
  readonly headroomKw: number;
  readonly utilization: number | null;
  /** Sums over the buses in normal operation. */
  readonly firmItKw: number;
  readonly interruptibleItKw: number;
  /** How many check results fail. */
  readonly failingChecks: number;
}

export interface SiteDiff {
  readonly site: string;
  readonly change: Change;
  readonly base?: SiteFigures;
  readonly head?: SiteFigures;
  readonly buses: readonly BusDiff[];
  readonly checks: readonly CheckChange[];
  readonly hardware: readonly LoadChange[];
}

export interface CampusDiff {
  readonly format: typeof DIFF_FORMAT;
  readonly formatVersion: typeof DIFF_FORMAT_VERSION;
  readonly result: DiffResult;
  readonly sites: readonly SiteDiff[];
}

function figures(s: ScenarioBudget): ScenarioFigures {
  return {
    label: s.label,
    capacityKw: s.capacityKw,
    ...s.load,
    headroomKw: s.headroomKw,
    utilization: s.utilization,
  };
}

function siteFigures(b: PowerBudget): SiteFigures {
  const normal = b.buses.map((bus) => bus.scenarios.find((s) => s.scenario === 'normal') ?? bus.scenarios[0]);
  return {
    status: b.status,
    interconnectLimitKw: b.site.interconnectLimitKw,
    totalLoadKw: b.site.totalLoadKw,
    gridImportKw: b.site.gridImportKw,
    headroomKw: b.site.headroomKw,
    utilization: b.site.utilization,
    firmItKw: normal.reduce((sum, s) => sum + s.load.firmItKw, 0),
    interruptibleItKw: normal.reduce((sum, s) => sum + s.load.interruptibleItKw, 0),
    failingChecks: siteChecks(b).filter((c) => c.status === 'fail').length,
  };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function sortedNames(...lists: readonly (readonly { readonly name: string }[])[]): string[] {
  return [...new Set(lists.flat().map((x) => x.name))].sort();
}

/** One bus on both sides (or one): scenarios paired by kind, normal first. */
export function diffBus(name: string, base: BusBudget | undefined, head: BusBudget | undefined): BusDiff {
  const kinds = [...new Set([...(base?.scenarios ?? []), ...(head?.scenarios ?? [])].map((s) => s.scenario))].sort(
    (a, b) => scenarioOrder(a) - scenarioOrder(b),
  );
  const at = (bus: BusBudget | undefined, kind: string) => bus?.scenarios.find((s) => s.scenario === kind);
  return {
    bus: name,
    change: !base ? 'added' : !head ? 'removed' : same(base, head) ? 'unchanged' : 'changed',
    redundancy: { ...(base ? { base: base.redundancy } : {}), ...(head ? { head: head.redundancy } : {}) },
    scenarios: kinds.map((kind) => {
      const b = at(base, kind);
      const h = at(head, kind);
      return { scenario: kind, ...(b ? { base: figures(b) } : {}), ...(h ? { head: figures(h) } : {}) };
    }),
  };
}

const EMPTY_SITE = (name: string, status: CheckStatus): PowerBudget => ({
  format: 'hybrid-campus/power-budget',
  formatVersion: 1,
  status,
  site: { name, gridRegion: '', interconnectLimitKw: 0, totalLoadKw: 0, generationOffsetKw: 0, gridImportKw: 0, headroomKw: 0, utilization: 0 },
  buses: [],
  cooling: [],
  loads: { miningPods: [], gpuHalls: [], auxiliary: [] },
  checks: [],
});

/** One site on both sides (or one). An added site's hardware and checks read as all new. */
export function diffSite(name: string, base: PowerBudget | undefined, head: PowerBudget | undefined): SiteDiff {
  const b = base ?? EMPTY_SITE(name, 'pass');
  const h = head ?? EMPTY_SITE(name, 'pass');
  return {
    site: name,
    change: !base ? 'added' : !head ? 'removed' : same(base, head) ? 'unchanged' : 'changed',
    ...(base ? { base: siteFigures(base) } : {}),
    ...(head ? { head: siteFigures(head) } : {}),
    buses: sortedNames(b.buses, h.buses).map((bus) =>
      diffBus(
        bus,
        b.buses.find((x) => x.name === bus),
        h.buses.find((x) => x.name === bus),
      ),
    ),
    checks: diffChecks(siteChecks(b), siteChecks(h)),
    hardware: diffHardware(b, h),
  };
}

/** The overall result: a failing check in head wins, then any change, else no change. */
export function diffResult(sites: readonly SiteDiff[]): DiffResult {
  if (sites.some((s) => s.head?.status === 'fail')) return 'check-fails';
  return sites.some((s) => s.change !== 'unchanged') ? 'changed' : 'no-change';
}

/**
 * Compares two synth outputs. Throws an InputError when base and head share no site (they
 * are outputs of different campus apps, or the site was renamed). An empty base (no campus
 * yet) compares as every head site added.
 */
export function diffBudgets(base: readonly PowerBudget[], head: readonly PowerBudget[]): CampusDiff {
  const baseSites = new Map(base.map((b) => [b.site.name, b]));
  const headSites = new Map(head.map((b) => [b.site.name, b]));
  if (base.length > 0 && ![...baseSites.keys()].some((name) => headSites.has(name))) {
    throw new InputError(
      `base and head describe different sites (base: ${[...baseSites.keys()].join(', ')}; head: ${[...headSites.keys()].join(', ')}); compare two outputs of the same campus app`,
    );
  }
  const sites = [...new Set([...baseSites.keys(), ...headSites.keys()])].sort().map((name) => diffSite(name, baseSites.get(name), headSites.get(name)));
  return { format: DIFF_FORMAT, formatVersion: DIFF_FORMAT_VERSION, result: diffResult(sites), sites };
}

/** `--format json`: two-space JSON with a final newline. */
export function renderDiffJson(diff: CampusDiff): string {
  return `${JSON.stringify(diff, null, 2)}\n`;
}
