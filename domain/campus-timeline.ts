/**
 * The campus at each state of its timeline (see timeline.ts for the rules on dates).
 */
import type { BusModel, CampusModel, FeedModel } from './model';
import { cachedWhileListed, type Listed } from './shortcuts';
import { type Dated, type Month, type TimelinePoint, inServiceAt, nextMonth, timelinePoints } from './timeline';

/** Every named part of a campus, every date included: buses, feeds, cooling systems and loads. */
export function namedParts(campus: CampusModel): (Dated & { readonly name: string })[] {
  return [
    ...campus.buses,
    ...campus.buses.flatMap((b) => b.feeds),
    ...campus.coolingSystems,
    ...campus.miningPods,
    ...campus.gpuHalls,
    ...(campus.blockLoads ?? []),
    ...campus.auxiliaryLoads,
  ];
}

/** Every dated thing in a campus: feeds, buses, cooling, loads, commitments and interconnect steps. */
export function datedParts(campus: CampusModel): Dated[] {
  return [
    ...namedParts(campus),
    ...(campus.commitments ?? []),
    ...(campus.interconnectSteps ?? []).map((s) => ({ inService: s.from })),
  ];
}

/**
 * The interconnect limit in force in `month` (the last step from that month or before), kW.
 * Without a month, the lowest limit of the schedule: a campus judged without a date is never
 * given the favourable one.
 */
export function interconnectLimitAt(campus: CampusModel, month: Month | undefined): number {
  const steps = [...(campus.interconnectSteps ?? [])].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  if (month === undefined) return steps.reduce((lowest, step) => Math.min(lowest, step.limitKw), campus.interconnectLimitKw);
  let limitKw = campus.interconnectLimitKw;
  let from: Month | undefined;
  for (const step of steps) {
    if (step.from > month) break;
    // Two steps for one month (only a model built by hand can have them): the lower limit.
    limitKw = step.from === from ? Math.min(limitKw, step.limitKw) : step.limitKw;
    from = step.from;
  }
  return limitKw;
}

/**
 * The keys of a campus that `campusAt` gives other values (besides `period`): the lists of parts
 * filtered by date. A view of a state that makes them on first read (evaluate.ts, lazyStateOf)
 * must make every one of them, or it would judge parts not in service
 * (test/domain/timeline.test.ts checks this list against campusAt).
 */
export const DATED_LISTS: ReadonlySet<string> = new Set(['buses', 'coolingSystems', 'miningPods', 'gpuHalls', 'auxiliaryLoads', 'blockLoads', 'commitments', 'notInService']);

/** The bus with only `feeds` in service last made for each bus (shortcuts.ts). */
const FILTERED_BUS = new WeakMap<BusModel, Listed<FeedModel, BusModel>>();

/**
 * `bus` with only `feeds` (its feeds in service, in its order) in service: the bus itself when
 * every feed is; otherwise the object last made for this bus while it has the same feeds in
 * service (checked by identity, one pass, so a feed pushed or replaced in place in the bus's list
 * after a first evaluation makes a new one). A bus with every feed in service is itself, and its
 * figures in redundancy.ts are checked against its feeds the same way. So what is computed per
 * bus object (redundancy.ts, scenarios.ts, the islands' bus lists) is computed once for the
 * states it spans.
 */
function busWith(bus: BusModel, feeds: readonly FeedModel[]): BusModel {
  if (feeds.length === bus.feeds.length) return bus;
  return cachedWhileListed(FILTERED_BUS, bus, feeds, (b) => ({ ...b, feeds }));
}

/** The campus with only what is in service during `point`. */
export function campusAt(campus: CampusModel, point: TimelinePoint): CampusModel {
  const on = <T extends Dated>(items: readonly T[]): T[] => items.filter((item) => inServiceAt(item, point.at));
  return {
    ...campus,
    // A bus whose feeds are all in service stays the same object, and one with a feed out of
    // service the same filtered object while the same feeds are in service (`busWith`).
    buses: on(campus.buses).map((b) => busWith(b, on(b.feeds))),
    coolingSystems: on(campus.coolingSystems),
    miningPods: on(campus.miningPods),
    gpuHalls: on(campus.gpuHalls),
    auxiliaryLoads: on(campus.auxiliaryLoads),
    ...(campus.blockLoads ? { blockLoads: on(campus.blockLoads) } : {}),
    commitments: on(campus.commitments ?? []),
    notInService: [...campus.buses, ...campus.coolingSystems]
      .filter((part) => !inServiceAt(part, point.at))
      .map((part) => ({ name: part.name, ...(part.inService ? { inService: part.inService } : {}), ...(part.retire ? { retire: part.retire } : {}) })),
    period: point,
  };
}

/**
 * The states to check: every change of the timeline, or only the month `at` when one is chosen
 * (synth for a date).
 */
export function campusStates(campus: CampusModel, at?: Month): TimelinePoint[] {
  if (at !== undefined) return [{ at, from: at, until: nextMonth(at), label: `at ${at}` }];
  const anchors = [...campus.buses, ...campus.coolingSystems, ...campus.miningPods, ...campus.gpuHalls, ...(campus.blockLoads ?? []), ...campus.auxiliaryLoads];
  return timelinePoints(datedParts(campus), anchors);
}
