'use strict';
/**
 * The coverage guard for a property test's run count: runs the properties of one test file at two
 * run counts (FC_RUNS, same fixed seed) and lists every statement, branch and function of the
 * library that the larger count reaches and the smaller does not. Empty: the smaller count
 * reaches every path the larger one does, so lowering a property's default run count to it loses
 * no path (issue 12: npm test in 45 s).
 *
 *   node scripts/property-coverage.js test/domain/load-model.property.test.ts 1000 250 "load model, properties"
 *
 * Arguments: the test file, the reference run count, the candidate run count and, optionally, a
 * test name pattern (jest -t) that selects the properties (so that the fixed-sample tests in the
 * same file, which run the same at any count, cannot hide a path the properties no longer reach).
 * Coverage is V8's (block level: every statement, branch and function), over domain/, report/,
 * constructs/, stacks/, rules/ and catalog/. Exit status: 0 when nothing is lost, 1 when something
 * is (listed), 2 on a usage error or a failing jest run.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const LIBRARY = ['domain', 'report', 'constructs', 'stacks', 'rules', 'catalog'];

/** A usage error or a run that compares nothing: printed on stderr, exit status 2 (by the script's last lines). */
class Refusal extends Error {}

/**
 * Refuses with `message`. It throws, so that reached()'s finally deletes its temporary folder
 * first; the script's last lines print the message and set the exit status.
 */
function refuse(message) {
  throw new Refusal(message);
}

/**
 * What `runs` runs of the file's properties reach: `keys`, a set of "file: statement|branch|function
 * id" keys, and `passed`, how many tests ran and passed.
 */
function reached(file, runs, pattern) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hybrid-campus-property-coverage-'));
  try {
    const jest = path.join(path.dirname(require.resolve('jest/package.json', { paths: [ROOT] })), 'bin', 'jest.js');
    const args = [jest, file, '--coverage', '--coverageProvider=v8', '--coverageReporters=json', `--coverageDirectory=${dir}`, '--json', `--outputFile=${path.join(dir, 'result.json')}`, ...LIBRARY.map((d) => `--collectCoverageFrom=${d}/**/*.ts`)];
    if (pattern !== undefined) args.push('-t', pattern);
    const run = spawnSync(process.execPath, args, { cwd: ROOT, env: { ...process.env, FC_RUNS: String(runs) }, encoding: 'utf8' });
    if (run.status !== 0) {
      process.stderr.write(run.stderr);
      refuse(`jest failed at FC_RUNS=${runs} (exit ${run.status}); fix the test first`);
    }
    // jest passes a run in which every test was skipped: that run compares nothing.
    const passed = JSON.parse(fs.readFileSync(path.join(dir, 'result.json'), 'utf8')).numPassedTests;
    if (passed === 0) refuse(`no test of ${file}${pattern === undefined ? '' : ` matches -t "${pattern}"`} ran at FC_RUNS=${runs}; name the property test file and a pattern that selects its properties`);
    return { keys: keysOf(JSON.parse(fs.readFileSync(path.join(dir, 'coverage-final.json'), 'utf8'))), passed };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The statements, branches and functions a V8 coverage report (istanbul's JSON) counts as reached. */
function keysOf(coverage) {
  const keys = new Set();
  for (const [absolute, c] of Object.entries(coverage)) {
    const name = path.relative(ROOT, absolute).split(path.sep).join('/');
    const at = (loc) => `${loc.start.line}:${loc.start.column}`;
    for (const [id, n] of Object.entries(c.s)) if (n > 0) keys.add(`${name}: statement at ${at(c.statementMap[id])}`);
    for (const [id, n] of Object.entries(c.f)) if (n > 0) keys.add(`${name}: function ${c.fnMap[id].name} at ${at(c.fnMap[id].loc)}`);
    for (const [id, counts] of Object.entries(c.b)) {
      counts.forEach((n, k) => {
        if (n > 0) keys.add(`${name}: branch ${k} at ${at(c.branchMap[id].locations[k] ?? c.branchMap[id].loc)}`);
      });
    }
  }
  return keys;
}

function main(argv) {
  const [file, reference, candidate, pattern] = argv;
  if (file === undefined || reference === undefined || candidate === undefined) {
    process.stderr.write('usage: node scripts/property-coverage.js TEST_FILE REFERENCE_RUNS CANDIDATE_RUNS [TEST_NAME_PATTERN]\n');
    return 2;
  }
  // As FC_RUNS itself takes them (test/randomized-runs.ts): a 0 would fail every property and read as a failing test.
  for (const runs of [reference, candidate]) {
    if (!/^[1-9]\d*$/.test(runs)) refuse(`run counts are positive whole numbers (got ${JSON.stringify(runs)}); give the reference count, then the candidate count`);
  }
  if (!fs.existsSync(path.resolve(ROOT, file))) refuse(`${file}: no such file; name a property test file (from the repository root)`);
  // FC_RUNS reaches a test through propertyRuns (test/randomized-runs.ts), which every property
  // test takes its count from.
  if (!/\bpropertyRuns\(/.test(fs.readFileSync(path.resolve(ROOT, file), 'utf8'))) {
    refuse(`${file} does not take its run count from propertyRuns (test/randomized-runs.ts, which reads FC_RUNS), so both run counts run the same tests; name a property test that does`);
  }
  const { keys: before, passed: passedBefore } = reached(file, Number(reference), pattern);
  const { keys: after, passed: passedAfter } = reached(file, Number(candidate), pattern);
  if (passedBefore !== passedAfter) refuse(`${passedBefore} tests ran at FC_RUNS=${reference} but ${passedAfter} at FC_RUNS=${candidate}; the two runs must run the same tests`);
  const lost = [...before].filter((k) => !after.has(k)).sort();
  const gained = [...after].filter((k) => !before.has(k)).length;
  process.stdout.write(`${file}${pattern === undefined ? '' : ` (-t "${pattern}")`}: ${reference} runs reach ${before.size} statements, branches and functions; ${candidate} runs reach ${after.size} (${lost.length} lost, ${gained} gained)\n`);
  for (const k of lost) process.stdout.write(`  lost: ${k}\n`);
  return lost.length === 0 ? 0 : 1;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof Refusal)) throw error;
  process.stderr.write(`property-coverage: ${error.message}\n`);
  process.exitCode = 2;
}
