/**
 * Feed ratings: how much power a utility line, transformer or generator can deliver.
 *
 * Electrical rating (kW) = kV x A x phaseFactor x powerFactor, where phaseFactor is sqrt(3)
 * for three-phase line-to-line voltage and 1 for single-phase. This is NetBox's PowerFeed
 * formula (netbox/dcim/models/power.py, `PowerFeed.save()`: voltage x amperage x 1.732 for
 * three-phase), with two differences: sqrt(3) exactly instead of 1.732, and a power factor,
 * because NetBox treats VA as W and a campus budget is in real power (kW).
 * See shared/reference/domain-notes.md section 1.
 *
 * Usable capacity = rating x maxUtilization. The default max utilization depends on how the
 * rating was given:
 * - an electrical rating defaults to 0.8, the NEC continuous-load rule (conductors and
 *   overcurrent devices sized at 125% of continuous load, i.e. loaded to at most 80%:
 *   NEC 210.19(A)(1), 210.20(A), 215.2, 215.3, 230.42; also NetBox's
 *   POWERFEED_DEFAULT_MAX_UTILIZATION = 80);
 * - a contracted MW figure defaults to 1.0, because the utility or generator contract already
 *   states what may be drawn continuously.
 */

/** A feed rated by a contracted or nameplate MW figure. */
export interface MwRating {
  readonly capacityMw: number;
}

/** A feed rated electrically. */
export interface ElectricalRating {
  /** Line-to-line voltage in kV for three-phase, line-to-neutral for single-phase. */
  readonly voltageKv: number;
  readonly currentA: number;
  readonly phases: 1 | 3;
  /** Real power / apparent power, 0 < pf <= 1. */
  readonly powerFactor: number;
}

export type FeedRating = MwRating | ElectricalRating;

export const NEC_CONTINUOUS_MAX_UTILIZATION = 0.8;
export const CONTRACTED_MAX_UTILIZATION = 1.0;

export function isElectricalRating(rating: FeedRating): rating is ElectricalRating {
  return 'voltageKv' in rating;
}

/** Real power the feed is rated for, in kW, before max utilization. */
export function feedRatingKw(rating: FeedRating): number {
  if (!isElectricalRating(rating)) return rating.capacityMw * 1000;
  const phaseFactor = rating.phases === 3 ? Math.sqrt(3) : 1;
  // kV x A = kVA; x power factor = kW.
  return rating.voltageKv * rating.currentA * phaseFactor * rating.powerFactor;
}

export function defaultMaxUtilization(rating: FeedRating): number {
  return isElectricalRating(rating) ? NEC_CONTINUOUS_MAX_UTILIZATION : CONTRACTED_MAX_UTILIZATION;
}

/** How the rating was given, for reports. */
export function describeRating(rating: FeedRating): string {
  if (!isElectricalRating(rating)) return `${rating.capacityMw} MW contracted`;
  return `${rating.voltageKv} kV x ${rating.currentA} A x ${rating.phases === 3 ? '3-phase (sqrt 3)' : '1-phase'} x PF ${rating.powerFactor}`;
}

/** Usable continuous capacity in kW. */
export function feedUsableKw(feed: { readonly ratingKw: number; readonly maxUtilization: number }): number {
  return feed.ratingKw * feed.maxUtilization;
}
