/**
 * scripts/deferred-modules.js (turned on by scripts/register-ts.js): the third-party modules the
 * app never uses are not loaded by the examples' app, and each loads at its first use and then
 * behaves as the real module, as seen from every way of using it.
 *
 * The first test also owns the examples app run as cdktf.json runs it (register-ts.test.ts tests
 * the hook otherwise): one run is compared with the same app synthesized in-process and with a
 * run without the deferral, so the app is spawned twice, not three times, per npm test.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { buildBundledExamples } from '../examples/bundled';
import { runCampusApp } from '../stacks/run-campus-app';

const ROOT = path.join(__dirname, '..');
const HOOK = path.join(ROOT, 'scripts', 'register-ts.js');
const DEFERRED_MODULES = path.join(ROOT, 'scripts', 'deferred-modules.js');
/** The preload that turns the deferral off (each deferred file required for real first). */
const NO_DEFER = path.join(ROOT, 'scripts', 'no-defer.js');

/** The one temporary folder of this file: every script, output folder and asset below is made in it. */
let TMP: string;
beforeAll(() => {
  TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'hybrid-campus-deferred-'));
});
afterAll(() => {
  fs.rmSync(TMP, { recursive: true, force: true });
});

/**
 * Runs `script` (CommonJS) in a node of its own from the repository root, with the hook (the
 * default) or without it; returns its stdout parsed as JSON. `rootRequire` in the script
 * requires packages as the repository's code does.
 */
function runNode(script: string, { hook = true, env = {} }: { hook?: boolean; env?: NodeJS.ProcessEnv } = {}): unknown {
  const dir = fs.mkdtempSync(path.join(TMP, 'node-'));
  const file = path.join(dir, 'script.js');
  fs.writeFileSync(file, `const rootRequire = require('module').createRequire(${JSON.stringify(path.join(ROOT, 'package.json'))});\n${script}`);
  const result = spawnSync(process.execPath, [...(hook ? ['-r', HOOK] : []), file], { cwd: ROOT, env: { ...process.env, NODE_OPTIONS: '', ...env }, encoding: 'utf8' });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout);
}

/** The module files of a package under node_modules in a list of real paths, relative to the package. */
function filesOf(files: readonly string[], pkg: string): string[] {
  const marker = `${path.sep}node_modules${path.sep}${pkg}${path.sep}`;
  return files.filter((f) => f.includes(marker)).map((f) => f.slice(f.lastIndexOf(marker) + marker.length));
}

/** Every file under `dir`, by path relative to it, sorted, with its content. */
function filesUnder(dir: string): [string, Buffer][] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .sort()
    .map((f) => [f, fs.readFileSync(path.join(dir, f))]);
}

/**
 * Runs the examples app as cdktf.json runs it (the exact command string, by a shell from the
 * repository root), into a new output folder, after the preloads given; checks that it exits 0
 * with nothing on stderr, and returns that folder, its stdout and every file in Node's module
 * cache at exit, with whether its exports is a Proxy (a stand-in), written to a file of its own
 * by one more preload so that the app's own streams stay as they are.
 */
function runExamplesApp(preloads: readonly string[] = []): { outdir: string; stdout: string; cache: [string, boolean][] } {
  const outdir = fs.mkdtempSync(path.join(TMP, 'app-'));
  const modules = path.join(outdir, '..', `${path.basename(outdir)}-modules.js`);
  const cacheFile = path.join(outdir, '..', `${path.basename(outdir)}-modules.json`);
  fs.writeFileSync(
    modules,
    `process.on('exit', () => { const { isProxy } = require('util').types; require('fs').writeFileSync(${JSON.stringify(cacheFile)}, JSON.stringify(Object.entries(require.cache).map(([file, m]) => [file, isProxy(m.exports)]))); });\n`,
  );
  const config = JSON.parse(fs.readFileSync(path.join(ROOT, 'cdktf.json'), 'utf8'));
  expect(config.app).toBe('node -r ./scripts/register-ts.js examples/main.ts');
  const nodeOptions = [...preloads, modules].map((file) => `--require ${JSON.stringify(file)}`).join(' ');
  const run = spawnSync(config.app, { shell: true, cwd: ROOT, env: { ...process.env, NODE_OPTIONS: nodeOptions, CDKTF_OUTDIR: outdir }, encoding: 'utf8' });
  expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
  return { outdir, stdout: run.stdout, cache: JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as [string, boolean][] };
}

