import { GPU_SYSTEMS } from '../../catalog/hardware-catalog';
import type { AsicModel } from '../../catalog/hardware-model';
import { MiningPod, type MiningPodProps } from '../../constructs/plant/mining-pod';
import { Campus } from '../../stacks/campus';
import { S21, errorOf, smallCampus } from './helpers';

describe('MiningPod', () => {
  test('draws count x rated power, is interruptible by default, and spares draw nothing', () => {
    const { campus, bus, air } = smallCampus();
    const pod = new MiningPod(campus, 'pod-1', { model: S21, count: 280, spares: 5, bus, cooling: air });
    // 280 x 3,500 W = 980 kW
    expect(pod.itKw).toBe(980);
    expect(pod.toModel()).toMatchObject({
      kind: 'mining-pod',
      name: 'pod-1',
      path: 'site/pod-1',
      bus: 'bus',
      cooling: 'air',
      itKw: 980,
      firm: false,
      coolingRequirement: 'air',
      hardwareId: 'bitmain-antminer-s21',
      count: 280,
      spares: 5,
      minerPowerW: 3500,
      hashrateThs: 56_000,
    });
  });

  test('can be declared firm', () => {
    const { campus, bus, air } = smallCampus();
    expect(new MiningPod(campus, 'p', { model: S21, count: 1, bus, cooling: air, interruptible: false }).toModel().firm).toBe(true);
  });

  test.each<[string, (p: Omit<MiningPodProps, 'bus' | 'cooling'>) => Omit<MiningPodProps, 'bus' | 'cooling'>, string]>([
    ['a fractional count', (p) => ({ ...p, count: 2.5 }), 'invalid property: count = 2.5: must be a whole number (powered miners)'],
    [
      'a zero count and negative spares',
      (p) => ({ ...p, count: 0, spares: -1 }),
      '2 invalid properties: count = 0: must be at least 1 (powered miners); spares = -1: must be 0 or more (unpowered spare miners)',
    ],
    [
      'a GPU system as miner model',
      (p) => ({ ...p, model: GPU_SYSTEMS.NVIDIA_DGX_B200 as unknown as AsicModel }),
      'invalid property: model = {"kind":"gpu-server","id":"nvidia-dgx-b200","vendor":"NVIDIA","model":"DGX B2...: is a model of kind "gpu-server" (\'nvidia-dgx-b200\'), but an ASIC model is needed: pick one from ASIC_MODELS or build one with defineAsicModel()',
    ],
    [
      'a hand-made model with a bad field',
      (p) => ({ ...p, model: { ...S21, powerW: -1 } }),
      'invalid property: model = {"kind":"asic","id":"bitmain-antminer-s21","vendor":"Bitmain","model":"Antmin...: is not a valid hardware model; an ASIC model is needed: pick one from ASIC_MODELS, or build it with defineAsicModel(), which names the bad field',
    ],
  ])('refuses %s', (_, change, message) => {
    const { campus, bus, air } = smallCampus();
    expect(errorOf(() => new MiningPod(campus, 'p', { ...change({ model: S21, count: 1 }), bus, cooling: air }))).toBe(
      `CampusConfigError: [site/p] ${message}`,
    );
  });

  test('refuses missing props, naming each', () => {
    const { campus } = smallCampus();
    expect(errorOf(() => new MiningPod(campus, 'p', undefined as unknown as MiningPodProps))).toBe(
      'CampusConfigError: [site/p] 4 invalid properties: model = nothing (the field is missing): is not a valid hardware model; an ASIC model is needed: pick one from ASIC_MODELS, or build it with defineAsicModel(), which names the bad field; count = nothing (the field is missing): must be a whole number (powered miners); bus = nothing (the field is missing): must be a PowerBus construct; cooling = nothing (the field is missing): must be a CoolingSystem construct',
    );
  });

  test('refuses a cooling system of another campus', () => {
    const { app, air } = smallCampus();
    const other = smallCampus({}, 'other');
    void app;
    expect(errorOf(() => new MiningPod(other.campus, 'p', { model: S21, count: 1, bus: other.bus, cooling: air }))).toBe(
      "CampusConfigError: [other/p] cooling = CoolingSystem 'air' (site/air) belongs to campus 'site', not to campus 'other'. Use a CoolingSystem declared in campus 'other'.",
    );
  });

  test('refuses a bus of another campus', () => {
    const { app, bus } = smallCampus();
    const other = new Campus(app, 'other', { gridRegion: 'ERCOT', interconnectLimitMw: 10 });
    const otherAir = smallCampus({}, 'third').air;
    expect(errorOf(() => new MiningPod(other, 'p', { model: S21, count: 1, bus, cooling: otherAir }))).toBe(
      "CampusConfigError: [other/p] bus = PowerBus 'bus' (site/bus) belongs to campus 'site', not to campus 'other'. Use a PowerBus declared in campus 'other'.",
    );
  });
});

describe('MiningPod: bounds found by the generated-input suite', () => {
  test('spares past 1e9, and a bad inService with a retire month: one message each, no raw value', () => {
    const { campus, bus, air } = smallCampus();
    expect(errorOf(() => new MiningPod(campus, 'a', { model: S21, count: 10, bus, cooling: air, spares: 1e15 }))).toBe(
      'CampusConfigError: [site/a] invalid property: spares = 1000000000000000: must be at most 1,000,000,000 (unpowered spare miners); check the figure',
    );
    expect(errorOf(() => new MiningPod(campus, 'b', { model: S21, count: 10, bus, cooling: air, inService: '[object Object]', retire: '2029-01' }))).toBe(
      'CampusConfigError: [site/b] invalid property: inService = "[object Object]": must be a month written YYYY-MM, e.g. "2027-01"',
    );
  });
});
