/**
 * The `power-budget.json` document written beside each stack's cdk.tf.json.
 *
 * Format "hybrid-campus/power-budget", version 1. Reports and diffs read this file, so any
 * change that renames, removes or re-means a field must bump POWER_BUDGET_FORMAT_VERSION;
 * adding a field does not. Conventions:
 * - power in kW, rounded to the watt (3 decimals); utilization as a fraction rounded to 4
 *   decimals, or null when there is load and no capacity;
 * - arrays sorted by name (buses, feeds, cooling, loads); checks in check order, then subject;
 * - nothing depends on the clock, the machine or declaration order;
 * - `timeline` lists every state of the campus (see timeline.ts), each with its load by class
 *   against capacity and what failed or warned; the top level describes `asOf` or the last state.
 */
import type { CheckResult } from './checks/check';
import type { CampusEvaluation, TimelineEvaluation, TimelineState } from './evaluate';
import type { CampusBudget, LoadByClass, ScenarioBudget } from './budget';
import { byName } from './budget';
import { describeCoolingPower } from './cooling-power';
import { feedUsableKw } from './feed-rating';
import type { Dated } from './timeline';
import { sumLoads } from './load-cells';
import { formatMw, round, roundKw } from './units';
import { campusEconomics, type CampusEconomics, type ClassEconomics } from './economics';

export const POWER_BUDGET_FORMAT = 'hybrid-campus/power-budget';
export const POWER_BUDGET_FORMAT_VERSION = 1;
export const POWER_BUDGET_FILE_NAME = 'power-budget.json';

function ratio(fraction: number): number | null {
  return Number.isFinite(fraction) ? round(fraction, 4) : null;
}

function usd(value: number): number {
  return round(value, 2);
}

function classEconomicsJson(c: ClassEconomics) {
  return {
    itKw: roundKw(c.itKw),
    revenueUsdPerDay: usd(c.revenueUsdPerDay),
    revenueUsdPerMwYear: c.revenueUsdPerMwYear === null ? null : usd(c.revenueUsdPerMwYear),
    ...(c.powerCostUsdPerDay !== undefined ? { powerCostUsdPerDay: usd(c.powerCostUsdPerDay) } : {}),
  };
}

/** Revenue by class for one state, or nothing when the campus has no economics inputs. */
function economicsJson(budget: CampusBudget) {
  const inputs = budget.campus.economics;
  if (!inputs) return {};
  const e: CampusEconomics = campusEconomics(budget, inputs);
  return {
    economics: {
      ...(e.mining ? { mining: classEconomicsJson(e.mining) } : {}),
      ...(e.ai ? { ai: classEconomicsJson(e.ai) } : {}),
    },
  };
}

/**
 * Mining in one state: total hashrate, and for power-capped pods how much of the headroom they
 * use ("headroom used by mining: X MW of Y MW") and which were switched off and why.
 */
function miningJson(budget: CampusBudget) {
  const pods = budget.campus.miningPods;
  const allocation = budget.campus.miningAllocation;
  const auto = allocation?.pods.filter((p) => p.mode === 'auto') ?? [];
  return {
    mining: {
      totalHashrateThs: round(pods.reduce((t, p) => t + p.hashrateThs, 0), 3),
      itKw: roundKw(pods.reduce((t, p) => t + p.itKw, 0)),
      ...(allocation && auto.length > 0
        ? {
            autoCapped: {
              pods: auto.length,
              powerKw: roundKw(allocation.miningPowerKw),
              headroomKw: roundKw(allocation.headroomKw),
              headroomUsed: `headroom used by mining: ${formatMw(allocation.miningPowerKw)} of ${formatMw(allocation.headroomKw)}`,
              switchedOff: auto.filter((p) => p.offReason).map((p) => ({ name: p.name, reason: p.offReason! })),
            },
          }
        : {}),
    },
  };
}

function dates(part: Dated) {
  return { inService: part.inService ?? null, retire: part.retire ?? null };
}

