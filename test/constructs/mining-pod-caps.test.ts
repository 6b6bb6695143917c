import { defineAsicModel } from '../../catalog/hardware-model';
import { MiningPod, type MiningPodProps } from '../../constructs/plant/mining-pod';
import { errorOf, S21, smallCampus } from './helpers';

type CapProps = Pick<MiningPodProps, 'powerCap' | 'hashrateCurve'>;

function podError(props: CapProps): string {
  const { campus, bus, air } = smallCampus();
  return errorOf(() => new MiningPod(campus, 'p', { model: S21, count: 10, bus, cooling: air, ...props }));
}

describe('MiningPod power caps', () => {
  test('fixed mode draws count x cap, with hashrate from the constant J/TH', () => {
    const { campus, bus, air } = smallCampus();
    const pod = new MiningPod(campus, 'p', { model: S21, count: 100, bus, cooling: air, powerCap: { mode: 'fixed', capW: 3_000 } });
    // 100 x 3,000 W = 300 kW; 3,000 W / 17.5 J/TH = 171.43 TH/s per miner.
    expect(pod.itKw).toBe(300);
    expect(pod.toModel()).toMatchObject({ powerControl: { mode: 'fixed', capW: 3_000 } });
    expect(pod.toModel().hashrateThs).toBeCloseTo(17_142.857, 3);
  });

  test("auto mode takes the range from the model's powerRangeW when it has one", () => {
    const tunable = defineAsicModel({
      id: 'acme-t1', vendor: 'Acme', model: 'T1', powerW: 3_600, hashrateThs: 240, efficiencyJTh: 15, cooling: 'air',
      powerRangeW: { minW: 2_400, maxW: 3_600 }, source: { citation: 'Acme T1 datasheet', quality: 'vendor datasheet' },
    });
    const { campus, bus, air } = smallCampus();
    const pod = new MiningPod(campus, 'p', { model: tunable, count: 10, bus, cooling: air, powerCap: { mode: 'auto' } });
    expect(pod.powerControl).toEqual({ mode: 'auto', minW: 2_400, maxW: 3_600 });
  });

  test.each<[string, CapProps, string]>([
    [
      'auto without a minimum when the catalog has no range',
      { powerCap: { mode: 'auto' } },
      'powerCap.minW = nothing (the field is missing): auto mode needs the lowest per-miner power: the Antminer S21 entry has no sourced powerRangeW, so give powerCap.minW (W, at most 3500)',
    ],
    ['a maximum above the rated power', { powerCap: { mode: 'auto', minW: 2_000, maxW: 4_000 } }, "powerCap.maxW = 4000: must be at most the model's rated 3500 W"],
    ['a minimum above the maximum', { powerCap: { mode: 'auto', minW: 3_000, maxW: 2_500 } }, 'powerCap.minW = 3000: must be at most maxW (2500 W)'],
    ['a zero minimum', { powerCap: { mode: 'auto', minW: 0 } }, 'powerCap.minW = 0: must be greater than 0 (lowest per-miner power, W)'],
    ['fixed mode without a cap', { powerCap: { mode: 'fixed' } }, 'powerCap.capW = nothing (the field is missing): fixed mode needs capW, the per-miner cap in W'],
    ['a fixed cap outside the range', { powerCap: { mode: 'fixed', minW: 2_000, capW: 1_500 } }, 'powerCap.capW = 1500: must be within the power range 2000-3500 W'],
    ['a cap in auto mode', { powerCap: { mode: 'auto', minW: 2_000, capW: 3_000 } }, 'powerCap.capW = 3000: is only for fixed mode; auto mode computes the cap'],
    [
      'a hashrate curve that does not cover the range',
      { powerCap: { mode: 'auto', minW: 2_000 }, hashrateCurve: [{ powerW: 2_500, hashrateThs: 150 }, { powerW: 3_500, hashrateThs: 200 }] },
      'hashrateCurve = [{"powerW":2500,"hashrateThs":150},{"powerW":3500,"hashrateThs":200}]: must cover the power range 2000-3500 W (it spans 2500-3500 W)',
    ],
    [
      'a hashrate curve without a power cap',
      { hashrateCurve: [{ powerW: 2_000, hashrateThs: 120 }, { powerW: 3_500, hashrateThs: 200 }] },
      'hashrateCurve = [{"powerW":2000,"hashrateThs":120},{"powerW":3500,"hashrateThs":200}]: is used only with powerCap (at rated power the hashrate comes from the model); remove it or add powerCap',
    ],
    [
      'a hashrate curve out of order',
      { powerCap: { mode: 'auto', minW: 2_000 }, hashrateCurve: [{ powerW: 3_500, hashrateThs: 200 }, { powerW: 2_000, hashrateThs: 120 }] },
      'hashrateCurve = [{"powerW":3500,"hashrateThs":200},{"powerW":2000,"hashrateThs":120}]: powerW must increase from point to point',
    ],
  ])('refuses %s', (_, props, message) => {
    expect(podError(props)).toBe(`CampusConfigError: [site/p] invalid property: ${message}`);
  });

  test('defineAsicModel refuses a power range above the rated power', () => {
    expect(
      errorOf(() =>
        defineAsicModel({
          id: 'acme-t2', vendor: 'Acme', model: 'T2', powerW: 3_000, hashrateThs: 200, efficiencyJTh: 15, cooling: 'air',
          powerRangeW: { minW: 2_000, maxW: 3_200 }, source: { citation: 'datasheet', quality: 'vendor' },
        }),
      ),
    ).toBe('CampusConfigError: [hardware model acme-t2] invalid property: powerRangeW.maxW = 3200: must be at most the rated powerW (3000 W)');
  });
});
