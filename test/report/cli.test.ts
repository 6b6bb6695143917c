/**
 * The `campus` command. Most cases run in-process through `runCli` (what bin/campus.js calls
 * with the process's arguments and streams), with the working directory set for the call; the
 * cases under "the real bin" spawn `node bin/campus.js ...` as a user runs it, so the bin's
 * loading, exit code and streams stay tested.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { runCli } from '../../cli/campus';
import { EXIT_BAD_INPUT, EXIT_CHANGED, EXIT_CHECK_FAILS, EXIT_OK, EXIT_USAGE } from '../../cli/exit-codes';
import { USAGE } from '../../cli/usage';
import { GOLDEN_DIR } from './golden';
import { budgetFile, synthVariant, tempDir } from './synth-examples';

const ROOT = path.join(__dirname, '..', '..');

interface CampusResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `campus args` in-process, run from `cwd`. */
function campus(args: string[], cwd = ROOT): CampusResult {
  let stdout = '';
  let stderr = '';
  const previous = process.cwd();
  process.chdir(cwd);
  try {
    const status = runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    return { status, stdout, stderr };
  } finally {
    process.chdir(previous);
  }
}

/** The real bin, spawned: `node bin/campus.js args` in `cwd`. */
function spawnCampus(args: string[], cwd = ROOT): CampusResult {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'campus.js'), ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function golden(name: string): string {
  return fs.readFileSync(path.join(GOLDEN_DIR, name), 'utf8');
}

