/**
 * test/sequencer.js: on a fresh clone (no timings), the slowest files start first; every
 * estimate names a test file that exists.
 */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Sequencer = require('./sequencer') as { new (): { sort(tests: unknown[]): { path: string }[] }; FIRST_RUN_ESTIMATES_MS: Record<string, number> };

function fakeTest(file: string) {
  return { path: path.join(ROOT, file), context: { config: { name: 'hybrid-campus' }, hasteFS: { getSize: () => fs.statSync(path.join(ROOT, file)).size } } };
}

test('without timings, the estimated files come first, slowest first, then the rest', () => {
  const files = ['test/domain/units.test.ts', 'test/fuzz/fuzz-sample.test.ts', 'test/report/cli.test.ts', 'test/constructs/bad-input.test.ts', 'test/domain/incremental-timeline.property.test.ts'];
  const order = new Sequencer().sort(files.map((f) => fakeTest(f))).map((t) => path.relative(ROOT, t.path).split(path.sep).join('/'));
  expect(order.slice(0, 3)).toEqual(['test/domain/incremental-timeline.property.test.ts', 'test/fuzz/fuzz-sample.test.ts', 'test/report/cli.test.ts']);
  expect(order.slice(3).sort()).toEqual(['test/constructs/bad-input.test.ts', 'test/domain/units.test.ts']);
});

test('every estimate names an existing test file', () => {
  for (const file of Object.keys(Sequencer.FIRST_RUN_ESTIMATES_MS)) expect([file, fs.existsSync(path.join(ROOT, file))]).toEqual([file, true]);
});
