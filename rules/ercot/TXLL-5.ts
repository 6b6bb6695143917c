/**
 * TXLL-5: a Large Load at transmission voltage interconnected after 2025-12-31 can be curtailed
 * during firm load shed, by equipment the utility installs: the campus declares what that
 * remote-disconnect equipment drops.
 *
 * SB 6 sets it for large loads (75 MW or more), so the rule judges the states that are a Large
 * Load (site-figures.ts). It needs `gridFacts.voltageClass` and `gridFacts.interconnection`
 * (dated-coverage.ts; only what decides: a distribution-voltage site needs nothing more, and an
 * interconnection on or before 2025-12-31 covers the site load it states: a state whose site load
 * exceeds it is judged like a new site) and then `gridFacts.firmLoadShed`:
 * - `{ wholeSite: true }`: the utility opens the site's point of interconnection, so every load
 *   drops, firm included: compliant;
 * - `{ remoteDisconnectLoads }`: the loads it drops must be the curtailment plan's (the
 *   interruptible mining pods: constructs/workloads/curtailment-plan-document.ts; block and
 *   auxiliary loads and halls are never in it). At each state, a listed name that is no load of
 *   the campus, a listed load in service that is firm or not in the plan, and an interruptible
 *   pod in service that is not listed (with the MW it leaves running) are findings, and so is a
 *   list that drops nothing. Each message states the MW the list drops and its share of the site
 *   load then: the load model's normal total minus its total with the listed loads shed.
 * An error, and not suppressible: a statutory requirement whose facts are declared in code.
 */
import type { Rule, RuleViolation } from '../rule';
import type { TimelineState } from '../../domain/evaluate';
import type { CampusBudget } from '../../domain/budget';
import { coolingPowerKw } from '../../domain/cooling-power';
import { type CampusLoad, NO_SHEDDING, alsoShedding, campusLoads, coolingOf, flowTotalKw, isFirm, loadFlow, overheadFractionOf } from '../../domain/load-model';
import type { CampusModel } from '../../domain/model';
import { EPSILON_KW, formatMw, formatPercent } from '../../domain/units';
import { readCoverage } from './dated-coverage';
import { type MissingFact, finding, missingFacts, notAnObject } from './findings';
import { FIRM_LOAD_SHED_AFTER, isLargeLoad, siteDemandKw } from './site-figures';
import { listNames } from '../../domain/checks/cooling-capacity';

const LIST = 'gridFacts.firmLoadShed.remoteDisconnectLoads';
const WHOLE_SITE = "or declare the whole-site disconnect (gridFacts.firmLoadShed = { wholeSite: true }) if the utility's equipment opens the site's point of interconnection";
const SHED_EXAMPLE = "{ wholeSite: true } or { remoteDisconnectLoads: ['pod-1'] }";

/** What gridFacts.firmLoadShed says, read from a (possibly hand-built) model without guessing. */
type FirmLoadShedReading =
  | { readonly kind: 'absent' }
  | { readonly kind: 'whole-site' }
  | { readonly kind: 'list'; readonly names: readonly string[] }
  | { readonly kind: 'unusable'; readonly fact: MissingFact };

function readFirmLoadShed(value: unknown): FirmLoadShedReading {
  if (value === undefined) return { kind: 'absent' };
  const shape = notAnObject('firmLoadShed', value, SHED_EXAMPLE);
  if (shape) return { kind: 'unusable', fact: shape };
  const fields = value as Record<string, unknown>;
  const keys = Object.keys(fields).sort().join(',');
  if (keys === 'wholeSite' && fields.wholeSite === true) return { kind: 'whole-site' };
  if (keys === 'remoteDisconnectLoads') {
    const names = fields.remoteDisconnectLoads;
    if (Array.isArray(names) && names.length > 0 && names.every((n) => typeof n === 'string')) return { kind: 'list', names: [...new Set(names as string[])].sort() };
    return { kind: 'unusable', fact: { fact: 'firmLoadShed.remoteDisconnectLoads', example: "ids of the interruptible mining pods it drops, e.g. ['pod-1']", invalid: { given: names, problem: 'is not a list of load ids' } } };
  }
  return { kind: 'unusable', fact: { fact: 'firmLoadShed', example: SHED_EXAMPLE, invalid: { given: value, problem: 'is neither { wholeSite: true } nor { remoteDisconnectLoads: [...] }' } } };
}

