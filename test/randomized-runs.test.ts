/**
 * test/randomized-runs.ts, the one place that decides how many cases each randomized test runs:
 * the profile TEST_DEPTH names, FC_RUNS over it, one clear error for a bad value of either, and
 * the table covering exactly the files that read it (the files `npm run test:deep` runs).
 */
import * as fs from 'fs';
import * as path from 'path';
import { DEEP_RUNS, FAST_RUNS, fuzzSampleCases, propertyRuns, testDepth, type RandomizedTest } from './randomized-runs';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { randomizedTestFiles } = require('../scripts/run-tests') as { randomizedTestFiles(): string[] };

const ROOT = path.join(__dirname, '..');
const FILE = 'test/domain/load-model.property.test.ts';

test('TEST_DEPTH: unset, empty or fast is the fast profile; deep the deep one', () => {
  expect([testDepth({}), testDepth({ TEST_DEPTH: '' }), testDepth({ TEST_DEPTH: 'fast' }), testDepth({ TEST_DEPTH: 'deep' })]).toEqual(['fast', 'fast', 'fast', 'deep']);
  expect(propertyRuns(FILE, {})).toBe(200);
  expect(propertyRuns(FILE, { TEST_DEPTH: 'deep' })).toBe(1_000);
  expect(fuzzSampleCases({})).toBe(300);
  expect(fuzzSampleCases({ TEST_DEPTH: 'deep' })).toBe(1_000);
});

test('any other TEST_DEPTH is refused with one message naming the value', () => {
  expect(() => testDepth({ TEST_DEPTH: 'Deep' })).toThrow(new Error(`TEST_DEPTH must be 'fast' or 'deep' (got "Deep"): unset it for npm test's counts, or run npm run test:deep`));
  expect(() => propertyRuns(FILE, { TEST_DEPTH: '1000' })).toThrow(new Error(`TEST_DEPTH must be 'fast' or 'deep' (got "1000"): unset it for npm test's counts, or run npm run test:deep`));
  // FC_RUNS set does not let a bad TEST_DEPTH through.
  expect(() => propertyRuns(FILE, { TEST_DEPTH: 'Deep', FC_RUNS: '10' })).toThrow(new Error(`TEST_DEPTH must be 'fast' or 'deep' (got "Deep"): unset it for npm test's counts, or run npm run test:deep`));
});

test('FC_RUNS overrides both profiles for the properties, not the fuzz sample', () => {
  expect(propertyRuns(FILE, { FC_RUNS: '7' })).toBe(7);
  expect(propertyRuns(FILE, { FC_RUNS: '7', TEST_DEPTH: 'deep' })).toBe(7);
  expect(propertyRuns(FILE, { FC_RUNS: '' })).toBe(200);
  expect(fuzzSampleCases({ FC_RUNS: '7' })).toBe(300);
});

test.each(['0', '-5', '1.5', '1e3', 'many', ' 10'])('FC_RUNS=%j is refused with one message naming the value', (value) => {
  expect(() => propertyRuns(FILE, { FC_RUNS: value })).toThrow(
    new Error(`FC_RUNS must be a positive whole number of runs (got ${JSON.stringify(value)}): unset it for the profile's counts`),
  );
});

test('the fast profile never runs more than the deep one', () => {
  const files = Object.keys(DEEP_RUNS) as RandomizedTest[];
  expect(Object.keys(FAST_RUNS).sort()).toEqual([...files].sort());
  for (const file of files) expect([file, FAST_RUNS[file] <= DEEP_RUNS[file]]).toEqual([file, true]);
});

test('the table lists exactly the test files that read it, each asking for its own count; test:deep runs them', () => {
  const files = randomizedTestFiles();
  expect(files).toEqual(Object.keys(DEEP_RUNS).sort());
  for (const file of files) {
    const source = fs.readFileSync(path.join(ROOT, file), 'utf8');
    // Every name the file asks a count for is its own (a copied line would give it another file's count).
    const asked = [...source.matchAll(/(?:propertyRuns|fuzzSampleCases)\(('[^']*')?/g)].map((m) => m[1]);
    expect([file, asked.length > 0, asked.every((name) => name === undefined || name === `'${file}'`)]).toEqual([file, true, true]);
  }
});
