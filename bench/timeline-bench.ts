/**
 * Benchmark: evaluating the whole timeline of a large campus (issue 12), one row per campus size.
 *
 *   npm run bench                                   (after bench/budget-bench.ts)
 *   node -r ./scripts/register-ts.js bench/timeline-bench.ts [--rows 10000x200,50000x200] [--profile]
 *
 * Each row runs in a child process of its own, so that its peak memory (`maxRSS`, which includes
 * Node and the TypeScript require hook) is that row's alone. For each row it prints:
 * - evaluate: wall time of `evaluateTimeline` (every state: caps, budget, checks), and its CPU time
 *   (user + sys), which a loaded machine disturbs less than wall time;
 * - render: wall time of `renderPowerBudget`, and the size of the power-budget.json it writes;
 * - peak: the child's peak resident memory.
 * "one state of 10,000 pods" is the single-date case (`evaluateTimeline` with `asOf`): the first
 * (cold) run, and in the render column, in parentheses, the median wall time of the next five.
 * `--profile` writes a V8 CPU profile per row into bench/profiles/ (node --cpu-prof).
 * bench/single-state-instructions.sh counts the instructions of the cold single state instead
 * (`--child <pods> <dates> cold` and `setup`: a figure that does not drift with the machine's load).
 *
 * Campus: auto-capped pods (powerControl auto) spread over 100 buses (one air cooling system per
 * bus), built in phases: pods come into service bus by bus, in as many months as the row has
 * dates, and every tenth pod retires later, so the timeline has exactly that many change points
 * and consecutive states differ by a few parts. Figures are for the machine it runs on; they are
 * quoted in the README and in issue notes, never asserted in tests.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { evaluateTimeline } from '../domain/evaluate';
import type { CampusModel, MiningPodModel } from '../domain/model';
import { nextMonth, type Month } from '../domain/timeline';
import { renderPowerBudget } from '../report/power-budget-file';

const BUSES = 100;

/** `count` consecutive months from 2027-01. */
function monthsFrom2027(count: number): Month[] {
  const months: Month[] = ['2027-01'];
  while (months.length < count) months.push(nextMonth(months[months.length - 1]));
  return months;
}

/**
 * A campus of `pods` auto-capped pods on 100 buses whose service dates give `dates` change points
 * (months): pod g comes into service in month floor(g x dates / pods), bus by bus; every tenth pod
 * retires half the timeline later (when that month exists).
 */
export function phasedCampus(pods: number, dates: number): CampusModel {
  const podsPerBus = Math.ceil(pods / BUSES);
  const months = monthsFrom2027(dates);
  const miningPods: MiningPodModel[] = [];
  for (let g = 0; g < pods; g++) {
    const b = Math.floor(g / podsPerBus);
    const inIndex = Math.floor((g * dates) / pods);
    const retireIndex = inIndex + Math.ceil(dates / 2);
    miningPods.push({
      kind: 'mining-pod', name: `pod-${b}-${g % podsPerBus}`, path: `big/pod-${b}-${g % podsPerBus}`, bus: `bus-${b}`, cooling: `air-${b}`,
      itKw: 1_020.6, firm: false, coolingRequirement: 'air', hardware: 'S21 XP', hardwareId: 's21-xp',
      count: 280, spares: 0, minerPowerW: 3_645, minerHashrateThs: 270, hashrateThs: 75_600, efficiencyJTh: 13.5, curtailSeconds: 60, priority: g % 3,
      powerControl: { mode: 'auto', minW: 2_600, maxW: 3_645 },
      inService: months[inIndex],
      ...(g % 10 === 9 && retireIndex < dates ? { retire: months[retireIndex] } : {}),
    });
  }
  return {
    name: 'big', path: 'big', gridRegion: 'ERCOT', interconnectLimitKw: 1e9, warnUtilization: 0.9,
    buses: Array.from({ length: BUSES }, (_, b) => ({
      name: `bus-${b}`, path: `big/bus-${b}`, redundancy: 'N+1' as const,
      feeds: [0, 1, 2].map((f) => ({ name: `f-${b}-${f}`, source: 'utility' as const, ratingKw: podsPerBus * 800, maxUtilization: 1, ratingBasis: 'bench' })),
    })),
    coolingSystems: Array.from({ length: BUSES }, (_, b) => ({
      name: `air-${b}`, path: `big/air-${b}`, type: 'air' as const, capacityKw: podsPerBus * 1_100, power: { model: 'pue' as const, pue: 1.1 }, bus: `bus-${b}`,
    })),
    miningPods, gpuHalls: [], auxiliaryLoads: [],
  };
}

