/**
 * The site of a state joined from islands (islands.ts): the figures `siteBudget` (budget.ts)
 * sums from the flows of every bus, summed here from each bus's totals, with what depends only on
 * the list of buses (each bus's on-site generation in every scenario, the loss scenarios) made
 * once per list and kept for the states that share it.
 *
 * Formulas: those of `siteBudget` (budget.ts), term for term and in the same order (buses in name
 * order, each sum from 0), so that every float is the same, byte for byte
 * (test/domain/incremental-timeline.property.test.ts compares them with every state evaluated
 * whole): each bus draws from the grid max(0, bus load - usable generation on that bus), the site's
 * import is the sum, set against the interconnect limit in force.
 */
import { utilizationOf, type SiteBudget, type SiteScenario } from './budget';
import type { BusModel } from './model';
import { busGenerationIn, campusScenarios, losesGeneration, type Scenario } from './scenarios';

/** One bus of a state: its total load in each flow of the state (`LoadByClass.totalKw`), kW. */
export interface BusTotals {
  readonly normalKw: number;
  readonly contingencyKw: number;
  /** `normalKw` with every auto-capped pod shed. */
  readonly normalNoAutoKw: number;
  /** `contingencyKw` with every auto-capped pod shed. */
  readonly contingencyNoAutoKw: number;
}

/** A loss scenario, with the generation each bus keeps in it (positions of `BusList.models`), kW. */
interface Loss {
  readonly scenario: Scenario;
  /** Whether the loss takes no generation: `siteBudget` then shares one set of figures among all such losses. */
  readonly takesNoGeneration: boolean;
  /** `busGenerationIn(bus, scenario.event)` of each bus; the list's `generationKw` when it takes none. */
  readonly generationKw: Float64Array;
  /** The generation left on the site: the sum of `generationKw` in name order, from 0. */
  readonly totalGenerationKw: number;
}

/** What a site's row in one loss scenario is made from (with the limit), as `siteBudget` makes it. */
interface ContingencyFigures {
  readonly generationKw: number;
  readonly importKw: number;
  readonly noAutoImportKw: number;
  readonly totalLoadKw: number;
}

/**
 * A list of buses (models in name order) and what every state that has these same bus objects
 * shares: its scenarios (`campusScenarios`), the generation of each bus, its losses, and the site's
 * loss rows last made for it.
 */
export interface BusList {
  readonly models: readonly BusModel[];
  readonly scenarios: readonly Scenario[];
  /** Usable on-site generation of each bus in normal operation, kW. */
  readonly generationKw: Float64Array;
  /** Every loss scenario, in scenario order. */
  readonly losses: readonly Loss[];
  /**
   * The losses whose figures differ (positions of `losses`): the first loss that takes no
   * generation (its figures are shared by every such loss), and each loss that takes some.
   */
  readonly distinct: readonly Loss[];
  /** For each loss, the position in `distinct` of the loss whose figures it has. */
  readonly figuresOf: Int32Array;
  /** The losses that take on-site generation (`losesGeneration`): the only ones the site is checked in. */
  readonly generationLosses: readonly Loss[];
  /** The loss rows last made for this list, with what they were made from (`distinct`'s figures): reused while both are the same. */
  last?: { readonly limitKw: number; readonly figures: readonly ContingencyFigures[]; readonly contingencies: readonly SiteScenario[] };
}

/** Sum of `values` in order, from 0 (as `[...generation.values()].reduce((t, g) => t + g, 0)`). */
function sumOf(values: Float64Array): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total;
}

/** The list of `models` (buses of one state, in name order): its scenarios, generation and losses. */
export function busListOf(models: readonly BusModel[]): BusList {
  const scenarios = campusScenarios(models);
  // Usable generation per bus with nothing lost (scenarios.ts, generationOn: busGenerationIn(bus, undefined)).
  const generationKw = Float64Array.from(models, (b) => busGenerationIn(b, undefined));
  const totalGenerationKw = sumOf(generationKw);
  const losses = scenarios
    .filter((s) => s.kind === 'contingency')
    .map((scenario): Loss => {
      // The test `siteBudget` makes to share one set of figures among the losses that take no generation.
      const takesNoGeneration = (scenario.event?.lostGenerationKw ?? 0) === 0;
      if (takesNoGeneration) return { scenario, takesNoGeneration, generationKw, totalGenerationKw };
      const kept = Float64Array.from(models, (b) => busGenerationIn(b, scenario.event));
      return { scenario, takesNoGeneration, generationKw: kept, totalGenerationKw: sumOf(kept) };
    });
  const distinct: Loss[] = [];
  let shared = -1;
  const figuresOf = Int32Array.from(losses, (loss) => {
    if (!loss.takesNoGeneration) return distinct.push(loss) - 1;
    if (shared < 0) shared = distinct.push(loss) - 1;
    return shared;
  });
  return { models, scenarios, generationKw, losses, distinct, figuresOf, generationLosses: losses.filter((l) => losesGeneration(l.scenario)) };
}

