/**
 * A power bus (substation) and its feeds.
 */
import { Construct } from 'constructs';
import { z } from 'zod';
import {
  defaultMaxUtilization,
  describeRating,
  feedRatingKw,
  type FeedRating,
} from '../../domain/feed-rating';
import type { BusModel, FeedModel, FeedSource, Redundancy } from '../../domain/model';
import { type CampusPart, type CampusScope, requireCampus, validateWithCampus } from './campus-scope';
import { checkServiceDates, datesOf, fraction, kubernetesNameSchema, parseProps, positiveNumber, serviceDates, checkConstructArgs } from '../props';

/**
 * One feed into a bus: a utility line, a transformer or on-site generation.
 *
 * Give the rating either as `capacityMw` (a contracted or nameplate figure) or electrically as
 * `voltageKv`, `currentA`, `phases` and `powerFactor`
 * (kW = kV x A x sqrt(3) for three-phase x power factor).
 */
export interface FeedProps {
  /** Unique within the campus; a Kubernetes DNS-1123 label. */
  readonly name: string;
  /**
   * Where the power comes from. On-site generation offsets the site's grid import.
   * @default 'utility'
   */
  readonly source?: FeedSource;
  /** Contracted or nameplate rating in MW. Give this or the electrical rating. */
  readonly capacityMw?: number;
  /** Line-to-line voltage in kV (three-phase) or line-to-neutral (single-phase). */
  readonly voltageKv?: number;
  /** Rated current in A. */
  readonly currentA?: number;
  /** 3 for three-phase (x sqrt 3), 1 for single-phase. */
  readonly phases?: 1 | 3;
  /** Power factor, 0 < pf <= 1; required with an electrical rating. */
  readonly powerFactor?: number;
  /**
   * Fraction of the rating that may be drawn continuously.
   * @default 0.8 for an electrical rating (NEC continuous-load rule); 1.0 for capacityMw (the contract already states the continuous figure)
   */
  readonly maxUtilization?: number;
  /**
   * For a 2N bus: the side the feed belongs to. Give it on every feed of the bus or none.
   * @default undefined - the worst split is assumed: only the smallest feed is left when a side is lost
   */
  readonly side?: 'A' | 'B';
  /**
   * First month in service, 'YYYY-MM'.
   * @default in service from the start of the timeline
   */
  readonly inService?: string;
  /**
   * First month out of service, 'YYYY-MM'.
   * @default never retires
   */
  readonly retire?: string;
}

export interface PowerBusProps {
  /** One or more feeds. N+1 and 2N buses need at least two. */
  readonly feeds: readonly FeedProps[];
  /**
   * The contingency the bus is designed for: 'N' (none), 'N+1' (survive the loss of any one
   * feed) or '2N' (survive the loss of one of two full sides). Firm load on any bus must survive
   * the loss of each of its feeds (each side for 2N): on an 'N' bus it fails unless the other
   * feeds carry it.
   * @default 'N' - no redundancy claimed; every feed loss is still checked against the bus's firm load
   */
  readonly redundancy?: Redundancy;
  /**
   * First month in service, 'YYYY-MM'.
   * @default in service from the start of the timeline
   */
  readonly inService?: string;
  /**
   * First month out of service, 'YYYY-MM'.
   * @default never retires
   */
  readonly retire?: string;
}

const feedSchema = z
  .strictObject({
    name: kubernetesNameSchema,
    source: z
      .enum(['utility', 'transformer', 'onsite-generation'], { error: 'must be "utility", "transformer" or "onsite-generation"' })
      .default('utility'),
    capacityMw: positiveNumber('contracted or nameplate rating in MW').optional(),
    voltageKv: positiveNumber('voltage in kV').optional(),
    currentA: positiveNumber('current in A').optional(),
    phases: z.union([z.literal(1), z.literal(3)], { error: 'must be 1 or 3' }).optional(),
    powerFactor: z
      .number({ error: 'must be a number' })
      .gt(0, { error: 'must be greater than 0' })
      .lte(1, { error: 'must be at most 1' })
      .optional(),
    maxUtilization: fraction('share of the rating that may be drawn continuously').optional(),
    side: z.enum(['A', 'B'], { error: 'must be "A" or "B"' }).optional(),
    ...serviceDates,
  })
  .superRefine(checkServiceDates)
  .superRefine((feed, ctx) => {
    const electrical = ['voltageKv', 'currentA', 'phases', 'powerFactor'] as const;
    const given = electrical.filter((k) => feed[k] !== undefined);
    if (feed.capacityMw !== undefined && given.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: [given[0]],
        message: 'give the rating either as capacityMw or as voltageKv + currentA + phases + powerFactor, not both',
      });
    } else if (feed.capacityMw === undefined && given.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['capacityMw'],
        message: 'the feed has no rating: give capacityMw, or voltageKv + currentA + phases + powerFactor',
      });
    } else if (feed.capacityMw === undefined) {
      for (const k of electrical.filter((key) => feed[key] === undefined)) {
        ctx.addIssue({
          code: 'custom',
          path: [k],
          message: `an electrical rating needs voltageKv, currentA, phases and powerFactor; ${k} is missing`,
        });
      }
    }
  });

