/**
 * Runs generated cases in child processes (worker.ts), so a case that hangs can be stopped and
 * named: each case gets `timeoutMs`; past it, its worker is killed, the case counts as a hang
 * and a new worker takes the rest. The time limit classifies a case; it is not an assertion on
 * how fast anything runs.
 *
 * Only the workers load the library and generate the cases (each case is a set of closures,
 * made from the seed): a worker describes each case before it runs it, and this side knows a case
 * by its index and that description. Loading both here too would cost the parent (a jest worker
 * in npm test) about as much as starting one more worker.
 */
import { fork, type ChildProcess } from 'child_process';
import * as os from 'os';
import * as path from 'path';
import { OUTCOMES, type CaseResult, type Outcome } from './outcomes';

const ROOT = path.join(__dirname, '..', '..');

export interface PoolOptions {
  /** How many cases (the first `count` of the seed). */
  readonly count: number;
  /** @default the suite's fixed seed (FUZZ_SEED in mutations.ts, which the workers read) */
  readonly seed?: number;
  /** @default the number of CPUs, at most 8 */
  readonly workers?: number;
  /** A case running longer than this is a hang. @default 10,000 ms */
  readonly timeoutMs?: number;
  /** Called after each case. */
  readonly onResult?: (index: number, result: CaseResult) => void;
}

export interface PoolReport {
  readonly counts: Record<Outcome, number>;
  /** Per family of the target step: counts per outcome. */
  readonly byFamily: Record<string, Partial<Record<Outcome, number>>>;
  /** Results that are not clear errors or sound acceptances, with their case. */
  readonly bad: { index: number; case: string; result: CaseResult }[];
  /** How many cases ran. */
  readonly total: number;
}

export function runPool(options: PoolOptions): Promise<PoolReport> {
  const count = options.count;
  const workers = Math.max(1, Math.min(options.workers ?? Math.min(os.cpus().length, 8), count));
  const timeoutMs = options.timeoutMs ?? 10_000;
  const results: (CaseResult | undefined)[] = new Array(count).fill(undefined);
  /** Each case as its worker described it before running it. */
  const descriptions: (string | undefined)[] = new Array(count).fill(undefined);
  // The seed is options.seed or, without it, the suite's own: never one inherited from the environment.
  const env: NodeJS.ProcessEnv = { ...process.env, FUZZ_COUNT: String(count), CHECKPOINT_DISABLE: '1' };
  delete env.FUZZ_SEED;
  if (options.seed !== undefined) env.FUZZ_SEED = String(options.seed);
  const describe = (i: number) => descriptions[i] ?? `case #${i}, not described: its worker stopped before it said which`;
  let next = 0;
  let finished = 0;

  return new Promise((resolve, reject) => {
    const done = () => {
      const counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
      const byFamily: PoolReport['byFamily'] = {};
      const bad: PoolReport['bad'] = [];
      results.forEach((r, i) => {
        const result = r!;
        counts[result.outcome]++;
        const family = (byFamily[describe(i).split(' ')[0]] ??= {});
        family[result.outcome] = (family[result.outcome] ?? 0) + 1;
        if (result.outcome !== 'clear-error' && result.outcome !== 'accepted') bad.push({ index: i, case: describe(i), result });
      });
      resolve({ counts, byFamily, bad, total: count });
    };

    const record = (index: number, result: CaseResult) => {
      if (results[index]) return;
      results[index] = result;
      finished++;
      options.onResult?.(index, result);
      if (finished === count) done();
    };

    const start = (): void => {
      const child: ChildProcess = fork(path.join(__dirname, 'worker.ts'), [], {
        cwd: ROOT,
        // The repository's TypeScript runner (scripts/register-ts.js): no source maps, files cached by content.
        execArgv: ['-r', path.join(ROOT, 'scripts', 'register-ts.js')],
        env,
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      });
      let stderr = '';
      child.stderr?.on('data', (d: Buffer) => void (stderr = (stderr + d.toString()).slice(-2_000)));
      let current: number | undefined;
      let timer: NodeJS.Timeout | undefined;
      const send = () => {
        if (next >= count) {
          child.kill();
          return;
        }
        current = next++;
        const index = current;
        timer = setTimeout(() => {
          record(index, { outcome: 'hang', detail: `ran over ${timeoutMs} ms` });
          current = undefined;
          child.kill('SIGKILL');
          start();
        }, timeoutMs);
        child.send({ run: index });
      };
      child.on('message', (m: { ready?: boolean; started?: number; description?: string; done?: number; result?: CaseResult }) => {
        if (m.ready) return send();
        if (m.started !== undefined && m.started === current) {
          descriptions[m.started] = m.description;
          return;
        }
        if (m.done !== undefined && m.done === current) {
          clearTimeout(timer);
          record(m.done, m.result!);
          current = undefined;
          send();
        }
      });
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        if (current !== undefined) {
          // The worker died during a case (out of memory, a native crash): that case crashed.
          record(current, { outcome: 'crash', detail: `the worker exited (${signal ?? code}) ${stderr.trim().split('\n').slice(-3).join(' ')}` });
          current = undefined;
          start();
        } else if (finished < count && next < count && signal !== 'SIGKILL' && code !== 0 && code !== null) {
          reject(new Error(`fuzz worker failed to start: ${stderr}`));
        }
      });
    };
    for (let i = 0; i < workers; i++) start();
  });
}

/** The counts as a table, one outcome per line, then per family. */
export function formatReport(report: PoolReport, elapsedMs?: number): string {
  const total = report.total;
  const width = Math.max(...OUTCOMES.map((o) => o.length));
  const lines = [`${total} generated cases${elapsedMs !== undefined ? ` in ${(elapsedMs / 1000).toFixed(1)} s` : ''}:`];
  for (const o of OUTCOMES) lines.push(`  ${o.padEnd(width)}  ${String(report.counts[o]).padStart(6)}`);
  lines.push('', 'per family (target of the mutation):');
  for (const family of Object.keys(report.byFamily).sort()) {
    const f = report.byFamily[family];
    lines.push(`  ${family.padEnd(18)} ${OUTCOMES.filter((o) => f[o]).map((o) => `${o} ${f[o]}`).join(', ')}`);
  }
  return lines.join('\n');
}
