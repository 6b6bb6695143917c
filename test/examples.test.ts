import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Testing } from 'cdktf';
import { GPU_SYSTEMS } from '../catalog/hardware-catalog';
import { CoolingSystem } from '../constructs/plant/cooling-system';
import { GpuHall } from '../constructs/plant/gpu-hall';
import { ercot300 } from '../examples/ercot-300';
import { retrofit } from '../examples/retrofit';
import { runCampusApp } from '../stacks/run-campus-app';

function run(build: Parameters<typeof runCampusApp>[0]) {
  const app = Testing.app();
  let stdout = '';
  let stderr = '';
  const code = runCampusApp(build, { app, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr, outdir: app.outdir };
}

function readTree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const full = path.join(entry.parentPath, entry.name);
      files[path.relative(dir, full)] = fs.readFileSync(full, 'utf8');
    }
  }
  return files;
}

/** The two bundled sites in one app. */
function buildExamples(app: Parameters<Parameters<typeof runCampusApp>[0]>[0]) {
  ercot300(app);
  retrofit(app);
}

/** The bundled sites synthesized once per file: read by the first test, and the first of the two runs the determinism test compares (tests only read it). */
let examplesRun: ReturnType<typeof run> | undefined;
const synthesizedExamples = () => (examplesRun ??= run(buildExamples));

describe('bundled examples', () => {
  test('synthesize without errors and print a summary per site', () => {
    const result = synthesizedExamples();
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Power budget: ercot-300 (ERCOT, interconnect 300.00 MW): OK');
    expect(result.stdout).toContain('Power budget: nyiso-retrofit (NYISO, interconnect 75.00 MW): OK');
    for (const site of ['ercot-300', 'nyiso-retrofit']) {
      const dir = path.join(result.outdir, 'stacks', site);
      // No dates, so no timeline chart; the Kubernetes baseline is enabled, so its rules.json and rules.sarif.
      expect(fs.readdirSync(dir).sort()).toEqual(['campus-model.json', 'cdk.tf.json', 'power-budget.json', 'rules.json', 'rules.sarif']);
    }
  });

  test('ercot-300 has the hand-computed budget', () => {
    const { campus } = ercot300(Testing.app());
    const { current: { budget }, failures } = campus.evaluate();
    expect(failures).toEqual([]);
    const ai = budget.buses.find((b) => b.bus.name === 'bus-ai')!;
    const mining = budget.buses.find((b) => b.bus.name === 'bus-mining')!;
    // 320 x 132 kW + 1,500 kW = 43,740 kW firm IT; cooling x 0.15 = 6,561 kW; + 2,000 kW auxiliary.
    expect(ai.scenarios[1].load.totalKw).toBeCloseTo(52_301, 6);
    expect(ai.scenarios[1].capacityKw).toBe(60_000);
    // 3 x 34.5 kV x 1,700 A x sqrt(3) x 0.98 x 0.8 = 238,927.4 kW usable.
    expect(mining.usableKw).toBeCloseTo(238_927.4, 1);
    // 180 pods x 280 x 3.645 kW = 183,708 kW of interruptible IT.
    expect(mining.scenarios[0].load.interruptibleItKw).toBeCloseTo(183_708, 6);
  });

  test('the retrofit site leases one hall and offsets grid import with its genset', () => {
    const { campus } = retrofit(Testing.app());
    const { current: { budget }, failures } = campus.evaluate();
    expect(failures).toEqual([]);
    expect(budget.campus.gpuHalls.map((h) => h.operator)).toEqual([{ kind: 'self' }, { kind: 'tenant', tenant: 'acme-ai' }]);
    expect(budget.site.generationOffsetKw).toBe(10_000);
  });

  test('an over-budget variant (a second GB300 hall on the N+1 bus) is refused with the expected message, and nothing is written', () => {
    const result = run((app) => {
      const site = ercot300(app);
      // 80 x 132 kW = 10.56 MW more firm IT, + 1.584 MW of cooling: 64.445 MW firm on a 60 MW firm bus.
      const dlc2 = new CoolingSystem(site.campus, 'dlc-hall-2', { type: 'direct-to-chip', capacityKw: 12_000, pue: 1.15, bus: site.aiBus });
      new GpuHall(site.campus, 'hall-2', { system: GPU_SYSTEMS.NVIDIA_GB300_NVL72_RACK, count: 80, bus: site.aiBus, cooling: dlc2 });
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'hybrid-campus: synth refused: 1 check failed, nothing was written.\n' +
        "  [ercot-300/bus-ai] contingency on bus 'bus-ai' (N+1, loss of feed 'xfmr-ai1'): firm load 64.445 MW " +
        '(firm IT 54.300 MW, interruptible IT 0.000 MW, cooling 8.145 MW, auxiliary 2.000 MW) exceeds the 60.000 MW the bus can still carry by 4.445 MW, ' +
        "with all interruptible load shed (it also fails on: lose xfmr-ai2; lose xfmr-ai3). Add a feed to 'bus-ai', " +
        'move firm load (GPU halls, firm pods, their cooling, auxiliary) to another bus, or make loads interruptible if they can be shed.\n',
    );
    expect(result.stdout).toContain('Power budget: ercot-300 (ERCOT, interconnect 300.00 MW): FAIL (1 failed)');
    // cdktf creates the empty stacks/ folder when the App is made; no stack was written into it.
    expect(fs.readdirSync(path.join(result.outdir, 'stacks'))).toEqual([]);
    expect(fs.existsSync(path.join(result.outdir, 'manifest.json'))).toBe(false);
  });

  test('a refused synth writes no campus at all, even the ones that pass, and removes stale output', () => {
    const app = Testing.app();
    const stale = path.join(app.outdir, 'stacks', 'ercot-300');
    fs.mkdirSync(stale, { recursive: true });
    fs.writeFileSync(path.join(stale, 'power-budget.json'), '{}');
    const code = runCampusApp(
      (a) => {
        ercot300(a);
        const bad = retrofit(a);
        new GpuHall(bad.campus, 'hall-3', { system: GPU_SYSTEMS.NVIDIA_DGX_B200, count: 3_000, bus: bad.hallBus, cooling: bad.campus.node.findChild('chiller-1') as never });
      },
      { app, stdout: () => undefined, stderr: () => undefined },
    );
    expect(code).toBe(1);
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.existsSync(path.join(app.outdir, 'stacks', 'nyiso-retrofit'))).toBe(false);
  });

  test('bad props are reported as one message, without a stack trace', () => {
    const result = run((app) => {
      const site = ercot300(app);
      new GpuHall(site.campus, 'hall-2', { system: GPU_SYSTEMS.NVIDIA_GB300_NVL72_RACK, count: -1, bus: site.aiBus, cooling: site.hallCooling });
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('hybrid-campus: [ercot-300/hall-2] invalid property: count = -1: must be at least 1 (installed systems)\n');
  });

  test('synthesis is deterministic: two runs give byte-identical files', () => {
    const firstRun = synthesizedExamples();
    const first = readTree(firstRun.outdir);
    const second = readTree(run(buildExamples).outdir);
    expect(Object.keys(first).sort()).toEqual(Object.keys(second).sort());
    for (const file of Object.keys(first)) expect(second[file]).toBe(first[file]);
    // Nothing machine-specific leaks into the output.
    const all = Object.values(first).join('\n');
    // (Containers mount their scratch directory at "/tmp", so look for paths under it.)
    expect(all).not.toContain(firstRun.outdir);
    expect(all).not.toContain(`${os.tmpdir()}${path.sep}`);
    expect(all).not.toContain(process.cwd());
  });
});
