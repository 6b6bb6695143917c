/**
 * scripts/register-ts.js, the require hook cdktf.json's app and the checkout's bin run the
 * TypeScript sources through: an edit takes effect on the next run, the output is what the
 * same app writes in-process, and a bad campus still prints its one message.
 */
import { spawn, spawnSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { App } from 'cdktf';
import { ercot300 } from '../examples/ercot-300';
import { flexibleMining } from '../examples/flexible-mining';
import { phasedConversion } from '../examples/phased-conversion';
import { retrofit } from '../examples/retrofit';
import { runCampusApp } from '../stacks/run-campus-app';

const ROOT = path.join(__dirname, '..');
const HOOK = path.join(ROOT, 'scripts', 'register-ts.js');

function runTs(file: string, env: NodeJS.ProcessEnv = {}, hook = HOOK, nodeArgs: string[] = []) {
  const result = spawnSync(process.execPath, [...nodeArgs, '-r', hook, file], { cwd: ROOT, env: { ...process.env, NODE_OPTIONS: '', ...env }, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function readTree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files[path.relative(dir, path.join(entry.parentPath, entry.name))] = fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
  }
  return files;
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'hybrid-campus-register-ts-'));
}

/** A manifest.json without the `stacktrace` of each annotation: where in the code each was made, which differs between runners. */
function withoutStackTraces(json: string): unknown {
  return JSON.parse(json, (key, value) => (key === 'stacktrace' ? undefined : value));
}

test('cdktf.json runs examples/main.ts through the hook, and it writes what the same app writes in-process: every file byte for byte, manifest.json but for the stack traces of its annotations', () => {
  const config = JSON.parse(fs.readFileSync(path.join(ROOT, 'cdktf.json'), 'utf8'));
  expect(config.app).toBe('node -r ./scripts/register-ts.js examples/main.ts');
  const outdir = tempDir();
  // The exact command string, run by a shell from the project root, as cdktf runs it.
  const run = spawnSync(config.app, { shell: true, cwd: ROOT, env: { ...process.env, NODE_OPTIONS: '', CDKTF_OUTDIR: outdir }, encoding: 'utf8' });
  const spawned = { status: run.status, stdout: run.stdout, stderr: run.stderr };
  expect(spawned.stderr).toBe('');
  expect(spawned.status).toBe(0);

  const app = new App({ outdir: tempDir() });
  let stdout = '';
  const code = runCampusApp(
    (a) => {
      ercot300(a);
      retrofit(a);
      phasedConversion(a);
      flexibleMining(a);
    },
    { app, stdout: (t) => (stdout += t), stderr: () => undefined },
  );
  expect(code).toBe(0);
  expect(spawned.stdout).toBe(stdout);
  const expected = readTree(app.outdir);
  const actual = readTree(outdir);
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  expect(Object.keys(actual)).toContain(path.join('stacks', 'ercot-300', 'power-budget.json'));
  expect(actual['manifest.json']).toContain('"stacktrace"');
  for (const file of Object.keys(expected)) {
    if (file === 'manifest.json') expect(withoutStackTraces(actual[file])).toEqual(withoutStackTraces(expected[file]));
    else expect([file, actual[file]]).toEqual([file, expected[file]]);
  }
});

test('an edit to a .ts file, or to a file it imports, takes effect on the next run with no build step', () => {
  const dir = tempDir();
  const main = path.join(dir, 'main.ts');
  const dep = path.join(dir, 'dep.ts');
  fs.writeFileSync(dep, "export const greetingText: string = 'first';\n");
  fs.writeFileSync(main, "import { greetingText } from './dep';\nconst shown: string = greetingText;\nconsole.log(shown);\n");
  expect(runTs(main)).toEqual({ status: 0, stdout: 'first\n', stderr: '' });
  fs.writeFileSync(dep, "export const greetingText: string = 'second';\n");
  expect(runTs(main)).toEqual({ status: 0, stdout: 'second\n', stderr: '' });
  fs.writeFileSync(main, "import { greetingText } from './dep';\nconsole.log(`${greetingText}, edited`);\n");
  expect(runTs(main)).toEqual({ status: 0, stdout: 'second, edited\n', stderr: '' });
});

