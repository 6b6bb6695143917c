/**
 * `campus diff`: what changed between two synth outputs (base and head), per site.
 *
 * Sites and buses are matched by name, scenarios by their id on the bus ("normal",
 * "lose-feed:xfmr-1", "lose-side:A", ...), so a bus with one contingency per feed pairs each loss
 * with the same loss. A site is "changed" when anything the reports read differs; its buses,
 * checks and hardware say what.
 *
 * A version-1 file lists at most one contingency per bus, the worst case of its redundancy level,
 * with no id (normalized to "contingency"). Against a version-2 file it is paired with the one
 * loss event that is the same event, never with a guess:
 * - with the version-2 contingency that lost exactly the feeds it names (`lostFeed`: the largest
 *   feed of an N+1 bus, the feeds of the lost side of a 2N bus), `pairedBy: 'lost-feeds'`;
 * - when it names no feed (a 2N bus without sides, whose version-1 figure was half the bus), with
 *   the version-2 contingency with the least headroom, `pairedBy: 'worst-case'`: both are "the
 *   worst loss of this bus", which is all the version-1 file claims;
 * - when it names feeds that no version-2 contingency lost as one event (a feed renamed or
 *   removed, sides regrouped), it is not paired and shows as removed.
 * The other version-2 contingencies show as added: the version-1 file did not list them, so there
 * is nothing to compare them with. Pairing the version-1 contingency with the head's worst case
 * whenever it named feeds would be simpler, but when head's worst loss is another feed it would
 * show the figures of two different events as one before and after.
 */
import type { BusBudget, CheckStatus, LoadByClass, PowerBudget, ScenarioBudget } from './budget-schema';
import { siteChecks } from './site-checks';
import { diffChecks, type CheckChange, type UnlistedPass } from './check-diff';
import { diffHardware, type LoadChange } from './hardware-diff';
import { diffPodTimelines } from './pod-timeline-diff';
import { InputError } from './input-error';
import { scenarioOrder } from './report';
import { leastHeadroom } from '../domain/budget';
import { diffRuleFindings, failingRules as failingRules_, rulesOf, type ChangedRuleFinding, type RuleFindingRow } from './rules-findings';

export const DIFF_FORMAT = 'hybrid-campus/power-budget-diff';
/**
 * Version 2: a bus may list several contingencies (one per loss), each with its `id`; look
 * scenarios up by `id`, not by kind.
 */
export const DIFF_FORMAT_VERSION = 2;

export type Change = 'added' | 'removed' | 'changed' | 'unchanged';

/** What the diff says overall; the CLI's exit code follows from it. */
export type DiffResult = 'no-change' | 'changed' | 'check-fails';

/** One scenario's figures: its load by class (as in power-budget.json), capacity and headroom. */
export interface ScenarioFigures extends LoadByClass {
  readonly label: string;
  readonly capacityKw: number;
  readonly headroomKw: number;
  readonly utilization: number | null;
}

/** How a version-1 contingency was paired with a version-2 one (see the header comment). */
export type CrossVersionPairing = 'lost-feeds' | 'worst-case';

export interface ScenarioDiff {
  readonly scenario: 'normal' | 'contingency';
  /** The scenario's id on the bus: head's, or base's when head does not have it. */
  readonly id: string;
  /** Present when base and head were paired across format versions rather than by id. */
  readonly pairedBy?: CrossVersionPairing;
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
  /**
   * What fails synth among the site's rules (rules.json): unsuppressed error findings and bad
   * or unused suppressions; any of them makes `status` "fail". 0 without a rules.json.
   */
  readonly failingRules: number;
}

export interface SiteDiff {
  readonly site: string;
  readonly change: Change;
  /** The power-budget.json format versions, when base and head differ in it. */
  readonly formatVersions?: { readonly base: number; readonly head: number };
  readonly base?: SiteFigures;
  readonly head?: SiteFigures;
  readonly buses: readonly BusDiff[];
  readonly checks: readonly CheckChange[];
  /**
   * Hardware and load changes (hardware-diff.ts), then, when both files list per-state pod
   * figures (format version 3), each pod that runs differently at some date and from when
   * (pod-timeline-diff.ts).
   */
  readonly hardware: readonly LoadChange[];
  /**
   * Rule findings (rules.json) that appear in head, disappear from base, or change level or
   * message, matched as multisets by rule, construct path, target and whether suppressed;
   * present only when something did. Compared only when head has a rules.json (a base without
   * one: every head finding appears).
   */
  readonly rules?: { readonly appeared: readonly RuleFindingRow[]; readonly disappeared: readonly RuleFindingRow[]; readonly changed: readonly ChangedRuleFinding[] };
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
    firmItKw: s.load.firmItKw,
    interruptibleItKw: s.load.interruptibleItKw,
    grossKw: s.load.grossKw,
    coolingKw: s.load.coolingKw,
    overheadKw: s.load.overheadKw,
    auxiliaryKw: s.load.auxiliaryKw,
    totalKw: s.load.totalKw,
    headroomKw: s.headroomKw,
    utilization: s.utilization,
  };
}

