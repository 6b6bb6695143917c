/**
 * `campus` on input that is not a power budget, or one that passes the schema but makes no
 * sense: one escaped line on stderr, exit code 3, never a hang.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { runCli } from '../../cli/campus';
import { EXIT_BAD_INPUT, EXIT_OK } from '../../cli/exit-codes';
import { evaluateTimeline } from '../../domain/evaluate';
import { renderPowerBudget } from '../../report/power-budget-file';
import { budgetConsistencyProblems } from '../../report/budget-consistency';
import { MAX_BUDGET_BYTES } from '../../report/load-budget';
import { smallSite } from './budget-fixtures';
import { tempDir } from './synth-examples';

const ROOT = path.join(__dirname, '..', '..');

/* eslint-disable @typescript-eslint/no-explicit-any */
type Doc = any;

function validDoc(): Doc {
  return JSON.parse(renderPowerBudget(evaluateTimeline(smallSite())));
}

function writeDoc(doc: Doc | string): string {
  const file = path.join(tempDir(), 'power-budget.json');
  fs.writeFileSync(file, typeof doc === 'string' ? doc : JSON.stringify(doc));
  return file;
}

function report(target: string): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = runCli(['report', target], { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

/** The real bin, stopped after 60 s so that a hang fails this test instead of stalling it. */
function bin(args: string[]): { status: number | null; stderr: string; signal: NodeJS.Signals | null } {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'campus.js'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stderr: r.stderr, signal: r.signal };
}

describe('campus refuses what is not a regular file, without reading it', () => {
  test('a FIFO with no writer', () => {
    const fifo = path.join(tempDir(), 'power-budget.json');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    expect(bin(['report', fifo])).toEqual({
      status: EXIT_BAD_INPUT,
      signal: null,
      stderr: `campus: ${fifo}: is not a regular file (a FIFO); give a power-budget.json file or a cdktf output folder\n`,
    });
  });

  test('a symlink to /dev/zero, also as a stack folder\'s budget', () => {
    const dir = tempDir();
    const link = path.join(dir, 'power-budget.json');
    fs.symlinkSync('/dev/zero', link);
    expect(bin(['report', dir])).toEqual({
      status: EXIT_BAD_INPUT,
      signal: null,
      stderr: `campus: ${link}: is not a regular file (a character device); give a power-budget.json file or a cdktf output folder\n`,
    });
  });

  test('a file larger than any power budget', () => {
    const file = path.join(tempDir(), 'power-budget.json');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, MAX_BUDGET_BYTES + 1); // sparse: costs no disk
    expect(report(file)).toEqual({
      code: EXIT_BAD_INPUT,
      stdout: '',
      stderr: `campus: ${file}: is ${MAX_BUDGET_BYTES + 1} bytes, more than the ${MAX_BUDGET_BYTES} bytes a power budget may have; is it the right file?\n`,
    });
  });
});

describe('names with line breaks or terminal escapes', () => {
  test('a site name with a line break gives one line, escaped', () => {
    const doc = validDoc();
    doc.site.name = 'site\nrm -rf';
    const file = writeDoc(doc);
    const r = report(file);
    expect(r.code).toBe(EXIT_BAD_INPUT);
    expect(r.stderr).toBe(
      `campus: ${file}: the power budget does not add up: site.name = "site\\nrm -rf" holds a control character (a line break or terminal escape sequence); power budgets written by cdktf synth never do; it was edited or is corrupt, re-run cdktf synth\n`,
    );
    expect(r.stderr.split('\n')).toHaveLength(2);
  });

  test('terminal escape sequences never reach the terminal raw', () => {
    const doc = validDoc();
    doc.buses[0].name = '\u001b]0;owned\u0007\u001b[2J';
    const r = report(writeDoc(doc));
    expect(r.code).toBe(EXIT_BAD_INPUT);
    expect(r.stderr).toContain('buses[0].name = "\\u001b]0;owned\\u0007\\u001b[2J" holds a control character');
    expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(r.stdout).toBe('');
  });

  test('a path with a line break is escaped in the one-line error', () => {
    const dir = path.join(tempDir(), 'a\nb');
    const r = report(dir);
    expect(r).toEqual({ code: EXIT_BAD_INPUT, stdout: '', stderr: `campus: ${path.dirname(dir)}/a\\nb: no such file or directory\n` });
  });
});

describe('budgets that pass the schema but make no sense', () => {
  test('the valid budget has no problem, and reports', () => {
    expect(budgetConsistencyProblems(validDoc())).toEqual([]);
    expect(report(writeDoc(validDoc())).code).toBe(EXIT_OK);
  });

  test.each<[string, (doc: Doc) => void, string]>([
    ['a negative capacity', (d) => (d.buses[0].scenarios[0].capacityKw = -5), 'buses[0].scenarios[0].capacityKw is -5, but it cannot be negative'],
    ['a total that does not add up', (d) => (d.buses[0].scenarios[0].load.totalKw += 1000), 'buses[0].scenarios[0].load.totalKw is '],
    ['a headroom that does not add up', (d) => (d.site.headroomKw += 10), 'site.headroomKw is '],
    ['"pass" beside a failing check', (d) => { d.status = 'pass'; d.checks[0].status = 'fail'; }, 'status is "pass", but checks[0] is "fail"'],
  ])('%s', (_name, change, problem) => {
    const doc = validDoc();
    change(doc);
    const file = writeDoc(doc);
    const r = report(file);
    expect(r.code).toBe(EXIT_BAD_INPUT);
    expect(r.stdout).toBe('');
    expect(r.stderr.startsWith(`campus: ${file}: the power budget does not add up: ${problem}`)).toBe(true);
    expect(r.stderr.endsWith('; it was edited or is corrupt, re-run cdktf synth\n')).toBe(true);
  });

  test('exact texts of the sums', () => {
    const doc = validDoc();
    const s = doc.buses[0].scenarios[0];
    s.load.totalKw = s.load.totalKw + 1000;
    const sum = s.load.firmItKw + s.load.interruptibleItKw + s.load.coolingKw + s.load.auxiliaryKw;
    expect(budgetConsistencyProblems(doc)).toEqual([
      `buses[0].scenarios[0].load.totalKw is ${s.load.totalKw.toFixed(3)}, but firm IT + interruptible IT + gross blocks + cooling + facility overhead + auxiliary add up to ${sum.toFixed(3)}`,
      `buses[0].scenarios[0].headroomKw is ${s.headroomKw.toFixed(3)}, but capacity ${s.capacityKw.toFixed(3)} - load ${s.load.totalKw.toFixed(3)} = ${(s.capacityKw - s.load.totalKw).toFixed(3)}`,
    ]);
  });
});
