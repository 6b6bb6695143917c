/**
 * Synthesizes the bundled examples (and variants) into temporary folders for the report and
 * diff tests. power-budget.json holds construct paths only, so the files do not depend on
 * the temp folder and golden outputs are stable.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Testing, type App } from 'cdktf';
import { ASIC_MODELS, GPU_SYSTEMS } from '../../catalog/hardware-catalog';
import { AuxiliaryLoad } from '../../constructs/plant/auxiliary-load';
import { CoolingSystem } from '../../constructs/plant/cooling-system';
import { GpuHall } from '../../constructs/plant/gpu-hall';
import { MiningPod } from '../../constructs/plant/mining-pod';
import { ercot300 } from '../../examples/ercot-300';
import { phasedConversion } from '../../examples/phased-conversion';
import { flexibleMining } from '../../examples/flexible-mining';
import { retrofit } from '../../examples/retrofit';
import { runCampusApp } from '../../stacks/run-campus-app';

export type Variant = 'examples' | 'second-hall' | 'more-mining' | 'phased' | 'phased-mid-n1' | 'flexible';

function build(variant: Variant): (app: App) => void {
  if (variant === 'phased') return (app) => void phasedConversion(app);
  if (variant === 'flexible') return (app) => void flexibleMining(app);
  // 260 racks in phase 2: the N+1 contingency fails from 2027-07 until the third feed in 2028-01.
  if (variant === 'phased-mid-n1') return (app) => void phasedConversion(app, 'permian-phased', { phase2Racks: 260 });
  return (app) => {
    const site = ercot300(app);
    if (variant === 'second-hall') {
      // A second 80-rack GB300 hall with its own direct-to-chip cooling on the N+1 bus: its N+1 contingency fails.
      const dlc2 = new CoolingSystem(site.campus, 'dlc-hall-2', { type: 'direct-to-chip', capacityKw: 12_000, pue: 1.15, bus: site.aiBus });
      new GpuHall(site.campus, 'hall-2', { system: GPU_SYSTEMS.NVIDIA_GB300_NVL72_RACK, count: 80, bus: site.aiBus, cooling: dlc2 });
    }
    if (variant === 'more-mining') {
      // One more 280-miner pod in row 1 (its air cooling then warns at 90.4%) and a 250 kW auxiliary load: changes, no failure.
      const air = site.campus.node.findChild('air-row-1') as CoolingSystem;
      new MiningPod(site.campus, 'pod-r1-31', { model: ASIC_MODELS.BITMAIN_ANTMINER_S21_XP, count: 280, spares: 4, bus: site.miningBus, cooling: air });
      new AuxiliaryLoad(site.campus, 'security', { powerKw: 250, bus: site.miningBus });
    }
    retrofit(app);
  };
}

const cache = new Map<Variant, string>();

/** The cdktf output folder of a variant, synthesized once per test file (write-on-failure on). */
export function synthVariant(variant: Variant): string {
  const cached = cache.get(variant);
  if (cached) return cached;
  const app = Testing.app();
  runCampusApp(build(variant), { app, stdout: () => undefined, stderr: () => undefined, writeBudgetOnFailure: true });
  cache.set(variant, app.outdir);
  return app.outdir;
}

/** The power-budget.json of one site of a variant. */
export function budgetFile(variant: Variant, site: string): string {
  return path.join(synthVariant(variant), 'stacks', site, 'power-budget.json');
}

/** A fresh temp folder. */
export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'hybrid-campus-report-'));
}