/** A manifest.json without the `stacktrace` of each annotation: where in the code each was made, which differs between runners. */
function withoutStackTraces(json: string): unknown {
  return JSON.parse(json, (key, value) => (key === 'stacktrace' ? undefined : value));
}

test('the examples app, run as cdktf.json runs it (through the hook), writes what the same app writes in-process (every file byte for byte, manifest.json but for the stack traces of its annotations), loads none of the deferred modules (a stand-in sits in the cache), and writes byte for byte what it writes with the three loaded for real', () => {
  const { outdir, stdout: spawnedStdout, cache } = runExamplesApp();
  expect(fs.existsSync(path.join(outdir, 'stacks', 'ercot-300', 'power-budget.json'))).toBe(true);

  // The same app in-process: the same summary on stdout, the same files.
  const app = new App({ outdir: fs.mkdtempSync(path.join(TMP, 'in-process-')) });
  let stdout = '';
  const code = runCampusApp((a) => void buildBundledExamples(a), { app, stdout: (t) => (stdout += t), stderr: () => undefined });
  expect(code).toBe(0);
  expect(spawnedStdout).toBe(stdout);
  const expected = filesUnder(app.outdir);
  const spawned = filesUnder(outdir);
  expect(spawned.map(([file]) => file)).toEqual(expected.map(([file]) => file));
  expect(spawned.map(([file]) => file)).toContain(path.join('stacks', 'ercot-300', 'power-budget.json'));
  for (const [i, [file, content]] of spawned.entries()) {
    const [text, expectedText] = [content.toString('utf8'), expected[i][1].toString('utf8')];
    if (file === 'manifest.json') {
      expect(text).toContain('"stacktrace"');
      expect(withoutStackTraces(text)).toEqual(withoutStackTraces(expectedText));
    } else expect([file, text]).toEqual([file, expectedText]);
  }

  const files = cache.map(([file]) => file);
  const standIns = cache.filter(([, proxy]) => proxy).map(([file]) => file);
  expect(filesOf(standIns, path.join('cdktf', 'node_modules', 'archiver'))).toEqual(['index.js']);
  expect(filesOf(files, path.join('cdktf', 'node_modules', 'archiver'))).toEqual(['index.js']);
  expect(filesOf(standIns, path.join('cdktf', 'node_modules', 'semver'))).toEqual(['index.js']);
  expect(filesOf(files, path.join('cdktf', 'node_modules', 'semver'))).toEqual(['index.js']);
  expect(filesOf(files, path.join('cdktf', 'node_modules', 'lodash'))).toEqual([]);
  expect(filesOf(files, path.join('cdktf', 'node_modules', 'graceful-fs'))).toEqual([]);
  expect(filesOf(standIns, 'zod')).toEqual([path.join('v4', 'locales', 'index.cjs')]);
  // English, zod's default, is required on its own by zod's schemas: loaded, not deferred.
  expect(filesOf(files, path.join('zod', 'v4', 'locales')).sort()).toEqual(['en.cjs', 'index.cjs']);
  // Still loaded, as before: cdktf and the JSON writer its manifest uses.
  expect(filesOf(files, 'cdktf')).toContain(path.join('lib', 'index.js'));
  expect(filesOf(files, path.join('cdktf', 'node_modules', 'json-stable-stringify'))).toEqual(['index.js']);
  expect(files.length).toBeLessThan(350);

  // The same app with each deferred file required for real first, so deferModules leaves all
  // three alone (as if there were no deferral): the same files, byte for byte, manifest.json's
  // stack traces included.
  const real = runExamplesApp([NO_DEFER]);
  expect(real.cache.filter(([, proxy]) => proxy)).toEqual([]);
  expect(filesOf(real.cache.map(([file]) => file), path.join('cdktf', 'node_modules', 'lodash')).length).toBeGreaterThan(0);
  const deferredOutput = filesUnder(outdir);
  const realOutput = filesUnder(real.outdir);
  expect(deferredOutput.map(([file]) => file)).toEqual(realOutput.map(([file]) => file));
  expect(deferredOutput.map(([file]) => file)).toContain('manifest.json');
  for (const [i, [file, content]] of deferredOutput.entries()) {
    // Compared as text first, so a difference prints readably; then byte for byte.
    expect({ file, text: content.toString('utf8') }).toEqual({ file, text: realOutput[i][1].toString('utf8') });
    expect(content.equals(realOutput[i][1])).toBe(true);
  }
});

