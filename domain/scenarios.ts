/**
 * The scenarios a campus is checked in, for one state of its timeline: normal operation, and
 * the loss of each source (feed, side or generator) of each bus (redundancy.ts), one at a time.
 *
 * In every loss scenario interruptible load is shed (load-model.ts, CONTINGENCY_SHEDDING) and
 * the firm load that remains is checked twice: against what the bus that lost the source can
 * still carry, and, with that bus's lost generation, against the site interconnect. Buses that
 * lost nothing carry less than in normal operation, so they are not checked again.
 */
import type { BusModel, CampusModel, FeedModel } from './model';
import { busGenerationKw, lossEvents, type LossEvent } from './redundancy';
import { cachedPerList, cachedWhileListed, type Listed } from './shortcuts';

export interface Scenario {
  /** "normal", or "<bus>/<event id>", e.g. "bus-a/lose-feed:utility-2". */
  readonly id: string;
  readonly kind: 'normal' | 'contingency';
  /** Short label for tables: "normal" or "bus-a: lose utility-2". */
  readonly label: string;
  readonly event?: LossEvent;
}

export const NORMAL_SCENARIO: Scenario = { id: 'normal', kind: 'normal', label: 'normal' };

/** Normal operation, then every loss event of every bus, buses in name order. */
export function campusScenarios(buses: readonly BusModel[]): Scenario[] {
  const scenarios: Scenario[] = [NORMAL_SCENARIO];
  for (const bus of busesByName(buses)) scenarios.push(...lossScenarios(bus));
  return scenarios;
}

const LOSS_SCENARIOS = new WeakMap<BusModel, Listed<FeedModel, readonly Scenario[]>>();

/** The loss scenarios of one bus, made once per bus object while it has the same feeds (shortcuts.ts). Shared: do not modify. */
function lossScenarios(bus: BusModel): readonly Scenario[] {
  return cachedWhileListed(LOSS_SCENARIOS, bus, bus.feeds, (b) =>
    lossEvents(b).map((event): Scenario => ({ id: `${b.name}/${event.id}`, kind: 'contingency', label: `${b.name}: ${event.label}`, event })),
  );
}

/**
 * Whether a scenario loses on-site generation: with interruptible load shed, only such a loss can
 * raise the site's grid import above normal operation's, so only these are checked at the site.
 */
export function losesGeneration(scenario: Scenario): boolean {
  return (scenario.event?.lostGenerationKw ?? 0) > 0;
}

/** Usable on-site generation per bus in a scenario, kW. */
export function generationIn(campus: CampusModel, scenario: Scenario): Map<string, number> {
  return generationOn(campus.buses, scenario);
}

/** Usable on-site generation per bus of `buses` in a scenario, kW, in bus name order. */
export function generationOn(buses: readonly BusModel[], scenario: Scenario): Map<string, number> {
  // In name order, so that a sum over the map never depends on declaration order.
  return new Map(busesByName(buses).map((b) => [b.name, busGenerationIn(b, scenario.event)]));
}

/** The on-site generation a bus keeps when `lost` (a loss event, or none) happens, kW. */
export function busGenerationIn(bus: BusModel, lost: { readonly bus: string; readonly lostGenerationKw: number } | undefined): number {
  return busGenerationKw(bus) - (lost?.bus === bus.name ? lost.lostGenerationKw : 0);
}

const SORTED = new WeakMap<readonly BusModel[], Listed<BusModel, readonly BusModel[]>>();

/**
 * The buses in name order, sorted once per list of buses while it holds the same buses (a bus
 * pushed or replaced in place is sorted in, never left out of the scenarios). Shared: do not modify.
 */
export function busesByName(buses: readonly BusModel[]): readonly BusModel[] {
  return cachedPerList(SORTED, buses, (list) => [...list].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)));
}
