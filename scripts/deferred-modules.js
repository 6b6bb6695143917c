'use strict';
/**
 * Third-party modules that every run of the app loads and none uses, loaded at their first use
 * instead (scripts/register-ts.js turns this on; repository-only, like the hook).
 *
 * Each module in DEFERRED is replaced, in Node's module cache under its real path, by a
 * stand-in: a Proxy that loads the real module on its first use of any kind (a call, `new`, a
 * property read or write, `in`, listing its keys, its prototype) and forwards that use and every
 * later one to it. The real module then takes the stand-in's place in the cache, so a later
 * require gets the real exports. Until the first use, nothing of the module runs and none of
 * its dependencies is loaded. No function of Node's loader is replaced, so loading a module adds
 * no frame to a stack trace (cdktf records one per construct and token in manifest.json), and a
 * module not in the list loads as it always does. A call or `new` through a stand-in does add
 * one frame, `Object.apply` or `Object.construct` (scripts/deferred-modules.js), below the
 * module's own.
 *
 * What does differ, and why none of it reaches the app (the only code that holds a stand-in is
 * named in each entry):
 * - The module's load-time side effects happen at its first use. Archiver's dependency
 *   graceful-fs, when it loads, replaces `fs.close` and `fs.closeSync` with wrappers that retry
 *   queued opens, replaces `process.cwd` with a wrapper that caches the working directory and
 *   `process.chdir` with one that clears that cache, and sets `Symbol.for('graceful-fs.queue')`
 *   on `fs` and on `global`; semver and zod's locales only define functions.
 * - An error in loading the module surfaces at its first use.
 * - The stand-in is not the real exports object, even after its first use: zod's `z.locales`
 *   is the stand-in for good (zod's entry points took it when they loaded), so
 *   `require('zod/v4/locales') === z.locales` is false once the real module is in the cache.
 * - `util.inspect` and `console.log` show the Proxy's target, not the module:
 *   `[Function: deferredModule]` for archiver, `{}` for semver and zod's list, until the first
 *   use, and for archiver and semver after it too (zod's list, frozen, is then copied onto the
 *   target); `Function.prototype.toString` of archiver's stand-in gives
 *   `function () { [native code] }`.
 * - `Object.defineProperty` on zod's frozen locale list through its stand-in throws a TypeError
 *   reading "'defineProperty' on proxy: trap returned falsish for property 'NAME'" instead of
 *   "Cannot define property NAME, object is not extensible".
 * A listed file that is not there (another version of the package laid out differently) is
 * left alone: it loads as usual.
 *
 * The examples' app loads 303 modules instead of 614, 311 of them these three and their
 * dependencies (bench/app-bench.ts counts them; README, Performance, has the measured times).
 */
const fs = require('fs');
const Module = require('module');
const path = require('path');

/**
 * `package`: resolved from the repository root, as the app resolves it; `file`: the module in
 * that package; `callable`: its exports is a function; `esModule`: its exports has
 * `__esModule: true` (compiled ES module), answered without loading it, since TypeScript's and
 * zod's `__importStar` helpers read that flag when the module is required.
 */
const DEFERRED = [
  // cdktf's package root loads lib/private/fs.js, whose module-local `archiver` is called only by
  // `runArchive`, and that runs only when fs.js is a process of its own: TerraformAsset zips a
  // directory by running `node lib/private/fs.js SRC DEST` (execSync), a process without this
  // hook. 203 modules (archiver, lodash, readable-stream, glob, graceful-fs, ...).
  { package: 'cdktf', file: 'node_modules/archiver/index.js', callable: true, esModule: false },
  // cdktf's ValidateBinaryVersion (lib/validations/validate-binary-version.js, its only requirer)
  // calls `semver.satisfies` in validate(), a validation added only to stacks with moved
  // resources or import blocks (Terraform >= 1.5), after running `terraform version`. 45 modules.
  { package: 'cdktf', file: 'node_modules/semver/index.js', callable: false, esModule: false },
  // zod's core and classic entry points (v4/core/index.cjs, v4/classic/external.cjs, and
  // v4/mini/external.cjs) export the list of every locale as `locales`; this repository never
  // reads it. zod's English messages, the default, come from v4/locales/en.cjs, which
  // v4/classic/schemas.cjs requires on its own: it is not deferred. 63 modules.
  { package: 'zod', file: 'v4/locales/index.cjs', callable: false, esModule: true },
];

