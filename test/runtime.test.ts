/**
 * test/runtime.js: a file under node_modules is read once per jest worker; the repository's own
 * files, which a test may write, are read every time they are asked for.
 */
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const runtime = require('./runtime') as { createSharedReader(): (filename: string, read: (f: string) => string) => string };
const ROOT = path.join(__dirname, '..');

test('a file under node_modules is read once, and its text given to every later reader', () => {
  const shared = runtime.createSharedReader();
  const file = path.join(ROOT, 'node_modules', 'cdktf', 'lib', 'index.js');
  const reads: string[] = [];
  const read = (f: string) => (reads.push(f), `text ${reads.length}`);
  expect([shared(file, read), shared(file, read), shared(file, read)]).toEqual(['text 1', 'text 1', 'text 1']);
  expect(reads).toEqual([file]);
});

test("the repository's own files are read every time", () => {
  const shared = runtime.createSharedReader();
  const file = path.join(ROOT, 'domain', 'model.ts');
  let reads = 0;
  const read = () => `text ${++reads}`;
  expect([shared(file, read), shared(file, read)]).toEqual(['text 1', 'text 2']);
});

test('jest.config.js runs the tests with it', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  expect(require('../jest.config.js').runtime).toBe('<rootDir>/test/runtime.js');
});
