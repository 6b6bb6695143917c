/**
 * Example: a retrofit site in NYISO, once all mining, where two halls have replaced part of the
 * mining. Hydro and immersion pods remain on the original bus with a gas genset; the halls sit
 * on a new 2N bus. One hall is self-operated, the other leased to a tenant (colocation).
 *
 * Figures and where they come from (shared/reference/):
 * - Hydro 40-ft container: 168 units at ~1,900 kW (domain-notes.md section 5), here with
 *   Antminer S21e XP Hyd 3U rack units at 11,180 W (hardware-catalog.json).
 * - Hydro loop PUE 1.05: an estimate inside the 1.03-1.10 single-phase liquid range given for
 *   immersion (domain-notes.md section 4); no hydro-specific figure is sourced.
 * - Immersion container (Minerbase): 720 kW cooling capacity, ~25 kW fixed for pumps and fans,
 *   ~424 kW IT at ~3.5 kW per unit (domain-notes.md section 5): 118 x S21 XP Immersion at 3,600 W.
 * - DGX B200: 14.3 kW, air-cooled; GB200 NVL72: ~120 kW per rack, direct-to-chip only
 *   (hardware-catalog.json).
 * - Chiller COP 5.9, from ~0.6 kW per ton of cooling (domain-notes.md section 4, derived).
 *
 * Workloads: inference and training in the self-operated hall (8 GPUs per DGX B200,
 * hardware-catalog.json); the tenant's contract gives it a namespace with all 11,520 GPUs of its
 * hall (160 x 72) and hybrid-campus places nothing in it; one stratum proxy for the hydro
 * containers, one for the immersion tanks, and a curtailment plan for a controller run elsewhere.
 * Images, pool host and addresses are placeholders.
 */
import type { Construct } from 'constructs';
import { ASIC_MODELS, GPU_SYSTEMS } from '../catalog/hardware-catalog';
import { AuxiliaryLoad } from '../constructs/plant/auxiliary-load';
import { CoolingSystem } from '../constructs/plant/cooling-system';
import { CurtailmentPlan } from '../constructs/workloads/curtailment-plan';
import { GpuHall } from '../constructs/plant/gpu-hall';
import { MiningPod } from '../constructs/plant/mining-pod';
import { PowerBus } from '../constructs/plant/power-bus';
import { StratumProxy } from '../constructs/workloads/stratum-proxy';
import { Campus } from '../stacks/campus';
import { KUBERNETES_BASELINE } from '../rules/kubernetes/pack';

export const RETROFIT_HYDRO_CONTAINERS = 16;
export const RETROFIT_IMMERSION_CONTAINERS = 10;

export interface RetrofitCampus {
  readonly campus: Campus;
  readonly hallBus: PowerBus;
  readonly miningBus: PowerBus;
}