const busSchema = z
  .strictObject({
    feeds: z.array(feedSchema).min(1, { error: 'a bus needs at least one feed' }),
    redundancy: z.enum(['N', 'N+1', '2N'], { error: 'must be "N", "N+1" or "2N"' }).default('N'),
    ...serviceDates,
  })
  .superRefine(checkServiceDates)
  .superRefine((bus, ctx) => {
    const sided = bus.feeds.filter((f) => f.side !== undefined);
    if (sided.length > 0 && bus.redundancy !== '2N') {
      ctx.addIssue({ code: 'custom', path: ['feeds'], message: `feed sides (A/B) are for a 2N bus; this bus is ${bus.redundancy}. Remove side, or set redundancy to "2N"` });
    } else if (sided.length > 0 && sided.length < bus.feeds.length) {
      const missing = bus.feeds.filter((f) => f.side === undefined).map((f) => f.name);
      ctx.addIssue({ code: 'custom', path: ['feeds'], message: `give every feed of a 2N bus its side, or none; ${missing.join(', ')} ha${missing.length === 1 ? 's' : 've'} none` });
    } else if (sided.length > 0 && new Set(sided.map((f) => f.side)).size < 2) {
      ctx.addIssue({ code: 'custom', path: ['feeds'], message: `a 2N bus needs feeds on both sides; all are on side ${sided[0].side}` });
    }
    if (bus.redundancy !== 'N' && bus.feeds.length < 2) {
      ctx.addIssue({
        code: 'custom',
        path: ['feeds'],
        message: `a bus with redundancy ${bus.redundancy} needs at least 2 feeds (it has ${bus.feeds.length}); add a feed or set redundancy to "N"`,
      });
    }
  });

type ParsedFeed = z.infer<typeof feedSchema>;

function toFeedModel(feed: ParsedFeed): FeedModel {
  const rating: FeedRating =
    feed.capacityMw !== undefined
      ? { capacityMw: feed.capacityMw }
      : { voltageKv: feed.voltageKv!, currentA: feed.currentA!, phases: feed.phases!, powerFactor: feed.powerFactor! };
  return {
    name: feed.name,
    source: feed.source,
    ratingKw: feedRatingKw(rating),
    maxUtilization: feed.maxUtilization ?? defaultMaxUtilization(rating),
    ratingBasis: describeRating(rating),
    ...(feed.side ? { side: feed.side } : {}),
    ...datesOf(feed),
  };
}

export class PowerBus extends Construct implements CampusPart {
  public readonly partKind = 'power-bus';
  public readonly campus: CampusScope;
  public readonly redundancy: Redundancy;
  public readonly feeds: readonly FeedModel[];
  private readonly dates: { inService?: string; retire?: string };

  public constructor(scope: Construct, id: string, props: PowerBusProps) {
    super(scope, checkConstructArgs('PowerBus', scope, id));
    this.campus = requireCampus(this, 'PowerBus');
    const parsed = parseProps(this, busSchema, props);
    this.redundancy = parsed.redundancy;
    this.feeds = parsed.feeds.map(toFeedModel);
    this.dates = datesOf(parsed);
    this.campus.registerPart(this);
    validateWithCampus(this, this.campus);
  }

  public toModel(): BusModel {
    return { name: this.node.id, path: this.node.path, redundancy: this.redundancy, feeds: this.feeds, ...this.dates };
  }
}