function loadJson(load: LoadByClass) {
  return {
    firmItKw: roundKw(load.firmItKw),
    interruptibleItKw: roundKw(load.interruptibleItKw),
    coolingKw: roundKw(load.coolingKw),
    auxiliaryKw: roundKw(load.auxiliaryKw),
    totalKw: roundKw(load.totalKw),
  };
}

function scenarioJson(s: ScenarioBudget) {
  return {
    scenario: s.scenario,
    label: s.label,
    ...(s.lost ? { lost: s.lost } : {}),
    ...(s.lostFeed ? { lostFeed: s.lostFeed } : {}),
    capacityKw: roundKw(s.capacityKw),
    load: loadJson(s.load),
    headroomKw: roundKw(s.headroomKw),
    utilization: ratio(s.utilization),
  };
}

function statusOf(failures: readonly unknown[], warnings: readonly unknown[]): 'pass' | 'warn' | 'fail' {
  return failures.length > 0 ? 'fail' : warnings.length > 0 ? 'warn' : 'pass';
}

function checkJson(r: CheckResult) {
  return {
    check: r.check,
    status: r.status,
    subject: r.subject,
    path: r.path,
    ...(r.scenario ? { scenario: r.scenario } : {}),
    ...(r.date ? { date: r.date } : {}),
    message: r.message,
  };
}

/** One state of the timeline: site load by class against capacity, per-bus scenarios and what failed. */
function timelineEntryJson(state: TimelineState) {
  const { point, evaluation } = state;
  const { budget } = evaluation;
  return {
    label: point.label,
    from: point.from ?? null,
    until: point.until ?? null,
    status: statusOf(evaluation.failures, evaluation.warnings),
    capacityKw: roundKw(budget.buses.reduce((total, b) => total + b.usableKw, 0)),
    load: loadJson(sumLoads(budget.buses.map((b) => b.scenarios[0].load))),
    gridImportKw: roundKw(budget.site.gridImportKw),
    interconnectLimitKw: roundKw(budget.site.interconnectLimitKw),
    siteUtilization: ratio(budget.site.utilization),
    buses: budget.buses.map((b) => ({
      name: b.bus.name,
      scenarios: b.scenarios.map((s) => ({
        scenario: s.scenario,
        capacityKw: roundKw(s.capacityKw),
        totalKw: roundKw(s.load.totalKw),
        utilization: ratio(s.utilization),
      })),
    })),
    ...economicsJson(budget),
    ...miningJson(budget),
    failures: evaluation.failures.map(checkJson),
    warnings: evaluation.warnings.map(checkJson),
  };
}

/**
 * Builds the document (plain JSON data). The top level describes one state: the chosen month
 * (`asOf`) or, without one, the last state of the timeline (the campus as finally planned).
 * `timeline` has every state; `status` is the worst over all of them.
 */