test("each entry's flags say what its real module is: a function or not, a compiled ES module or not; and each is where the list says", () => {
  const facts = runNode(
    `const { deferredFiles } = require(${JSON.stringify(DEFERRED_MODULES)});
const entries = deferredFiles(${JSON.stringify(ROOT)});
console.log(JSON.stringify(entries.map((e) => { const real = require(e.file); return { package: e.package, callable: e.callable, esModule: e.esModule, typeofReal: typeof real, esModuleReal: real.__esModule === true }; })));`,
    { hook: false },
  );
  expect(facts).toEqual([
    { package: 'cdktf', callable: true, esModule: false, typeofReal: 'function', esModuleReal: false },
    { package: 'cdktf', callable: false, esModule: false, typeofReal: 'object', esModuleReal: false },
    { package: 'zod', callable: false, esModule: true, typeofReal: 'object', esModuleReal: true },
  ]);
});

test("archiver's stand-in loads archiver at its first call and answers as archiver does; later requires get the real module", () => {
  const seen = runNode(`const path = require('path');
const { deferredFiles } = require(${JSON.stringify(DEFERRED_MODULES)});
const file = deferredFiles(${JSON.stringify(ROOT)}).find((e) => e.file.endsWith(path.join('archiver', 'index.js'))).file;
const loadedFiles = () => Object.keys(require.cache).filter((f) => f.includes(path.sep + 'archiver' + path.sep)).length;
const { isProxy } = require('util').types;
const standIn = require(file);
const before = { proxy: isProxy(standIn), typeof: typeof standIn, files: loadedFiles() };
const archive = standIn('zip', { zlib: { level: 9 } });
const real = require(file);
console.log(JSON.stringify({
  before,
  after: { files: loadedFiles(), realIsProxy: isProxy(real), pipe: typeof archive.pipe, finalize: typeof archive.finalize },
  keys: [Reflect.ownKeys(standIn), Reflect.ownKeys(real)],
  sameFunctions: standIn.create === real.create && standIn.registerFormat === real.registerFormat,
  zip: standIn.isRegisteredFormat('zip'),
  rar: standIn.isRegisteredFormat('rar'),
  prototype: Object.getPrototypeOf(standIn) === Object.getPrototypeOf(real),
}));`) as Record<string, any>;
  expect(seen.before).toEqual({ proxy: true, typeof: 'function', files: 1 });
  expect(seen.after.files).toBeGreaterThan(1);
  expect(seen.after).toEqual({ files: seen.after.files, realIsProxy: false, pipe: 'function', finalize: 'function' });
  expect(seen.keys[0]).toEqual(seen.keys[1]);
  expect(seen.keys[0]).toEqual(expect.arrayContaining(['create', 'registerFormat', 'isRegisteredFormat']));
  expect(seen).toMatchObject({ sameFunctions: true, zip: true, rar: false, prototype: true });
});

test("archiver's stand-in, first used with new, loads archiver and builds what archiver builds; a call or new through it adds one frame, its trap's", () => {
  const seen = runNode(`const path = require('path');
const { deferredFiles } = require(${JSON.stringify(DEFERRED_MODULES)});
const file = deferredFiles(${JSON.stringify(ROOT)}).find((e) => e.file.endsWith(path.join('archiver', 'index.js'))).file;
const loadedFiles = () => Object.keys(require.cache).filter((f) => f.includes(path.sep + 'archiver' + path.sep)).length;
const standIn = require(file);
const before = loadedFiles();
const built = new standIn('tar');
const real = require(file);
const frames = (f) => { try { f(); } catch (e) { return [e.message, e.stack.split('\\n')[3].trim()]; } };
console.log(JSON.stringify({
  before,
  after: loadedFiles(),
  sameKind: Object.getPrototypeOf(built) === Object.getPrototypeOf(real('tar')),
  pipe: typeof built.pipe,
  viaNew: frames(() => new standIn('nope')),
  viaCall: frames(() => standIn('nope')),
  real: frames(() => real('nope')),
}));`) as Record<string, any>;
  expect(seen).toMatchObject({ before: 1, sameKind: true, pipe: 'function' });
  expect(seen.after).toBeGreaterThan(1);
  const trapFrame = (trap: string) => new RegExp(`^at Object\\.${trap} \\(${DEFERRED_MODULES.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+\\)$`);
  // The stack's fourth line: below archiver's two frames (vending.create, vending), the trap's.
  expect(seen.viaNew[0]).toBe('create(nope): format not registered');
  expect(seen.viaNew[1]).toMatch(trapFrame('construct'));
  expect(seen.viaCall[0]).toBe('create(nope): format not registered');
  expect(seen.viaCall[1]).toMatch(trapFrame('apply'));
  // Called directly, the frame below archiver's is the caller's.
  expect(seen.real[0]).toBe('create(nope): format not registered');
  expect(seen.real[1]).toMatch(/^at .*script\.js:\d+:\d+\)?$/);
});

