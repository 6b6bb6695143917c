/**
 * Example: a ~300 MW ERCOT campus. Air-cooled mining containers fill most of the interconnect
 * and one liquid-cooled GB300 NVL72 hall sits on its own N+1 bus.
 *
 * Figures and where they come from (shared/reference/):
 * - Antminer S21 XP: 3,645 W, air-cooled (hardware-catalog.json).
 * - ~280 miners per air-cooled 40-ft container: an estimate, 1 MW at ~3.5 kW per miner
 *   (domain-notes.md section 5).
 * - Air-cooled mining PUE 1.10: the low end of the 1.10-1.50 range, with containment and free
 *   air (domain-notes.md section 4).
 * - GB300 NVL72: 132 kW per rack, direct-to-chip liquid only (hardware-catalog.json).
 * - Liquid-cooled AI PUE 1.15: under Uptime Institute's < 1.25 target for liquid-cooled AI
 *   (domain-notes.md section 4).
 * - Transformer feeds rated electrically and loaded to the NEC 80% (domain-notes.md section 2).
 *
 * Workloads (Kubernetes, through Terraform): an inference service and a training job in the
 * GB300 hall (72 GPUs per rack, hardware-catalog.json; 4 GPUs per compute tray, so 4 GPUs per
 * pod), a stratum proxy per mining row and a curtailment plan with its controller. Images,
 * pool host and addresses are placeholders (registry.example.com, documentation address
 * ranges 203.0.113.0/24 and 198.51.100.0/24): put your own.
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
import { ERCOT_LARGE_LOADS } from '../rules/ercot';
import { KUBERNETES_BASELINE } from '../rules/kubernetes/pack';
import { ACME_HOUSE_RULES } from './house-rules';

export const ERCOT_MINING_ROWS = 6;
export const ERCOT_PODS_PER_ROW = 30;
export const ERCOT_MINERS_PER_POD = 280;
/** The miners' network, the only source allowed to reach the stratum proxies. */
export const ERCOT_MINER_CIDR = '10.50.0.0/16';
/** The pool: a placeholder host in a documentation address range. */
export const ERCOT_POOL = { url: 'stratum+tcp://btc.pool.example:3333', egressCidrs: ['203.0.113.0/24'] };

export interface ErcotCampus {
  readonly campus: Campus;
  readonly miningBus: PowerBus;
  readonly aiBus: PowerBus;
  readonly hallCooling: CoolingSystem;
  readonly hall: GpuHall;
}

