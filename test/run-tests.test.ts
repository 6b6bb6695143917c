/**
 * scripts/run-tests.js (`npm test`): tsc's output after jest's, and the run fails when either fails.
 * (That the script runs both, and fails on a failing test or a type error, was checked by hand:
 * spawning it here would run the whole suite inside itself.)
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { summarize } = require('../scripts/run-tests') as {
  summarize(typecheck: { status: number; signal?: string; output: string }, tests: { status: number }): { text: string; status: number };
};

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
