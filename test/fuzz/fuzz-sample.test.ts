/**
 * A sample of the generated-input suite (the first cases of the fixed seed, as many as
 * test/randomized-runs.ts says: fewer in npm test, 1,000 in npm run test:deep; `npm run fuzz`
 * runs 10,000): bad input to the public API never crashes, never hangs, is never accepted when
 * it is invalid, and is refused with a readable message that says where.
 *
 * The cases run in a child process (pool.ts): a case that hangs is stopped after 10 s and
 * reported as a hang, so this test fails with the case named instead of stalling.
 */
import { runPool } from './pool';
import { BAD_OUTCOMES } from './outcomes';
import { fuzzSampleCases } from '../randomized-runs';

jest.setTimeout(600_000);

const CASES = fuzzSampleCases();

test(`${CASES} generated bad inputs: no crash, hang, unreadable message or invalid input accepted`, async () => {
  // One worker: in npm test both cores are already busy (jest's other worker, tsc), and each
  // worker pays about 2.5 CPU-seconds to load the library and build the case generator.
  const report = await runPool({ count: CASES, workers: 1 });
  const bad = report.bad.map((b) => `#${b.index} [${b.result.outcome}] ${b.case}: ${b.result.detail.slice(0, 300)}`);
  expect(bad).toEqual([]);
  for (const outcome of BAD_OUTCOMES) expect(report.counts[outcome]).toBe(0);
  // The sample exercises both sides: most cases are refused, some valid changes are accepted.
  expect(report.counts['clear-error']).toBeGreaterThan(CASES * 0.8);
  expect(report.counts.accepted).toBeGreaterThan(CASES / 100);
  // Every construct and hardware function of the base app is the target of some case.
  expect(Object.keys(report.byFamily).sort()).toEqual([
    'AuxiliaryLoad', 'BlockLoad', 'Campus', 'Conversion', 'CoolingSystem', 'CurtailmentPlan', 'GpuHall', 'InferenceService',
    'MiningPod', 'PowerBus', 'StratumProxy', 'TrainingJob', 'defineAsicModel', 'defineGpuSystem',
  ]);
});
