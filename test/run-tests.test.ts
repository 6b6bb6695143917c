/**
 * scripts/run-tests.js (`npm test`): tsc's output after jest's, and the run fails when either fails.
 * (That the script runs both, and fails on a failing test or a type error, was checked by hand:
 * spawning it here would run the whole suite inside itself.)
 */
import { spawnSync } from 'child_process';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { summarize, deepJestArgs, randomizedTestFiles } = require('../scripts/run-tests') as {
  summarize(typecheck: { status: number; signal?: string; output: string }, tests: { status: number }): { text: string; status: number };
  deepJestArgs(args: readonly string[]): string[];
  randomizedTestFiles(): string[];
};

const ROOT = path.join(__dirname, '..');

test('both pass: exit 0, one line on type checking', () => {
  expect(summarize({ status: 0, output: '' }, { status: 0 })).toEqual({ text: 'tsc --noEmit: no type errors\n', status: 0 });
});

test("a type error fails the run, with tsc's output then one line", () => {
  const output = "index.ts(1,7): error TS2322: Type 'string' is not assignable to type 'number'.\n";
  expect(summarize({ status: 2, output }, { status: 0 })).toEqual({ text: `${output}tsc --noEmit: type errors, exit 2: fix them (listed above)\n`, status: 2 });
});

test("a failing test fails the run with jest's status, whatever tsc says", () => {
  expect(summarize({ status: 0, output: '' }, { status: 1 }).status).toBe(1);
  expect(summarize({ status: 2, output: 'x\n' }, { status: 1 }).status).toBe(1);
});

test('tsc stopped by a signal fails the run and says the types were not checked', () => {
  expect(summarize({ status: 1, signal: 'SIGKILL', output: '' }, { status: 0 })).toEqual({
    text: 'tsc --noEmit: stopped by SIGKILL before it finished: the types were not checked; run npm test again\n',
    status: 1,
  });
});

test("test:deep's jest arguments: jest's files are the randomized ones, and a caller's path narrows them instead of adding to them", () => {
  // jest itself lists the files it would run (--listTests), given test/fuzz and test/domain: the
  // randomized files among them (their globs match), not the other files there (test/fuzz also
  // holds the binary-unit and oracles tests) and none of the randomized files elsewhere
  // (test/dispatch, test/report). One jest run: each run is a process of its own.
  const result = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), '--listTests', ...deepJestArgs(['test/fuzz', 'test/domain'])], { cwd: ROOT, encoding: 'utf8' });
  expect([result.status, result.stderr]).toEqual([0, '']);
  const listed = result.stdout.trim().split('\n').map((file) => path.relative(ROOT, file)).sort();
  const expected = randomizedTestFiles().filter((file) => file.startsWith('test/fuzz/') || file.startsWith('test/domain/'));
  expect(expected.length).toBeGreaterThanOrEqual(8);
  expect(randomizedTestFiles().length - expected.length).toBeGreaterThanOrEqual(2);
  expect(listed).toEqual(expected);
});
