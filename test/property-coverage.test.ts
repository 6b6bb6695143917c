/**
 * scripts/property-coverage.js, the coverage guard for a property test's run count: a call
 * without a test file and two run counts is refused with its usage, before any jest run, and a
 * call that would compare nothing (a file that does not take its count from propertyRuns, a pattern that selects no
 * test) is refused, never reported as nothing lost.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';

const SCRIPT = path.join(__dirname, '..', 'scripts', 'property-coverage.js');

test.each([[[]], [['test/domain/mining-caps.property.test.ts']], [['test/domain/mining-caps.property.test.ts', '300']]])('arguments %j: the usage on stderr, exit 2', (args) => {
  const run = spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8' });
  expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({
    status: 2,
    stdout: '',
    stderr: 'usage: node scripts/property-coverage.js TEST_FILE REFERENCE_RUNS CANDIDATE_RUNS [TEST_NAME_PATTERN]\n',
  });
});

/** Runs the guard; its status and output. */
function guard(...args: string[]) {
  const run = spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8', cwd: path.join(__dirname, '..') });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

test.each([
  ['300', '0', '"0"'],
  ['1e3', '300', '"1e3"'],
])('run counts %s and %s: a count that is not a positive whole number is refused, naming it (%s), before any jest run', (reference, candidate, named) => {
  expect(guard('test/domain/mining-caps.property.test.ts', reference, candidate)).toEqual({
    status: 2,
    stdout: '',
    stderr: `property-coverage: run counts are positive whole numbers (got ${named}); give the reference count, then the candidate count\n`,
  });
});

test('a test file that does not take its count from propertyRuns (FC_RUNS) is refused before any jest run: both counts would run the same', () => {
  expect(guard('test/domain/units.test.ts', '1000', '1')).toEqual({
    status: 2,
    stdout: '',
    stderr:
      'property-coverage: test/domain/units.test.ts does not take its run count from propertyRuns (test/randomized-runs.ts, which reads FC_RUNS), so both run counts run the same tests; name a property test that does\n',
  });
  expect(guard('test/domain/no-such.test.ts', '1000', '1')).toEqual({
    status: 2,
    stdout: '',
    stderr: 'property-coverage: test/domain/no-such.test.ts: no such file; name a property test file (from the repository root)\n',
  });
});

test('a pattern that selects no test is refused, not reported as nothing lost', () => {
  expect(guard('test/domain/mining-caps.property.test.ts', '2', '1', 'no such test name at all')).toEqual({
    status: 2,
    stdout: '',
    stderr: 'property-coverage: no test of test/domain/mining-caps.property.test.ts matches -t "no such test name at all" ran at FC_RUNS=2; name the property test file and a pattern that selects its properties\n',
  });
});
