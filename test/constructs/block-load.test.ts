import { Testing } from 'cdktf';
import { BlockLoad, LoadPower } from '../../constructs/plant/block-load';
import { CoolingSystem } from '../../constructs/plant/cooling-system';
import { GpuHall } from '../../constructs/plant/gpu-hall';
import { ASIC_MODELS, GPU_SYSTEMS } from '../../catalog/hardware-catalog';
import { MiningPod } from '../../constructs/plant/mining-pod';
import { PowerBus } from '../../constructs/plant/power-bus';
import { errorOf, smallCampus } from './helpers';

describe('BlockLoad: a load stated in MW', () => {
  test('IT power is cooled and carries facility overhead; gross power is counted as stated', () => {
    const { campus, bus } = smallCampus();
    const dlc = new CoolingSystem(campus, 'dlc', { type: 'direct-to-chip', capacityKw: 5_000, pue: 1.2, bus });
    // 2 MW IT x (1 + 0.05 overhead) + 2 MW x 0.2 cooling = 2,500 kW; 1 MW gross as stated.
    new BlockLoad(campus, 'tenant-it', { power: LoadPower.itMw(2), bus, cooling: dlc, facilityOverheadFraction: 0.05, firm: false });
    new BlockLoad(campus, 'third-party', { power: LoadPower.grossMw(1), bus, firm: false });
    const normal = campus.evaluate().current.budget.buses[0].scenarios[0];
    const rounded = Object.fromEntries(Object.entries(normal.load).map(([k, v]) => [k, Math.round(v * 1000) / 1000]));
    expect(rounded).toEqual({ firmItKw: 0, interruptibleItKw: 2_000, grossKw: 1_000, coolingKw: 400, overheadKw: 100, auxiliaryKw: 0, totalKw: 3_500 });
    expect(campus.evaluate().failures).toEqual([]);
  });

  test('a firm block must survive the loss of a feed: 6 MW gross on a 5 + 5 MW N+1 bus fails', () => {
    const { campus, bus } = smallCampus();
    new BlockLoad(campus, 'colo', { power: LoadPower.grossMw(6), bus });
    expect(campus.evaluate().failures.map((f) => f.message)).toEqual([
      "contingency on bus 'bus' (N+1, loss of feed 'f1'): firm load 6.000 MW (firm IT 0.000 MW, interruptible IT 0.000 MW, gross blocks 6.000 MW, cooling 0.000 MW, auxiliary 0.000 MW) " +
        "exceeds the 5.000 MW the bus can still carry by 1.000 MW, with all interruptible load shed (it also fails on: lose f2). Add a feed to 'bus', " +
        'move firm load (GPU halls, firm pods, their cooling, auxiliary) to another bus, or make loads interruptible if they can be shed.',
    ]);
  });

  test('an interruptible block takes no part in demand response (the curtailment plan cannot shed it)', () => {
    const { campus, bus } = smallCampus({ demandResponse: [{ program: 'ERS-10', sheddableMw: 1, responseTimeS: 600 }] });
    new BlockLoad(campus, 'flex', { power: LoadPower.grossMw(1.5), bus, firm: false });
    expect(campus.evaluate().current.results.find((r) => r.check === 'demand-response')!.message).toContain('cuts grid import by 0.000 MW, below the committed 1.000 MW');
  });

  test.each<[string, (c: ReturnType<typeof smallCampus>) => void, string]>([
    ['IT power without cooling', (c) => new BlockLoad(c.campus, 'x', { power: LoadPower.itMw(1), bus: c.bus }), 'cooling'],
    ['gross power with cooling', (c) => new BlockLoad(c.campus, 'x', { power: LoadPower.grossMw(1), bus: c.bus, cooling: c.air }), 'cooling'],
    ['a lease without a tenant', (c) => new BlockLoad(c.campus, 'x', { power: LoadPower.grossMw(1), bus: c.bus, lease: { contractedItMw: 1, grossCapMw: 1.2 } }), 'lease'],
    ['a gross block lease without a gross cap', (c) => new BlockLoad(c.campus, 'x', { power: LoadPower.grossMw(1), bus: c.bus, tenant: 't', lease: { contractedItMw: 1 } }), 'lease.grossCapMw'],
    ['a power that is not a LoadPower', (c) => new BlockLoad(c.campus, 'x', { power: 5 as never, bus: c.bus }), 'power'],
    ['a negative MW figure', (c) => new BlockLoad(c.campus, 'x', { power: LoadPower.grossMw(-1), bus: c.bus }), 'power'],
  ])('refuses %s, naming the field', (_, make, field) => {
    const message = errorOf(() => make(smallCampus()));
    expect(message).toMatch(new RegExp(`^CampusConfigError: \\[site/x\\] invalid property: ${field} = `));
  });

  test('exact messages for the block-specific mistakes', () => {
    const c = smallCampus();
    expect(errorOf(() => new BlockLoad(c.campus, 'x', { power: LoadPower.itMw(1), bus: c.bus }))).toBe(
      'CampusConfigError: [site/x] invalid property: cooling = nothing (the field is missing): is required for IT power (its heat must go somewhere); give the CoolingSystem, or state the power as LoadPower.grossMw',
    );
    expect(errorOf(() => new BlockLoad(c.campus, 'y', { power: LoadPower.grossMw(-1), bus: c.bus }))).toBe(
      'CampusConfigError: [site/y] invalid property: power = an instance of LoadPower: LoadPower.grossMw(-1): must be greater than 0 (MW of the block)',
    );
  });
});

