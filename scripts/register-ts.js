'use strict';
/**
 * Runs this repository's TypeScript with plain Node, fast: `node -r ./scripts/register-ts.js app.ts`
 * (cdktf.json's `app`) and bin/campus.js in a checkout.
 *
 * A require hook for `.ts` files: each file is transpiled on its own by esbuild (types stripped,
 * not checked: `npm test` runs tsc) into CommonJS, with the compiler options of the repository's
 * tsconfig.json (its `extends` chain followed), and the result is cached in .cache/register-ts/
 * (git-ignored) under a hash of the file's content, the options, the esbuild version and this
 * hook's own source. An edited file hashes differently, so the next run transpiles it again:
 * there is no build step to forget. An unchanged file is read from the cache (its stored hash
 * checked, so a truncated or empty entry is transpiled again) and esbuild is not even loaded.
 *
 * Why not tsx (`node --import tsx`): tsx turns on source maps, so every stack trace cdktf
 * captures for a token goes through source-mapped formatting, and its ESM loader makes a round
 * trip per module. This hook loads modules through Node's own CommonJS loader, as compiled
 * JavaScript would, and emits source maps only when Node uses them: with source maps off (the
 * default), line and column numbers in stack traces (an uncaught error, the stack traces cdktf
 * records in manifest.json) are those of the transpiled JavaScript, which esbuild does not keep
 * on the source's lines; run with `NODE_OPTIONS=--enable-source-maps` (or
 * `node --enable-source-maps -r ...`) and the hook emits inline source maps, so traces name the
 * TypeScript lines, at the cost of source-mapped formatting of every trace. Files keep their
 * own paths (no bundling), so __dirname and error messages naming files are what they are under
 * tsc or tsx.
 *
 * A syntax error prints `file:line:column: error: text` (line and column from 1), one line per
 * error esbuild reports, and exits with status 1.
 *
 * Repository-only: the package does not ship scripts/. Projects using the library run their app
 * through tsx or compiled JavaScript (README, "Use it in your own project").
 */
const crypto = require('crypto');
const fs = require('fs');
const Module = require('module');
const path = require('path');

const ROOT = path.join(__dirname, '..');
/** In the checkout itself (git-ignored), not under node_modules, which may be shared with other checkouts. */
const CACHE_DIR = path.join(ROOT, '.cache', 'register-ts');
/** esbuild is tsx's dependency (its platform binary an optional dependency of esbuild): resolved from tsx, not hoisting. */
const ESBUILD_PATH = require.resolve('esbuild', { paths: [path.dirname(require.resolve('tsx/package.json', { paths: [ROOT] }))] });
const ESBUILD_VERSION = require(path.join(path.dirname(ESBUILD_PATH), '..', 'package.json')).version;
/** The first line of a cache entry: this marker and the sha256 of the code after it. */
const ENTRY_MARKER = '//register-ts sha256=';

function sha256(text) {
  return crypto.createHash('sha256').update(text).digest('hex');
}

/** Prints `message` as the run's only output on stderr and exits with status 1. */
function fail(message) {
  fs.writeSync(2, `${message}\n`);
  process.exit(1);
}

/** A tsconfig file as JSON: plain JSON without TypeScript; with comments or trailing commas, TypeScript's own parser. */
function readConfigFile(file) {
  const text = fs.readFileSync(file, 'utf8');
  try {
    return JSON.parse(text);
  } catch {
    const { config, error } = require(require.resolve('typescript', { paths: [ROOT] })).parseConfigFileTextToJson(file, text);
    if (error) {
      const before = text.slice(0, error.start ?? 0).split('\n');
      const message = typeof error.messageText === 'string' ? error.messageText : error.messageText.messageText;
      fail(`${file}:${before.length}:${before[before.length - 1].length + 1}: error: not valid tsconfig JSON: ${message}`);
    }
    return config;
  }
}

/** Where an `extends` entry of `file` points, as TypeScript resolves it: a relative or absolute path, or a package's file. */
function resolveExtends(file, entry) {
  const dir = path.dirname(file);
  const candidates = entry.startsWith('.') || path.isAbsolute(entry) ? [path.resolve(dir, entry), path.resolve(dir, `${entry}.json`)] : [];
  for (const candidate of candidates) if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  if (candidates.length === 0) {
    for (const request of [entry, `${entry}.json`, `${entry}/tsconfig.json`]) {
      try {
        return require.resolve(request, { paths: [dir] });
      } catch {
        // Try the next form.
      }
    }
  }
  return fail(`${file}: error: extends ${JSON.stringify(entry)}: no such file; point it at an existing tsconfig file`);
}