test('a bad campus prints its one message, no stack trace, and writes no file', () => {
  const dir = tempDir();
  const main = path.join(dir, 'main.ts');
  fs.writeFileSync(
    main,
    [
      "import type { App } from 'cdktf';",
      `import { Campus, runCampusApp } from ${JSON.stringify(path.join(ROOT, 'index'))};`,
      'process.exitCode = runCampusApp((app: App) => {',
      "  new Campus(app, 'twin', { gridRegion: 'ERCOT', interconnectLimitMw: 1 });",
      "  new Campus(app, 'twin', { gridRegion: 'ERCOT', interconnectLimitMw: 1 });",
      '});',
      '',
    ].join('\n'),
  );
  const outdir = path.join(dir, 'out');
  expect(runTs(main, { CDKTF_OUTDIR: outdir })).toEqual({
    status: 1,
    stdout: '',
    stderr: 'hybrid-campus: [twin] invalid property: id = "twin": is already the id of Campus at twin; ids must be unique in their scope, so pick another\n',
  });
  expect(readTree(outdir)).toEqual({});
});

test('a TypeScript syntax error prints one line, file:line:column: error: text, and exits with 1', () => {
  const dir = tempDir();
  const main = path.join(dir, 'main.ts');
  fs.writeFileSync(main, 'const broken: number = ;\n');
  expect(runTs(main)).toEqual({ status: 1, stdout: '', stderr: `${main}:1:24: error: Unexpected ";"\n` });
});

test('with source maps on, an uncaught error names the TypeScript line, also after a run without them filled the cache', () => {
  const dir = tempDir();
  const main = path.join(dir, 'main.ts');
  // Lines 1 to 6 are types only: esbuild drops them, so the throw is on line 1 or 2 of the JavaScript.
  fs.writeFileSync(main, 'interface Shape {\n  readonly sideM: number;\n}\ntype Named = {\n  readonly name: string;\n};\nconst shape: Shape & Named = { sideM: 2, name: "square" };\nif (shape.sideM > 1) throw new Error(`too big: ${shape.name}`);\n');
  const withoutMaps = runTs(main);
  expect(withoutMaps.status).toBe(1);
  expect(withoutMaps.stderr).not.toContain(`${main}:8:`);
  const withMaps = runTs(main, {}, HOOK, ['--enable-source-maps']);
  expect(withMaps.status).toBe(1);
  expect(withMaps.stderr).toContain(`    at Object.<anonymous> (${main}:8:28)\n`);
  expect(runTs(main, { NODE_OPTIONS: '--enable-source-maps' }).stderr).toContain(`    at Object.<anonymous> (${main}:8:28)\n`);
});

/** A project of its own: a copy of the hook and its code cache (their caches beside them), node_modules linked to this checkout's, and these files. */
function hookProject(files: Record<string, string>) {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'scripts'));
  fs.copyFileSync(HOOK, path.join(dir, 'scripts', 'register-ts.js'));
  fs.copyFileSync(path.join(ROOT, 'scripts', 'code-cache.js'), path.join(dir, 'scripts', 'code-cache.js'));
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), text);
  const cacheDir = path.join(dir, '.cache', 'register-ts');
  return {
    dir,
    cacheDir,
    hook: path.join(dir, 'scripts', 'register-ts.js'),
    run: () => runTs(path.join(dir, 'main.ts'), {}, path.join(dir, 'scripts', 'register-ts.js')),
    entries: () => (fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir).sort() : []),
  };
}

const CLASS_FIELD_MAIN = 'class Holder {\n  value!: number;\n}\nconsole.log(JSON.stringify(Object.keys(new Holder())));\n';

test("the compiler options come through tsconfig.json's extends, and a change to them is a new cache key", () => {
  const project = hookProject({
    'tsconfig.base.json': JSON.stringify({ compilerOptions: { target: 'ES2022', useDefineForClassFields: false } }),
    // Comments: read with TypeScript's own parser.
    'tsconfig.json': '{\n  // the shared options\n  "extends": "./tsconfig.base",\n  "compilerOptions": { "strict": true, },\n}\n',
    'main.ts': CLASS_FIELD_MAIN,
  });
  expect(project.run()).toEqual({ status: 0, stdout: '[]\n', stderr: '' });
  fs.writeFileSync(path.join(project.dir, 'tsconfig.base.json'), JSON.stringify({ compilerOptions: { target: 'ES2022', useDefineForClassFields: true } }));
  expect(project.run()).toEqual({ status: 0, stdout: '["value"]\n', stderr: '' });
});

