/**
 * Example: mining that fills the headroom. A west-Texas bus carries 100 air-cooled containers of
 * Antminer S21 XP whose firmware runs each miner between 2,600 and 3,645 W, in `auto` mode. In
 * 2027-03 a GB300 hall comes online on the same bus: instead of failing synth, the mining caps
 * come down so that mining uses exactly what the hall, the cooling and the auxiliary load leave.
 * Row a (priority 1, a fixed-price hosting contract) keeps its full power; row b gives way first.
 *
 * Figures: S21 XP 3,645 W and 13.5 J/TH, GB300 NVL72 132 kW per rack (hardware-catalog.json);
 * the 2,600-3,645 W range is the example of a firmware power range (an assumption, not a
 * vendor figure); air PUE 1.10 and liquid-cooled AI PUE 1.15 (domain-notes.md section 4).
 */
import type { Construct } from 'constructs';
import { ASIC_MODELS, GPU_SYSTEMS } from '../catalog/hardware-catalog';
import { AuxiliaryLoad } from '../constructs/plant/auxiliary-load';
import { CoolingSystem } from '../constructs/plant/cooling-system';
import { GpuHall } from '../constructs/plant/gpu-hall';
import { MiningPod } from '../constructs/plant/mining-pod';
import { PowerBus } from '../constructs/plant/power-bus';
import { Campus } from '../stacks/campus';
import { KUBERNETES_BASELINE } from '../rules/kubernetes/pack';

export interface FlexibleMiningOptions {
  /** Racks in the new hall. @default 120 */
  readonly hallRacks?: number;
}

export interface FlexibleMining {
  readonly campus: Campus;
  readonly bus: PowerBus;
  readonly pods: readonly MiningPod[];
  readonly hall: GpuHall;
}

export function flexibleMining(scope: Construct, id = 'west-texas-flex', options: FlexibleMiningOptions = {}): FlexibleMining {
  const campus = new Campus(scope, id, { gridRegion: 'ERCOT', interconnectLimitMw: 125, rules: { packs: [KUBERNETES_BASELINE] } });
  // Three contracted 40 MW feeds: 120 MW usable, 80 MW firm after losing one.
  const bus = new PowerBus(campus, 'bus-1', {
    redundancy: 'N+1',
    feeds: [1, 2, 3].map((n) => ({ name: `xfmr-${n}`, source: 'transformer' as const, capacityMw: 40 })),
  });
  new AuxiliaryLoad(campus, 'site-ops', { powerKw: 1_000, bus });
  const air = new CoolingSystem(campus, 'air', { type: 'air', capacityKw: 110_000, pue: 1.1, bus });
  const pods = ['a', 'b'].flatMap((row) =>
    Array.from(
      { length: 50 },
      (_, i) =>
        new MiningPod(campus, `pod-${row}${String(i + 1).padStart(2, '0')}`, {
          model: ASIC_MODELS.BITMAIN_ANTMINER_S21_XP,
          count: 280,
          bus,
          cooling: air,
          powerCap: { mode: 'auto', minW: 2_600 },
          priority: row === 'a' ? 1 : 0,
        }),
    ),
  );
  const racks = options.hallRacks ?? 120;
  // Heat-rejection capacity with ~20% margin over the racks and the fabric.
  const dlc = new CoolingSystem(campus, 'dlc-hall-1', { type: 'direct-to-chip', capacityKw: Math.ceil(racks * 132 * 1.2 + 600), pue: 1.15, bus, inService: '2027-03' });
  const hall = new GpuHall(campus, 'hall-1', {
    system: GPU_SYSTEMS.NVIDIA_GB300_NVL72_RACK,
    count: racks,
    overheadKw: 500,
    bus,
    cooling: dlc,
    inService: '2027-03',
  });
  return { campus, bus, pods, hall };
}