/** Grid import: per bus, what its generation cannot cover, summed in name order (load-model.ts, siteImportKw). */
function importOf(buses: readonly BusTotals[], loadKw: (b: BusTotals) => number, generationKw: Float64Array): number {
  let total = 0;
  for (let i = 0; i < buses.length; i++) total += Math.max(0, loadKw(buses[i]) - generationKw[i]);
  return total;
}

/** Total load over every bus, in name order (load-model.ts, flowTotalKw). */
function totalOf(buses: readonly BusTotals[], loadKw: (b: BusTotals) => number): number {
  let total = 0;
  for (let i = 0; i < buses.length; i++) total += loadKw(buses[i]);
  return total;
}

/** Whether two lists of figures hold the same numbers (Object.is: -0 and NaN as they are), in the same order. */
function sameFigures(a: readonly ContingencyFigures[], b: readonly ContingencyFigures[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) {
    const x = a[k];
    const y = b[k];
    if (!Object.is(x.generationKw, y.generationKw) || !Object.is(x.importKw, y.importKw) || !Object.is(x.noAutoImportKw, y.noAutoImportKw) || !Object.is(x.totalLoadKw, y.totalLoadKw)) {
      return false;
    }
  }
  return true;
}

/**
 * The site of a state whose buses are `list.models`, with `buses` their totals (the same
 * positions), against `limitKw`: the same figures as `siteBudget(list.models, list.scenarios,
 * flows, limitKw)` on the flows the totals come from. The loss rows are the list's last ones when
 * every figure and the limit are the same (as `siteBudget` reuses them).
 */
export function joinedSiteBudget(list: BusList, buses: readonly BusTotals[], limitKw: number): SiteBudget {
  const totalLoadKw = totalOf(buses, (b) => b.normalKw);
  const gridImportKw = importOf(buses, (b) => b.normalKw, list.generationKw);
  const contingencyLoadKw = totalOf(buses, (b) => b.contingencyKw);
  // The figures of each distinct loss (every loss that takes no generation has the same ones, as
  // `siteBudget` shares them); compared with the last ones of the list, as `siteBudget` compares
  // the figures of every loss.
  const figures = list.distinct.map(
    (loss): ContingencyFigures => ({
      generationKw: loss.totalGenerationKw,
      importKw: importOf(buses, (b) => b.contingencyKw, loss.generationKw),
      noAutoImportKw: importOf(buses, (b) => b.contingencyNoAutoKw, loss.generationKw),
      totalLoadKw: contingencyLoadKw,
    }),
  );
  const last = list.last;
  let contingencies: readonly SiteScenario[];
  if (last !== undefined && Object.is(last.limitKw, limitKw) && sameFigures(last.figures, figures)) contingencies = last.contingencies;
  else {
    contingencies = list.losses.map((loss, k): SiteScenario => {
      const f = figures[list.figuresOf[k]];
      return {
        scenario: loss.scenario,
        totalLoadKw: f.totalLoadKw,
        generationKw: f.generationKw,
        gridImportKw: f.importKw,
        headroomKw: limitKw - f.importKw,
        utilization: utilizationOf(f.importKw, limitKw),
        autoMiningKw: f.importKw - f.noAutoImportKw,
      };
    });
    list.last = { limitKw, figures, contingencies };
  }
  return {
    totalLoadKw,
    generationOffsetKw: totalLoadKw - gridImportKw,
    gridImportKw,
    interconnectLimitKw: limitKw,
    headroomKw: limitKw - gridImportKw,
    utilization: utilizationOf(gridImportKw, limitKw),
    autoMiningKw: gridImportKw - importOf(buses, (b) => b.normalNoAutoKw, list.generationKw),
    contingencies,
  };
}