test("semver's stand-in loads semver at its first property read and answers as semver does", () => {
  const seen = runNode(`const path = require('path');
const { deferredFiles } = require(${JSON.stringify(DEFERRED_MODULES)});
const file = deferredFiles(${JSON.stringify(ROOT)}).find((e) => e.file.endsWith(path.join('semver', 'index.js'))).file;
const loadedFiles = () => Object.keys(require.cache).filter((f) => f.includes(path.sep + 'semver' + path.sep)).length;
const standIn = require(file);
const before = loadedFiles();
const answers = [standIn.satisfies('1.5.0', '>=1.5'), standIn.satisfies('1.4.9', '>=1.5'), 'satisfies' in standIn, 'nonesuch' in standIn];
const real = require(file);
console.log(JSON.stringify({ before, after: loadedFiles(), answers, keys: Object.keys(standIn).join() === Object.keys(real).join(), same: standIn.satisfies === real.satisfies, extensible: Object.isExtensible(standIn) }));`);
  expect(seen).toEqual({ before: 1, after: expect.any(Number), answers: [true, false, true, false], keys: true, same: true, extensible: true });
  expect((seen as { after: number }).after).toBeGreaterThan(10);
});

test("zod's locale list: z.locales is one stand-in until read, then every locale as zod lists them, frozen as zod freezes them; messages stay English", () => {
  const seen = runNode(`const path = require('path');
const { z } = rootRequire('zod');
const loadedLocales = () => Object.keys(require.cache).filter((f) => f.includes(path.join('zod', 'v4', 'locales') + path.sep)).map((f) => path.basename(f)).sort();
const { isProxy } = require('util').types;
const before = { files: loadedLocales(), proxy: isProxy(z.locales), same: z.locales === z.core.locales };
const english = z.string().safeParse(1).error.issues[0].message;
const afterEnglish = loadedLocales();
const keys = Object.keys(z.locales);
const real = rootRequire('zod/v4/locales');
const result = { before, english, afterEnglish, count: afterEnglish.length, keysMatch: keys.join() === Object.keys(real).join(), keyCount: keys.length, frozen: [Object.isFrozen(z.locales), Object.isFrozen(real)], fr: z.locales.fr === real.fr, files: loadedLocales().length };
z.config(z.locales.fr());
result.french = z.string().safeParse(1).error.issues[0].message;
console.log(JSON.stringify(result));`) as Record<string, any>;
  expect(seen.before).toEqual({ files: ['en.cjs', 'index.cjs'], proxy: true, same: true });
  expect(seen.english).toBe('Invalid input: expected string, received number');
  expect(seen.afterEnglish).toEqual(['en.cjs', 'index.cjs']);
  expect(seen).toMatchObject({ keysMatch: true, frozen: [true, true], fr: true });
  expect(seen.keyCount).toBeGreaterThan(50);
  expect(seen.files).toBeGreaterThan(50);
  expect(seen.french).toBe('Entrée invalide : chaîne de caractères attendu, nombre reçu');
});

