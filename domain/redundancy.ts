/**
 * Firm capacity of a bus: what it can still carry after the contingency its redundancy level
 * is designed for (Uptime Institute tiers; shared/reference/domain-notes.md section 2).
 *
 * - N: no redundancy, so no contingency scenario is checked.
 * - N+1: the bus must survive the loss of any one feed. The worst case is losing the feed with
 *   the largest usable capacity, so firm = sum of usable capacities - the largest.
 * - 2N: two full sides, each able to carry the firm load alone. When the feeds name their side
 *   (A or B), the worst case is losing the larger side, so firm = the smaller side, and the
 *   message names the feeds lost; without sides, firm = half of the sum.
 *
 * Ties for the largest feed go to the name that sorts first, so the named lost feed is stable.
 */
import type { BusModel, FeedModel } from './model';
import { feedUsableKw } from './feed-rating';

export interface Contingency {
  /** Short label for tables, e.g. "N+1 (lose utility-2)". */
  readonly label: string;
  /** What is lost, in words, for messages. */
  readonly lost: string;
  /** The feed assumed lost (N+1), the comma-separated feeds of the lost side (2N with sides), or undefined (2N without sides). */
  readonly lostFeed?: string;
  readonly firmCapacityKw: number;
}

export function busUsableKw(bus: BusModel): number {
  return bus.feeds.reduce((sum, feed) => sum + feedUsableKw(feed), 0);
}

export function largestFeed(feeds: readonly FeedModel[]): FeedModel {
  return [...feeds].sort((a, b) => feedUsableKw(b) - feedUsableKw(a) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))[0];
}

/** The contingency a bus must survive, or undefined for an N bus. */
export function busContingency(bus: BusModel): Contingency | undefined {
  const usableKw = busUsableKw(bus);
  switch (bus.redundancy) {
    case 'N':
      return undefined;
    case 'N+1': {
      if (bus.feeds.length === 0) {
        return { label: 'N+1 (no feed in service)', lost: 'no feed in service', firmCapacityKw: 0 };
      }
      const lost = largestFeed(bus.feeds);
      return {
        label: `N+1 (lose ${lost.name})`,
        lost: `loss of feed '${lost.name}', the largest on the bus`,
        lostFeed: lost.name,
        firmCapacityKw: usableKw - feedUsableKw(lost),
      };
    }
    case '2N': {
      const sided = bus.feeds.length > 0 && bus.feeds.every((f) => f.side !== undefined);
      if (sided) {
        const sideKw = (side: 'A' | 'B') => bus.feeds.filter((f) => f.side === side).reduce((t, f) => t + feedUsableKw(f), 0);
        const lostSide = sideKw('A') >= sideKw('B') ? 'A' : 'B';
        const lostFeeds = bus.feeds.filter((f) => f.side === lostSide).map((f) => f.name).sort();
        return {
          label: `2N (lose side ${lostSide})`,
          lost: `loss of side ${lostSide}: feed${lostFeeds.length === 1 ? '' : 's'} ${lostFeeds.map((n) => `'${n}'`).join(', ')}`,
          lostFeed: lostFeeds.join(','),
          firmCapacityKw: usableKw - sideKw(lostSide),
        };
      }
      return {
        label: '2N (lose one side)',
        lost: 'loss of one of its two redundant sides, half of its usable capacity',
        firmCapacityKw: usableKw / 2,
      };
    }
  }
}
