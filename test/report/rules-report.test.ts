import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdktf';
import { runCli } from '../../cli/campus';
import { ercot300 } from '../../examples/ercot-300';
import { retrofit } from '../../examples/retrofit';
import { RuleSuppressions } from '../../rules/suppression';
import { runCampusApp } from '../../stacks/run-campus-app';
import { diffRuleFindings, type RuleFindingRow, type SiteRules } from '../../report/rules-findings';
import { runRules } from '../../rules/run-rules';
import { renderSarif } from '../../rules/sarif';
import { KUBERNETES_BASELINE } from '../../rules/kubernetes/pack';
import { deployment, secureContainer, subjects } from '../rules/fixtures';
import type { Campus } from '../../stacks/campus';

function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

/** ercot-300 and nyiso-retrofit, with or without the repository's rule-suppressions.json. */
function synth(withSuppressions: boolean): string {
  const app = Testing.app(withSuppressions ? { context: { 'hybrid-campus:rule-suppressions': path.join(__dirname, 'fixtures', 'rule-suppressions-two-sites.json') } } : {});
  const code = runCampusApp(
    (a) => {
      ercot300(a);
      retrofit(a);
    },
    { app, stdout: () => undefined, stderr: () => undefined },
  );
  expect(code).toBe(0);
  return app.outdir;
}

/** ercot-300 and nyiso-retrofit refused by the rules (`spoil` breaks ercot-300), written with writeBudgetOnFailure. */
function refusedSynth(spoil: (campus: Campus) => void): { outdir: string; stderr: string } {
  const app = Testing.app();
  let stderr = '';
  const code = runCampusApp(
    (a) => {
      spoil(ercot300(a).campus);
      retrofit(a);
    },
    { app, stdout: () => undefined, stderr: (t) => (stderr += t), writeBudgetOnFailure: true },
  );
  expect(code).toBe(1);
  return { outdir: app.outdir, stderr };
}

const PROXY_FINDING =
  "HC-K8S-9 [ercot-300/proxy-rows-1-3/deployment] Deployment 'proxy-rows-1-3' (container 'stratum-proxy') uses image \"registry.example.com/mining/stratum-proxy:1.4.2\", not pinned by digest; " +
  'use the image\'s digest, e.g. "registry/app:1.4.2@sha256:<64 hex digits>".';
const REASON = "The example's images are placeholders in registry.example.com, which has no digests to pin; pin your own images by digest when you copy this example.";