test('an extends that points nowhere is one message', () => {
  const project = hookProject({ 'tsconfig.json': '{ "extends": "./missing.json" }', 'main.ts': CLASS_FIELD_MAIN });
  expect(project.run()).toEqual({
    status: 1,
    stdout: '',
    stderr: `${path.join(project.dir, 'tsconfig.json')}: error: extends "./missing.json": no such file; point it at an existing tsconfig file\n`,
  });
});

test('a tsconfig.json that is not JSON, or an extends cycle, is one message', () => {
  const broken = hookProject({ 'tsconfig.json': '{\n  "compilerOptions": \n', 'main.ts': CLASS_FIELD_MAIN });
  expect(broken.run()).toEqual({
    status: 1,
    stdout: '',
    stderr: `${path.join(broken.dir, 'tsconfig.json')}:2:21: error: not valid tsconfig JSON: Expression expected.\n`,
  });
  const cycle = hookProject({ 'tsconfig.json': '{ "extends": "./base.json" }', 'base.json': '{ "extends": "./tsconfig.json" }', 'main.ts': CLASS_FIELD_MAIN });
  const [config, base] = [path.join(cycle.dir, 'tsconfig.json'), path.join(cycle.dir, 'base.json')];
  expect(cycle.run()).toEqual({ status: 1, stdout: '', stderr: `${config}: error: extends itself through ${config} -> ${base}; remove the cycle\n` });
});

test("an edit to the hook's own source is a new cache key", () => {
  const project = hookProject({ 'tsconfig.json': '{ "compilerOptions": { "target": "ES2022" } }', 'main.ts': CLASS_FIELD_MAIN });
  expect(project.run().stdout).toBe('["value"]\n');
  const first = project.entries();
  expect(first).toHaveLength(1);
  fs.appendFileSync(project.hook, '// edited\n');
  expect(project.run().stdout).toBe('["value"]\n');
  expect(project.entries()).toHaveLength(2);
});

test('an empty or truncated cache entry is transpiled again, not run', () => {
  const project = hookProject({ 'tsconfig.json': '{ "compilerOptions": { "target": "ES2022" } }', 'main.ts': CLASS_FIELD_MAIN });
  expect(project.run().stdout).toBe('["value"]\n');
  const [entry] = project.entries();
  const whole = fs.readFileSync(path.join(project.cacheDir, entry), 'utf8');
  fs.writeFileSync(path.join(project.cacheDir, entry), '');
  expect(project.run()).toEqual({ status: 0, stdout: '["value"]\n', stderr: '' });
  expect(fs.readFileSync(path.join(project.cacheDir, entry), 'utf8')).toBe(whole);
  fs.writeFileSync(path.join(project.cacheDir, entry), whole.slice(0, whole.length - 40));
  expect(project.run()).toEqual({ status: 0, stdout: '["value"]\n', stderr: '' });
  expect(fs.readFileSync(path.join(project.cacheDir, entry), 'utf8')).toBe(whole);
});

test('a cache write that fails leaves no temporary file, and the run still succeeds', () => {
  const project = hookProject({ 'tsconfig.json': '{ "compilerOptions": { "target": "ES2022" } }', 'main.ts': CLASS_FIELD_MAIN });
  expect(project.run().stdout).toBe('["value"]\n');
  const [entry] = project.entries();
  // A non-empty directory where the entry goes: reading it fails, and so does renaming onto it.
  fs.rmSync(path.join(project.cacheDir, entry));
  fs.mkdirSync(path.join(project.cacheDir, entry, 'inside'), { recursive: true });
  expect(project.run()).toEqual({ status: 0, stdout: '["value"]\n', stderr: '' });
  expect(project.entries()).toEqual([entry]);
});

/**
 * The code cache (scripts/code-cache.js) under a project of its own: a plain-JavaScript main module
 * that requires `probe.js`, which reports what CommonJS gives a module, and the modules it names.
 * What the project prints through the hook is compared with what plain Node prints for it.
 */
