import { ASIC_MODELS, GPU_SYSTEMS } from '../../catalog/hardware-catalog';
import { Conversion } from '../../constructs/plant/conversion';
import { CoolingSystem } from '../../constructs/plant/cooling-system';
import { MiningPod } from '../../constructs/plant/mining-pod';
import { PowerBus } from '../../constructs/plant/power-bus';
import { S21, errorOf, smallCampus } from './helpers';

function setup() {
  const site = smallCampus();
  const pods = [1, 2].map((n) => new MiningPod(site.campus, `pod-${n}`, { model: S21, count: 100, bus: site.bus, cooling: site.air }));
  return { ...site, pods };
}

describe('Conversion', () => {
  test('retires the pods and brings a hall online on their bus and, when it suits, their cooling', () => {
    const { campus, pods, bus, air } = setup();
    const conversion = new Conversion(campus, 'phase-1', {
      pods,
      retire: '2027-01',
      hall: { id: 'hall-1', system: GPU_SYSTEMS.NVIDIA_DGX_B200, count: 40 },
    });
    expect(pods.map((p) => p.retire)).toEqual(['2027-01', '2027-01']);
    expect(conversion.hall.bus).toBe(bus);
    expect(conversion.hall.cooling).toBe(air);
    expect(conversion.hall.node.path).toBe('site/phase-1/hall-1');
    expect(conversion.hall.toModel()).toMatchObject({ inService: '2027-01', count: 40 });
    const states = campus.evaluate().states.map((s) => [s.point.label, s.evaluation.budget.campus.miningPods.length, s.evaluation.budget.campus.gpuHalls.length]);
    expect(states).toEqual([
      ['before 2027-01', 2, 0],
      ['from 2027-01', 0, 1],
    ]);
  });

  test('uses the cooling given for hardware the pods cooling cannot serve, and a later online month', () => {
    const { campus, pods, bus } = setup();
    const dlc = new CoolingSystem(campus, 'dlc', { type: 'direct-to-chip', capacityKw: 5_000, pue: 1.15, bus });
    const conversion = new Conversion(campus, 'phase-1', {
      pods,
      retire: '2027-01',
      hall: { id: 'hall-1', system: GPU_SYSTEMS.NVIDIA_GB300_NVL72_RACK, count: 5, inService: '2027-04', cooling: dlc },
    });
    expect(conversion.hall.cooling).toBe(dlc);
    expect(campus.evaluate().states.map((s) => s.point.label)).toEqual(['before 2027-01', 'from 2027-01', 'from 2027-04']);
  });

  test('refuses hardware the pods cooling cannot serve when no cooling is given', () => {
    const { campus, pods } = setup();
    expect(errorOf(() => new Conversion(campus, 'phase-1', { pods, retire: '2027-01', hall: { id: 'hall-1', system: GPU_SYSTEMS.NVIDIA_GB300_NVL72_RACK, count: 5 } }))).toBe(
      "CampusConfigError: [site/phase-1] hall.cooling: the pods' cooling 'air' (air) cannot serve GB300 NVL72 rack (72x B300 @1.4 kW, 36x Grace), which needs direct-to-chip cooling. Pass hall.cooling: a CoolingSystem of type direct-to-chip.",
    );
  });

  test('refuses a hall that comes online before the pods retire', () => {
    const { campus, pods } = setup();
    expect(
      errorOf(() => new Conversion(campus, 'phase-1', { pods, retire: '2027-01', hall: { id: 'hall-1', system: GPU_SYSTEMS.NVIDIA_DGX_B200, count: 1, inService: '2026-12' } })),
    ).toBe(
      'CampusConfigError: [site/phase-1] hall.inService = "2026-12": the hall would come online before the pods retire in 2027-01, so both would draw power. Bring the hall online in 2027-01 or later.',
    );
  });

  test('refuses pods on more than one bus', () => {
    const { campus, pods, air } = setup();
    const other = new PowerBus(campus, 'bus-2', { feeds: [{ name: 'f2', capacityMw: 5 }] });
    const stray = new MiningPod(campus, 'pod-3', { model: S21, count: 1, bus: other, cooling: air });
    expect(errorOf(() => new Conversion(campus, 'phase-1', { pods: [...pods, stray], retire: '2027-01', hall: { id: 'h', system: GPU_SYSTEMS.NVIDIA_DGX_B200, count: 1 } }))).toBe(
      'CampusConfigError: [site/phase-1] pods: the pods are on 2 buses (bus, bus-2); a hall goes on one bus. Split this into one conversion per bus.',
    );
  });

  test('refuses a pod converted twice', () => {
    const { campus, pods } = setup();
    new Conversion(campus, 'phase-1', { pods: [pods[0]], retire: '2027-01', hall: { id: 'h1', system: GPU_SYSTEMS.NVIDIA_DGX_B200, count: 1 } });
    expect(errorOf(() => new Conversion(campus, 'phase-2', { pods, retire: '2028-01', hall: { id: 'h2', system: GPU_SYSTEMS.NVIDIA_DGX_B200, count: 1 } }))).toBe(
      "CampusConfigError: [site/phase-2] pods: pod 'pod-1' (site/pod-1) already retires in 2027-01; a pod can be converted once. Remove it from this conversion.",
    );
  });

  test('refuses retiring a pod before it comes into service', () => {
    const { campus, bus, air } = setup();
    const late = new MiningPod(campus, 'late', { model: ASIC_MODELS.BITMAIN_ANTMINER_S21, count: 1, bus, cooling: air, inService: '2027-06' });
    expect(errorOf(() => new Conversion(campus, 'phase-1', { pods: [late], retire: '2027-06', hall: { id: 'h', system: GPU_SYSTEMS.NVIDIA_DGX_B200, count: 1 } }))).toBe(
      'CampusConfigError: [site/phase-1] retire = "2027-06": pod \'late\' only comes into service in 2027-06; retire it after that month.',
    );
  });

  test('refuses an empty pod list and a malformed month', () => {
    const { campus } = setup();
    expect(errorOf(() => new Conversion(campus, 'phase-1', { pods: [], retire: '2027-1', hall: { id: 'h', system: GPU_SYSTEMS.NVIDIA_DGX_B200, count: 1 } }))).toBe(
      'CampusConfigError: [site/phase-1] 2 invalid properties: pods = []: a conversion retires at least one pod; retire = "2027-1": must be a month written YYYY-MM, e.g. "2027-01"',
    );
  });
});

describe('service dates on parts', () => {
  test('refuse a retirement that is not after the in-service month', () => {
    const { campus, bus, air } = smallCampus();
    expect(errorOf(() => new MiningPod(campus, 'p', { model: S21, count: 1, bus, cooling: air, inService: '2027-01', retire: '2027-01' }))).toBe(
      'CampusConfigError: [site/p] invalid property: retire = "2027-01": must be after inService (2027-01): retire is the first month the part is out of service',
    );
  });

  test('refuse a malformed month on a feed', () => {
    const { campus } = smallCampus();
    expect(errorOf(() => new PowerBus(campus, 'b', { feeds: [{ name: 'x', capacityMw: 1, inService: 'Jan 2027' }] }))).toBe(
      'CampusConfigError: [site/b] invalid property: feeds[0].inService = "Jan 2027": must be a month written YYYY-MM, e.g. "2027-01"',
    );
  });
});
