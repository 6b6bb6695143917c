'use strict';
/**
 * The order jest starts test files in (jest.config.js `testSequencer`). jest runs the files that
 * took longest last time first, so the last file to finish is a short one and no worker idles
 * at the end; but on a fresh clone (CI: `npm ci` then `npm test`) it has no timings and orders
 * by file size, which starts the short file of the fuzz sample, or a property test, last: a tail
 * of several seconds on one core while the other waits.
 *
 * Without a timing of its own, a file gets its estimate below: wall seconds per file in two runs
 * of jest alone with an empty cache on the 2-core machine (2 workers, npm test's fast counts of
 * test/randomized-runs.ts; `bash bench/jest-file-times.sh 35`, 2026-11-24, at load average 4.7
 * to 6.6 from other sessions), each run's figures scaled to a sum of 111 s over all files and the
 * two averaged, the files over 1.2 s only; any other file counts as short and runs after them.
 * An estimate need only be roughly right: it orders files, it asserts nothing. Files of several
 * seconds missing from the list start among the short ones, late, and can leave one worker
 * running alone at the end. (`npm run test:deep` runs the randomized files alone; their order
 * there is the same.)
 */
const path = require('path');
const Sequencer = require('@jest/test-sequencer').default;

const ROOT = path.join(__dirname, '..');

/** Milliseconds per file, measured (see above), for files that take 1.2 s or more. */
const FIRST_RUN_ESTIMATES_MS = {
  'test/domain/incremental-timeline.property.test.ts': 9_900,
  'test/deferred-modules.test.ts': 9_400,
  'test/rules/campus-rules.test.ts': 8_600,
  'test/fuzz/fuzz-sample.test.ts': 8_000,
  'test/dispatch/cli-dispatch.test.ts': 7_500,
  'test/register-ts.test.ts': 6_900,
  'test/domain/load-model.property.test.ts': 4_100,
  'test/report/diff-markdown.test.ts': 3_700,
  'test/report/rules-report.test.ts': 3_000,
  'test/readme.test.ts': 3_000,
  'test/report/budget-json-schema.test.ts': 3_000,
  'test/report/golden.test.ts': 2_800,
  'test/report/cli.test.ts': 2_700,
  'test/phased-conversion.test.ts': 2_500,
  'test/property-coverage.test.ts': 2_400,
  'test/dispatch/golden.test.ts': 2_400,
  'test/public-api.test.ts': 2_300,
  'test/workloads-security.test.ts': 1_800,
  'test/report/render-budget-json.property.test.ts': 1_300,
  'test/transform-ts.test.ts': 1_300,
  'test/fuzz/binary-unit.test.ts': 1_200,
  'test/examples.test.ts': 1_200,
};

class CampusSequencer extends Sequencer {
  time(test) {
    return super.time(test) ?? FIRST_RUN_ESTIMATES_MS[path.relative(ROOT, test.path).split(path.sep).join('/')] ?? 0;
  }
}

module.exports = CampusSequencer;
module.exports.FIRST_RUN_ESTIMATES_MS = FIRST_RUN_ESTIMATES_MS;
