/**
 * `npm run fuzz`: runs the generated-input suite (10,000 cases by default, fixed seed) and
 * prints the count per outcome, per family, and every case that crashed, hung, was accepted
 * although invalid or refused with an unreadable message. Exits 1 when there is any.
 *
 *   npm run fuzz                       # 10,000 cases
 *   npm run fuzz -- --cases 20000 --seed 7 --workers 4
 */
import { parseArgs } from 'util';
import { formatReport, runPool } from './pool';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { cases: { type: 'string', default: '10000' }, seed: { type: 'string' }, workers: { type: 'string' }, timeout: { type: 'string', default: '10000' } },
  });
  const started = Date.now();
  let seen = 0;
  const count = Number(values.cases);
  const report = await runPool({
    count,
    seed: values.seed === undefined ? undefined : Number(values.seed),
    workers: values.workers ? Number(values.workers) : undefined,
    timeoutMs: Number(values.timeout),
    onResult: () => {
      seen++;
      if (seen % 500 === 0) process.stderr.write(`  ${seen} / ${count}\n`);
    },
  });
  process.stdout.write(`${formatReport(report, Date.now() - started)}\n`);
  if (report.bad.length > 0) {
    process.stdout.write(`\n${report.bad.length} bad outcome(s):\n`);
    for (const b of report.bad) process.stdout.write(`  #${b.index} [${b.result.outcome}] ${b.case}\n      ${b.result.detail.slice(0, 400)}\n`);
  }
  return report.bad.length > 0 ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error) => {
    process.stderr.write(`fuzz: ${(error as Error).stack}\n`);
    process.exitCode = 2;
  },
);