describe('rule findings in campus report and campus diff', () => {
  const open = synth(false);
  const suppressed = synth(true);

  test('report shows the findings, and suppressed ones with their reasons', () => {
    const text = cli(['report', open]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('  rules: 0 errors, 8 warnings, 0 suppressed\n');
    expect(text.stdout).toContain(`    WARNING ${PROXY_FINDING}\n`);
    const withReasons = cli(['report', suppressed]).stdout;
    expect(withReasons).toContain('  rules: 0 errors, 3 warnings, 5 suppressed\n');
    expect(withReasons).toContain(`    SUPPRESSED warning ${PROXY_FINDING} (reason: ${REASON})\n`);
    const json = JSON.parse(cli(['report', suppressed, '--format', 'json']).stdout);
    const site = json.sites.find((s: { site: string }) => s.site === 'nyiso-retrofit');
    expect(site.rules.summary).toEqual({ errors: 0, warnings: 0, suppressed: 2, suppressionProblems: 0 });
    expect(cli(['report', suppressed, '--format', 'md']).stdout).toContain('#### Rules\n\nRules: 0 errors, 3 warnings, 5 suppressed.\n');
  });

  test('diff shows findings that appear and disappear (here: open warnings become suppressed)', () => {
    const result = cli(['diff', '--base', open, '--head', suppressed]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`  RULE FINDING APPEARS: SUPPRESSED warning ${PROXY_FINDING} (reason: ${REASON})\n`);
    expect(result.stdout).toContain(`  RULE FINDING GONE: WARNING ${PROXY_FINDING}\n`);
    const json = JSON.parse(cli(['diff', '--base', open, '--head', suppressed, '--format', 'json']).stdout);
    expect(json.sites.map((s: { site: string; rules?: { appeared: unknown[]; disappeared: unknown[] } }) => [s.site, s.rules?.appeared.length, s.rules?.disappeared.length])).toEqual([
      ['ercot-300', 5, 5],
      ['nyiso-retrofit', 2, 2],
    ]);
    expect(cli(['diff', '--base', open, '--head', suppressed, '--format', 'md']).stdout).toContain('#### Rule findings\n');
    // The same output on both sides: no rule finding changes.
    expect(cli(['diff', '--base', suppressed, '--head', suppressed]).code).toBe(0);
  });

  test('a corrupt rules.json is one line naming the file and field', () => {
    const file = path.join(suppressed, 'stacks', 'nyiso-retrofit', 'rules.json');
    const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    doc.findings[0].level = 'fatal';
    const copy = fs.mkdtempSync(path.join(require('os').tmpdir(), 'rules-bad-'));
    fs.mkdirSync(path.join(copy, 'stacks', 'nyiso-retrofit'), { recursive: true });
    fs.copyFileSync(path.join(suppressed, 'stacks', 'nyiso-retrofit', 'power-budget.json'), path.join(copy, 'stacks', 'nyiso-retrofit', 'power-budget.json'));
    const bad = path.join(copy, 'stacks', 'nyiso-retrofit', 'rules.json');
    fs.writeFileSync(bad, JSON.stringify(doc));
    const result = cli(['report', copy]);
    expect(result.code).toBe(3);
    expect(result.stderr).toBe(`campus: ${bad}: invalid rules file (format "hybrid-campus/rules" version 1): findings[0].level: Invalid option: expected one of "error"|"warning"; re-run cdktf synth to rewrite it\n`);
  });

  test('diff fails when head was refused by a rule error: site status, exit code 2, summary and markdown status', () => {
    const base = synth(false);
    const head = refusedSynth((campus) => {
      // A literal password in the environment: HC-K8S-13, an error.
      const deployment = campus.node.findChild('proxy-rows-1-3').node.findChild('deployment') as unknown as { addOverride(path: string, value: unknown): void };
      deployment.addOverride('spec.template.spec.container.0.env', [{ name: 'POOL_PASSWORD', value: 'hunter2' }]);
    });
    expect(head.stderr).toContain('HC-K8S-13');
    expect(JSON.parse(fs.readFileSync(path.join(head.outdir, 'stacks', 'ercot-300', 'power-budget.json'), 'utf8')).status).toBe('pass');
    expect(JSON.parse(fs.readFileSync(path.join(head.outdir, 'stacks', 'ercot-300', 'rules.json'), 'utf8')).status).toBe('fail');
    const json = JSON.parse(cli(['diff', '--base', base, '--head', head.outdir, '--format', 'json']).stdout);
    expect(json.result).toBe('check-fails');
    expect(json.sites.map((s: { site: string; head: { status: string; failingRules: number } }) => [s.site, s.head.status, s.head.failingRules])).toEqual([
      ['ercot-300', 'fail', 1],
      ['nyiso-retrofit', 'pass', 0],
    ]);
    const text = cli(['diff', '--base', base, '--head', head.outdir]);
    expect(text.code).toBe(2);
    expect(text.stdout).toContain('Head fails 1 rule error.');
    expect(cli(['diff', '--base', base, '--head', head.outdir, '--format', 'md']).stdout).toContain('✅ pass → ❌ fail');
  });

  test('a bad or unused suppression fails rules.json, is listed in it, and fails the diff', () => {
    const base = synth(false);
    const head = refusedSynth((campus) => {
      RuleSuppressions.of(campus.node.findChild('hall-1')).add({ ruleId: 'HC-K8S-1', reason: 'Every namespace of the hall is declared by the campus itself.' });
    });
    const rules = JSON.parse(fs.readFileSync(path.join(head.outdir, 'stacks', 'ercot-300', 'rules.json'), 'utf8'));
    expect(rules.status).toBe('fail');
    expect(rules.summary.suppressionProblems).toBe(1);
    expect(rules.suppressionProblems).toEqual([
      { path: 'ercot-300/hall-1', message: 'suppression of HC-K8S-1 (code): matches no finding at this construct or below it; remove the suppression, or fix its path or target.' },
    ]);
    const report = cli(['report', head.outdir]);
    expect(report.stdout).toContain(
      '    BAD SUPPRESSION [ercot-300/hall-1] suppression of HC-K8S-1 (code): matches no finding at this construct or below it; remove the suppression, or fix its path or target.\n',
    );
    expect(report.stdout).toContain(', 1 bad suppression\n');
    const diff = cli(['diff', '--base', base, '--head', head.outdir]);
    expect(diff.code).toBe(2);
    expect(diff.stdout).toContain('Head fails 1 rule error.');
  });

  test('distinct findings keep distinct identities: a second literal credential in one container appears in the diff and in SARIF', () => {
    const judged = (env: { name: string; value: string }[]) => runRules([KUBERNETES_BASELINE], subjects([deployment(secureContainer({ env }))], []), []);
    const rulesOf = (env: { name: string; value: string }[]): SiteRules => {
      const findings = judged(env).findings.filter((f) => f.ruleId === 'HC-K8S-13');
      return { status: 'fail', summary: { errors: findings.length, warnings: 0, suppressed: 0, suppressionProblems: 0 }, findings, suppressionProblems: [] };
    };
    const one = [{ name: 'DB_PASSWORD', value: 'hunter2' }];
    const two = [...one, { name: 'API_TOKEN', value: 'abc123' }];
    const diff = diffRuleFindings(rulesOf(one), rulesOf(two));
    expect(diff.appeared.map((f) => f.target)).toEqual(["container 'app' env API_TOKEN"]);
    expect(diff.disappeared).toEqual([]);
    const sarif = JSON.parse(renderSarif(judged(two), { campus: 'site', toolVersion: '0.0.0' }));
    const prints = sarif.runs[0].results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['hybridCampusFinding/v1']);
    expect(new Set(prints).size).toBe(prints.length);
  });

  test('findings diff as multisets, and a level or message change under one identity shows as changed', () => {
    const f: RuleFindingRow = { ruleId: 'TXLL-1', level: 'warning', path: 'site', target: 'from 2027-01', message: 'from 2027-01: 75.000 MW.' };
    const site = (...findings: RuleFindingRow[]): SiteRules => ({ status: 'pass', summary: { errors: 0, warnings: findings.length, suppressed: 0, suppressionProblems: 0 }, findings, suppressionProblems: [] });
    expect(diffRuleFindings(site(f), site(f, f))).toEqual({ appeared: [f], disappeared: [], changed: [] });
    expect(diffRuleFindings(site(f, f), site(f))).toEqual({ appeared: [], disappeared: [f], changed: [] });
    const worse = { ...f, level: 'error' as const, message: 'from 2027-01: 90.000 MW.' };
    expect(diffRuleFindings(site(f), site(worse))).toEqual({ appeared: [], disappeared: [], changed: [{ base: f, head: worse }] });
  });

  test('diff text and markdown show a changed finding', () => {
    const base = synth(false);
    const copy = fs.mkdtempSync(path.join(require('os').tmpdir(), 'rules-changed-'));
    fs.cpSync(base, copy, { recursive: true });
    const file = path.join(copy, 'stacks', 'ercot-300', 'rules.json');
    const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    const before = doc.findings[0];
    doc.findings[0] = { ...before, message: `${before.message} (changed)` };
    fs.writeFileSync(file, JSON.stringify(doc));
    const text = cli(['diff', '--base', base, '--head', copy]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(`  RULE FINDING CHANGED: ${before.level.toUpperCase()} ${before.ruleId} [${before.path}] ${before.message} -> ${before.level.toUpperCase()} ${before.ruleId} [${before.path}] ${before.message} (changed)\n`);
    expect(cli(['diff', '--base', base, '--head', copy, '--format', 'md']).stdout).toContain('** changed: ');
  });
});
