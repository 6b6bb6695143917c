/**
 * Check 3, site: what the campus draws from the grid (total load minus what on-site generation
 * covers, bus by bus; see budget.ts) must fit within the interconnect limit the utility or ISO
 * approved.
 */
import { formatMw } from '../units';
import type { BudgetCheck } from './check';
import { judgeCapacity } from './check';

export const siteInterconnect: BudgetCheck = {
  id: 'site-interconnect',
  description: 'The load the site draws from the grid, after on-site generation, fits within the approved interconnect limit.',
  run: (budget) => {
    const { site, campus } = budget;
    const draw =
      `grid import ${formatMw(site.gridImportKw)} (total load ${formatMw(site.totalLoadKw)} - ` +
      `on-site generation ${formatMw(site.generationOffsetKw)})`;
    return [
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
          capacityLabel: `the ${campus.gridRegion} interconnect limit`,
          failure: (overKw) =>
            `site interconnect: ${draw} exceeds the ${campus.gridRegion} interconnect limit ` +
            `${formatMw(site.interconnectLimitKw)} by ${formatMw(overKw)}. Remove or curtail load, add on-site ` +
            `generation, or raise interconnectLimitMw only if the utility has approved more.`,
        },
      ),
    ];
  },
};
