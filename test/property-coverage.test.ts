/**
 * scripts/property-coverage.js, the coverage guard for a property test's run count: a call
 * without a test file and two run counts is refused with its usage, before any jest run.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';

const SCRIPT = path.join(__dirname, '..', 'scripts', 'property-coverage.js');

test.each([[[]], [['test/domain/mining-caps.property.test.ts', '300']], [['test/domain/mining-caps.property.test.ts', '300', 'many']]])('arguments %j: the usage on stderr, exit 2', (args) => {
  const run = spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8' });
  expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({
    status: 2,
    stdout: '',
    stderr: 'usage: node scripts/property-coverage.js TEST_FILE REFERENCE_RUNS CANDIDATE_RUNS [TEST_NAME_PATTERN]\n',
  });
});
