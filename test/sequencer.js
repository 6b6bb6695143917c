'use strict';
/**
 * The order jest starts test files in (jest.config.js `testSequencer`). jest runs the files that
 * took longest last time first, so the last file to finish is a short one and no worker idles
 * at the end; but on a fresh clone (CI: `npm ci` then `npm test`) it has no timings and orders
 * by file size, which starts the short file of the 1,000-case fuzz sample, or a property test,
 * last: a tail of 10-20 s on one core while the other waits.
 *
 * Without a timing of its own, a file gets its estimate below: CPU seconds measured on the
 * 2-core machine (each file alone, `/usr/bin/time npx jest --runInBand FILE`), the slowest
 * files only; any other file counts as short and runs after them. An estimate need only be
 * roughly right: it orders files, it asserts nothing.
 */
const path = require('path');
const Sequencer = require('@jest/test-sequencer').default;

const ROOT = path.join(__dirname, '..');

/** Milliseconds of CPU per file, measured (see above), for files that take several seconds. */
const FIRST_RUN_ESTIMATES_MS = {
  'test/fuzz/fuzz-sample.test.ts': 14_400,
  'test/domain/incremental-timeline.property.test.ts': 12_800,
  'test/register-ts.test.ts': 13_600,
  'test/domain/load-model.property.test.ts': 11_300,
  'test/public-api.test.ts': 10_900,
  'test/dispatch/cli-dispatch.test.ts': 9_600,
  'test/report/budget-json-schema.test.ts': 8_800,
  'test/report/golden.test.ts': 8_800,
  'test/rules/campus-rules.test.ts': 8_700,
  'test/report/cli.test.ts': 7_500,
  'test/domain/mining-caps-solver.property.test.ts': 7_400,
  'test/report/rules-report.test.ts': 7_300,
  'test/phased-conversion.test.ts': 7_100,
  'test/examples.test.ts': 7_000,
  'test/readme.test.ts': 6_300,
  'test/workloads-security.test.ts': 5_800,
};

class CampusSequencer extends Sequencer {
  time(test) {
    return super.time(test) ?? FIRST_RUN_ESTIMATES_MS[path.relative(ROOT, test.path).split(path.sep).join('/')] ?? 0;
  }
}

module.exports = CampusSequencer;
module.exports.FIRST_RUN_ESTIMATES_MS = FIRST_RUN_ESTIMATES_MS;