export const TXLL_5: Rule = {
  id: 'TXLL-5',
  statement:
    'A Large Load at transmission voltage interconnected after 2025-12-31 (or beyond the load interconnected by then) must be curtailable during ' +
    "firm load shed: the utility's remote-disconnect equipment opens the whole site or drops every interruptible mining pod of the curtailment plan.",
  source: 'Texas SB 6 (2025), curtailment in firm load shed (https://capitol.texas.gov/tlodocs/89R/billtext/html/SB00006F.htm; https://gridbeyond.com/sb6-major-changes-coming-for-large-loads-in-ercot)',
  level: 'error',
  suppressible: false,
  check: ({ campus, timeline }) => {
    const facts = campus.gridFacts ?? {};
    const voltage = facts.voltageClass as unknown;
    if (voltage === 'distribution') return [];
    const connection = readCoverage(facts.interconnection, {
      fact: 'interconnection',
      kwField: 'loadKw',
      mwProp: 'loadMw',
      dayExample: "the day the site is interconnected, 'YYYY-MM-DD'",
      mwExample: 'the site load that interconnection covers, MW',
      cutoff: FIRM_LOAD_SHED_AFTER,
    });
    const voltageExample = "'transmission' or 'distribution'";
    const missing: MissingFact[] = [
      ...(voltage === undefined ? [{ fact: 'voltageClass', example: voltageExample }] : []),
      ...(voltage !== undefined && voltage !== 'transmission'
        ? [{ fact: 'voltageClass', example: voltageExample, invalid: { given: voltage, problem: "is neither 'transmission' nor 'distribution'" } }]
        : []),
      ...(connection.kind === 'unknown' ? connection.missing : []),
    ];
    const shed = readFirmLoadShed(facts.firmLoadShed);
    // The loads of the campus at any date, computed once for every state.
    let loads: ReadonlySet<string> | undefined;
    const declared = () => (loads ??= new Set(campusLoads(campus).map((l) => l.name)));
    return timeline.states
      .filter((state) => isLargeLoad(state.evaluation.budget))
      .flatMap((state): RuleViolation[] => {
        const demandKw = siteDemandKw(state.evaluation.budget);
        if (connection.kind === 'covers' && demandKw <= connection.coveredKw + EPSILON_KW) return [];
        const load = formatMw(demandKw);
        if (missing.length > 0 || connection.kind === 'unknown') {
          return [
            finding(
              campus,
              state,
              `peak site load ${load} makes the site a Large Load, which must be curtailable during firm load shed if it is at transmission voltage ` +
                `and interconnected after 2025-12-31 (SB 6), but ${missingFacts(missing)}`,
            ),
          ];
        }
        const when =
          connection.kind === 'covers'
            ? `interconnected on ${connection.date} (on or before 2025-12-31) for ${formatMw(connection.coveredKw)} only, which the site load exceeds, ` +
              `so the load beyond it is interconnected after 2025-12-31`
            : `interconnected on ${connection.date} (after 2025-12-31)`;
        const head = `peak site load ${load} at transmission voltage, ${when}: SB 6 requires that the load can be curtailed during firm load shed`;
        switch (shed.kind) {
          case 'whole-site':
            return [];
          case 'absent':
            return [
              finding(
                campus,
                state,
                `${head}, but gridFacts.firmLoadShed is not declared. Set the Campus prop gridFacts.firmLoadShed to { wholeSite: true } (the utility's ` +
                  `equipment opens the site's point of interconnection) or to { remoteDisconnectLoads: [...] } (the interruptible mining pods it drops).`,
              ),
            ];
          case 'unusable':
            return [finding(campus, state, `${head}, but ${missingFacts([shed.fact])}`)];
          case 'list':
            return judgeList(campus, state, declared(), shed.names, demandKw);
        }
      });
  },
};

