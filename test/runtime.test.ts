/**
 * test/runtime.js: a file under node_modules is read once per jest worker; the repository's own
 * files, which a test may write, are read every time they are asked for.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const runtime = require('./runtime') as { createSharedReader(): ((filename: string, read: (f: string) => string) => string) & { clear(): void } };
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

test('a file under a node_modules outside this checkout (one a test writes) is read every time', () => {
  const shared = runtime.createSharedReader();
  const file = path.join(os.tmpdir(), 'some-test', 'node_modules', 'pkg', 'index.js');
  let reads = 0;
  const read = () => `text ${++reads}`;
  expect([shared(file, read), shared(file, read)]).toEqual(['text 1', 'text 2']);
});

test('clear() forgets every text: the next read goes to disk', () => {
  const shared = runtime.createSharedReader();
  const file = path.join(ROOT, 'node_modules', 'cdktf', 'lib', 'index.js');
  let reads = 0;
  const read = () => `text ${++reads}`;
  expect(shared(file, read)).toBe('text 1');
  shared.clear();
  expect(shared(file, read)).toBe('text 2');
});

test('through jest itself: after jest.resetModules(), a module under node_modules is read from disk again (the shared texts are forgotten)', () => {
  // node_modules/.cache is where tools keep files of their own; this test's folder is removed after.
  const dir = path.join(ROOT, 'node_modules', '.cache', `hybrid-campus-runtime-test-${process.pid}`);
  const file = path.join(dir, 'index.js');
  fs.mkdirSync(dir, { recursive: true });
  try {
    fs.writeFileSync(file, 'module.exports = 1;\n');
    expect(require(file)).toBe(1);
    fs.writeFileSync(file, 'module.exports = 2;\n');
    // jest's ScriptTransformer keeps compiled scripts by path and mtime (in ms): two writes within
    // one millisecond (a fresh clone's run, under load) would get the first script back from jest's
    // own cache, whatever this runtime reads. A later mtime keeps the test on the shared texts.
    const { mtime } = fs.statSync(file);
    fs.utimesSync(file, mtime, new Date(mtime.getTime() + 1000));
    jest.resetModules();
    expect(require(file)).toBe(2);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
