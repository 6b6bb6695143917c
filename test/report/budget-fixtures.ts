/**
 * Power budgets built from plain campus models (no cdktf), parsed as `campus` reads them.
 */
import { evaluateTimeline } from '../../domain/evaluate';
import type { CampusModel } from '../../domain/model';
import { renderPowerBudget } from '../../report/power-budget-file';
import type { PowerBudget } from '../../report/budget-schema';
import { parseBudget } from '../../report/load-budget';
import { bus, campus, cooling, feed, hall, pod } from '../domain/fixtures';

/** The budget of a model, through the real file format. */
export function budgetOf(model: CampusModel): PowerBudget {
  return parseBudget('test.json', renderPowerBudget(evaluateTimeline(model)));
}

/** A small site: one N+1 bus, air cooling, two pods and a rack hall. */
export function smallSite(changes: Partial<CampusModel> = {}): CampusModel {
  return campus({
    interconnectLimitKw: 100_000,
    buses: [bus('main', [feed('f1', 40_000), feed('f2', 40_000), feed('f3', 40_000)], 'N+1')],
    coolingSystems: [cooling('air', 'main', { model: 'pue', pue: 1.2 })],
    miningPods: [pod('p1', 'main', 'air', 10_000), pod('p2', 'main', 'air', 10_000)],
    gpuHalls: [hall('h1', 'main', 'air', 20_000, { systemKind: 'gpu-rack', hardware: 'Acme R1 rack (8x G1)', count: 100, systemPowerW: 200_000 })],
    ...changes,
  });
}