/** What the load model stops drawing when `names` are shed at a state, kW (their cooling and overhead included). */
function droppedKw(budget: CampusBudget, names: ReadonlySet<string>): number {
  const shed = loadFlow(budget.campus, budget.loads, (l) => budget.powerKw.get(l.name) ?? 0, alsoShedding(NO_SHEDDING, 'remote-disconnect', (l) => names.has(l.name)));
  return Math.max(0, flowTotalKw(budget.flows.normal) - flowTotalKw(shed));
}

/**
 * What one interruptible pod that runs adds to the site load at a state, kW: the load model's
 * normal total minus its total without that pod (domain/load-model.ts loadFlow: its power with its
 * facility overhead on its bus, and the change in its cooling system's power), computed from the
 * normal flow in constant time, so a campus of thousands of pods is judged without a load flow
 * per pod.
 */
function podLoadKw(budget: CampusBudget, pod: CampusLoad): number {
  const kw = budget.powerKw.get(pod.name) ?? 0;
  if (kw <= 0) return 0;
  const normal = budget.flows.normal;
  let total = normal.buses.has(pod.bus) ? kw * (1 + overheadFractionOf(pod)) : 0;
  const coolingName = coolingOf(pod);
  const flow = coolingName === undefined ? undefined : normal.cooling.get(coolingName);
  const system = flow && budget.campus.coolingSystems.find((c) => c.name === coolingName);
  if (flow && system && normal.buses.has(system.bus)) {
    const heatLeftKw = flow.heatKw - kw;
    total += flow.powerKw - coolingPowerKw(system.power, heatLeftKw, heatLeftKw > EPSILON_KW);
  }
  return total;
}

/** Names for a message: all of them up to five, else the first three and how many more. */
const someNames = (names: readonly string[]) => listNames(names, names.length <= 5 ? 5 : 3);

/** The listed loads (sorted, no repeats) at one state, against the curtailment plan's loads in service then. */
function judgeList(campus: CampusModel, state: TimelineState, declared: ReadonlySet<string>, listed: readonly string[], demandKw: number): RuleViolation[] {
  const budget = state.evaluation.budget;
  const inService = new Map(budget.loads.map((l) => [l.name, l]));
  const dropKw = droppedKw(budget, new Set(listed.filter((name) => inService.has(name))));
  const head = `firm load shed through ${LIST} (${someNames(listed)}) drops ${formatMw(dropKw)} (${formatPercent(dropKw / demandKw)} of the ${formatMw(demandKw)} site load)`;
  const out: RuleViolation[] = [];
  const add = (problem: string, advice: string, load?: string) =>
    out.push(finding(campus, state, `${head}, but ${problem} (SB 6). ${advice}.`, load === undefined ? undefined : `load '${load}'`));
  for (const name of listed) {
    const part = inService.get(name);
    if (!declared.has(name)) {
      add(`'${name}' is not a load of campus '${campus.name}'`, `Remove it from the list, or use one of: ${someNames([...declared]) || '(none)'}`, name);
    } else if (part && isFirm(part)) {
      add(`'${name}' is a firm load, which the campus never sheds: dropping it would cut load the campus must keep up`, `Remove it from the list, ${WHOLE_SITE}`, name);
    } else if (part && part.kind !== 'mining-pod') {
      add(`'${name}' is interruptible but not in the curtailment plan (only interruptible mining pods are)`, `Remove it from the list, ${WHOLE_SITE}`, name);
    }
  }
  const listedSet = new Set(listed);
  for (const part of budget.loads) {
    if (part.kind !== 'mining-pod' || isFirm(part) || listedSet.has(part.name)) continue;
    const leftKw = podLoadKw(budget, part);
    if (leftKw <= EPSILON_KW) continue;
    add(
      `'${part.name}', an interruptible mining pod of the curtailment plan, is not listed: ${formatMw(leftKw)} of its load is not covered`,
      `Add it to the list, ${WHOLE_SITE}`,
      part.name,
    );
  }
  if (out.length === 0 && dropKw <= EPSILON_KW) {
    add('none of the listed loads draws power then', `List the interruptible mining pods in service then, ${WHOLE_SITE}`);
  }
  return out;
}
