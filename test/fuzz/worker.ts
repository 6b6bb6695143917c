/**
 * A fuzz worker (a child process of pool.ts): generates the cases from the seed (the parent does
 * not: it loads neither the library nor the generator), runs the ones it is sent and reports each
 * result. Before running a case it describes it to the parent, and runs it only once that message
 * is written, so the parent can name a case that hangs or kills its worker.
 */
import { generateCases } from './mutations';
import type { CaseResult } from './outcomes';
import { describeCase, runCase } from './run-case';

// Source maps stay off, whatever ran this worker (pool.ts runs it through scripts/register-ts.js,
// which emits none; tsx would turn them on): cdktf captures a stack trace per token, and mapping
// each doubles the synth. Crash reports then show compiled positions, which is fine.
process.setSourceMapsEnabled(false);
// cdktf records a stack trace for every token it creates, for its own error messages about
// tokens; nothing of it reaches cdk.tf.json. Skipping it makes an accepted case's synth about a
// third cheaper, which keeps the 1,000-case sample in npm test short.
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('cdktf/lib/tokens/private/stack-trace').captureStackTrace = () => [];

// Without FUZZ_SEED, generateCases' own default seed.
const seed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const count = Number(process.env.FUZZ_COUNT);
const cases = generateCases(count, seed);

process.on('message', (message: { run: number }) => {
  process.send!({ started: message.run, description: describeCase(cases[message.run]) }, () => {
    let result: CaseResult;
    try {
      result = runCase(cases[message.run]);
    } catch (error) {
      result = { outcome: 'crash', detail: `the harness failed: ${String((error as Error)?.message ?? error)}` };
    }
    process.send!({ done: message.run, result });
  });
});
process.send!({ ready: true });
