/**
 * Benchmark: the bundled examples' app as `cdktf synth` runs it, start to finish (node starting,
 * the TypeScript loaded, every campus built, checked and written).
 *
 *   npm run bench          (after the synth benchmark)
 *   node -r ./scripts/register-ts.js bench/app-bench.ts [runs] [--no-defer]
 *
 * Runs cdktf.json's `app` command in a shell, in the repository root, with the environment the
 * cdktf CLI gives it (cdktf-cli's synth-stack.js): CDKTF_OUTDIR (a temporary directory),
 * CDKTF_CONTEXT_JSON (cdktf.json's context), SYNTH_HCL_OUTPUT=false,
 * CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS=true and NODE_OPTIONS=--max-old-space-size=4096.
 *
 * "cold": the first run after removing the register-ts cache (.cache/register-ts/, git-ignored):
 * every .ts file is transpiled, as on a fresh checkout or after editing every file. "warm": the
 * runs after it, the cache filled, as after a typical edit. Wall time is measured around the
 * child process; CPU (user + system) and peak memory are the app process's own resource usage
 * (`process.resourceUsage()` at its exit, written by a preload added to NODE_OPTIONS, the
 * child's rusage), so the shell and this process are not counted; with them, the number of
 * modules the app loaded (a module deferred by scripts/deferred-modules.js and never used is not
 * counted). With --no-defer, each file scripts/deferred-modules.js defers is required for real by
 * a preload (scripts/no-defer.js) before the app's hook, so the hook leaves all three alone: the same commit measured
 * without the deferral (that preload removes itself from the module cache: not counted).
 * Medians are printed, with
 * the core count and the load average, since a loaded machine inflates wall time.
 * Figures are reported in issue notes, never asserted in tests.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { median } from './timing';

const ROOT = path.join(__dirname, '..');
const CACHE_DIR = path.join(ROOT, '.cache', 'register-ts');

interface Sample {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly maxRssMb: number;
  /** Modules the app process loaded (this preload included). */
  readonly modules: number;
}

/**
 * The preload that, with --no-defer, requires each deferred file for real (so deferModules skips
 * it), then removes itself from the module cache, so the modules column counts the app's alone.
 */
const NO_DEFER_PRELOAD = path.join(ROOT, 'scripts', 'no-defer.js');

/** The preload that reports the app process's own resource usage at exit, as JSON, to the file named by APP_BENCH_USAGE_FILE. */
const USAGE_PRELOAD = `'use strict';
process.on('exit', () => {
  const u = process.resourceUsage();
  // Modules loaded: the entries of Node's module cache, less the stand-ins of modules deferred until their first use (scripts/deferred-modules.js).
  const modules = Object.values(require.cache).filter((m) => !require('util').types.isProxy(m.exports)).length;
  require('fs').writeFileSync(process.env.APP_BENCH_USAGE_FILE, JSON.stringify({ cpuMs: (u.userCPUTime + u.systemCPUTime) / 1e3, maxRssMb: u.maxRSS / 1024, modules }));
});
`;

function runApp(command: string, context: unknown, work: string, preloads: readonly string[]): Sample {
  const outdir = path.join(work, 'cdktf.out');
  const usageFile = path.join(work, 'usage.json');
  fs.rmSync(outdir, { recursive: true, force: true });
  fs.rmSync(usageFile, { force: true });
  const start = process.hrtime.bigint();
  const result = spawnSync(command, {
    shell: true,
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      NODE_OPTIONS: ['--max-old-space-size=4096', ...preloads.map((file) => `--require ${JSON.stringify(file)}`)].join(' '),
      CDKTF_OUTDIR: outdir,
      CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS: 'true',
      CDKTF_CONTEXT_JSON: JSON.stringify({ ...(context as object), cdktfRelativeModules: [] }),
      SYNTH_HCL_OUTPUT: 'false',
      APP_BENCH_USAGE_FILE: usageFile,
    },
  });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) {
    const how = result.error ? `could not run: ${result.error.message}` : result.signal ? `killed by ${result.signal}` : `exit ${result.status}`;
    throw new Error(`${command}: ${how}\n${result.stderr ?? ''}`);
  }
  if (!fs.existsSync(path.join(outdir, 'manifest.json'))) throw new Error(`${command}: wrote no manifest.json in ${outdir}`);
  const usage = JSON.parse(fs.readFileSync(usageFile, 'utf8')) as { cpuMs: number; maxRssMb: number; modules: number };
  return { wallMs, ...usage };
}

function row(label: string, samples: readonly Sample[]): string {
  const wall = median(samples.map((s) => s.wallMs));
  const cpu = median(samples.map((s) => s.cpuMs));
  const mem = median(samples.map((s) => s.maxRssMb));
  const modules = median(samples.map((s) => s.modules));
  return `${label.padEnd(28)} ${wall.toFixed(0).padStart(8)} ${cpu.toFixed(0).padStart(8)} ${mem.toFixed(0).padStart(8)} ${modules.toFixed(0).padStart(8)}   (${samples.length} run${samples.length === 1 ? '' : 's'})`;
}

function main(runs: number, noDefer: boolean): void {
  const config = JSON.parse(fs.readFileSync(path.join(ROOT, 'cdktf.json'), 'utf8')) as { app: string; context?: unknown };
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hybrid-campus-app-bench-'));
  const preload = path.join(work, 'usage-preload.js');
  fs.writeFileSync(preload, USAGE_PRELOAD);
  const preloads = [preload];
  if (noDefer) preloads.unshift(NO_DEFER_PRELOAD);
  try {
    console.log(`examples app as cdktf.json runs it: ${config.app}${noDefer ? ' (--no-defer: the deferred modules loaded for real first)' : ''}`);
    console.log(`${os.availableParallelism()} cores, node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    console.log(`${''.padEnd(28)} ${'wall ms'.padStart(8)} ${'cpu ms'.padStart(8)} ${'peak MB'.padStart(8)} ${'modules'.padStart(8)}`);
    fs.rmSync(CACHE_DIR, { recursive: true, force: true });
    console.log(row('cold (no register-ts cache)', [runApp(config.app, config.context ?? {}, work, preloads)]));
    const warm: Sample[] = [];
    for (let r = 0; r < runs; r++) warm.push(runApp(config.app, config.context ?? {}, work, preloads));
    console.log(row('warm (cache filled)', warm));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

const args = process.argv.slice(2);
const noDefer = args.includes('--no-defer');
const counts = args.filter((a) => a !== '--no-defer');
const runsText = counts[0] ?? process.env.BENCH_RUNS ?? '5';
if (counts.length > 1 || !/^[1-9][0-9]*$/.test(runsText)) {
  console.error(`app-bench: runs must be one positive whole number, not '${counts.join(' ') || runsText}': node -r ./scripts/register-ts.js bench/app-bench.ts [runs] [--no-defer] (or BENCH_RUNS)`);
  process.exit(2);
}
main(Number(runsText), noDefer);