export function retrofit(scope: Construct, id = 'nyiso-retrofit'): RetrofitCampus {
  const campus = new Campus(scope, id, { gridRegion: 'NYISO', interconnectLimitMw: 75, rules: { packs: [KUBERNETES_BASELINE] } });

  // The original mining substation: one 69 kV / 500 A line (69 x 500 x sqrt(3) x 0.95 = 56.8 MW,
  // 45.4 MW usable at 80%) plus a 10 MW gas genset.
  const miningBus = new PowerBus(campus, 'bus-b', {
    feeds: [
      { name: 'utility-c', source: 'utility', voltageKv: 69, currentA: 500, phases: 3, powerFactor: 0.95 },
      { name: 'genset-1', source: 'onsite-generation', capacityMw: 10 },
    ],
  });
  // The new bus for the halls: two full 40 MW sides.
  const hallBus = new PowerBus(campus, 'bus-a', {
    redundancy: '2N',
    feeds: [
      { name: 'utility-a', source: 'utility', capacityMw: 40, side: 'A' },
      { name: 'utility-b', source: 'utility', capacityMw: 40, side: 'B' },
    ],
  });

  const hydro = new CoolingSystem(campus, 'hydro-loop', { type: 'hydro', capacityKw: 34_000, pue: 1.05, bus: miningBus });
  const hydroPods: MiningPod[] = [];
  const tanks: MiningPod[] = [];
  for (let i = 1; i <= RETROFIT_HYDRO_CONTAINERS; i++) {
    hydroPods.push(new MiningPod(campus, `hydro-${String(i).padStart(2, '0')}`, {
      model: ASIC_MODELS.BITMAIN_ANTMINER_S21E_XP_HYD_3U,
      count: 168,
      bus: miningBus,
      cooling: hydro,
    }));
  }
  for (let i = 1; i <= RETROFIT_IMMERSION_CONTAINERS; i++) {
    const tank = new CoolingSystem(campus, `tank-${String(i).padStart(2, '0')}-cooling`, {
      type: 'immersion',
      capacityKw: 720,
      fixedPowerKw: 25,
      bus: miningBus,
    });
    tanks.push(new MiningPod(campus, `tank-${String(i).padStart(2, '0')}`, {
      model: ASIC_MODELS.BITMAIN_ANTMINER_S21_XP_IMMERSION,
      count: 118,
      bus: miningBus,
      cooling: tank,
    }));
  }
  new AuxiliaryLoad(campus, 'mining-ops', { powerKw: 500, bus: miningBus });
  const proxy = {
    image: 'registry.example.com/mining/stratum-proxy@sha256:4f2a6c1e9b0d3a5f7e8c2b1a0d9f8e7c6b5a4d3c2b1a0f9e8d7c6b5a4f3e2d1c',
    pools: [
      { url: 'stratum+ssl://btc.pool.example:3334', egressCidrs: ['203.0.113.0/24'] },
      { url: 'stratum+tcp://backup.pool.example:3333', egressCidrs: ['198.51.100.64/26'] },
    ],
    minerCidrs: ['10.60.0.0/20'],
    workerName: 'nyiso.{proxy}',
  };
  new StratumProxy(campus, 'proxy-hydro', { ...proxy, pods: hydroPods });
  new StratumProxy(campus, 'proxy-immersion', { ...proxy, pods: tanks, replicas: 1, cpuMillicores: 250, memoryMib: 128 });
  new CurtailmentPlan(campus, 'curtailment-plan');

  // Hall 1, self-operated, in the old warehouse: 512 air-cooled DGX B200 on a chiller plant.
  const chiller = new CoolingSystem(campus, 'chiller-1', { type: 'chiller', capacityKw: 9_000, cop: 5.9, bus: hallBus });
  const hall1 = new GpuHall(campus, 'hall-1', {
    system: GPU_SYSTEMS.NVIDIA_DGX_B200,
    count: 512,
    overheadKw: 600,
    bus: hallBus,
    cooling: chiller,
  });
  // Hall 2, leased to a tenant: 160 GB200 NVL72 racks on direct-to-chip cooling.
  const dlc = new CoolingSystem(campus, 'dlc-hall-2', { type: 'direct-to-chip', capacityKw: 23_000, pue: 1.12, bus: hallBus });
  new GpuHall(campus, 'hall-2', {
    system: GPU_SYSTEMS.NVIDIA_GB200_NVL72_RACK,
    count: 160,
    overheadKw: 800,
    bus: hallBus,
    cooling: dlc,
    tenant: 'acme-ai',
    // The lease gives the tenant a namespace on the campus cluster with all 160 x 72 GPUs.
    tenantNamespace: { gpuAllocation: 11_520 },
  });
  new AuxiliaryLoad(campus, 'campus-core', { powerKw: 800, bus: hallBus });

  // 512 x 8 = 4,096 GPUs in hall 1; the workloads request 8 x 8 + 32 x 8 = 320.
  hall1.addInferenceService('chat', {
    image: 'registry.example.com/ai/inference-server:2.3.1',
    replicas: 8,
    gpusPerPod: 8,
    cpuMillicores: 48_000,
    memoryMib: 524_288,
    maxUnavailable: 2,
    clientCidrs: ['10.70.0.0/24'],
  });
  hall1.addTrainingJob('finetune', {
    image: 'registry.example.com/ai/trainer:2025.06',
    parallelism: 32,
    gpusPerPod: 8,
    cpuMillicores: 96_000,
    memoryMib: 1_048_576,
  });

  return { campus, hallBus, miningBus };
}
