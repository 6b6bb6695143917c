/**
 * Benchmark: the overhead of synthesizing a campus built with this package's constructs over
 * bare cdktf making the same Kubernetes resources directly, at about 100, 1,000 and 4,000
 * resources.
 *
 *   npm run bench          (after the budget benchmark)
 *   node -r ./scripts/register-ts.js bench/synth-bench.ts [N ...]
 *
 * "campus": one Campus with `units` units, each a GPU hall (its namespace, quota, limit range
 * and network policies) with inference services and training jobs, and a mining pod with its
 * stratum proxy; built and synthesized through `runCampusApp` (validation, power budget,
 * power-budget.json, summary), as `cdktf synth` runs it.
 * "bare": a TerraformStack with the kubernetes provider, its variables and a local backend,
 * and, made directly with the provider's classes, every resource the campus wrote, with the
 * same configuration, logical ids and dependencies, then `app.synth()`. The bench checks that
 * both write the same provider, variables and resources (cdktf's "//" metadata aside).
 *
 * Each case runs in its own child process (alternating campus and bare, `BENCH_RUNS` times,
 * default 3) so that peak memory (`process.resourceUsage().maxRSS`, the whole child process,
 * modules included) is the case's own. Times cover building and synthesizing (not loading the
 * modules); CPU is the process's user + system time over that span (V8's background compiler
 * and GC threads included), which a loaded machine inflates less than wall time. Medians are
 * printed, with the core count.
 * Figures are reported in issue notes, never asserted in tests.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, LocalBackend, TerraformStack, TerraformVariable, type TerraformResource } from 'cdktf';
import type { Construct } from 'constructs';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { ASIC_MODELS, GPU_SYSTEMS } from '../catalog/hardware-catalog';
import { CoolingSystem } from '../constructs/plant/cooling-system';
import { GpuHall } from '../constructs/plant/gpu-hall';
import { MiningPod } from '../constructs/plant/mining-pod';
import { PowerBus } from '../constructs/plant/power-bus';
import { StratumProxy } from '../constructs/workloads/stratum-proxy';
import '../constructs/workloads/gpu-hall-workloads';
import { Campus } from '../stacks/campus';
import { runCampusApp } from '../stacks/run-campus-app';
import { median } from './timing';

const SITE = 'bench-site';
const HOOK = path.join(__dirname, '..', 'scripts', 'register-ts.js');
/** Inference services and training jobs per hall: 2 x 4 workloads of 8 GPUs each, in a 64-GPU hall. */
const WORKLOADS_PER_KIND = 4;

/** The campus: `units` x (a DGX B200 hall with its workloads + a mining pod with its stratum proxy). */
function buildCampus(app: App, units: number): void {
  const campus = new Campus(app, SITE, { gridRegion: 'ERCOT', interconnectLimitMw: 10_000 });
  const bus = new PowerBus(campus, 'bus-a', {
    redundancy: 'N+1',
    feeds: [
      { name: 'xfmr-1', capacityMw: 5_000 },
      { name: 'xfmr-2', capacityMw: 5_000 },
    ],
  });
  const air = new CoolingSystem(campus, 'air-1', { type: 'air', capacityKw: 5_000_000, pue: 1.1, bus });
  for (let u = 0; u < units; u++) {
    // 8 systems x 8 GPUs: the 64 GPUs the hall's 8 workloads request.
    const hall = new GpuHall(campus, `hall-${u}`, { system: GPU_SYSTEMS.NVIDIA_DGX_B200, count: 8, bus, cooling: air });
    for (let w = 0; w < WORKLOADS_PER_KIND; w++) {
      hall.addInferenceService(`chat-${w}`, {
        image: 'registry.example.com/ai/inference-server:2.3.1',
        replicas: 1, gpusPerPod: 8, cpuMillicores: 32_000, memoryMib: 262_144, port: 8000,
      });
      hall.addTrainingJob(`train-${w}`, {
        image: 'registry.example.com/ai/trainer:2025.06',
        parallelism: 1, gpusPerPod: 8, cpuMillicores: 64_000, memoryMib: 524_288,
        egress: [{ cidr: '198.51.100.0/24', port: 443 }],
      });
    }
    const pod = new MiningPod(campus, `pod-${u}`, { model: ASIC_MODELS.BITMAIN_ANTMINER_S21_XP, count: 280, bus, cooling: air });
    new StratumProxy(campus, `proxy-${u}`, {
      pods: [pod],
      image: 'registry.example.com/mining/stratum-proxy:1.4.2',
      pools: [{ url: 'stratum+tcp://btc.pool.example:3333', egressCidrs: ['203.0.113.0/24'] }],
      minerCidrs: ['10.50.0.0/16'],
    });
  }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** cdk.tf.json's snake_case block and attribute names back to the provider classes' camelCase (map keys here hold no "_"). */
function camel(value: Json): Json {
  if (Array.isArray(value)) return value.map(camel);
  if (value === null || typeof value !== 'object') return value;
  const out: { [key: string]: Json } = {};
  for (const [key, v] of Object.entries(value)) out[key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())] = camel(v);
  return out;
}

