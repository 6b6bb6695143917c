/**
 * Benchmark: the budget engine on large plain-data campuses, and the whole construct + synth
 * path on the bundled examples and on a large generated campus. Prints median wall times.
 *
 *   npm run bench
 *
 * Figures are for the machine it runs on; they are reported in issue notes, never asserted in tests.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { ASIC_MODELS } from '../catalog/hardware-catalog';
import { CoolingSystem } from '../constructs/plant/cooling-system';
import { MiningPod } from '../constructs/plant/mining-pod';
import { PowerBus } from '../constructs/plant/power-bus';
import { evaluateCampus, evaluateTimeline } from '../domain/evaluate';
import { allocateMiningCaps } from '../domain/mining-caps';
import type { CampusModel, MiningPodModel } from '../domain/model';
import { renderPowerBudget } from '../report/power-budget-file';
import { buildBundledExamples } from '../examples/bundled';
import { Campus } from '../stacks/campus';
import { synthCampusApp } from '../stacks/run-campus-app';
import { time } from './timing';


/** A plain-data campus with `buses` buses, `podsPerBus` pods each, one air system per bus. */
function bigModel(buses: number, podsPerBus: number, autoCaps = false): CampusModel {
  const pods: MiningPodModel[] = [];
  for (let b = 0; b < buses; b++) {
    for (let p = 0; p < podsPerBus; p++) {
      pods.push({
        kind: 'mining-pod', name: `pod-${b}-${p}`, path: `big/pod-${b}-${p}`, bus: `bus-${b}`, cooling: `air-${b}`,
        itKw: 1_020.6, firm: false, coolingRequirement: 'air', hardware: 'S21 XP', hardwareId: 's21-xp',
        count: 280, spares: 0, minerPowerW: 3_645, minerHashrateThs: 270, hashrateThs: 75_600, efficiencyJTh: 13.5, curtailSeconds: 60, priority: p % 3,
        ...(autoCaps ? { powerControl: { mode: 'auto' as const, minW: 2_600, maxW: 3_645 } } : {}),
      });
    }
  }
  return {
    name: 'big', path: 'big', gridRegion: 'ERCOT', interconnectLimitKw: 1e9, warnUtilization: 0.9,
    buses: Array.from({ length: buses }, (_, b) => ({
      name: `bus-${b}`, path: `big/bus-${b}`, redundancy: 'N+1' as const,
      feeds: [0, 1, 2].map((f) => ({ name: `f-${b}-${f}`, source: 'utility' as const, ratingKw: podsPerBus * 800, maxUtilization: 1, ratingBasis: 'bench' })),
    })),
    coolingSystems: Array.from({ length: buses }, (_, b) => ({
      name: `air-${b}`, path: `big/air-${b}`, type: 'air' as const, capacityKw: podsPerBus * 1_100, power: { model: 'pue' as const, pue: 1.1 }, bus: `bus-${b}`,
    })),
    miningPods: pods, gpuHalls: [], auxiliaryLoads: [],
  };
}

const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'hybrid-campus-bench-'));
const quiet = { stdout: () => undefined, stderr: (t: string) => process.stderr.write(t) };

time('engine: evaluate 1,000 pods on 10 buses', 20, () => evaluateCampus(bigModel(10, 100)));
time('engine: evaluate 10,000 pods on 100 buses', 5, () => evaluateCampus(bigModel(100, 100)));
time('engine: auto caps for 10,000 pods on 100 buses (3 priorities)', 5, () => allocateMiningCaps(bigModel(100, 100, true)));
time('engine: evaluate with auto caps, 10,000 pods', 5, () => evaluateCampus(bigModel(100, 100, true)));
time('engine: evaluate + render power-budget.json, 10,000 pods', 5, () => renderPowerBudget(evaluateTimeline(bigModel(100, 100))));
time('constructs + synth: all four bundled examples', 10, () => {
  const app = new App({ outdir });
  buildBundledExamples(app);
  synthCampusApp(app, quiet);
});
time('constructs + synth: one campus with 2,000 pods', 3, () => {
  const app = new App({ outdir });
  const campus = new Campus(app, 'big', { gridRegion: 'ERCOT', interconnectLimitMw: 5_000 });
  for (let b = 0; b < 20; b++) {
    const bus = new PowerBus(campus, `bus-${b}`, { feeds: [{ name: `f-${b}`, capacityMw: 150 }] });
    const air = new CoolingSystem(campus, `air-${b}`, { type: 'air', capacityKw: 120_000, pue: 1.1, bus });
    for (let p = 0; p < 100; p++) new MiningPod(campus, `pod-${b}-${p}`, { model: ASIC_MODELS.BITMAIN_ANTMINER_S21_XP, count: 280, bus, cooling: air });
  }
  synthCampusApp(app, quiet);
});
fs.rmSync(outdir, { recursive: true, force: true });