const CODE_CACHE_FILES: Record<string, string> = {
  'tsconfig.json': '{ "compilerOptions": { "target": "ES2022" } }',
  'main.js': [
    "const report = require('./probe').report(module);",
    "Promise.all([require('./imports').load(), require('./imports-after-comment').load()]).then((loaded) => console.log(JSON.stringify({ ...report, dynamicImports: loaded.map((m) => m.value) })));",
    '',
  ].join('\n'),
  'probe.js': [
    "'use strict';",
    'const topThis = this;',
    'exports.report = (main) => {',
    '  const errorLines = (file) => { try { require(file); return "no error"; } catch (error) { return error.stack.split("\\n").slice(0, 2).join(" | "); } };',
    '  return {',
    '    file: __filename, dir: __dirname, thisIsExports: topThis === module.exports, exportsIsModuleExports: exports === module.exports,',
    '    strict: (function () { return this; })() === undefined, sloppy: require("./sloppy").thisIsGlobal,',
    '    resolved: require.resolve("./sloppy"), paths: require.resolve.paths("some-package").slice(0, 2), builtin: require.resolve("fs"),',
    '    badResolve: (() => { try { return require.resolve(42); } catch (error) { return `${error.code}: ${error.message}`; } })(),',
    '    main: require.main === main, cached: require.cache[__filename] === module, extensions: require.extensions === require("module")._extensions,',
    '    parent: module.parent === main,',
    '    shebang: require("./shebang").value, typescript: require.extensions[".ts"] ? require("./typed").doubled : "no .ts loader",',
    '    firstLineError: errorLines("./throws-first-line"), laterLineError: errorLines("./throws-later"),',
    '    esm: require("./esm-syntax").value,',
    '    imported: typeof require("./imports").load, importedAfterComment: typeof require("./imports-after-comment").load, children: module.children.map((child) => child.id),',
    '  };',
    '};',
    '',
  ].join('\n'),
  'sloppy.js': 'exports.thisIsGlobal = (function () { return this; })() === globalThis;\n',
  'shebang.js': '#!/usr/bin/env node\nexports.value = `shebang ${__filename.length > 0}`;\n',
  'typed.ts': 'const base: number = 21;\nexport const doubled: number = base * 2;\n',
  'throws-first-line.js': 'const value = 1; throw new Error(`first line ${value}`);\n',
  'throws-later.js': '\n\n  function fail() {\n    throw new RangeError("later line");\n  }\nfail();\n',
  'imports.js': "exports.load = () => import('./imported.mjs');\n",
  'imports-after-comment.js': "exports.load = () => import /* a comment */ ('./imported.mjs');\n",
  'imported.mjs': "export const value = 'imported';\n",
  // ES module syntax in a .js file of no declared type: not CommonJS, so Node's own loader takes it (require(esm) on Node 20.19+).
  'esm-syntax.js': "export const value = 'loaded as an ES module';\n",
};

/** Runs a project's main.js: through its hook, or with plain Node. */
function runJs(project: { dir: string; hook: string }, options: { hook?: boolean; nodeArgs?: string[] } = {}) {
  const main = path.join(project.dir, 'main.js');
  if (options.hook === false) {
    const result = spawnSync(process.execPath, [main], { cwd: project.dir, env: { ...process.env, NODE_OPTIONS: '' }, encoding: 'utf8' });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }
  return runTs(main, { NODE_DISABLE_COMPILE_CACHE: '' }, project.hook, options.nodeArgs ?? []);
}

/** The first 16 bytes of V8's cached data for an empty script, in a Node run with these arguments: the magic number, V8's version and flags. */
function v8Tag(nodeArgs: readonly string[] = []): Buffer {
  const result = spawnSync(process.execPath, [...nodeArgs, '-p', "require('vm').Script.prototype.createCachedData.call(new (require('vm').Script)('')).subarray(0, 16).toString('hex')"], {
    env: { ...process.env, NODE_OPTIONS: '' },
    encoding: 'utf8',
  });
  return Buffer.from(result.stdout.trim(), 'hex');
}

/** The name of a module's code cache entry in a run with these Node arguments: the sha256 of V8's tag and the module's path. */
function entryName(file: string, nodeArgs: readonly string[] = []): string {
  return `${crypto.createHash('sha256').update(v8Tag(nodeArgs)).update(file).digest('hex')}.bin`;
}