type ResourceClass = new (scope: Construct, id: string, config: unknown) => TerraformResource;

/** kubernetes_deployment_v1 -> DeploymentV1 from @cdktf/provider-kubernetes/lib/deployment-v1 (deep import). */
function resourceClass(type: string): ResourceClass {
  const name = type.replace(/^kubernetes_/, '');
  const module = require(`@cdktf/provider-kubernetes/lib/${name.replace(/_/g, '-')}`) as Record<string, ResourceClass>;
  return module[name.replace(/(^|_)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase())];
}

interface Written {
  readonly provider: Json;
  readonly variable: Json;
  readonly resource: { [type: string]: { [id: string]: { [key: string]: Json } } };
  readonly terraform: { readonly backend: { readonly local: { readonly path: string } } };
}

/** Bare cdktf: the same provider, variables, backend and resources, made directly. */
function buildBare(app: App, written: Written): void {
  const stack = new TerraformStack(app, SITE);
  new LocalBackend(stack, { path: written.terraform.backend.local.path });
  const providers = written.provider as { kubernetes: { [key: string]: Json }[] };
  new KubernetesProvider(stack, 'kubernetes', camel(providers.kubernetes[0]) as object);
  for (const [name, config] of Object.entries(written.variable as { [name: string]: { [key: string]: Json } })) {
    new TerraformVariable(stack, name, camel(config) as object).overrideLogicalId(name);
  }
  for (const [type, resources] of Object.entries(written.resource)) {
    const Class = resourceClass(type);
    for (const [id, body] of Object.entries(resources)) {
      const { ['//']: _metadata, depends_on: dependsOn, ...config } = body;
      const resource = new Class(stack, id, camel(config));
      resource.overrideLogicalId(id);
      // Terraform addresses ("kubernetes_namespace_v1.<id>"), written as they are.
      if (dependsOn) resource.dependsOn = dependsOn as string[];
    }
  }
}

interface Sample {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly maxRssMb: number;
  readonly resources: number;
}

function countResources(file: string): number {
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as Written;
  return Object.values(json.resource).reduce((n, byId) => n + Object.keys(byId).length, 0);
}

/** One case in this (child) process: build and synthesize, print a Sample as JSON. */
function child(mode: 'campus' | 'bare', arg: string, outdir: string): void {
  const written = mode === 'bare' ? (JSON.parse(fs.readFileSync(arg, 'utf8')) as Written) : undefined;
  // The provider's modules load before the clock starts, as the campus's do (they are imported above).
  for (const type of Object.keys(written?.resource ?? {})) resourceClass(type);
  const startCpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const app = new App({ outdir });
  if (mode === 'campus') {
    const code = runCampusApp((a) => buildCampus(a, Number(arg)), { app, stdout: () => undefined });
    if (code !== 0) throw new Error(`the bench campus did not synthesize (exit ${code})`);
  } else {
    buildBare(app, written!);
    app.synth();
  }
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const cpu = process.cpuUsage(startCpu);
  const sample: Sample = {
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1e3,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    resources: countResources(path.join(outdir, 'stacks', SITE, 'cdk.tf.json')),
  };
  process.stdout.write(`${JSON.stringify(sample)}\n`);
}

