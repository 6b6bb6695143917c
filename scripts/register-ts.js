'use strict';
/**
 * Runs this repository's TypeScript with plain Node, fast: `node -r ./scripts/register-ts.js app.ts`
 * (cdktf.json's `app`) and bin/campus.js in a checkout.
 *
 * A require hook for `.ts` files: each file is transpiled on its own by esbuild (types stripped,
 * not checked: `npm test` runs tsc) into CommonJS, with the repository's tsconfig.json compiler
 * options, and the result is cached in .cache/register-ts/ (git-ignored) under a hash of
 * the file's content, the options and the esbuild version. An edited file hashes differently,
 * so the next run transpiles it again: there is no build step to forget. An unchanged file is
 * read from the cache and esbuild is not even loaded.
 *
 * Why not tsx (`node --import tsx`): tsx turns on source maps, so every stack trace cdktf
 * captures for a token goes through source-mapped formatting, and its ESM loader makes a round
 * trip per module. This hook emits no source maps and loads modules through Node's own CommonJS
 * loader, as compiled JavaScript would. Files keep their own paths (no bundling), so __dirname
 * and error messages naming files are what they are under tsc or tsx.
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

/** The repository's compiler options: esbuild reads those that change the emitted JavaScript (target, class fields, interop). */
const COMPILER_OPTIONS = JSON.parse(fs.readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf8')).compilerOptions;
const TRANSFORM_OPTIONS = {
  loader: 'ts',
  format: 'cjs',
  platform: 'node',
  target: `node${process.versions.node.split('.')[0]}`,
  sourcemap: false,
  tsconfigRaw: { compilerOptions: COMPILER_OPTIONS },
};
/** Everything but the source that decides the output: a change to any of it is a new cache key. */
const KEY_PREFIX = JSON.stringify({ esbuild: ESBUILD_VERSION, options: TRANSFORM_OPTIONS });

let esbuild;

function transpile(source, filename) {
  const key = crypto.createHash('sha256').update(KEY_PREFIX).update('\0').update(source).digest('hex');
  const cached = path.join(CACHE_DIR, `${key}.js`);
  try {
    return fs.readFileSync(cached, 'utf8');
  } catch {
    // Not cached yet: transpile below.
  }
  esbuild ??= require(ESBUILD_PATH);
  const { code } = esbuild.transformSync(source, { ...TRANSFORM_OPTIONS, sourcefile: filename });
  // Written to a temporary name and renamed, so a concurrent run never reads half a file. A
  // checkout that cannot be written to still runs, transpiling every time.
  try {
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    const temporary = `${cached}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, code);
    fs.renameSync(temporary, cached);
  } catch {
    // Not cached.
  }
  return code;
}

Module._extensions['.ts'] = function loadTypeScript(module, filename) {
  module._compile(transpile(fs.readFileSync(filename, 'utf8'), filename), filename);
};
