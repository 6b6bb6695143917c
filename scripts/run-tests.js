'use strict';
/**
 * `npm test`: type checking (`tsc --noEmit`) and jest at the same time, failing if either fails.
 *
 * Run one after the other, tsc kept one of two cores busy for its 10-15 s while the other
 * idled; side by side, jest's two workers and tsc share both cores and the run ends when the
 * longer of the two does. jest's output streams as it runs; tsc's is held and printed once jest
 * is done, so the two never interleave. Arguments go to jest (`npm test -- test/report`).
 *
 * tsc keeps its incremental state in .cache/tsc/ (git-ignored): a repeat run re-checks only
 * what changed. A fresh clone has none and checks everything, as `tsc --noEmit` did.
 *
 * tsc runs with tsconfig.json as it is, `declaration` on, so npm test catches declaration errors
 * (TS4xxx) itself: turning them off saved no CPU time measurable on this machine (about 1 of 20
 * CPU-seconds, within its noise).
 *
 * Exit status: jest's when it failed, else tsc's when it failed, else 0.
 *
 * `npm run test:deep` (`node scripts/run-tests.js --deep`): the randomized tests at their deep
 * counts (test/randomized-runs.ts, TEST_DEPTH=deep), that is every test file that takes its count
 * from there, and nothing else; no tsc (npm test checks the types). `.ci/run` runs it after
 * `npm test`. Further arguments go to jest; a path or pattern among them narrows the files to
 * those of the randomized ones it matches.
 */
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');

function binOf(pkg, bin) {
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`, { paths: [ROOT] })), bin);
}

/** Runs `node script args` from the root; resolves with its exit status and, when `hold`, its output. */
function run(script, args, hold, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: ROOT, env, stdio: hold ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    const chunks = [];
    if (hold) {
      child.stdout.on('data', (d) => chunks.push(d));
      child.stderr.on('data', (d) => chunks.push(d));
    }
    child.on('close', (code, signal) => resolve({ status: code ?? 1, ...(signal ? { signal } : {}), output: Buffer.concat(chunks).toString('utf8') }));
  });
}

/**
 * The test files that take their counts from test/randomized-runs.ts (they import it), from the
 * root, sorted: what `--deep` runs (test/randomized-runs.test.ts checks it is the helper's table).
 */
function randomizedTestFiles() {
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      // The helper's own test (test/randomized-runs.test.ts) imports it and runs no randomized case.
      // Imported as '../randomized-runs' or '../../randomized-runs': the module name closing a quoted relative path.
      else if (rel.endsWith('.test.ts') && rel !== 'test/randomized-runs.test.ts' && fs.readFileSync(path.join(ROOT, rel), 'utf8').includes("/randomized-runs'")) files.push(rel);
    }
  };
  walk('test');
  return files.sort();
}

/**
 * jest's arguments for `--deep`: the caller's, then one `--testMatch=` glob per randomized test
 * file (any folders, then the file's path from the root; see below), so that jest's set of test
 * files is those files and a path or pattern the caller gives narrows it
 * (`npm run test:deep -- test/fuzz` runs the fuzz sample alone), as it does for `npm test`.
 * The `=` form, after the caller's arguments: a bare `--testMatch` would take the caller's
 * patterns that follow it as more globs.
 */
function deepJestArgs(args, files = randomizedTestFiles()) {
  // `**/` rather than `<rootDir>/`: a checkout path with glob characters ("[", "]") would make the
  // pattern match nothing. Jest matches the patterns under its roots (test/) only.
  return [...args, ...files.map((file) => `--testMatch=**/${file}`)];
}

/** `--deep`: jest alone, TEST_DEPTH=deep, on the randomized test files; resolves with jest's exit status. */
async function deep(args) {
  const jest = binOf('jest', path.join('bin', 'jest.js'));
  return (await run(jest, deepJestArgs(args), false, { ...process.env, TEST_DEPTH: 'deep' })).status;
}

async function main() {
  if (process.argv[2] === '--deep') return deep(process.argv.slice(3));
  const tsc = run(binOf('typescript', path.join('bin', 'tsc')), ['--noEmit', '--incremental', '--tsBuildInfoFile', path.join('.cache', 'tsc', 'tsconfig.tsbuildinfo')], true);
  const jest = run(binOf('jest', path.join('bin', 'jest.js')), process.argv.slice(2), false);
  const { text, status } = summarize(...(await Promise.all([tsc, jest])));
  process.stdout.write(text);
  return status;
}

/** What the run prints after jest (tsc's held output, then one line on type checking) and its exit status. */
function summarize(typecheck, tests) {
  const line =
    typecheck.signal !== undefined
      ? `tsc --noEmit: stopped by ${typecheck.signal} before it finished: the types were not checked; run npm test again\n`
      : typecheck.status === 0
        ? 'tsc --noEmit: no type errors\n'
        : `tsc --noEmit: type errors, exit ${typecheck.status}: fix them (listed above)\n`;
  return { text: `${typecheck.output}${line}`, status: tests.status !== 0 ? tests.status : typecheck.status };
}

module.exports = { summarize, randomizedTestFiles, deepJestArgs };

if (require.main === module) {
  main().then((status) => {
    process.exitCode = status;
  });
}