export function ercot300(scope: Construct, id = 'ercot-300'): ErcotCampus {
  const campus = new Campus(scope, id, {
    gridRegion: 'ERCOT',
    interconnectLimitMw: 300,
    // The bundled Kubernetes baseline and ERCOT large-load packs, and the operator's own rules
    // (examples/house-rules.ts).
    rules: { packs: [KUBERNETES_BASELINE, ERCOT_LARGE_LOADS, ACME_HOUSE_RULES] },
    // What the ERCOT pack needs to know about the grid connection (placeholder dates): a
    // transmission-voltage site interconnected in 2026, so Texas SB 6 firm load shed applies; the
    // utility's remote disconnect opens the site's point of interconnection (the hall drops too);
    // the curtailment plan below curtails mining in the 4CP intervals of June to September.
    gridFacts: {
      interconnection: { date: '2026-03-02' },
      voltageClass: 'transmission',
      firmLoadShed: { wholeSite: true },
      fourCpCurtailment: { months: [6, 7, 8, 9] },
    },
  });

  // Three 34.5 kV / 1,700 A transformers: 34.5 x 1,700 x sqrt(3) x 0.98 = 99.6 MW each, 79.6 MW usable at 80%.
  const miningBus = new PowerBus(campus, 'bus-mining', {
    redundancy: 'N',
    feeds: [1, 2, 3].map((n) => ({
      name: `xfmr-m${n}`,
      source: 'transformer' as const,
      voltageKv: 34.5,
      currentA: 1700,
      phases: 3 as const,
      powerFactor: 0.98,
    })),
  });

  // The AI bus has three contracted 30 MW feeds: 90 MW usable, 60 MW firm after losing one.
  const aiBus = new PowerBus(campus, 'bus-ai', {
    redundancy: 'N+1',
    feeds: [1, 2, 3].map((n) => ({ name: `xfmr-ai${n}`, source: 'transformer' as const, capacityMw: 30 })),
  });

  const pods: MiningPod[] = [];
  for (let row = 1; row <= ERCOT_MINING_ROWS; row++) {
    // 30 containers x 1.02 MW = 30.6 MW of heat per row.
    const air = new CoolingSystem(campus, `air-row-${row}`, { type: 'air', capacityKw: 35_000, pue: 1.1, bus: miningBus });
    for (let pod = 1; pod <= ERCOT_PODS_PER_ROW; pod++) {
      pods.push(
        new MiningPod(campus, `pod-r${row}-${String(pod).padStart(2, '0')}`, {
          model: ASIC_MODELS.BITMAIN_ANTMINER_S21_XP,
          count: ERCOT_MINERS_PER_POD,
          spares: 4,
          bus: miningBus,
          cooling: air,
        }),
      );
    }
  }
  // One stratum proxy per half of the site: rows 1-3 and rows 4-6, 90 pods (25,200 miners) each.
  const half = pods.length / 2;
  for (const [name, group] of [['proxy-rows-1-3', pods.slice(0, half)], ['proxy-rows-4-6', pods.slice(half)]] as const) {
    new StratumProxy(campus, name, {
      pods: group,
      image: 'registry.example.com/mining/stratum-proxy:1.4.2',
      pools: [ERCOT_POOL],
      minerCidrs: [ERCOT_MINER_CIDR],
      workerName: '{campus}.{proxy}',
    });
  }
  // The plan covers every pod; the controller reaches the miners' management network and the
  // grid operator's dispatch endpoint (placeholder address).
  new CurtailmentPlan(campus, 'curtailment-plan', {
    controller: {
      image: 'registry.example.com/mining/curtailment-controller:0.9.0',
      egress: [
        { cidr: ERCOT_MINER_CIDR, port: 4028 },
        { cidr: '198.51.100.10/32', port: 443 },
      ],
    },
  });
  new AuxiliaryLoad(campus, 'mining-ops', { powerKw: 1_500, bus: miningBus });

  const hallCooling = new CoolingSystem(campus, 'dlc-hall-1', { type: 'direct-to-chip', capacityKw: 50_000, pue: 1.15, bus: aiBus });
  // 320 racks x 132 kW = 42.24 MW, plus 1.5 MW of network and storage.
  const hall = new GpuHall(campus, 'hall-1', {
    system: GPU_SYSTEMS.NVIDIA_GB300_NVL72_RACK,
    count: 320,
    overheadKw: 1_500,
    bus: aiBus,
    cooling: hallCooling,
  });
  new AuxiliaryLoad(campus, 'campus-core', { powerKw: 2_000, bus: aiBus });

  // 320 racks x 72 GPUs = 23,040 GPUs; the workloads below request 64 x 4 + 512 x 4 = 2,304.
  hall.addInferenceService('llm-inference', {
    image: 'registry.example.com/ai/inference-server:2.3.1',
    replicas: 64,
    gpusPerPod: 4,
    cpuMillicores: 32_000,
    memoryMib: 262_144,
    port: 8000,
    args: ['--model', '/models/llm', '--port', '8000'],
  });
  hall.addTrainingJob('pretrain-run-1', {
    image: 'registry.example.com/ai/trainer:2025.06',
    parallelism: 512,
    gpusPerPod: 4,
    cpuMillicores: 64_000,
    memoryMib: 524_288,
    scratchMib: 102_400,
    egress: [{ cidr: '198.51.100.0/24', port: 443 }],
  });

  return { campus, miningBus, aiBus, hallCooling, hall };
}