/**
 * The code cache entries of a project's own files, by file name (in name order). The cache also
 * holds entries of modules under node_modules (esbuild's, loaded when a .ts file is transpiled).
 */
function codeCacheEntries(project: { dir: string }, nodeArgs: readonly string[] = []): Record<string, Buffer> {
  const dir = path.join(project.dir, '.cache', 'code-cache');
  const tag = v8Tag(nodeArgs);
  const entries: Record<string, Buffer> = {};
  for (const file of fs.readdirSync(project.dir).sort()) {
    const entry = path.join(dir, `${crypto.createHash('sha256').update(tag).update(path.join(project.dir, file)).digest('hex')}.bin`);
    if (fs.existsSync(entry)) entries[file] = fs.readFileSync(entry);
  }
  return entries;
}

/** The project's files with an entry: all but main.js (Node compiles the main module), imports*.js (their source may import()) and esm-syntax.js (not CommonJS). */
const CACHED_FILES = ['probe.js', 'shebang.js', 'sloppy.js', 'throws-first-line.js', 'throws-later.js', 'typed.ts'];

const ENTRY_HEADER_BYTES = 'register-ts code cache 1\n'.length + 20 + 4;

test('a module run from the code cache gets what CommonJS gives it, as under plain Node: this, exports, require and its resolve, main, cache, extensions, strict mode, a shebang line, error file names, lines and columns', () => {
  const project = hookProject(CODE_CACHE_FILES);
  const plain = runJs(project, { hook: false });
  expect(plain.stderr).toBe('');
  const first = runJs(project);
  expect(first.stderr).toBe('');
  expect(first.status).toBe(0);
  const report = JSON.parse(first.stdout);
  // Plain Node has no .ts loader: but for the .ts module, the two print the same.
  expect({ ...report, typescript: 'no .ts loader', children: report.children.filter((child: string) => !child.endsWith('.ts')) }).toEqual(JSON.parse(plain.stdout));
  expect(report.typescript).toBe(42);
  // The values themselves, so that a difference plain Node shares would still be seen.
  expect(report).toMatchObject({
    file: path.join(project.dir, 'probe.js'),
    dir: project.dir,
    thisIsExports: true,
    exportsIsModuleExports: true,
    strict: true,
    sloppy: true,
    resolved: path.join(project.dir, 'sloppy.js'),
    paths: [path.join(project.dir, 'node_modules'), path.join(path.dirname(project.dir), 'node_modules')],
    builtin: 'fs',
    main: true,
    cached: true,
    extensions: true,
    parent: true,
    shebang: 'shebang true',
    firstLineError: `Error: first line 1 |     at Object.<anonymous> (${path.join(project.dir, 'throws-first-line.js')}:1:24)`,
    laterLineError: `RangeError: later line |     at fail (${path.join(project.dir, 'throws-later.js')}:4:11)`,
    esm: 'loaded as an ES module',
    imported: 'function',
    importedAfterComment: 'function',
    dynamicImports: ['imported', 'imported'],
  });
  // A module that throws is taken out of its parent's children, as Node does.
  expect(report.children).toEqual(['sloppy.js', 'shebang.js', 'typed.ts', 'esm-syntax.js', 'imports.js', 'imports-after-comment.js'].map((file) => path.join(project.dir, file)));
  expect(report.badResolve).toMatch(/^ERR_INVALID_ARG_TYPE: The "request" argument must be of type string\./);

  // CACHED_FILES have entries; the second run reads them, and the same code runs.
  const entries = codeCacheEntries(project);
  expect(Object.keys(entries)).toEqual(CACHED_FILES);
  const second = runJs(project);
  expect(second).toEqual(first);
  // A hit is not written again.
  expect(codeCacheEntries(project)).toEqual(entries);
});

test('an edit to a cached module, even one that keeps its length, takes effect on the next run', () => {
  const project = hookProject({ 'tsconfig.json': '{}', 'main.js': "console.log(require('./dep').word);\n", 'dep.js': "exports.word = 'first';\n" });
  expect(runJs(project)).toEqual({ status: 0, stdout: 'first\n', stderr: '' });
  const entry = path.join(project.dir, '.cache', 'code-cache', entryName(path.join(project.dir, 'dep.js')));
  const before = fs.readFileSync(entry);
  fs.writeFileSync(path.join(project.dir, 'dep.js'), "exports.word = 'again';\n");
  expect(runJs(project)).toEqual({ status: 0, stdout: 'again\n', stderr: '' });
  expect(fs.readFileSync(entry)).not.toEqual(before);
  expect(runJs(project)).toEqual({ status: 0, stdout: 'again\n', stderr: '' });
});

