/**
 * Check 3, site: what the campus draws from the grid (total load minus what on-site generation
 * covers, bus by bus; see load-model.ts) must fit within the interconnect limit in force, in
 * normal operation and after the loss of any one source. With interruptible load shed, the loss
 * of a utility feed can only lower the import; the loss of an on-site generator can raise it, so
 * a campus with generation gets a second result: its worst loss against the interconnect.
 */
import { generatorLosses, leastHeadroom } from '../budget';
import { formatMw } from '../units';
import type { BudgetCheck, CheckResult } from './check';
import { judgeCapacity } from './check';

export const siteInterconnect: BudgetCheck = {
  id: 'site-interconnect',
  description:
    'The load the site draws from the grid, after on-site generation, fits within the approved interconnect limit in normal operation and after the loss of any one generator.',
  run: (budget) => {
    const { site, campus } = budget;
    const limit = `the ${campus.gridRegion} interconnect limit`;
    const draw =
      `grid import ${formatMw(site.gridImportKw)} (total load ${formatMw(site.totalLoadKw)} - ` +
      `on-site generation ${formatMw(site.generationOffsetKw)})`;
    const results: CheckResult[] = [
      judgeCapacity(
        { check: siteInterconnect.id, subject: campus.name, path: campus.path, scenario: 'normal' },
        {
          loadKw: site.gridImportKw,
          capacityKw: site.interconnectLimitKw,
          utilization: site.utilization,
          warnUtilization: campus.warnUtilization,
          autoMiningKw: site.autoMiningKw,
          format: formatMw,
          level: `site interconnect: ${draw}`,
          capacityLabel: limit,
          failure: (overKw) =>
            `site interconnect: ${draw} exceeds ${limit} ` +
            `${formatMw(site.interconnectLimitKw)} by ${formatMw(overKw)}. Remove or curtail load, add on-site ` +
            `generation, or raise the limit (interconnectLimitMw, or the step of interconnectSteps in force) only if the utility has approved more.`,
        },
      ),
    ];
    const losses = generatorLosses(site);
    const worst = leastHeadroom(losses);
    if (worst === undefined) return results;
    const event = worst.scenario.event!;
    const others = losses.filter((s) => s !== worst && s.headroomKw < -1e-6).map((s) => s.scenario.label);
    const head =
      `site interconnect after the ${event.lost} on bus '${event.bus}': firm grid import ${formatMw(worst.gridImportKw)} ` +
      `(firm load ${formatMw(worst.totalLoadKw)}, interruptible load shed, on-site generation left ${formatMw(worst.generationKw)})`;
    results.push(
      judgeCapacity(
        { check: siteInterconnect.id, subject: campus.name, path: campus.path, scenario: 'contingency' },
        {
          loadKw: worst.gridImportKw,
          capacityKw: site.interconnectLimitKw,
          utilization: worst.utilization,
          warnUtilization: campus.warnUtilization,
          autoMiningKw: worst.autoMiningKw,
          format: formatMw,
          level: head,
          capacityLabel: limit,
          failure: (overKw) =>
            `${head} exceeds ${limit} ${formatMw(site.interconnectLimitKw)} by ${formatMw(overKw)}` +
            `${others.length > 0 ? ` (it also fails on: ${others.join('; ')})` : ''}: the generator ` +
            `cannot be counted on both as running and as a backup. Reduce firm load, add a redundant generator, ` +
            `or raise the limit (interconnectLimitMw, or the step of interconnectSteps in force) only if the utility has approved more.`,
        },
      ),
    );
    return results;
  },
};
