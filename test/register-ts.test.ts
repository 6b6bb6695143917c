/**
 * scripts/register-ts.js, the require hook cdktf.json's app and the checkout's bin run the
 * TypeScript sources through: an edit takes effect on the next run, the output is what the
 * same app writes in-process, and a bad campus still prints its one message.
 *
 * The examples app run as cdktf.json runs it, compared file by file with the same app
 * synthesized in-process, is in deferred-modules.test.ts: that run also shows what the deferral
 * loads, so the app is spawned once for both.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

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

/** A project of its own: a copy of the hook and the module it requires (its cache beside it), node_modules linked to this checkout's, and these files. */
function hookProject(files: Record<string, string>) {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'scripts'));
  for (const script of ['register-ts.js', 'deferred-modules.js']) fs.copyFileSync(path.join(ROOT, 'scripts', script), path.join(dir, 'scripts', script));
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

test("on a Node with module.enableCompileCache (>= 22.1), the hook turns on Node's own compile cache in .cache/compile-cache", () => {
  const project = hookProject({ 'tsconfig.json': '{ "compilerOptions": { "target": "ES2022" } }', 'main.ts': CLASS_FIELD_MAIN });
  // Node 20 has no enableCompileCache: this preload (run before the hook) gives it one that records its call.
  const fake = path.join(project.dir, 'fake-compile-cache.js');
  fs.writeFileSync(fake, "require('module').enableCompileCache = (dir) => process.on('exit', () => console.log(JSON.stringify({ dir })));\n");
  const result = runTs(path.join(project.dir, 'main.ts'), { NODE_OPTIONS: `--require ${JSON.stringify(fake)}` }, project.hook);
  expect(result).toEqual({ status: 0, stdout: `["value"]\n${JSON.stringify({ dir: path.join(project.dir, '.cache', 'compile-cache') })}\n`, stderr: '' });
});