export function powerBudgetDocument(timeline: TimelineEvaluation) {
  const evaluation: CampusEvaluation = timeline.current;
  const { budget, results } = evaluation;
  const { campus, site } = budget;
  return {
    $schema: '../../../node_modules/hybrid-campus/power-budget.schema.json', // the shipped JSON Schema, seen from cdktf.out/stacks/<site>/
    format: POWER_BUDGET_FORMAT,
    formatVersion: POWER_BUDGET_FORMAT_VERSION,
    status: statusOf(timeline.failures, timeline.warnings),
    asOf: timeline.asOf ?? null,
    site: {
      name: campus.name,
      path: campus.path,
      gridRegion: campus.gridRegion,
      warnUtilization: campus.warnUtilization,
      interconnectLimitKw: roundKw(site.interconnectLimitKw),
      totalLoadKw: roundKw(site.totalLoadKw),
      generationOffsetKw: roundKw(site.generationOffsetKw),
      gridImportKw: roundKw(site.gridImportKw),
      headroomKw: roundKw(site.headroomKw),
      utilization: ratio(site.utilization),
    },
    buses: budget.buses.map((b) => ({
      name: b.bus.name,
      path: b.bus.path,
      redundancy: b.bus.redundancy,
      usableKw: roundKw(b.usableKw),
      generationUsableKw: roundKw(b.generationUsableKw),
      gridImportKw: roundKw(b.gridImportKw),
      feeds: [...b.bus.feeds].sort(byName).map((f) => ({
        name: f.name,
        source: f.source,
        ratingBasis: f.ratingBasis,
        ratingKw: roundKw(f.ratingKw),
        maxUtilization: f.maxUtilization,
        ...(f.side ? { side: f.side } : {}),
        usableKw: roundKw(feedUsableKw(f)),
      })),
      scenarios: b.scenarios.map(scenarioJson),
    })),
    cooling: budget.cooling.map((c) => ({
      name: c.cooling.name,
      path: c.cooling.path,
      type: c.cooling.type,
      bus: c.cooling.bus,
      powerModel: describeCoolingPower(c.cooling.power),
      capacityKw: roundKw(c.cooling.capacityKw),
      heatKw: roundKw(c.heatKw),
      firmHeatKw: roundKw(c.firmHeatKw),
      powerKw: roundKw(c.power.totalKw),
      firmPowerKw: roundKw(c.power.firmKw),
      interruptiblePowerKw: roundKw(c.power.interruptibleKw),
      utilization: ratio(c.utilization),
      served: c.served,
    })),
    loads: {
      miningPods: [...campus.miningPods].sort(byName).map((p) => ({
        name: p.name,
        path: p.path,
        hardwareId: p.hardwareId,
        hardware: p.hardware,
        count: p.count,
        spares: p.spares,
        minerPowerW: p.minerPowerW,
        itKw: roundKw(p.itKw),
        hashrateThs: round(p.hashrateThs, 3),
        efficiencyJTh: p.efficiencyJTh,
        curtailSeconds: p.curtailSeconds,
        priority: p.priority,
        capMode: p.powerControl?.mode ?? 'rated',
        capW: p.capW === undefined ? null : round(p.capW, 3),
        ...(p.powerControl?.mode === 'auto' ? { powerRangeW: { minW: p.powerControl.minW, maxW: p.powerControl.maxW } } : {}),
        ...(p.offReason ? { offReason: p.offReason } : {}),
        firm: p.firm,
        ...dates(p),
        bus: p.bus,
        cooling: p.cooling,
      })),
      gpuHalls: [...campus.gpuHalls].sort(byName).map((h) => ({
        name: h.name,
        path: h.path,
        hardwareId: h.hardwareId,
        hardware: h.hardware,
        systemKind: h.systemKind,
        count: h.count,
        gpus: h.gpus,
        systemPowerW: h.systemPowerW,
        overheadKw: roundKw(h.overheadKw),
        itKw: roundKw(h.itKw),
        firm: h.firm,
        ...dates(h),
        operator: h.operator.kind,
        ...(h.operator.kind === 'tenant' ? { tenant: h.operator.tenant } : {}),
        bus: h.bus,
        cooling: h.cooling,
      })),
      auxiliary: [...campus.auxiliaryLoads].sort(byName).map((a) => ({
        name: a.name,
        path: a.path,
        bus: a.bus,
        powerKw: roundKw(a.powerKw),
      })),
    },
    ...(campus.economics ? { economicsInputs: campus.economics } : {}),
    ...economicsJson(budget),
    ...miningJson(budget),
    checks: results.map(checkJson),
    timeline: timeline.states.map(timelineEntryJson),
  };
}

export type PowerBudgetDocument = ReturnType<typeof powerBudgetDocument>;

/** The file's exact bytes: two-space JSON with a final newline. */
export function renderPowerBudget(timeline: TimelineEvaluation): string {
  return `${JSON.stringify(powerBudgetDocument(timeline), null, 2)}\n`;
}