/**
 * Copies onto `target` what a Proxy must agree with its target on: each non-configurable own
 * property of `real`, and, when `real` is not extensible, all its own properties, its prototype
 * and its non-extensibility.
 */
function mirror(target, real) {
  const extensible = Object.isExtensible(real);
  for (const key of Reflect.ownKeys(real)) {
    const descriptor = Reflect.getOwnPropertyDescriptor(real, key);
    if (!extensible || !descriptor.configurable) Reflect.defineProperty(target, key, descriptor);
  }
  if (!extensible && Object.isExtensible(target)) {
    Reflect.setPrototypeOf(target, Reflect.getPrototypeOf(real));
    Reflect.preventExtensions(target);
  }
}

/** Puts a stand-in for the module at `file` (a real path) in Node's module cache (see the header). */
function deferModule(file, { callable, esModule }) {
  let real;
  // A function target for a function module: typeof, calls and `new` need one.
  const target = callable ? function deferredModule() {} : {};
  const load = () => {
    if (real === undefined) {
      if (Module._cache[file] === stand) delete Module._cache[file];
      // No mirror(target, real) here: each trap whose answer must agree with what the target
      // holds and whether it is extensible (ownKeys, getOwnPropertyDescriptor, defineProperty,
      // ...) mirrors after forwarding; get and has answer from the real module, which agrees
      // with whatever was mirrored onto the target; set, apply and construct check nothing.
      real = require(file);
    }
    return real;
  };
  const forward = (trap) => (_target, ...args) => Reflect[trap](load(), ...args);
  const forwardMirrored = (trap) => (_target, ...args) => {
    const result = Reflect[trap](load(), ...args);
    mirror(target, real);
    return result;
  };
  const handler = {
    get: (_target, key, receiver) => (esModule && key === '__esModule' && real === undefined ? true : Reflect.get(load(), key, receiver === proxy ? real : receiver)),
    set: (_target, key, value, receiver) => Reflect.set(load(), key, value, receiver === proxy ? real : receiver),
    has: forward('has'),
    apply: forward('apply'),
    construct: (_target, args, newTarget) => Reflect.construct(load(), args, newTarget === proxy ? real : newTarget),
    ownKeys: forwardMirrored('ownKeys'),
    getOwnPropertyDescriptor: forwardMirrored('getOwnPropertyDescriptor'),
    defineProperty: forwardMirrored('defineProperty'),
    deleteProperty: forwardMirrored('deleteProperty'),
    getPrototypeOf: forwardMirrored('getPrototypeOf'),
    setPrototypeOf: forwardMirrored('setPrototypeOf'),
    isExtensible: forwardMirrored('isExtensible'),
    preventExtensions: forwardMirrored('preventExtensions'),
  };
  const proxy = new Proxy(target, handler);
  const stand = new Module(file, null);
  stand.filename = file;
  stand.paths = Module._nodeModulePaths(path.dirname(file));
  stand.exports = proxy;
  stand.loaded = true;
  Module._cache[file] = stand;
}

/** The real path of each entry of DEFERRED that is there, resolved from `root` as the app resolves its packages. */
function deferredFiles(root) {
  const files = [];
  for (const entry of DEFERRED) {
    let file;
    try {
      file = fs.realpathSync(path.join(path.dirname(require.resolve(`${entry.package}/package.json`, { paths: [root] })), entry.file));
    } catch {
      continue; // Not installed, or laid out differently: loaded as usual.
    }
    files.push({ ...entry, file });
  }
  return files;
}

/** Defers each module of DEFERRED found from `root` that no one has loaded yet. */
function deferModules(root) {
  for (const entry of deferredFiles(root)) if (Module._cache[entry.file] === undefined) deferModule(entry.file, entry);
}

module.exports = { deferModules, deferredFiles };