function runChild(mode: 'campus' | 'bare', arg: string, outdir: string): Sample {
  fs.rmSync(outdir, { recursive: true, force: true });
  const result = spawnSync(process.execPath, ['-r', HOOK, __filename, 'child', mode, arg, outdir], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (result.status !== 0) throw new Error(`${mode} ${arg}: exit ${result.status}\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop()!) as Sample;
}

/** The part of cdk.tf.json both must agree on. */
function comparable(file: string): string {
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as Written;
  const strip = (value: Json): Json => {
    if (Array.isArray(value)) return value.map(strip);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(Object.keys(value).filter((k) => k !== '//').sort().map((k) => [k, strip(value[k])]));
  };
  return JSON.stringify(strip({ provider: json.provider, variable: json.variable, resource: json.resource, backend: json.terraform.backend }));
}

function main(targets: number[]): void {
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hybrid-campus-synth-bench-'));
  console.log(`synth overhead: campus constructs vs bare cdktf, same resources; ${os.availableParallelism()} cores, node ${process.version}, median of ${runs} runs`);
  console.log('resources  units | campus wall ms  cpu ms  peak MB | bare wall ms  cpu ms  peak MB | ratio wall  cpu  memory');
  // Resources per unit, from one and two units (a fixed part for the campus-wide resources).
  const one = runChild('campus', '1', path.join(work, 'calibrate')).resources;
  const perUnit = runChild('campus', '2', path.join(work, 'calibrate')).resources - one;
  for (const target of targets) {
    const units = Math.max(1, Math.round((target - (one - perUnit)) / perUnit));
    const campusOut = path.join(work, `campus-${units}`);
    const bareOut = path.join(work, `bare-${units}`);
    const campusSamples: Sample[] = [];
    const bareSamples: Sample[] = [];
    for (let r = 0; r < runs; r++) {
      campusSamples.push(runChild('campus', String(units), campusOut));
      const specFile = path.join(work, `spec-${units}.json`);
      fs.copyFileSync(path.join(campusOut, 'stacks', SITE, 'cdk.tf.json'), specFile);
      bareSamples.push(runChild('bare', specFile, bareOut));
    }
    if (comparable(path.join(campusOut, 'stacks', SITE, 'cdk.tf.json')) !== comparable(path.join(bareOut, 'stacks', SITE, 'cdk.tf.json'))) {
      throw new Error(`at ${units} units the bare stack does not write the campus's resources`);
    }
    const c = { wall: median(campusSamples.map((s) => s.wallMs)), cpu: median(campusSamples.map((s) => s.cpuMs)), mem: median(campusSamples.map((s) => s.maxRssMb)) };
    const b = { wall: median(bareSamples.map((s) => s.wallMs)), cpu: median(bareSamples.map((s) => s.cpuMs)), mem: median(bareSamples.map((s) => s.maxRssMb)) };
    console.log(
      `${String(campusSamples[0].resources).padStart(9)} ${String(units).padStart(6)} | ` +
        `${c.wall.toFixed(0).padStart(14)} ${c.cpu.toFixed(0).padStart(7)} ${c.mem.toFixed(0).padStart(8)} | ` +
        `${b.wall.toFixed(0).padStart(12)} ${b.cpu.toFixed(0).padStart(7)} ${b.mem.toFixed(0).padStart(8)} | ` +
        `${(c.wall / b.wall).toFixed(2).padStart(9)}x ${(c.cpu / b.cpu).toFixed(2)}x ${(c.mem / b.mem).toFixed(2)}x`,
    );
  }
  fs.rmSync(work, { recursive: true, force: true });
}

if (process.argv[2] === 'child') {
  child(process.argv[3] as 'campus' | 'bare', process.argv[4], process.argv[5]);
} else {
  main(process.argv.length > 2 ? process.argv.slice(2).map(Number) : [100, 1_000, 4_000]);
}