interface RowResult {
  readonly states: number;
  readonly evaluateMs: number;
  readonly evaluateCpuMs: number;
  readonly renderMs?: number;
  readonly jsonBytes?: number;
  readonly warmMedianMs?: number;
  readonly maxRssMb: number;
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

/** Runs one row in this process and prints its figures as one JSON line. */
function child(pods: number, dates: number, single: boolean): void {
  const campus = phasedCampus(pods, dates);
  let out: RowResult;
  if (single) {
    const asOf = monthsFrom2027(dates)[dates - 1];
    const samples: number[] = [];
    let first = { ms: 0, cpu: 0, states: 0 };
    for (let run = 0; run < 6; run++) {
      const cpu = process.cpuUsage();
      const start = performance.now();
      const timeline = evaluateTimeline(campus, { asOf });
      const ms = performance.now() - start;
      if (run === 0) first = { ms, cpu: cpuMs(cpu), states: timeline.states.length };
      else samples.push(ms);
    }
    samples.sort((a, b) => a - b);
    out = { states: first.states, evaluateMs: first.ms, evaluateCpuMs: first.cpu, warmMedianMs: samples[Math.floor(samples.length / 2)], maxRssMb: 0 };
  } else {
    const cpu = process.cpuUsage();
    const start = performance.now();
    const timeline = evaluateTimeline(campus);
    const evaluateMs = performance.now() - start;
    const evaluateCpuMs = cpuMs(cpu);
    const renderStart = performance.now();
    const json = renderPowerBudget(timeline);
    const renderMs = performance.now() - renderStart;
    out = { states: timeline.states.length, evaluateMs, evaluateCpuMs, renderMs, jsonBytes: Buffer.byteLength(json), maxRssMb: 0 };
  }
  out = { ...out, maxRssMb: process.resourceUsage().maxRSS / 1024 };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

interface Row {
  readonly label: string;
  readonly key: string;
  readonly pods: number;
  readonly dates: number;
  readonly single: boolean;
}

const ROWS: readonly Row[] = [
  { label: '1,000 pods x 200 dates', key: '1000x200', pods: 1_000, dates: 200, single: false },
  { label: '10,000 pods x 10 dates', key: '10000x10', pods: 10_000, dates: 10, single: false },
  { label: '10,000 pods x 100 dates', key: '10000x100', pods: 10_000, dates: 100, single: false },
  { label: '10,000 pods x 200 dates', key: '10000x200', pods: 10_000, dates: 200, single: false },
  { label: '10,000 pods x 1,000 dates', key: '10000x1000', pods: 10_000, dates: 1_000, single: false },
  { label: '50,000 pods x 200 dates', key: '50000x200', pods: 50_000, dates: 200, single: false },
  { label: 'one state of 10,000 pods (asOf)', key: 'single', pods: 10_000, dates: 200, single: true },
];

function parent(argv: readonly string[]): void {
  const rowsArg = argv.indexOf('--rows');
  const wanted = rowsArg >= 0 ? new Set((argv[rowsArg + 1] ?? '').split(',')) : undefined;
  const unknown = [...(wanted ?? [])].filter((key) => !ROWS.some((row) => row.key === key));
  if (unknown.length > 0) {
    console.error(`timeline bench: unknown row ${unknown.map((k) => `'${k}'`).join(', ')} in --rows; use a comma-separated list of ${ROWS.map((r) => r.key).join(', ')}`);
    process.exit(2);
  }
  const profile = argv.includes('--profile');
  const profileDir = path.join(__dirname, 'profiles');
  if (profile) fs.mkdirSync(profileDir, { recursive: true });
  console.log(`timeline bench: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, load average ${os.loadavg()[0].toFixed(2)}`);
  console.log(
    `${'row'.padEnd(34)}${'states'.padStart(7)}${'evaluate'.padStart(11)}${'cpu'.padStart(11)}${'render (warm)'.padStart(16)}${'json'.padStart(10)}${'peak'.padStart(10)}`,
  );
  for (const row of ROWS) {
    if (wanted && !wanted.has(row.key)) continue;
    const args = [
      ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${row.key}.cpuprofile`] : []),
      '--max-old-space-size=16384',
      '-r', path.join(__dirname, '..', 'scripts', 'register-ts.js'),
      __filename, '--child', String(row.pods), String(row.dates), row.single ? 'single' : 'timeline',
    ];
    const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (run.status !== 0) {
      console.log(`${row.label.padEnd(34)} failed (exit ${run.status ?? run.signal}): ${(run.stderr || '').trim().split('\n').slice(-3).join(' | ')}`);
      continue;
    }
    const r = JSON.parse(run.stdout.trim().split('\n').pop()!) as RowResult;
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    const evaluate = row.single ? `${r.evaluateMs.toFixed(1)} ms` : s(r.evaluateMs);
    const cpu = row.single ? `${r.evaluateCpuMs.toFixed(1)} ms` : s(r.evaluateCpuMs);
    const render = r.renderMs === undefined ? `(${r.warmMedianMs!.toFixed(1)} ms)` : s(r.renderMs);
    const json = r.jsonBytes === undefined ? '' : `${(r.jsonBytes / 1e6).toFixed(2)} MB`;
    console.log(
      `${row.label.padEnd(34)}${String(r.states).padStart(7)}${evaluate.padStart(11)}${cpu.padStart(11)}${render.padStart(16)}${json.padStart(10)}${`${Math.round(r.maxRssMb)} MB`.padStart(10)}`,
    );
  }
}

/**
 * For bench/single-state-instructions.sh: builds the campus and, in mode `cold`, evaluates its
 * last month once (the cold single state); mode `setup` stops before, so that the difference
 * between the two is the evaluation's. Prints nothing.
 */
function childOnce(pods: number, dates: number, mode: 'cold' | 'setup'): void {
  const campus = phasedCampus(pods, dates);
  if (mode === 'cold') evaluateTimeline(campus, { asOf: monthsFrom2027(dates)[dates - 1] });
}

if (process.argv[2] === '--child' && (process.argv[5] === 'cold' || process.argv[5] === 'setup')) childOnce(Number(process.argv[3]), Number(process.argv[4]), process.argv[5]);
else if (process.argv[2] === '--child') child(Number(process.argv[3]), Number(process.argv[4]), process.argv[5] === 'single');
else if (require.main === module) parent(process.argv.slice(2));
