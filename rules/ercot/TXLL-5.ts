/**
 * TXLL-5: a Large Load at transmission voltage interconnected after 2025-12-31 can be curtailed
 * during firm load shed, by equipment the utility installs: the campus declares which loads that
 * remote-disconnect equipment drops, and they must be loads the campus can shed.
 *
 * SB 6 sets it for large loads (75 MW or more), so the rule judges the states that are a Large
 * Load (site-figures.ts). It needs `gridFacts.voltageClass` and `gridFacts.interconnectionDate`
 * (only those that decide: a distribution-voltage site, or one interconnected on or before
 * 2025-12-31, needs neither the other nor a list) and then `gridFacts.firmLoadShed`.
 * A listed load is sheddable when the load model sheds it in a contingency
 * (CONTINGENCY_SHEDDING: an interruptible load; the curtailment plan orders the interruptible
 * pods among them): a firm load is one the campus must keep up, so listing it is a finding. A
 * listed name that is no load of the campus is a finding; a load not in service at a date is
 * skipped then, but if the disconnect drops nothing at a date, that is a finding. What it drops
 * is the load model's figure: normal total minus the total with the listed loads shed.
 * An error, and not suppressible: a statutory requirement whose facts are declared in code.
 */
import type { Rule, RuleViolation } from '../rule';
import type { TimelineState } from '../../domain/evaluate';
import { CONTINGENCY_SHEDDING, NO_SHEDDING, alsoShedding, campusLoads, flowTotalKw, loadFlow } from '../../domain/load-model';
import type { CampusModel } from '../../domain/model';
import { EPSILON_KW, formatMw } from '../../domain/units';
import { finding, missingFacts, unusableDay, type MissingFact } from './findings';
import { FIRM_LOAD_SHED_AFTER, isLargeLoad, siteDemandKw } from './site-figures';

const LIST = 'gridFacts.firmLoadShed.remoteDisconnectLoads';

export const TXLL_5: Rule = {
  id: 'TXLL-5',
  statement:
    'A Large Load at transmission voltage interconnected after 2025-12-31 must be curtailable during firm load shed: its remote-disconnect equipment ' +
    'drops loads the campus can shed.',
  source: 'Texas SB 6 (2025), curtailment in firm load shed (https://capitol.texas.gov/tlodocs/89R/billtext/html/SB00006F.htm)',
  level: 'error',
  suppressible: false,
  check: ({ campus, timeline }) => {
    const facts = campus.gridFacts ?? {};
    const voltage = facts.voltageClass as unknown;
    const date = unusableDay('interconnectionDate', facts.interconnectionDate, "the day the site is interconnected, 'YYYY-MM-DD'");
    if (voltage === 'distribution') return [];
    if (date === undefined && facts.interconnectionDate! <= FIRM_LOAD_SHED_AFTER) return [];
    const voltageExample = "'transmission' or 'distribution'";
    const missing: MissingFact[] = [
      ...(voltage === undefined ? [{ fact: 'voltageClass', example: voltageExample }] : []),
      ...(voltage !== undefined && voltage !== 'transmission'
        ? [{ fact: 'voltageClass', example: voltageExample, invalid: { given: voltage, problem: "is neither 'transmission' nor 'distribution'" } }]
        : []),
      ...(date ? [date] : []),
    ];
    // The loads of the campus at any date, computed once for every state.
    let loads: ReadonlySet<string> | undefined;
    const declared = () => (loads ??= new Set(campusLoads(campus).map((l) => l.name)));
    return timeline.states
      .filter((state) => isLargeLoad(state.evaluation.budget))
      .flatMap((state): RuleViolation[] => {
        const load = formatMw(siteDemandKw(state.evaluation.budget));
        if (missing.length > 0) {
          return [
            finding(
              campus,
              state,
              `peak site load ${load} makes the site a Large Load, which must be curtailable during firm load shed if it is at transmission voltage ` +
                `and interconnected after 2025-12-31 (SB 6), but ${missingFacts(missing)}`,
            ),
          ];
        }
        const names = facts.firmLoadShed?.remoteDisconnectLoads ?? [];
        if (names.length === 0) {
          return [
            finding(
              campus,
              state,
              `peak site load ${load} at transmission voltage, interconnected on ${facts.interconnectionDate} (after 2025-12-31): SB 6 requires that the ` +
                `load can be curtailed during firm load shed, but no loads are declared for the remote-disconnect equipment. Set the Campus prop ` +
                `${LIST} to the interruptible loads it drops.`,
            ),
          ];
        }
        return judgeList(campus, state, declared(), [...new Set(names)].sort(), load);
      });
  },
};

/** The listed loads (sorted, no repeats) at one state: each must be a load of the campus, interruptible, and together drop some load. */
function judgeList(campus: CampusModel, state: TimelineState, declared: ReadonlySet<string>, listed: readonly string[], load: string): RuleViolation[] {
  const budget = state.evaluation.budget;
  const inService = new Map(budget.loads.map((l) => [l.name, l]));
  const out: RuleViolation[] = [];
  for (const name of listed) {
    const part = inService.get(name);
    if (!declared.has(name)) {
      out.push(finding(campus, state, `'${name}' is listed in ${LIST} but is not a load of campus '${campus.name}'. Use one of: ${[...declared].join(', ') || '(none)'}.`));
    } else if (part && !CONTINGENCY_SHEDDING.sheds(part)) {
      out.push(
        finding(
          campus,
          state,
          `'${name}' is listed in ${LIST} but is a firm load, which the campus never sheds: dropping it in firm load shed would cut load the campus ` +
            `must keep up (SB 6). Remove it from the list, or declare it interruptible.`,
        ),
      );
    }
  }
  const drop = new Set(listed.filter((name) => inService.has(name)));
  const shed = loadFlow(budget.campus, budget.loads, (l) => budget.powerKw.get(l.name) ?? 0, alsoShedding(NO_SHEDDING, 'remote-disconnect', (l) => drop.has(l.name)));
  const droppedKw = flowTotalKw(budget.flows.normal) - flowTotalKw(shed);
  if (out.length === 0 && droppedKw <= EPSILON_KW) {
    out.push(
      finding(
        campus,
        state,
        `none of the loads in ${LIST} (${listed.join(', ')}) draws power then, so the remote disconnect drops 0.000 MW of the ${load} site load in ` +
          `firm load shed (SB 6). List the interruptible loads in service then.`,
      ),
    );
  }
  return out;
}