test("what differs, as scripts/deferred-modules.js's header says: graceful-fs's effects at archiver's first use, what inspect and toString show, identity after first use, defineProperty's TypeError", () => {
  const seen = runNode(`const path = require('path');
const util = require('util');
const fs = require('fs');
const { deferredFiles } = require(${JSON.stringify(DEFERRED_MODULES)});
const fileOf = (name) => deferredFiles(${JSON.stringify(ROOT)}).find((e) => e.file.includes(path.sep + name + path.sep)).file;
const archiver = require(fileOf('archiver'));
const semver = require(fileOf('semver'));
const { z } = rootRequire('zod');
const queue = Symbol.for('graceful-fs.queue');
const original = { close: fs.close, closeSync: fs.closeSync, cwd: process.cwd, chdir: process.chdir };
const inspected = [util.inspect(archiver), util.inspect(semver), util.inspect(z.locales)];
const toString = Function.prototype.toString.call(archiver);
const queueBefore = [global[queue], fs[queue]];
archiver.create;
const replaced = Object.keys(original).filter((k) => (k === 'cwd' || k === 'chdir' ? process[k] : fs[k]) !== original[k]);
const defineError = (o) => { try { Object.defineProperty(o, 'xx', { value: 1 }); return 'defined'; } catch (e) { return e.constructor.name + ': ' + e.message; } };
z.locales.fr;
const locales = rootRequire('zod/v4/locales');
console.log(JSON.stringify({
  inspected,
  toString,
  replaced,
  queueBefore,
  queue: [Array.isArray(global[queue]), Array.isArray(fs[queue])],
  inspectedAfter: [util.inspect(archiver), util.inspect(semver)],
  sameLocales: locales === z.locales,
  defineErrors: [defineError(z.locales), defineError(locales)],
}));`);
  expect(seen).toEqual({
    inspected: ['[Function: deferredModule]', '{}', '{}'],
    toString: 'function () { [native code] }',
    replaced: ['close', 'closeSync', 'cwd', 'chdir'],
    queueBefore: [null, null],
    queue: [true, true],
    inspectedAfter: ['[Function: deferredModule]', '{}'],
    sameLocales: false,
    defineErrors: ["TypeError: 'defineProperty' on proxy: trap returned falsish for property 'xx'", 'TypeError: Cannot define property xx, object is not extensible'],
  });
});

test('a module already loaded is left alone, and a package that is not installed is skipped', () => {
  const seen = runNode(`const { deferModules, deferredFiles } = require(${JSON.stringify(DEFERRED_MODULES)});
const os = require('os');
const { isProxy } = require('util').types;
const locales = rootRequire('zod/v4/locales');
deferModules(${JSON.stringify(ROOT)});
const file = rootRequire.resolve('zod/v4/locales');
console.log(JSON.stringify({ kept: require(file) === locales && !isProxy(locales), elsewhere: deferredFiles(os.tmpdir()) }));`, { hook: false });
  expect(seen).toEqual({ kept: true, elsewhere: [] });
});

test("an archive asset leaves archiver's stand-in unused in the app's process: cdktf zips the directory in a node of its own, without this hook (the zip is checked only to show the asset was made)", () => {
  const dir = fs.mkdtempSync(path.join(TMP, 'asset-'));
  fs.mkdirSync(path.join(dir, 'content'));
  fs.writeFileSync(path.join(dir, 'content', 'hello.txt'), 'hello\n');
  const outdir = path.join(dir, 'out');
  const seen = runNode(`const { App, TerraformStack, TerraformAsset, AssetType } = rootRequire('cdktf');
const app = new App({ outdir: ${JSON.stringify(outdir)} });
const stack = new TerraformStack(app, 'assets');
const asset = new TerraformAsset(stack, 'content', { path: ${JSON.stringify(path.join(dir, 'content'))}, type: AssetType.ARCHIVE });
app.synth();
const { isProxy } = require('util').types;
const archiver = Object.entries(require.cache).filter(([f]) => f.includes('archiver'));
console.log(JSON.stringify({ fileName: asset.fileName, archiverFiles: archiver.length, standIn: archiver.every(([, m]) => isProxy(m.exports)) }));`);
  expect(seen).toEqual({ fileName: 'archive.zip', archiverFiles: 1, standIn: true });
  const zips = fs.readdirSync(outdir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('archive.zip'));
  expect(zips).toHaveLength(1);
  const zip = fs.readFileSync(path.join(outdir, zips[0]));
  expect(zip.subarray(0, 2).toString('latin1')).toBe('PK');
  expect(zip.includes(Buffer.from('hello.txt'))).toBe(true);
});
