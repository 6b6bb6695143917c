import { diffHardware, shortHardwareName } from '../../report/hardware-diff';
import { bus, feed, hall, pod } from '../domain/fixtures';
import { budgetOf, smallSite } from './budget-fixtures';

const base = budgetOf(smallSite());
const texts = (head: ReturnType<typeof budgetOf>) => diffHardware(base, head).map((c) => c.text);

describe('hardware diff', () => {
  test('shortens a hardware label to its model', () => {
    expect(shortHardwareName('NVIDIA GB300 NVL72 rack (72x B300 @1.4 kW, 36x Grace)')).toBe('NVIDIA GB300 NVL72');
    expect(shortHardwareName('NVIDIA DGX B200 (8x B200, 1,440 GB)')).toBe('NVIDIA DGX B200');
    expect(shortHardwareName('Bitmain Antminer S21 XP')).toBe('Bitmain Antminer S21 XP');
  });

  test('no change, no sentences', () => {
    expect(diffHardware(base, budgetOf(smallSite()))).toEqual([]);
  });

  test('more racks in a hall: "+40 ... racks in h1: +8.00 MW firm"', () => {
    const head = budgetOf(smallSite({ gpuHalls: [hall('h1', 'main', 'air', 28_000, { systemKind: 'gpu-rack', hardware: 'Acme R1 rack (8x G1)', count: 140 })] }));
    expect(diffHardware(base, head)).toEqual([{ text: '+40 Acme R1 racks in h1: +8.00 MW firm', deltaKw: 8_000 }]);
  });

  test('fewer miners in a pod, a removed pod and a new server hall', () => {
    const head = budgetOf(
      smallSite({
        miningPods: [pod('p1', 'main', 'air', 5_000, { count: 1 })],
        gpuHalls: [
          hall('h1', 'main', 'air', 20_000, { systemKind: 'gpu-rack', hardware: 'Acme R1 rack (8x G1)', count: 100 }),
          hall('h2', 'main', 'air', 1_000, { count: 1 }),
        ],
      }),
    );
    expect(texts(head)).toEqual([
      '+1 Test GPU server in h2 (new hall on main): +1.00 MW firm',
      'p1 (1 Test Miner miner): -5.00 MW interruptible (per-unit or overhead power changed)',
      '-1 Test Miner miner in p2 (pod removed from main): -10.00 MW interruptible',
    ]);
  });

  test('a hall with other hardware, moved to another bus, made interruptible', () => {
    const head = budgetOf(
      smallSite({
        buses: [bus('main', [feed('f1', 40_000), feed('f2', 40_000), feed('f3', 40_000)], 'N+1'), bus('spare', [feed('s1', 50_000)])],
        gpuHalls: [hall('h1', 'spare', 'air', 15_000, { systemKind: 'gpu-server', hardwareId: 'other', hardware: 'Other S8 (8x G2)', count: 50, firm: false })],
      }),
    );
    expect(texts(head)).toEqual([
      'h1: 100 Acme R1 racks replaced by 50 Other S8 servers: -5.00 MW interruptible',
      'h1 is now interruptible (was firm)',
      'h1 moved from bus main to bus spare',
    ]);
  });

  test('auxiliary loads and cooling systems added, resized, removed', () => {
    const withAux = budgetOf(smallSite({ auxiliaryLoads: [{ kind: 'auxiliary', name: 'office', path: 'site/office', bus: 'main', powerKw: 500 }] }));
    expect(texts(withAux)).toEqual(['+auxiliary office on main: +0.50 MW auxiliary']);
    const bigger = budgetOf(smallSite({ auxiliaryLoads: [{ kind: 'auxiliary', name: 'office', path: 'site/office', bus: 'main', powerKw: 750 }] }));
    expect(diffHardware(withAux, bigger).map((c) => c.text)).toEqual(['auxiliary office: +0.25 MW auxiliary']);
    expect(diffHardware(withAux, base).map((c) => c.text)).toEqual(['-auxiliary office (removed from main): -0.50 MW auxiliary']);
    const moreCooling = budgetOf(
      smallSite({ coolingSystems: [{ name: 'air', path: 'site/air', type: 'air', capacityKw: 120_000, power: { model: 'pue', pue: 1.2 }, bus: 'main' }] }),
    );
    expect(texts(moreCooling)).toEqual(['cooling air: heat-rejection capacity 100.00 -> 120.00 MW']);
  });
});

describe('hardware diff of loads stated in MW (power-budget.json version 2)', () => {
  const block = (name: string, powerKw: number, extra: Record<string, unknown> = {}) => ({
    kind: 'block-load' as const,
    name,
    path: `site/${name}`,
    bus: 'main',
    basis: 'gross' as const,
    powerKw,
    coolingRequirement: 'unspecified' as const,
    firm: true,
    description: `${(powerKw / 1000).toFixed(3)} MW gross`,
    ...extra,
  });

  test('a block added, resized, re-classed and removed', () => {
    const before = budgetOf(smallSite({ blockLoads: [block('colo', 2_000), block('old', 500)] }));
    const after = budgetOf(smallSite({ blockLoads: [block('colo', 3_000, { firm: false }), block('new', 1_000)] }));
    expect(diffHardware(before, after).map((c) => c.text)).toEqual([
      'block colo (3.000 MW gross): +1.00 MW interruptible gross',
      'block colo is now interruptible (was firm)',
      '+block new (1.000 MW gross) on main: +1.00 MW firm gross',
      '-block old (0.500 MW gross, removed from main): -0.50 MW firm gross',
    ]);
  });
});
