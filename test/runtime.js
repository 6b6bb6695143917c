'use strict';
/**
 * jest's module runtime (jest.config.js `runtime`), with one change: the text of a file under
 * node_modules is read from disk once per jest worker, not once per test file.
 *
 * jest gives every test file a registry of its own (isolation), and with it a file cache of its
 * own: each test file that imports the library reads cdktf, the Kubernetes provider's modules,
 * zod and their dependencies (about 800 files) from disk again. Their text cannot change during
 * a run, so it is shared by the test files of a worker; every module is still evaluated afresh
 * in each test file's registry, as before. The repository's own files (which a test may write)
 * are read as jest reads them. Measured on 2 cores: 10 test files importing index.ts, 0.06
 * CPU-seconds less per file.
 */
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');
/** The jest-runtime jest itself runs (through @jest/core), so the two cannot differ in version. */
const Runtime = require(require.resolve('jest-runtime', { paths: [path.dirname(require.resolve('@jest/core/package.json', { paths: [path.dirname(require.resolve('jest/package.json', { paths: [ROOT] }))] }))] })).default;

// jest-runtime's `readFile` is private (its .d.ts says so): if a jest upgrade renames or inlines
// it, this override would silently do nothing. Refuse to load instead, so that the upgrade is seen.
if (typeof Runtime.prototype.readFile !== 'function') {
  throw new Error('test/runtime.js: this jest-runtime has no readFile method to share file texts through; update test/runtime.js for this jest, or remove `runtime` from jest.config.js');
}

/**
 * This checkout's node_modules, as named and as its real path (a worktree may link it): only
 * files under it are shared, not a node_modules a test writes elsewhere (under the temporary folder).
 */
const NODE_MODULES_DIRS = [...new Set([path.join(ROOT, 'node_modules'), fs.realpathSync(path.join(ROOT, 'node_modules'))])].map((dir) => `${dir}${path.sep}`);

/** The text of a file under this checkout's node_modules, read through `read` the first time and kept after; `clear()` forgets every text. */
function createSharedReader() {
  const texts = new Map();
  const shared = (filename, read) => {
    if (!NODE_MODULES_DIRS.some((dir) => filename.startsWith(dir))) return read(filename);
    let text = texts.get(filename);
    if (text === undefined) {
      text = read(filename);
      texts.set(filename, text);
    }
    return text;
  };
  shared.clear = () => texts.clear();
  return shared;
}

const sharedRead = createSharedReader();

class SharedNodeModulesRuntime extends Runtime {
  /** Set once jest's constructor has run (it calls resetModules itself, for every test file). */
  constructed = true;

  readFile(filename) {
    return sharedRead(filename, (f) => super.readFile(f));
  }

  /** Set while jest tears the test file's runtime down (teardown resets the modules too, and the texts stay shared). */
  tearingDown = false;

  /** `jest.resetModules()` from a test: files are read from disk again, as jest's own runtime does. */
  resetModules() {
    super.resetModules();
    if (this.constructed && !this.tearingDown) sharedRead.clear();
  }

  teardown() {
    this.tearingDown = true;
    super.teardown();
  }
}

module.exports = SharedNodeModulesRuntime;
module.exports.createSharedReader = createSharedReader;
