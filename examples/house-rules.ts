/**
 * Example: a rule of the operator's own, in a pack of its own, written with the same API as
 * the bundled packs: a small pure function over the campus's plain data, one id, a statement,
 * a source and a level.
 */
import type { Rule, RulePack } from '../rules/rule';
import { formatMw } from '../domain/units';

/** The interconnect headroom the operator keeps for ramp events, in MW (a house policy). */
export const ACME_MIN_HEADROOM_MW = 10;

export const ACME_1: Rule = {
  id: 'ACME-1',
  statement: `Grid import stays at least ${ACME_MIN_HEADROOM_MW} MW below the interconnect limit at every date, in normal operation.`,
  source: 'Acme Hybrid Sites operations policy OPS-7 (ramp-event margin), an example house rule',
  level: 'warning',
  check: ({ campus, timeline }) =>
    timeline.states.flatMap(({ point, evaluation }) => {
      const site = evaluation.budget.site;
      // kW to MW: / 1,000.
      const headroomMw = site.headroomKw / 1_000;
      if (headroomMw >= ACME_MIN_HEADROOM_MW) return [];
      const when = point.label === '' ? 'at every date' : point.label;
      return [{
        path: campus.path,
        target: when,
        message: `${when}, grid import ${formatMw(site.gridImportKw)} leaves ${formatMw(site.headroomKw)} of the ${formatMw(site.interconnectLimitKw)} interconnect, less than the ${ACME_MIN_HEADROOM_MW} MW margin; shed or cap load, or raise the approved limit.`,
      }];
    }),
};

export const ACME_HOUSE_RULES: RulePack = {
  name: 'acme/house-rules',
  description: 'Rules Acme Hybrid Sites applies on top of the bundled packs.',
  rules: [ACME_1],
};
