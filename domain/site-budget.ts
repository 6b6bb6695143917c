/**
 * The site of one state: grid import in normal operation and in every loss scenario, against the
 * interconnect limit in force, summed from each bus's totals. One implementation for both paths:
 * `siteBudget` (budget.ts, a state evaluated whole) takes each bus's totals from the state's flows,
 * and a state joined from islands (islands.ts) from its islands' buses; what depends only on the
 * list of buses (each bus's on-site generation in every scenario, the loss scenarios) is made once
 * per list, with the last loss rows, reused while every figure and the limit are the same; joined
 * states keep the list for the states that share their buses (islands.ts), a state evaluated
 * whole makes its own.
 *
 * Formulas (load-model.ts, flowTotalKw and siteImportKw; budget.ts's header): each bus draws from
 * the grid max(0, bus load - usable generation on that bus), the site's import is the sum over the
 * buses in name order, from 0, set against the interconnect limit in force; generation on one bus
 * does not offset another bus's load. A loss that takes no generation leaves every bus its
 * generation (x - 0 is x), so every such loss has the same figures, computed once.
 */
import type { SiteBudget, SiteScenario } from './budget';
import type { BusModel } from './model';
import { busGenerationIn, campusScenarios, losesGeneration, type Scenario } from './scenarios';
import { shortcutsEnabled } from './shortcuts';
import { utilizationOf } from './units';

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
  /** `busGenerationIn(bus, scenario.event)` of each bus; the list's `generationKw` when it takes none. */
  readonly generationKw: Float64Array;
  /** The generation left on the site: the sum of `generationKw` in name order, from 0. */
  readonly totalGenerationKw: number;
}

/** What a site's row in one loss scenario is made from (with the limit). */
interface ContingencyFigures {
  readonly generationKw: number;
  readonly importKw: number;
  readonly noAutoImportKw: number;
  readonly totalLoadKw: number;
}

/**
 * A list of buses (models in name order, one per name) and what every state that has these same
 * bus objects shares: its scenarios (`campusScenarios`), the generation of each bus, its losses,
 * and the site's loss rows last made for it.
 */
export interface BusList {
  readonly models: readonly BusModel[];
  readonly scenarios: readonly Scenario[];
  /** Usable on-site generation of each bus in normal operation, kW. */
  readonly generationKw: Float64Array;
  /** Every loss scenario, in scenario order. */
  readonly losses: readonly Loss[];
  /**
   * The losses whose figures differ (with shortcuts off, every loss): the first loss that takes
   * no generation (its figures are shared by every such loss), and each loss that takes some.
   */
  readonly distinct: readonly Loss[];
  /** For each loss, the position in `distinct` of the loss whose figures it has. */
  readonly figuresOf: Int32Array;
  /** The losses that take on-site generation (`losesGeneration`): the only ones the caps' site test is run in (islands.ts, siteClear). */
  readonly generationLosses: readonly Loss[];
  /** The loss rows last made for this list, with what they were made from (`distinct`'s figures): reused while both are the same. */
  last?: { readonly limitKw: number; readonly figures: readonly ContingencyFigures[]; readonly contingencies: readonly SiteScenario[] };
}

/** Sum of `values` in order (buses in name order), from 0. */
function sumOf(values: Float64Array): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total;
}

/**
 * The list of `models` (the buses of one state, in name order, one per name): its scenarios
 * (`campusScenarios(models)` unless given), generation and losses.
 */
export function busListOf(models: readonly BusModel[], scenarios: readonly Scenario[] = campusScenarios(models)): BusList {
  // Usable generation per bus with nothing lost (scenarios.ts, generationOn: busGenerationIn(bus, undefined)).
  const generationKw = Float64Array.from(models, (b) => busGenerationIn(b, undefined));
  const totalGenerationKw = sumOf(generationKw);
  // With shortcuts off, every loss has figures of its own (computed from scratch, shortcuts.ts).
  const share = shortcutsEnabled();
  const distinct: Loss[] = [];
  const figuresOf: number[] = [];
  let shared = -1;
  const losses: Loss[] = [];
  for (const scenario of scenarios) {
    if (scenario.kind !== 'contingency') continue;
    let loss: Loss;
    // A loss that takes no generation leaves every bus its generation: the list's own figures,
    // shared (with shortcuts off, worked out for the loss like any other, so that the reference
    // evaluation checks this shortcut).
    if (share && (scenario.event?.lostGenerationKw ?? 0) === 0) {
      loss = { scenario, generationKw, totalGenerationKw };
      if (shared < 0) shared = distinct.push(loss) - 1;
      figuresOf.push(shared);
    } else {
      const kept = Float64Array.from(models, (b) => busGenerationIn(b, scenario.event));
      loss = { scenario, generationKw: kept, totalGenerationKw: sumOf(kept) };
      figuresOf.push(distinct.push(loss) - 1);
    }
    losses.push(loss);
  }
  return { models, scenarios, generationKw, losses, distinct, figuresOf: Int32Array.from(figuresOf), generationLosses: losses.filter((l) => losesGeneration(l.scenario)) };
}

/**
 * Grid import: per bus, what its generation cannot cover, summed in name order (load-model.ts,
 * siteImportKw); `generationKw` at the buses' positions (`BusList.generationKw` or a loss's).
 */
export function importOf<T>(buses: readonly T[], loadKw: (b: T) => number, generationKw: Float64Array): number {
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
 * positions), against `limitKw`. The loss rows are the list's last ones when every figure and the
 * limit are the same (shortcuts on), so that states sharing a list do not make and keep identical
 * rows again.
 */
export function siteBudgetOf(list: BusList, buses: readonly BusTotals[], limitKw: number): SiteBudget {
  const totalLoadKw = totalOf(buses, (b) => b.normalKw);
  const gridImportKw = importOf(buses, (b) => b.normalKw, list.generationKw);
  const contingencyLoadKw = totalOf(buses, (b) => b.contingencyKw);
  // The figures of each distinct loss (every loss that takes no generation has the same ones),
  // compared with the last ones of the list.
  const figures = list.distinct.map(
    (loss): ContingencyFigures => ({
      generationKw: loss.totalGenerationKw,
      importKw: importOf(buses, (b) => b.contingencyKw, loss.generationKw),
      noAutoImportKw: importOf(buses, (b) => b.contingencyNoAutoKw, loss.generationKw),
      totalLoadKw: contingencyLoadKw,
    }),
  );
  const last = shortcutsEnabled() ? list.last : undefined;
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
    if (shortcutsEnabled()) list.last = { limitKw, figures, contingencies };
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