function siteFigures(b: PowerBudget): SiteFigures {
  const normal = b.buses.map((bus) => bus.scenarios.find((s) => s.scenario === 'normal') ?? bus.scenarios[0]);
  const rules = rulesOf(b);
  const failingRules = rules ? failingRules_(rules) : 0;
  return {
    // A refused synth fails on the rules as on the checks (power-budget.json's status counts only the checks).
    status: failingRules > 0 ? 'fail' : b.status,
    interconnectLimitKw: b.site.interconnectLimitKw,
    totalLoadKw: b.site.totalLoadKw,
    gridImportKw: b.site.gridImportKw,
    headroomKw: b.site.headroomKw,
    utilization: b.site.utilization,
    firmItKw: normal.reduce((sum, s) => sum + s.load.firmItKw, 0),
    interruptibleItKw: normal.reduce((sum, s) => sum + s.load.interruptibleItKw, 0),
    failingChecks: siteChecks(b).filter((c) => c.status === 'fail').length,
    failingRules,
  };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function sortedNames(...lists: readonly (readonly { readonly name: string }[])[]): string[] {
  return [...new Set(lists.flat().map((x) => x.name))].sort();
}

/** The id a version-1 contingency is normalized to (budget-schema.ts); no version-2 id equals it. */
const LEGACY_CONTINGENCY_ID = 'contingency';

function sameFeeds(a: readonly string[], b: readonly string[]): boolean {
  return same([...a].sort(), [...b].sort());
}

/**
 * The scenario of `others` (a version-2 bus) that a version-1 contingency pairs with, and how;
 * undefined when there is none (see the header comment).
 */
export function legacyPartner(
  legacy: ScenarioBudget,
  others: readonly ScenarioBudget[],
): { readonly partner: ScenarioBudget; readonly pairedBy: CrossVersionPairing } | undefined {
  const contingencies = others.filter((s) => s.scenario === 'contingency');
  if (legacy.lostFeeds) {
    const partner = contingencies.find((s) => s.lostFeeds !== undefined && sameFeeds(s.lostFeeds, legacy.lostFeeds!));
    return partner ? { partner, pairedBy: 'lost-feeds' } : undefined;
  }
  const worst = leastHeadroom(contingencies);
  return worst ? { partner: worst, pairedBy: 'worst-case' } : undefined;
}

interface CrossPair {
  readonly base: ScenarioBudget;
  readonly head: ScenarioBudget;
  readonly pairedBy: CrossVersionPairing;
}

/** A version-1 contingency on one side and its version-2 partner on the other, if any. */
function crossVersionPair(base: readonly ScenarioBudget[], head: readonly ScenarioBudget[]): CrossPair | undefined {
  const legacyOf = (scenarios: readonly ScenarioBudget[]) => scenarios.find((s) => s.id === LEGACY_CONTINGENCY_ID);
  const baseLegacy = legacyOf(base);
  const headLegacy = legacyOf(head);
  if (baseLegacy && !headLegacy) {
    const found = legacyPartner(baseLegacy, head);
    return found && { base: baseLegacy, head: found.partner, pairedBy: found.pairedBy };
  }
  if (headLegacy && !baseLegacy) {
    const found = legacyPartner(headLegacy, base);
    return found && { base: found.partner, head: headLegacy, pairedBy: found.pairedBy };
  }
  return undefined;
}

/**
 * One bus on both sides (or one): scenarios paired by id (a version-1 contingency against a
 * version-2 bus as the header comment says); head's order, normal first, then those only in base.
 */
export function diffBus(name: string, base: BusBudget | undefined, head: BusBudget | undefined): BusDiff {
  const inOrder = (bus: BusBudget | undefined) => [...(bus?.scenarios ?? [])].sort((a, b) => scenarioOrder(a.scenario) - scenarioOrder(b.scenario));
  const baseScenarios = inOrder(base);
  const headScenarios = inOrder(head);
  const cross = base && head ? crossVersionPair(baseScenarios, headScenarios) : undefined;
  const paired = new Set<ScenarioBudget>();
  const scenarios: ScenarioDiff[] = headScenarios.map((h) => {
    const crossed = cross?.head === h ? cross : undefined;
    const b = crossed ? crossed.base : baseScenarios.find((x) => x.id === h.id && x !== cross?.base);
    if (b) paired.add(b);
    return {
      scenario: h.scenario,
      id: h.id,
      ...(crossed ? { pairedBy: crossed.pairedBy } : {}),
      ...(b ? { base: figures(b) } : {}),
      head: figures(h),
    };
  });
  for (const b of baseScenarios.filter((x) => !paired.has(x))) scenarios.push({ scenario: b.scenario, id: b.id, base: figures(b) });
  return {
    bus: name,
    change: !base ? 'added' : !head ? 'removed' : same(base, head) ? 'unchanged' : 'changed',
    redundancy: { ...(base ? { base: base.redundancy } : {}), ...(head ? { head: head.redundancy } : {}) },
    scenarios,
  };
}

const EMPTY_SITE = (name: string, status: CheckStatus): PowerBudget => ({
  format: 'hybrid-campus/power-budget',
  formatVersion: 2,
  status,
  scenarios: [],
  site: { name, gridRegion: '', interconnectLimitKw: 0, totalLoadKw: 0, generationOffsetKw: 0, gridImportKw: 0, headroomKw: 0, utilization: 0 },
  buses: [],
  cooling: [],
  loads: { miningPods: [], gpuHalls: [], blockLoads: [], auxiliary: [] },
  checks: [],
});

/**
 * For a site without dates read from a version-3 file: a result it does not list passed when the
 * file counts passing results of its check (`passedChecks`) and still has the load it is about.
 * Undefined otherwise (every result is listed, or, with dates, only failures and warnings are).
 */
function unlistedPasses(budget: PowerBudget | undefined): UnlistedPass | undefined {
  if (!budget?.passedChecks || (budget.timeline ?? []).length > 1) return undefined;
  const counted = new Set(budget.passedChecks.map((p) => p.check));
  const { miningPods, gpuHalls, blockLoads, auxiliary } = budget.loads;
  const loads = new Set([...miningPods, ...gpuHalls, ...blockLoads, ...auxiliary].map((l) => l.name));
  return (r) => counted.has(r.check) && loads.has(r.subject);
}

/** One site on both sides (or one). An added site's hardware and checks read as all new. */
export function diffSite(name: string, base: PowerBudget | undefined, head: PowerBudget | undefined): SiteDiff {
  const b = base ?? EMPTY_SITE(name, 'pass');
  const h = head ?? EMPTY_SITE(name, 'pass');
  // Only when head has rules.json: without it head's rules did not run (no packs), so nothing can be said to be gone.
  const headRules = head && rulesOf(head);
  const rules = headRules ? diffRuleFindings(base && rulesOf(base), headRules) : { appeared: [], disappeared: [], changed: [] };
  const rulesChanged = rules.appeared.length > 0 || rules.disappeared.length > 0 || rules.changed.length > 0;
  return {
    site: name,
    change: !base ? 'added' : !head ? 'removed' : same(base, head) && !rulesChanged ? 'unchanged' : 'changed',
    ...(base && head && base.formatVersion !== head.formatVersion ? { formatVersions: { base: base.formatVersion, head: head.formatVersion } } : {}),
    ...(base ? { base: siteFigures(base) } : {}),
    ...(head ? { head: siteFigures(head) } : {}),
    buses: sortedNames(b.buses, h.buses).map((bus) =>
      diffBus(
        bus,
        b.buses.find((x) => x.name === bus),
        h.buses.find((x) => x.name === bus),
      ),
    ),
    checks: diffChecks(siteChecks(b), siteChecks(h), { base: unlistedPasses(base), head: unlistedPasses(head) }),
    hardware: [...diffHardware(b, h), ...diffPodTimelines(b, h)],
    ...(rulesChanged ? { rules } : {}),
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