/** The compiler options of `file` with those of the files it extends (in order, each overridden by the next, its own last). */
function compilerOptionsOf(file, seen = []) {
  if (seen.includes(file)) fail(`${file}: error: extends itself through ${seen.join(' -> ')}; remove the cycle`);
  const config = readConfigFile(file);
  const bases = config.extends === undefined ? [] : Array.isArray(config.extends) ? config.extends : [config.extends];
  const options = {};
  for (const base of bases) Object.assign(options, compilerOptionsOf(resolveExtends(file, base), [...seen, file]));
  return Object.assign(options, config.compilerOptions);
}

/** The repository's compiler options: esbuild reads those that change the emitted JavaScript (target, class fields, interop). */
const COMPILER_OPTIONS = compilerOptionsOf(path.join(ROOT, 'tsconfig.json'));
const TRANSFORM_OPTIONS = {
  loader: 'ts',
  format: 'cjs',
  platform: 'node',
  target: `node${process.versions.node.split('.')[0]}`,
  tsconfigRaw: { compilerOptions: COMPILER_OPTIONS },
};
/** Everything but the source (and, with source maps, the file's path) that decides the output: a change to any of it is a new cache key. */
const KEY_PREFIX = JSON.stringify({ hook: sha256(fs.readFileSync(__filename)), esbuild: ESBUILD_VERSION, options: TRANSFORM_OPTIONS });

let esbuild;

/** The cached code under `cached`, or undefined when there is none or it is not whole (its hash does not match). */
function readCached(cached) {
  let entry;
  try {
    entry = fs.readFileSync(cached, 'utf8');
  } catch {
    return undefined;
  }
  const newline = entry.indexOf('\n');
  if (newline < 0 || !entry.startsWith(ENTRY_MARKER)) return undefined;
  const code = entry.slice(newline + 1);
  return entry.slice(ENTRY_MARKER.length, newline) === sha256(code) ? code : undefined;
}

/**
 * Writes `code` to `cached` through a temporary file of its own (a random name, created
 * exclusively) renamed into place, so a concurrent run, in this or another PID namespace,
 * never reads half a file; on any failure the temporary file is removed. A checkout that
 * cannot be written to still runs, transpiling every time.
 */
function writeCached(cached, code) {
  const temporary = `${cached}.${crypto.randomBytes(8).toString('hex')}.tmp`;
  let created = false;
  try {
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    fs.writeFileSync(temporary, `${ENTRY_MARKER}${sha256(code)}\n${code}`, { flag: 'wx' });
    created = true;
    fs.renameSync(temporary, cached);
  } catch {
    if (created) fs.rmSync(temporary, { force: true });
  }
}

function transpile(source, filename) {
  // Read per file, so that source maps turned on after this hook loaded count too.
  const sourcemap = process.sourceMapsEnabled === true;
  const key = crypto
    .createHash('sha256')
    .update(KEY_PREFIX)
    .update('\0')
    .update(sourcemap ? `inline source map of ${filename}` : 'no source map')
    .update('\0')
    .update(source)
    .digest('hex');
  const cached = path.join(CACHE_DIR, `${key}.js`);
  const hit = readCached(cached);
  if (hit !== undefined) return hit;
  esbuild ??= require(ESBUILD_PATH);
  let code;
  try {
    ({ code } = esbuild.transformSync(source, { ...TRANSFORM_OPTIONS, sourcefile: filename, sourcemap: sourcemap ? 'inline' : false, sourcesContent: false }));
  } catch (error) {
    if (!Array.isArray(error.errors) || error.errors.length === 0) throw error;
    fail(
      error.errors
        .map(({ text, location }) => (location ? `${location.file}:${location.line}:${location.column + 1}: error: ${text}` : `${filename}: error: ${text}`))
        .join('\n'),
    );
  }
  writeCached(cached, code);
  return code;
}

Module._extensions['.ts'] = function loadTypeScript(module, filename) {
  module._compile(transpile(fs.readFileSync(filename, 'utf8'), filename), filename);
};

// Third-party modules the app loads and never uses (cdktf's archiver and semver, zod's list of
// locales) load at their first use instead: see deferred-modules.js's header for how many modules
// that leaves unloaded, and its list for each one and why the app never uses it.
require('./deferred-modules').deferModules(ROOT);

// On Node >= 22.1, Node's own compile cache (its V8 code for every module, kept across runs and
// checked by Node against each module's source) in .cache/compile-cache/ (git-ignored): a warm
// run deserializes code instead of compiling it again. Node 20 has none; a replacement of
// Module.prototype._compile that did the same on Node 20 was measured (6% of the examples' warm
// CPU) and not kept: it differed from Node's own compile in edge cases and added a frame to every
// stack trace cdktf records. NODE_DISABLE_COMPILE_CACHE=1 turns Node's cache off.
if (typeof Module.enableCompileCache === 'function') Module.enableCompileCache(path.join(ROOT, '.cache', 'compile-cache'));
