/**
 * What a bus must survive: the loss events checked against it (Uptime Institute tiers;
 * shared/reference/domain-notes.md section 2). Firm load must survive the loss of any one
 * source, so every bus is checked against:
 *
 * - N and N+1: the loss of each feed in turn, on-site generators included. (An N bus is not
 *   designed to survive a loss, so any firm load on it fails unless its other feeds carry it.)
 * - 2N with a side (A or B) on every feed: the loss of each side, which covers the loss of any
 *   feed on it.
 * - 2N without sides: never the favourable split. Nothing says how the feeds divide into two
 *   sides (nor that the sides have as many feeds), so the worst case is assumed: only the
 *   smallest feed is left, and, if that is a generator, also only the smallest utility feed (so
 *   that every generator is lost for the grid import). The label says so; give each feed its
 *   side to check the real split.
 *
 * Each event says what the bus can still carry and how much on-site generation it lost, so
 * the same event is checked against the bus and against the site interconnect (scenarios.ts).
 */
import { feedUsableKw } from './feed-rating';
import type { BusModel, FeedModel } from './model';
import { cachedWhileListed, type Listed } from './shortcuts';

export interface LossEvent {
  /** Stable key, e.g. "lose-feed:utility-2" or "lose-side:A". */
  readonly id: string;
  /** The bus that loses the source(s). */
  readonly bus: string;
  readonly kind: 'feed' | 'side' | 'worst-split';
  /** Names of the feeds lost, sorted. */
  readonly lostFeeds: readonly string[];
  /** Short label for tables, e.g. "lose utility-2". */
  readonly label: string;
  /** What is lost, in words, for messages. */
  readonly lost: string;
  /** What the bus can still carry, kW. */
  readonly capacityKw: number;
  /** Usable on-site generation lost, kW. */
  readonly lostGenerationKw: number;
}

function byName(a: FeedModel, b: FeedModel): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Sum of usable capacity of the feeds that pass `keep`, in name order (so the float sum never depends on declaration order). */
function sumUsableKw(feeds: readonly FeedModel[], keep: (f: FeedModel) => boolean): number {
  return [...feeds].sort(byName).reduce((sum, feed) => sum + (keep(feed) ? feedUsableKw(feed) : 0), 0);
}

/*
 * Figures of one bus, computed once per bus object while its list of feeds holds the same feeds
 * (shortcuts.ts, cachedWhileListed: a feed pushed or replaced in place is counted): a campus
 * judged at hundreds of dates keeps the same bus object while its feeds do not change (campusAt),
 * so each figure is summed once, not once per state.
 */
const USABLE = new WeakMap<BusModel, Listed<FeedModel, number>>();
const GENERATION = new WeakMap<BusModel, Listed<FeedModel, number>>();
const LOSS_EVENTS = new WeakMap<BusModel, Listed<FeedModel, readonly LossEvent[]>>();

export function busUsableKw(bus: BusModel): number {
  return cachedWhileListed(USABLE, bus, bus.feeds, (b) => sumUsableKw(b.feeds, () => true));
}

/** Usable capacity of the bus's on-site generation feeds, kW. */
export function busGenerationKw(bus: BusModel): number {
  return cachedWhileListed(GENERATION, bus, bus.feeds, (b) => sumUsableKw(b.feeds, (f) => f.source === 'onsite-generation'));
}

function quoted(names: readonly string[]): string {
  return names.map((n) => `'${n}'`).join(', ');
}

function event(bus: BusModel, kind: LossEvent['kind'], id: string, label: string, lost: string, feeds: readonly FeedModel[]): LossEvent {
  const lostNames = new Set(feeds.map((f) => f.name));
  return {
    id,
    bus: bus.name,
    kind,
    lostFeeds: [...lostNames].sort(),
    label,
    lost,
    // The sum of what is left (not usable - lost), so that losing every feed leaves exactly 0.
    capacityKw: sumUsableKw(bus.feeds, (f) => !lostNames.has(f.name)),
    lostGenerationKw: sumUsableKw(feeds, (f) => f.source === 'onsite-generation'),
  };
}

function describeFeed(f: FeedModel): string {
  return f.source === 'onsite-generation' ? `on-site generator '${f.name}'` : `feed '${f.name}'`;
}

/** The loss events a bus is checked against, in a stable order; none for a bus with no feed. Shared: do not modify. */
export function lossEvents(bus: BusModel): readonly LossEvent[] {
  return cachedWhileListed(LOSS_EVENTS, bus, bus.feeds, computeLossEvents);
}

function computeLossEvents(bus: BusModel): LossEvent[] {
  const feeds = [...bus.feeds].sort(byName);
  if (feeds.length === 0) return [];
  if (bus.redundancy === '2N') {
    if (feeds.every((f) => f.side !== undefined)) {
      return (['A', 'B'] as const)
        .map((side) => ({ side, lost: feeds.filter((f) => f.side === side) }))
        .filter((s) => s.lost.length > 0)
        .map(({ side, lost }) =>
          event(bus, 'side', `lose-side:${side}`, `lose side ${side}`, `loss of side ${side}: ${lost.length === 1 ? 'feed' : 'feeds'} ${quoted(lost.map((f) => f.name))}`, lost),
        );
    }
    if (feeds.length > 1) {
      // Nothing says how the feeds split into two sides, and the sides need not have as many
      // feeds each: the worst split leaves only the smallest feed. For the grid import, the
      // worst split also takes every on-site generator: if the smallest feed is a generator,
      // a second event keeps the smallest utility feed instead.
      const isGeneration = (f: FeedModel) => f.source === 'onsite-generation';
      const smallestFirst = (a: FeedModel, b: FeedModel) => feedUsableKw(a) - feedUsableKw(b) || Number(isGeneration(a)) - Number(isGeneration(b)) || byName(a, b);
      const keepForBus = [...feeds].sort(smallestFirst)[0];
      const utilities = feeds.filter((f) => !isGeneration(f)).sort(smallestFirst);
      const split = (id: string, kept: FeedModel, what: string) => {
        const lost = feeds.filter((f) => f !== kept);
        return event(
          bus,
          'worst-split',
          id,
          `lose all but ${kept.name} (2N, no sides)`,
          `loss of one side; the feeds name no side, so the worst split ${what} is assumed: only '${kept.name}' is left (${quoted(lost.map((f) => f.name))} lost)`,
          lost,
        );
      };
      const events = [split('lose-side:worst', keepForBus, 'for the bus')];
      if (isGeneration(keepForBus) && utilities.length > 0) events.push(split('lose-side:worst-generation', utilities[0], 'for the grid import'));
      return events;
    }
  }
  return feeds.map((f) => event(bus, 'feed', `lose-feed:${f.name}`, `lose ${f.name}`, `loss of ${describeFeed(f)}`, [f]));
}
