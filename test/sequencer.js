'use strict';
/**
 * The order jest starts test files in (jest.config.js `testSequencer`). jest runs the files that
 * took longest last time first, so the last file to finish is a short one and no worker idles
 * at the end; but on a fresh clone (CI: `npm ci` then `npm test`) it has no timings and orders
 * by file size, which starts the short file of the 1,000-case fuzz sample, or a property test,
 * last: a tail of 10-20 s on one core while the other waits.
 *
 * Without a timing of its own, a file gets its estimate below: wall seconds per file in a run of
 * jest alone from a fresh clone on the 2-core machine (2 workers, 2026-11-24, a slow window: the
 * sum over all files 111 s), the files over 1.2 s only, with register-ts.test.ts, deferred-modules
 * and report/cli.test.ts corrected for what moved since (the examples app run now in
 * deferred-modules, three fewer spawns of the bin); any other file counts as short and runs after
 * them. An estimate need only be roughly right: it orders files, it asserts nothing. Files of
 * several seconds missing from the list start among the short ones, late, and can leave one
 * worker running alone at the end.
 */
const path = require('path');
const Sequencer = require('@jest/test-sequencer').default;

const ROOT = path.join(__dirname, '..');

/** Milliseconds per file, measured (see above), for files that take over 1.2 s. */
const FIRST_RUN_ESTIMATES_MS = {
  'test/domain/incremental-timeline.property.test.ts': 16_900,
  'test/fuzz/fuzz-sample.test.ts': 9_900,
  'test/domain/load-model.property.test.ts': 9_400,
  'test/deferred-modules.test.ts': 7_500,
  'test/register-ts.test.ts': 7_000,
  'test/rules/campus-rules.test.ts': 4_400,
  'test/dispatch/cli-dispatch.test.ts': 4_200,
  'test/property-coverage.test.ts': 3_100,
  'test/report/budget-json-schema.test.ts': 3_000,
  'test/report/diff-markdown.test.ts': 2_800,
  'test/report/rules-report.test.ts': 2_700,
  'test/readme.test.ts': 2_600,
  'test/report/cli.test.ts': 2_500,
  'test/report/golden.test.ts': 2_300,
  'test/phased-conversion.test.ts': 2_100,
  'test/domain/mining-caps.property.test.ts': 1_900,
  'test/domain/mining-caps-solver.property.test.ts': 1_800,
  'test/dispatch/golden.test.ts': 1_600,
  'test/public-api.test.ts': 1_400,
  'test/examples.test.ts': 1_400,
};

class CampusSequencer extends Sequencer {
  time(test) {
    return super.time(test) ?? FIRST_RUN_ESTIMATES_MS[path.relative(ROOT, test.path).split(path.sep).join('/')] ?? 0;
  }
}

module.exports = CampusSequencer;
module.exports.FIRST_RUN_ESTIMATES_MS = FIRST_RUN_ESTIMATES_MS;
