/**
 * Example: an ERCOT site that mines 100 MW from day one, then converts all of it into GPU halls
 * over three phases, while enrolled in a summer demand-response program that the mining fleet
 * serves until the last phase.
 *
 *   before 2026-07  100 pods x 286 Antminer S21 (3,500 W) = 100.1 MW of interruptible IT
 *   phase 1         2026-07 retire 30 pods; 2026-10 hall-1 (160 GB300 NVL72 racks) online
 *   phase 2         2027-04 retire 30 pods; 2027-07 hall-2 (160 racks) online
 *   phase 3         2028-01 retire 40 pods; 2028-04 hall-3 (200 racks) online
 *
 * The bus starts with two 65 MW contracted feeds (N+1: 65 MW firm); a third comes in 2028-01,
 * before phase 3 needs it. The ERS-style commitment (40 MW within 10 minutes, June to
 * September) ends when the last mining retires.
 *
 * Figures: S21 3,500 W and GB300 NVL72 132 kW per rack (hardware-catalog.json); air PUE 1.10
 * and liquid-cooled AI PUE 1.15 (domain-notes.md section 4); ERCOT ERS and 10-minute response
 * programs (domain-notes.md section 3).
 */
import type { Construct } from 'constructs';
import { ASIC_MODELS, GPU_SYSTEMS } from '../catalog/hardware-catalog';
import { AuxiliaryLoad } from '../constructs/plant/auxiliary-load';
import { Conversion } from '../constructs/plant/conversion';
import { CoolingSystem } from '../constructs/plant/cooling-system';
import { MiningPod } from '../constructs/plant/mining-pod';
import { CurtailmentPlan } from '../constructs/workloads/curtailment-plan';
import { PowerBus } from '../constructs/plant/power-bus';
import { StratumProxy } from '../constructs/workloads/stratum-proxy';
import { ERCOT_MINER_CIDR, ERCOT_POOL } from './ercot-300';
import { REFERENCE_ECONOMICS } from '../domain/economics';
import { Campus, type DemandResponseProps } from '../stacks/campus';
import { KUBERNETES_BASELINE } from '../rules/kubernetes/pack';

export interface PhasedConversionOptions {
  /** Racks in the phase-2 hall. @default 160 */
  readonly phase2Racks?: number;
  /** The demand-response commitment. @default 40 MW within 600 s, June-September, until 2028-01 */
  readonly commitment?: DemandResponseProps;
}

export interface PhasedConversion {
  readonly campus: Campus;
  readonly bus: PowerBus;
  readonly phases: readonly Conversion[];
}

const MINERS_PER_POD = 286;

export function phasedConversion(scope: Construct, id = 'permian-phased', options: PhasedConversionOptions = {}): PhasedConversion {
  const campus = new Campus(scope, id, {
    gridRegion: 'ERCOT',
    interconnectLimitMw: 130,
    rules: { packs: [KUBERNETES_BASELINE] },
    // Revenue per MW by class at each date: dated reference values (domain-notes.md section 6).
    economics: { mining: REFERENCE_ECONOMICS.mining, ai: { coloUsdPerKwMonth: REFERENCE_ECONOMICS.ai.coloUsdPerKwMonth } },
    demandResponse: [
      options.commitment ?? {
        program: 'ERCOT ERS-10',
        sheddableMw: 40,
        responseTimeS: 600,
        season: { fromMonth: 6, toMonth: 9 },
        window: 'summer peak hours',
        retire: '2028-01',
      },
    ],
  });

  const bus = new PowerBus(campus, 'bus-main', {
    redundancy: 'N+1',
    feeds: [
      { name: 'xfmr-1', source: 'transformer', capacityMw: 65 },
      { name: 'xfmr-2', source: 'transformer', capacityMw: 65 },
      { name: 'xfmr-3', source: 'transformer', capacityMw: 65, inService: '2028-01' },
    ],
  });
  new AuxiliaryLoad(campus, 'campus-core', { powerKw: 1_500, bus });

  const phasePlan = [
    { group: 'a', pods: 30, retire: '2026-07', hallOnline: '2026-10', racks: 160 },
    { group: 'b', pods: 30, retire: '2027-04', hallOnline: '2027-07', racks: options.phase2Racks ?? 160 },
    { group: 'c', pods: 40, retire: '2028-01', hallOnline: '2028-04', racks: 200 },
  ];
  const phases = phasePlan.map((phase, i) => {
    // Each group of containers has its own air cooling, retired with its pods.
    // ~1 MW of heat per container, with 20% margin.
    const air = new CoolingSystem(campus, `air-${phase.group}`, { type: 'air', capacityKw: phase.pods * 1_200, pue: 1.1, bus, retire: phase.retire });
    const pods = Array.from(
      { length: phase.pods },
      (_, p) =>
        new MiningPod(campus, `pod-${phase.group}${String(p + 1).padStart(2, '0')}`, {
          model: ASIC_MODELS.BITMAIN_ANTMINER_S21,
          count: MINERS_PER_POD,
          bus,
          cooling: air,
          curtailSeconds: 60,
        }),
    );
    const dlc = new CoolingSystem(campus, `dlc-hall-${i + 1}`, {
      type: 'direct-to-chip',
      capacityKw: Math.ceil((phase.racks * 132 + 1_000) / 1_000) * 1_000 + 4_000,
      pue: 1.15,
      bus,
      inService: phase.hallOnline,
    });
    // One stratum proxy per group; synth for a month deploys it only while its pods mine.
    new StratumProxy(campus, `proxy-${phase.group}`, {
      pods,
      image: 'registry.example.com/mining/stratum-proxy:1.4.2',
      pools: [ERCOT_POOL],
      minerCidrs: [ERCOT_MINER_CIDR],
      workerName: '{campus}.{proxy}',
    });
    const conversion = new Conversion(campus, `phase-${i + 1}`, {
      pods,
      retire: phase.retire,
      hall: { id: `hall-${i + 1}`, system: GPU_SYSTEMS.NVIDIA_GB300_NVL72_RACK, count: phase.racks, overheadKw: 600, inService: phase.hallOnline, cooling: dlc },
    });
    // Each hall serves inference once it is online: 4 GPUs per pod, one NVL72 compute tray.
    conversion.hall.addInferenceService('inference', {
      image: 'registry.example.com/ai/inference-server:2.3.1',
      replicas: 16,
      gpusPerPod: 4,
      cpuMillicores: 32_000,
      memoryMib: 262_144,
      port: 8000,
    });
    return conversion;
  });
  // The plan lists the pods in shedding order with the demand-response commitment.
  new CurtailmentPlan(campus, 'curtailment-plan');
  return { campus, bus, phases };
}