describe('leases', () => {
  test('a leased hall within its contract passes; over it, synth fails with the overshoot and the fix', () => {
    const { campus, bus } = smallCampus();
    const dlc = new CoolingSystem(campus, 'dlc', { type: 'direct-to-chip', capacityKw: 5_000, pue: 1.1, bus });
    // 20 x 132 kW = 2,640 kW of IT against 2.5 MW contracted.
    new GpuHall(campus, 'hall', { system: GPU_SYSTEMS.NVIDIA_GB300_NVL72_RACK, count: 20, bus, cooling: dlc, tenant: 'acme', lease: { contractedItMw: 2.5, grossCapMw: 3 } });
    const results = campus.evaluate().current.results.filter((r) => r.check === 'lease-contract');
    expect(results.map((r) => [r.status, r.message])).toEqual([
      [
        'fail',
        "lease of hall 'hall' to 'acme': installed IT 2.640 MW exceeds the contracted 2.500 MW critical IT by 0.140 MW. Install less in 'hall', or record the amended contract in lease.contractedItMw.",
      ],
      // 2,640 kW IT + 264 kW of its cooling (PUE 1.1) = 2,904 kW of the 3 MW gross cap.
      ['pass', "lease of hall 'hall' to 'acme': gross power 2.904 MW is 96.8% of the 3.000 MW the lease allows."],
    ]);
    expect(errorOf(() => Testing.synth(campus, true))).toContain("[site/hall] lease of hall 'hall' to 'acme': installed IT 2.640 MW exceeds");
  });

  test('a gross cap counts facility overhead and the cooling share', () => {
    const { campus, bus } = smallCampus();
    const dlc = new CoolingSystem(campus, 'dlc', { type: 'direct-to-chip', capacityKw: 5_000, pue: 1.2, bus });
    // 2 MW IT + 5% overhead + 20% cooling = 2.5 MW > 2.4 MW.
    new BlockLoad(campus, 'colo', { power: LoadPower.itMw(2), bus, cooling: dlc, facilityOverheadFraction: 0.05, tenant: 'acme', lease: { contractedItMw: 2, grossCapMw: 2.4 } });
    expect(campus.evaluate().failures.map((f) => f.message)).toEqual([
      "lease of block 'colo' to 'acme': gross power 2.500 MW (IT, facility overhead and the cooling it needs on its own) exceeds the 2.400 MW the lease allows by 0.100 MW. " +
        'Install less, cool it more efficiently, or record the amended contract in lease.grossCapMw.',
    ]);
  });

  test('a gross cap is checked with the fixed cooling the tenant keeps running on its own, not a share diluted by mining', () => {
    // A fixed 3 MW system cools a leased 10 MW hall and a 50 MW interruptible pod. Shed the pod (a
    // contingency, a grid call) and the whole 3 MW runs for the hall: 13 MW against a 10.5 MW cap.
    const { campus } = smallCampus();
    const big = new PowerBus(campus, 'big', { redundancy: 'N+1', feeds: [{ name: 'b1', capacityMw: 100 }, { name: 'b2', capacityMw: 100 }] });
    const fans = new CoolingSystem(campus, 'fans', { type: 'hydro', capacityKw: 100_000, fixedPowerKw: 3_000, bus: big });
    new BlockLoad(campus, 'colo', { power: LoadPower.itMw(10), bus: big, cooling: fans, tenant: 'acme', lease: { contractedItMw: 10, grossCapMw: 10.5 } });
    new MiningPod(campus, 'pod', { model: ASIC_MODELS.MICROBT_WHATSMINER_M63S_HYD, count: 6_944, bus: big, cooling: fans });
    expect(campus.evaluate().failures.map((f) => f.message)).toEqual([
      "lease of block 'colo' to 'acme': gross power 13.000 MW (IT, facility overhead and the cooling it needs on its own) exceeds the 10.500 MW the lease allows by 2.500 MW. " +
        'Install less, cool it more efficiently, or record the amended contract in lease.grossCapMw.',
    ]);
  });

  test('a hall lease needs a tenant', () => {
    const { campus, bus, air } = smallCampus();
    expect(
      errorOf(() => new GpuHall(campus, 'h', { system: GPU_SYSTEMS.NVIDIA_DGX_B200, count: 1, bus, cooling: air, lease: { contractedItMw: 1 } })),
    ).toBe('CampusConfigError: [site/h] invalid property: lease = {"contractedItMw":1}: is for a hall leased to a tenant: give tenant too, or remove lease');
  });
});