test('a corrupt, truncated or foreign code cache entry is ignored and written again, never run', () => {
  const project = hookProject(CODE_CACHE_FILES);
  const expected = runJs(project);
  expect(expected.status).toBe(0);
  const entry = path.join(project.dir, '.cache', 'code-cache', entryName(path.join(project.dir, 'probe.js')));
  const whole = fs.readFileSync(entry);
  expect(whole.length).toBeGreaterThan(ENTRY_HEADER_BYTES + 100);
  const corruptions: Record<string, Buffer> = {
    // A byte in the middle of V8's data: V8 does not check its checksum in release builds, the entry's CRC-32 does.
    'flipped byte': Buffer.from(whole.map((byte, i) => (i === ENTRY_HEADER_BYTES + Math.floor((whole.length - ENTRY_HEADER_BYTES) / 2) ? byte ^ 0xff : byte))),
    truncated: whole.subarray(0, whole.length - 16),
    'header only': whole.subarray(0, ENTRY_HEADER_BYTES),
    empty: Buffer.alloc(0),
    // Another file's entry: its key is not this file's.
    foreign: fs.readFileSync(path.join(project.dir, '.cache', 'code-cache', entryName(path.join(project.dir, 'sloppy.js')))),
  };
  for (const [what, bytes] of Object.entries(corruptions)) {
    fs.writeFileSync(entry, bytes);
    expect([what, runJs(project)]).toEqual([what, expected]);
    const rewritten = fs.readFileSync(entry);
    expect([what, rewritten.length > ENTRY_HEADER_BYTES, rewritten.equals(bytes)]).toEqual([what, true, false]);
    expect([what, rewritten.readUInt32BE(ENTRY_HEADER_BYTES - 4)]).toEqual([what, zlib.crc32(rewritten.subarray(ENTRY_HEADER_BYTES))]);
  }
});

test('cached data V8 rejects falls back to compiling, and the entry is made again', () => {
  const project = hookProject(CODE_CACHE_FILES);
  const expected = runJs(project);
  expect(expected.status).toBe(0);
  const entry = path.join(project.dir, '.cache', 'code-cache', entryName(path.join(project.dir, 'probe.js')));
  // V8's flag hash (bytes 12 to 15 of its data) changed, the entry's CRC-32 made to match: the entry is whole, and V8 rejects it.
  const tampered = Buffer.from(fs.readFileSync(entry));
  tampered.writeInt32LE(~tampered.readInt32LE(ENTRY_HEADER_BYTES + 12), ENTRY_HEADER_BYTES + 12);
  tampered.writeUInt32BE(zlib.crc32(tampered.subarray(ENTRY_HEADER_BYTES)), ENTRY_HEADER_BYTES - 4);
  fs.writeFileSync(entry, tampered);
  expect(runJs(project)).toEqual(expected);
  const remade = fs.readFileSync(entry);
  expect(remade.equals(tampered)).toBe(false);
  expect(remade.readUInt32BE(ENTRY_HEADER_BYTES - 4)).toBe(zlib.crc32(remade.subarray(ENTRY_HEADER_BYTES)));
  // Accepted now: read, not made again.
  expect(runJs(project)).toEqual(expected);
  expect(fs.readFileSync(entry)).toEqual(remade);
});

test('runs under other V8 flags keep entries of their own, so that alternating them reads both', () => {
  const project = hookProject(CODE_CACHE_FILES);
  const expected = runJs(project);
  expect(expected.status).toBe(0);
  const plain = codeCacheEntries(project);
  expect(Object.keys(plain)).toEqual(CACHED_FILES);
  const flags = ['--max-old-space-size=4096'];
  expect(runJs(project, { nodeArgs: flags })).toEqual(expected);
  const flagged = codeCacheEntries(project, flags);
  expect(Object.keys(flagged)).toEqual(CACHED_FILES);
  for (const file of CACHED_FILES) expect([file, flagged[file].equals(plain[file])]).toEqual([file, false]);
  expect(runJs(project)).toEqual(expected);
  expect(runJs(project, { nodeArgs: flags })).toEqual(expected);
  expect(codeCacheEntries(project)).toEqual(plain);
  expect(codeCacheEntries(project, flags)).toEqual(flagged);
});

