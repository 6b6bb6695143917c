/**
 * How many cases every randomized test runs: the one place that decides (issue 12, npm test in
 * 45 s on 2 cores). Two profiles, chosen by one environment variable, TEST_DEPTH:
 *
 * - `fast` (unset; `npm test`, the developer loop): fewer cases per property and fuzz test, sized
 *   by measurement so that each file takes a few seconds at most (README, "npm test"). Every
 *   property still runs, and every generator-reach assertion still holds at this size.
 * - `deep` (`npm run test:deep`, which `.ci/run` runs after `npm test`): the counts these tests
 *   ran at before the fast profile, so that nothing that lands is checked less than it was.
 *
 * FC_RUNS (a positive whole number) overrides both profiles' counts for every fast-check property
 * (scripts/property-coverage.js sets it); FC_SEED stays with each file's seed. The fuzz sample's
 * count is its own (`npm run fuzz` runs more).
 */

/** The counts of the deep profile: what each file ran before the fast profile, unchanged. */
export const DEEP_RUNS = {
  'test/domain/incremental-timeline.property.test.ts': 300,
  'test/domain/load-model.property.test.ts': 1_000,
  'test/domain/mining-caps-solver.property.test.ts': 500,
  'test/domain/mining-caps.property.test.ts': 300,
  'test/domain/units.property.test.ts': 2_000,
  'test/domain/state-flows.property.test.ts': 500,
  'test/domain/cooling-auto-heat.property.test.ts': 200,
  'test/domain/shedding-order.test.ts': 300,
  'test/report/render-budget-json.property.test.ts': 500,
  'test/report/same-bus-row.property.test.ts': 500,
  'test/dispatch/simulate.property.test.ts': 12,
  'test/fuzz/fuzz-sample.test.ts': 1_000,
} as const;

/** A randomized test file, named from the repository root. */
export type RandomizedTest = keyof typeof DEEP_RUNS;

/**
 * The counts of the fast profile, each measured (README, "npm test": per-file seconds and the
 * reach of every generator assertion at this size).
 */
export const FAST_RUNS: { readonly [file in RandomizedTest]: number } = {
  'test/domain/incremental-timeline.property.test.ts': 80,
  'test/domain/load-model.property.test.ts': 200,
  'test/domain/mining-caps-solver.property.test.ts': 150,
  'test/domain/mining-caps.property.test.ts': 100,
  'test/domain/units.property.test.ts': 500,
  'test/domain/state-flows.property.test.ts': 150,
  // cooling-auto-heat, shedding-order and same-bus-row stay at the deep count: their reach tests
  // sample the property's own cases (same seed, same count) and some paths are rare (3 of 300
  // lists, 11 of 500 pairs); each file takes under 2 s at this count.
  'test/domain/cooling-auto-heat.property.test.ts': 200,
  'test/domain/shedding-order.test.ts': 300,
  'test/report/render-budget-json.property.test.ts': 150,
  'test/report/same-bus-row.property.test.ts': 500,
  'test/dispatch/simulate.property.test.ts': 6,
  'test/fuzz/fuzz-sample.test.ts': 300,
};

/** The profile TEST_DEPTH names: `fast` when unset or empty. */
export function testDepth(env: NodeJS.ProcessEnv = process.env): 'fast' | 'deep' {
  const depth = env.TEST_DEPTH;
  if (depth === undefined || depth === '' || depth === 'fast') return 'fast';
  if (depth === 'deep') return 'deep';
  throw new Error(`TEST_DEPTH must be 'fast' or 'deep' (got ${JSON.stringify(depth)}): unset it for npm test's counts, or run npm run test:deep`);
}

/** How many runs each property of `file` makes: FC_RUNS when set, else the profile's count. */
export function propertyRuns(file: Exclude<RandomizedTest, 'test/fuzz/fuzz-sample.test.ts'>, env: NodeJS.ProcessEnv = process.env): number {
  // The profile is read first, so a bad TEST_DEPTH is refused with FC_RUNS set too.
  const count = profileCount(file, env);
  const override = env.FC_RUNS;
  if (override !== undefined && override !== '') {
    if (!/^[1-9][0-9]*$/.test(override)) throw new Error(`FC_RUNS must be a positive whole number of runs (got ${JSON.stringify(override)}): unset it for the profile's counts`);
    return Number(override);
  }
  return count;
}

/** How many generated cases the fuzz sample runs: the profile's count (FC_RUNS does not apply). */
export function fuzzSampleCases(env: NodeJS.ProcessEnv = process.env): number {
  return profileCount('test/fuzz/fuzz-sample.test.ts', env);
}

function profileCount(file: RandomizedTest, env: NodeJS.ProcessEnv): number {
  return (testDepth(env) === 'deep' ? DEEP_RUNS : FAST_RUNS)[file];
}
