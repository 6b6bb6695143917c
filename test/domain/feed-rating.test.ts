import {
  CONTRACTED_MAX_UTILIZATION,
  NEC_CONTINUOUS_MAX_UTILIZATION,
  defaultMaxUtilization,
  describeRating,
  feedRatingKw,
  feedUsableKw,
} from '../../domain/feed-rating';

describe('feed rating', () => {
  test('three-phase electrical rating: kV x A x sqrt(3) x power factor', () => {
    // 34.5 kV x 1,700 A = 58,650 kVA; x 1.7320508 = 101,584.78 kVA; x 0.98 = 99,553.08 kW
    const kw = feedRatingKw({ voltageKv: 34.5, currentA: 1700, phases: 3, powerFactor: 0.98 });
    expect(kw).toBeCloseTo(99_553.08, 2);
    // usable at the NEC 80% default: 79,642.47 kW
    expect(feedUsableKw({ ratingKw: kw, maxUtilization: 0.8 })).toBeCloseTo(79_642.47, 2);
  });

  test('matches NetBox worked example: 208 V / 30 A / 3-phase at 80% is 8,646 VA (PF 1)', () => {
    const kw = feedRatingKw({ voltageKv: 0.208, currentA: 30, phases: 3, powerFactor: 1 });
    // NetBox: round(208 x 30 x 0.8 x 1.732) = 8,646; sqrt(3) exactly gives 8,646.5 W.
    expect(Math.abs(feedUsableKw({ ratingKw: kw, maxUtilization: 0.8 }) * 1000 - 8646)).toBeLessThan(1);
  });

  test('single-phase rating has no sqrt(3)', () => {
    expect(feedRatingKw({ voltageKv: 0.24, currentA: 100, phases: 1, powerFactor: 0.9 })).toBeCloseTo(21.6, 6);
  });

  test('MW rating is taken as given', () => {
    expect(feedRatingKw({ capacityMw: 30 })).toBe(30_000);
  });

  test('default max utilization: 80% for electrical ratings (NEC), 100% for contracted MW', () => {
    expect(defaultMaxUtilization({ voltageKv: 34.5, currentA: 1000, phases: 3, powerFactor: 1 })).toBe(0.8);
    expect(NEC_CONTINUOUS_MAX_UTILIZATION).toBe(0.8);
    expect(defaultMaxUtilization({ capacityMw: 30 })).toBe(1);
    expect(CONTRACTED_MAX_UTILIZATION).toBe(1);
  });

  test('describes how the rating was given', () => {
    expect(describeRating({ capacityMw: 30 })).toBe('30 MW contracted');
    expect(describeRating({ voltageKv: 34.5, currentA: 1700, phases: 3, powerFactor: 0.98 })).toBe(
      '34.5 kV x 1700 A x 3-phase (sqrt 3) x PF 0.98',
    );
  });
});