test('NODE_DISABLE_COMPILE_CACHE=1 turns the code cache off: the same output, no entry read or made', () => {
  const project = hookProject(CODE_CACHE_FILES);
  const expected = runJs(project);
  expect(expected.status).toBe(0);
  fs.rmSync(path.join(project.dir, '.cache', 'code-cache'), { recursive: true });
  const off = runTs(path.join(project.dir, 'main.js'), { NODE_DISABLE_COMPILE_CACHE: '1' }, project.hook);
  expect(off).toEqual(expected);
  expect(codeCacheEntries(project)).toEqual({});
});

test('with source maps on, Node compiles the modules itself (it reads their source maps): no entry is read or made', () => {
  const project = hookProject(CODE_CACHE_FILES);
  const withMaps = runJs(project, { nodeArgs: ['--enable-source-maps'] });
  expect(withMaps.stderr).toBe('');
  expect(JSON.parse(withMaps.stdout)).toMatchObject({ typescript: 42, firstLineError: `Error: first line 1 |     at Object.<anonymous> (${path.join(project.dir, 'throws-first-line.js')}:1:24)` });
  expect(codeCacheEntries(project)).toEqual({});
});

test('two runs at once on an empty code cache both succeed and leave whole entries, no temporary file', async () => {
  const project = hookProject(CODE_CACHE_FILES);
  const run = () =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['-r', project.hook, path.join(project.dir, 'main.js')], { cwd: project.dir, env: { ...process.env, NODE_OPTIONS: '' } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (data) => (stdout += data));
      child.stderr.on('data', (data) => (stderr += data));
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });
  const [a, b] = await Promise.all([run(), run()]);
  expect(a.stderr).toBe('');
  expect(a.status).toBe(0);
  expect(b).toEqual(a);
  const entries = codeCacheEntries(project);
  expect(Object.keys(entries)).toEqual(CACHED_FILES);
  for (const [name, bytes] of Object.entries(entries)) expect([name, bytes.readUInt32BE(ENTRY_HEADER_BYTES - 4)]).toEqual([name, zlib.crc32(bytes.subarray(ENTRY_HEADER_BYTES))]);
  expect(runJs(project)).toEqual(a);
  expect(codeCacheEntries(project)).toEqual(entries);
});

test('a code cache entry that cannot be written leaves no temporary file, and the run still succeeds', () => {
  const project = hookProject(CODE_CACHE_FILES);
  const expected = runJs(project);
  const entry = path.join(project.dir, '.cache', 'code-cache', entryName(path.join(project.dir, 'probe.js')));
  // A non-empty directory where the entry goes: reading it fails, and so does renaming onto it.
  fs.rmSync(entry);
  fs.mkdirSync(path.join(entry, 'inside'), { recursive: true });
  const names = fs.readdirSync(path.join(project.dir, '.cache', 'code-cache')).sort();
  expect(runJs(project)).toEqual(expected);
  expect(fs.readdirSync(path.join(project.dir, '.cache', 'code-cache')).sort()).toEqual(names);
  expect(fs.readdirSync(entry)).toEqual(['inside']);
});

test("on a Node with module.enableCompileCache (>= 22.1), Node's own compile cache is turned on in .cache/code-cache instead", () => {
  const project = hookProject(CODE_CACHE_FILES);
  const fake = path.join(project.dir, 'fake-compile-cache.js');
  // Node 20 has no enableCompileCache: this preload gives it one that records its call.
  fs.writeFileSync(
    fake,
    "const Module = require('module');\nconst compile = Module.prototype._compile;\nModule.enableCompileCache = (dir) => { process.on('exit', () => console.log(JSON.stringify({ dir, sameCompile: Module.prototype._compile === compile }))); };\n",
  );
  const result = runJs(project, { nodeArgs: ['-r', fake] });
  expect(result.stderr).toBe('');
  expect(JSON.parse(result.stdout.split('\n')[1])).toEqual({ dir: path.join(project.dir, '.cache', 'code-cache'), sameCompile: true });
  expect(codeCacheEntries(project)).toEqual({});
});
