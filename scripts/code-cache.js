'use strict';
/**
 * A persistent V8 code cache for the CommonJS modules a run of scripts/register-ts.js loads
 * (node_modules included), so that a warm run deserializes compiled code instead of compiling
 * every module's JavaScript again: `install(cacheDir)`, called once by the hook.
 *
 * On Node >= 22.1 this is Node's own compile cache (`module.enableCompileCache(cacheDir)`). Either
 * is off when NODE_DISABLE_COMPILE_CACHE=1 (Node's own variable).
 * On Node 20, which has none, it is what v8-compile-cache does: `Module.prototype._compile`
 * compiles the module's wrapper function with `vm.Script`, passing the cached data stored for the
 * file when there is some, runs it with the arguments Node's own `_compile` passes (this =
 * exports; exports, require, module, __filename, __dirname; the same `require` with `resolve`,
 * `resolve.paths`, `main`, `extensions` and `cache`), and at the process's exit asks V8 for the
 * code of each script compiled without usable cached data (`script.createCachedData()`, after the
 * run, so the functions the run compiled lazily are included) and stores it.
 *
 * Correctness first:
 * - An entry is `<cacheDir>/<sha256 of V8's flags and the file's path>.bin`: a header (a marker,
 *   the key, the CRC-32 of the data) then V8's data. The key is the sha1 of the file's path, the module's
 *   source as it is compiled (for a .ts file, the transpiled code), Node's and V8's versions, the
 *   architecture and this file's own source: an edited file (even one of the same length, which
 *   is all V8 checks) has another key, so its entry is not used (and is replaced at exit), and a
 *   stale cache never runs old code. V8 itself rejects data made under other V8 flags
 *   (`cachedDataRejected`): the module is then compiled as without a cache, and its entry made
 *   again at exit. The source is hashed, not its size and mtime: package managers can write two
 *   versions of a file with the same size and mtime.
 * - An entry that cannot be read, is not whole (its CRC-32 differs: V8 checks its own checksum
 *   only in debug builds, and runs corrupted data) or is not for this key is ignored, never an
 *   error, and made again at exit.
 * - Entries are written to a temporary file of their own (random name, created exclusively) and
 *   renamed into place, so two runs at once never read half an entry; a failed write removes the
 *   temporary file and is otherwise ignored (a read-only checkout still runs, uncached).
 * - Node's own `_compile` still compiles (uncached) whatever this one cannot reproduce exactly:
 *   the main module (Node keeps its resolution stat cache and `--inspect-brk` pause only there),
 *   a module whose source may use dynamic `import()` (vm.Script's main-context loader prints an
 *   experimental warning), an ES module or source that does not compile as CommonJS (Node then
 *   reports the error, or detects ES module syntax, as it would), a run with source maps on
 *   (Node reads each module's source map while compiling it), a patched `Module.wrap` or
 *   `Module.wrapper`, and a run with a policy manifest.
 * - Line and column numbers are the file's own: the wrapper's head is a line of its own, compiled
 *   with lineOffset -1. A shebang line becomes a `//` comment of the same length.
 * - Not reproduced: Node's internal mark that a CommonJS module is executing (kIsExecuting, read
 *   when an ES module loaded by require() imports a CommonJS module still running), and the
 *   internal frames of a stack trace (this file's `compileWithCodeCache` instead of
 *   `Module._compile`).
 *
 * The cost it leaves: the sources are read and hashed (sha1, about 1 ms per MB: 15 MB for the
 * examples' app), the entries read (14 MB) and checked (CRC-32), and V8 deserializes the stored
 * code; at exit after a run with missing entries, they are made and written. Figures: README,
 * Performance, and the header of register-ts.js.
 */
const crypto = require('crypto');
const fs = require('fs');
const Module = require('module');
const path = require('path');
const vm = require('vm');
const zlib = require('zlib');

/** The first bytes of an entry, then the key (a sha1, 20 bytes) and the data's CRC-32 (4 bytes, big-endian). */
const ENTRY_MARKER = Buffer.from('register-ts code cache 1\n');
const KEY_BYTES = 20;
const HEADER_BYTES = ENTRY_MARKER.length + KEY_BYTES + 4;
const WRAPPER_HEAD = '(function (exports, require, module, __filename, __dirname) {\n';
const WRAPPER_TAIL = '\n})';
/**
 * What may be a dynamic import() in a module's source: `import`, then blanks, then `(` or a
 * comment's `/`. Also matches in comments and strings (JSDoc's `import('./x')` types): such a
 * module is only left uncached.
 */