/** A copy of the examples' output with one site's power-budget.json replaced by `text`. */
function withBudgetText(text: string): string {
  const dir = tempDir();
  const file = path.join(dir, 'stacks', 'ercot-300', 'power-budget.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return dir;
}

describe('campus (the bin)', () => {
  test('package.json declares it as bin', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.bin).toEqual({ campus: 'bin/campus.js' });
    expect(fs.readFileSync(path.join(ROOT, 'bin', 'campus.js'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  test('the README documents every exit code and the copyable workflow', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    for (const [code, meaning] of [
      [EXIT_OK, 'report or dispatch printed; diff: no change'],
      [EXIT_CHANGED, 'diff: changed, and every check in head passes or warns'],
      [EXIT_CHECK_FAILS, 'diff: a check fails in head (even if nothing changed)'],
    ] as const) {
      expect(readme).toContain(`| ${code} | ${meaning} |`);
      expect(USAGE).toContain(`  ${code}  ${meaning}\n`);
    }
    expect(readme).toContain(`| ${EXIT_BAD_INPUT} | bad input:`);
    expect(readme).toContain(`| ${EXIT_USAGE} | usage error:`);
    const workflow = fs.readFileSync(path.join(ROOT, '.github', 'workflows', 'power-budget-diff.yml'), 'utf8');
    expect(readme).toContain('.github/workflows/power-budget-diff.yml');
    expect(workflow).toContain('HYBRID_CAMPUS_WRITE_BUDGET_ON_FAILURE: \'1\'');
    expect(workflow).toContain("const marker = '<!-- hybrid-campus:power-budget-diff -->';");
    expect(workflow).toContain("if: steps.diff.outputs.code != '0' && steps.diff.outputs.code != '1'");
  });

  // Three spawns, one per way the bin hands runCli's result to the shell: exit 0 with stdout, from
  // a working directory that is not the checkout; another exit status with stdout; an exit status
  // with stderr. Every other case (--help, --version, bad input and the rest) runs in-process
  // below, with the same expected status, stdout and stderr: a spawn costs about 0.3 CPU-seconds.
  describe('the real bin, spawned, prints and exits as runCli returns', () => {
    test('report reads cdktf.out in the working directory by default (a folder outside the checkout)', () => {
      const cwd = tempDir();
      fs.cpSync(synthVariant('examples'), path.join(cwd, 'cdktf.out'), { recursive: true });
      expect(spawnCampus(['report'], cwd)).toEqual({ status: 0, stdout: golden('report-examples.txt'), stderr: '' });
    });

    test('diff exits 2 when a check fails in head', () => {
      expect(spawnCampus(['diff', '--base', synthVariant('examples'), '--head', synthVariant('second-hall'), '--format', 'json'])).toEqual({
        status: EXIT_CHECK_FAILS,
        stdout: golden('diff-examples-to-second-hall.json'),
        stderr: '',
      });
    });

    test('a usage error: one line on stderr, exit 4', () => {
      expect(spawnCampus(['report', '--format', 'html'])).toEqual({ status: EXIT_USAGE, stdout: '', stderr: "campus: --format must be text, md or json (got 'html')\n" });
    });
  });

  test('--help prints the usage with the exit codes', () => {
    const result = campus(['--help']);
    expect(result).toEqual({ status: 0, stdout: USAGE, stderr: '' });
    expect(USAGE).toContain('  2  diff: a check fails in head');
  });

  test('--version prints the version in package.json', () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
    expect(campus(['--version'], tempDir())).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
  });

  test('diff --allow-empty-base: a missing or empty base (the first pull request adding a campus) is no sites, every head site added', () => {
    const head = synthVariant('examples');
    for (const base of [path.join(tempDir(), 'no-such-dir'), tempDir()]) {
      const result = campus(['diff', '--base', base, '--head', head, '--allow-empty-base']);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(EXIT_CHANGED);
      expect(result.stdout).toContain('ercot-300');
      expect(result.stdout).toContain('nyiso-retrofit');
    }
    const json = JSON.parse(campus(['diff', '--base', tempDir(), '--head', head, '--allow-empty-base', '--format', 'json']).stdout);
    expect(json.sites.map((s: { site: string; change: string }) => [s.site, s.change])).toEqual([
      ['ercot-300', 'added'],
      ['nyiso-retrofit', 'added'],
    ]);
    // Without the option an empty base stays an error.
    const dir = tempDir();
    expect(campus(['diff', '--base', dir, '--head', head]).stderr).toBe(
      `campus: ${dir}: no power-budget.json found (expected ${dir}/stacks/<site>/power-budget.json); run cdktf synth first\n`,
    );
  });

  test('report reads cdktf.out in the working directory by default', () => {
    const cwd = tempDir();
    fs.cpSync(synthVariant('examples'), path.join(cwd, 'cdktf.out'), { recursive: true });
    expect(campus(['report'], cwd)).toEqual({ status: 0, stdout: golden('report-examples.txt'), stderr: '' });
  });

  test('report --format md on one power-budget.json file', () => {
    const result = campus(['report', budgetFile('examples', 'ercot-300'), '--format', 'md']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('```mermaid\nflowchart LR\n');
    expect(result.stdout).not.toContain('nyiso-retrofit');
  });

  test('diff exits 0 on no change, 1 on a passing change, 2 when a check fails in head', () => {
    const base = synthVariant('examples');
    expect(campus(['diff', '--base', base, '--head', base])).toEqual({ status: 0, stdout: golden('diff-examples-to-examples.txt'), stderr: '' });
    expect(campus(['diff', '--base', base, '--head', synthVariant('more-mining'), '--format', 'md'])).toEqual({
      status: 1,
      stdout: golden('diff-examples-to-more-mining.md'),
      stderr: '',
    });
    expect(campus(['diff', '--base', base, '--head', synthVariant('second-hall'), '--format', 'json'])).toEqual({
      status: 2,
      stdout: golden('diff-examples-to-second-hall.json'),
      stderr: '',
    });
  });

  describe('bad input: one line on stderr, exit 3, no stack trace', () => {
    test('a missing directory', () => {
      expect(campus(['report', 'no-such-dir'], tempDir())).toEqual({ status: 3, stdout: '', stderr: 'campus: no-such-dir: no such file or directory\n' });
    });

    test('a directory without power budgets', () => {
      const dir = tempDir();
      expect(campus(['report', dir])).toEqual({
        status: 3,
        stdout: '',
        stderr: `campus: ${dir}: no power-budget.json found (expected ${dir}/stacks/<site>/power-budget.json); run cdktf synth first\n`,
      });
    });

    test('corrupt JSON', () => {
      const dir = withBudgetText('{"format": "hybrid-campus/power-budget", ');
      expect(campus(['report', dir])).toEqual({
        status: 3,
        stdout: '',
        stderr: `campus: ${dir}/stacks/ercot-300/power-budget.json: not valid JSON; re-run cdktf synth to rewrite it\n`,
      });
    });

    test('an unknown format version', () => {
      const doc = { ...JSON.parse(fs.readFileSync(budgetFile('examples', 'ercot-300'), 'utf8')), formatVersion: 4 };
      const dir = withBudgetText(JSON.stringify(doc));
      expect(campus(['diff', '--base', synthVariant('examples'), '--head', dir])).toEqual({
        status: 3,
        stdout: '',
        stderr: `campus: ${dir}/stacks/ercot-300/power-budget.json: formatVersion 4 is not supported (this campus understands 1, 2 and 3); upgrade hybrid-campus\n`,
      });
    });

    test('base and head for different sites', () => {
      expect(campus(['diff', '--base', budgetFile('examples', 'ercot-300'), '--head', budgetFile('examples', 'nyiso-retrofit')])).toEqual({
        status: 3,
        stdout: '',
        stderr: 'campus: base and head describe different sites (base: ercot-300; head: nyiso-retrofit); compare two outputs of the same campus app\n',
      });
    });
  });

  describe('usage errors: one line on stderr, exit 4', () => {
    test.each([
      [[], 'campus: missing command (report, diff or dispatch); run campus --help\n'],
      [['deploy'], "campus: unknown command 'deploy'; run campus --help\n"],
      [['report', '--colour'], "campus: unknown option --colour for 'report'; run campus --help\n"],
      [['report', '--format', 'html'], "campus: --format must be text, md or json (got 'html')\n"],
      [['diff', '--base', 'a'], 'campus: diff needs --base <dir|file> and --head <dir|file>\n'],
    ])('campus %j', (args, stderr) => {
      expect(campus(args as string[])).toEqual({ status: 4, stdout: '', stderr });
    });
  });
});
