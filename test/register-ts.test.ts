/**
 * scripts/register-ts.js, the require hook cdktf.json's app and the checkout's bin run the
 * TypeScript sources through: an edit takes effect on the next run, the output is what the
 * same app writes in-process, and a bad campus still prints its one message.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { ercot300 } from '../examples/ercot-300';
import { flexibleMining } from '../examples/flexible-mining';
import { phasedConversion } from '../examples/phased-conversion';
import { retrofit } from '../examples/retrofit';
import { runCampusApp } from '../stacks/run-campus-app';

const ROOT = path.join(__dirname, '..');
const HOOK = path.join(ROOT, 'scripts', 'register-ts.js');

function runTs(file: string, env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, ['-r', HOOK, file], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
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

test('cdktf.json runs examples/main.ts through the hook, and it writes byte for byte what the same app writes in-process', () => {
  const config = JSON.parse(fs.readFileSync(path.join(ROOT, 'cdktf.json'), 'utf8'));
  expect(config.app).toBe('node -r ./scripts/register-ts.js examples/main.ts');
  const outdir = tempDir();
  const spawned = runTs(path.join(ROOT, 'examples', 'main.ts'), { CDKTF_OUTDIR: outdir });
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
  for (const file of Object.keys(expected)) expect([file, actual[file]]).toEqual([file, expected[file]]);
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

test('a TypeScript syntax error names the file and line', () => {
  const dir = tempDir();
  const main = path.join(dir, 'main.ts');
  fs.writeFileSync(main, 'const broken: number = ;\n');
  const result = runTs(main);
  expect(result.status).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr).toContain(`${main}:1:23: ERROR: Unexpected ";"`);
});
