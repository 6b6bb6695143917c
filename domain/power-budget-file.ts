/**
 * The `power-budget.json` document written beside each stack's cdk.tf.json.
 *
 * Format "hybrid-campus/power-budget", version 1. Reports and diffs read this file, so any
 * change that renames, removes or re-means a field must bump POWER_BUDGET_FORMAT_VERSION;
 * adding a field does not. Conventions:
 * - power in kW, rounded to the watt (3 decimals); utilization as a fraction rounded to 4
 *   decimals, or null when there is load and no capacity;
 * - arrays sorted by name (buses, feeds, cooling, loads); checks in check order, then subject;
 * - nothing depends on the clock, the machine or declaration order.
 */
import type { CampusEvaluation } from './evaluate';
import type { LoadByClass, ScenarioBudget } from './budget';
import { byName } from './budget';
import { describeCoolingPower } from './cooling-power';
import { feedUsableKw } from './feed-rating';
import { round, roundKw } from './units';

export const POWER_BUDGET_FORMAT = 'hybrid-campus/power-budget';
export const POWER_BUDGET_FORMAT_VERSION = 1;
export const POWER_BUDGET_FILE_NAME = 'power-budget.json';

function ratio(fraction: number): number | null {
  return Number.isFinite(fraction) ? round(fraction, 4) : null;
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

/** Builds the document (plain JSON data). */
export function powerBudgetDocument(evaluation: CampusEvaluation) {
  const { budget, results, failures, warnings } = evaluation;
  const { campus, site } = budget;
  return {
    format: POWER_BUDGET_FORMAT,
    formatVersion: POWER_BUDGET_FORMAT_VERSION,
    status: failures.length > 0 ? 'fail' : warnings.length > 0 ? 'warn' : 'pass',
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
        firm: p.firm,
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
    checks: results.map((r) => ({
      check: r.check,
      status: r.status,
      subject: r.subject,
      path: r.path,
      ...(r.scenario ? { scenario: r.scenario } : {}),
      message: r.message,
    })),
  };
}

export type PowerBudgetDocument = ReturnType<typeof powerBudgetDocument>;

/** The file's exact bytes: two-space JSON with a final newline. */
export function renderPowerBudget(evaluation: CampusEvaluation): string {
  return `${JSON.stringify(powerBudgetDocument(evaluation), null, 2)}\n`;
}