const DYNAMIC_IMPORT = /\bimport\s*[(/]/;

function sha256(data) {
  return crypto.createHash('sha256').update(data).digest();
}

/**
 * The CRC-32 of an entry's data, to find a corrupted entry (V8 checks its own checksum only in
 * debug builds): zlib's (Node >= 20.15), else the first 4 bytes of a sha1.
 */
const checksum = typeof zlib.crc32 === 'function' ? (data) => zlib.crc32(data) : (data) => crypto.createHash('sha1').update(data).digest().readUInt32BE(0);

function checksumBytes(data) {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(checksum(data));
  return bytes;
}

/** Whether Node's own `_compile` must compile this module: see the header. */
function nodeMustCompile(module, content, format) {
  return (
    (format !== undefined && format !== 'commonjs') ||
    process.mainModule === module ||
    process.sourceMapsEnabled === true ||
    Module.wrap !== ORIGINAL_WRAP ||
    Module.wrapper[0] !== ORIGINAL_WRAPPER[0] ||
    Module.wrapper[1] !== ORIGINAL_WRAPPER[1] ||
    DYNAMIC_IMPORT.test(content)
  );
}

let ORIGINAL_WRAP;
let ORIGINAL_WRAPPER;

/** The `require` Node's `_compile` gives a module (lib/internal/modules/helpers.js, makeRequireFunction, without a policy). */
function makeRequire(module, nodeRequire) {
  const require = function require(id) {
    return module.require(id);
  };
  function resolve(request, options) {
    // A request that is not a string: Node's own require.resolve throws its error before it resolves anything.
    if (typeof request !== 'string') return nodeRequire.resolve(request, options);
    return Module._resolveFilename(request, module, false, options);
  }
  function paths(request) {
    if (typeof request !== 'string') return nodeRequire.resolve.paths(request);
    return Module._resolveLookupPaths(request, module);
  }
  resolve.paths = paths;
  require.resolve = resolve;
  require.main = process.mainModule;
  require.extensions = Module._extensions;
  require.cache = Module._cache;
  return require;
}

/** Whether any option that turns on a policy manifest is given (Node's `_compile` then checks each module's integrity). */
function policyGiven() {
  const options = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  return options.some((option) => option.startsWith('--experimental-policy') || option.startsWith('--policy-integrity'));
}

/** Reads the entry at `file`: V8's data when it is whole and made for `key`, otherwise undefined. */
function readEntry(file, key) {
  let entry;
  try {
    entry = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  if (entry.length <= HEADER_BYTES || !entry.subarray(0, ENTRY_MARKER.length).equals(ENTRY_MARKER)) return undefined;
  if (!entry.subarray(ENTRY_MARKER.length, ENTRY_MARKER.length + KEY_BYTES).equals(key)) return undefined;
  const data = entry.subarray(HEADER_BYTES);
  return entry.readUInt32BE(ENTRY_MARKER.length + KEY_BYTES) === checksum(data) ? data : undefined;
}

/** Writes an entry through a temporary file renamed into place; any failure leaves no temporary file and is ignored. */
function writeEntry(cacheDir, file, key, data) {
  const temporary = `${file}.${crypto.randomBytes(8).toString('hex')}.tmp`;
  let created = false;
  try {
    fs.mkdirSync(cacheDir, { recursive: true });
    fs.writeFileSync(temporary, Buffer.concat([ENTRY_MARKER, key, checksumBytes(data), data]), { flag: 'wx' });
    created = true;
    fs.renameSync(temporary, file);
  } catch {
    if (created) fs.rmSync(temporary, { force: true });
  }
}

/** Turns the code cache on for the modules loaded from now on, its entries in `cacheDir`. */
function install(cacheDir) {
  // Node's own switch for its compile cache, honoured by this one too (app-bench.ts's "code cache off" row).
  if (process.env.NODE_DISABLE_COMPILE_CACHE === '1') return;
  if (typeof Module.enableCompileCache === 'function') {
    // Node >= 22.1: Node's own cache, keyed and checked by Node.
    Module.enableCompileCache(cacheDir);
    return;
  }
  if (policyGiven()) return;
  ORIGINAL_WRAP = Module.wrap;
  ORIGINAL_WRAPPER = [...Module.wrapper];
  const keyPrefix = sha256(
    JSON.stringify({ self: sha256(fs.readFileSync(__filename)).toString('hex'), node: process.version, v8: process.versions.v8, arch: process.arch }),
  );
  // The head of V8's cached data for an empty script: its magic number, version hash, source hash
  // and the hash of V8's flags (V8 11 and 12 put them in the first 16 bytes), so that runs under
  // other V8 flags (cdktf synth's NODE_OPTIONS=--max-old-space-size=4096, a direct run without
  // it) keep entries of their own instead of rejecting and rewriting each other's. Only where
  // entries are: V8 still checks each entry's flags, and a different layout only makes runs under
  // other flags share entries again.
  const v8Tag = new vm.Script('').createCachedData().subarray(0, 16);
  /** Scripts compiled without usable cached data, by entry file: their code is stored at exit. */
  const toStore = new Map();
  const nodeCompile = Module.prototype._compile;
  const nodeRequire = Module.createRequire(__filename);

  Module.prototype._compile = function compileWithCodeCache(content, filename, format) {
    if (nodeMustCompile(this, content, format)) return nodeCompile.call(this, content, filename, format);
    const file = path.join(cacheDir, `${crypto.createHash('sha256').update(v8Tag).update(filename).digest('hex')}.bin`);
    const key = crypto.createHash('sha1').update(keyPrefix).update(filename).update('\0').update(content).digest();
    const cachedData = readEntry(file, key);
    const source = content.startsWith('#!') ? `//${content.slice(2)}` : content;
    let script;
    try {
      script = new vm.Script(`${WRAPPER_HEAD}${source}${WRAPPER_TAIL}`, { filename, lineOffset: -1, cachedData });
    } catch {
      // Not CommonJS that compiles: Node reports it, or loads it as an ES module, as without this cache.
      return nodeCompile.call(this, content, filename, format);
    }
    if (cachedData === undefined || script.cachedDataRejected === true) toStore.set(file, { script, key });
    const compiled = script.runInThisContext({ displayErrors: true });
    const exports = this.exports;
    return Reflect.apply(compiled, exports, [exports, makeRequire(this, nodeRequire), this, filename, path.dirname(filename)]);
  };

  process.on('exit', () => {
    for (const [file, { script, key }] of toStore) writeEntry(cacheDir, file, key, script.createCachedData());
  });
}

module.exports = { install };
