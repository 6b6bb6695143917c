import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { Testing, type App } from 'cdktf';
import { DeploymentV1 } from '@cdktf/provider-kubernetes/lib/deployment-v1';
import { SecretV1 } from '@cdktf/provider-kubernetes/lib/secret-v1';
import { ercot300 } from '../../examples/ercot-300';
import { retrofit } from '../../examples/retrofit';
import { phasedConversion } from '../../examples/phased-conversion';
import { buildBundledExamples } from '../../examples/bundled';
import { KUBERNETES_BASELINE } from '../../rules/kubernetes/pack';
import { CampusRules } from '../../rules/campus-rules';
import { RuleSuppressions } from '../../rules/suppression';
import { parseSuppressionsFile } from '../../rules/suppressions-file';
import { renderSarif } from '../../rules/sarif';
import { runCampusApp } from '../../stacks/run-campus-app';
import type { Campus } from '../../stacks/campus';
import { errorOf } from '../constructs/helpers';

function run(build: (app: App) => void, app: App = Testing.app()) {
  let stderr = '';
  const code = runCampusApp(build, { app, stdout: () => undefined, stderr: (t) => (stderr += t) });
  return { code, stderr, outdir: app.outdir };
}

/** A Deployment added with the raw provider class, writable root filesystem and all. */
function rawDeployment(campus: Campus): DeploymentV1 {
  return new DeploymentV1(campus, 'raw-web', {
    metadata: { name: 'raw-web', namespace: 'ercot-300-mining' },
    spec: {
      selector: { matchLabels: { app: 'raw-web' } },
      template: {
        metadata: { labels: { app: 'raw-web' } },
        spec: {
          securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
          container: [
            {
              name: 'web',
              image: `registry.example.com/web:1.0@sha256:${'b'.repeat(64)}`,
              resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '100m', memory: '64Mi' } },
              securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
            },
          ],
        },
      },
    },
  });
}

const RAW_ERROR =
  "[ercot-300/raw-web] HC-K8S-4: Deployment 'raw-web' (container 'web') has a writable root filesystem; set securityContext.readOnlyRootFilesystem true and mount an emptyDir where it must write.";

let examples: { campuses: Campus[]; result: ReturnType<typeof run> } | undefined;
/**
 * The four bundled examples in one app, synthesized through the runner once per file (the first
 * test to need them builds them): the campuses and the run's result.
 */
function examplesThroughRunner() {
  if (examples === undefined) {
    let campuses: Campus[] = [];
    const result = run((a) => {
      campuses = buildBundledExamples(a);
    });
    examples = { campuses, result };
  }
  return examples;
}

describe('rule packs on a campus', () => {
  test('every bundled example passes its packs: no error; the placeholder images warn, and the ERCOT pack warns on ercot-300', () => {
    const { campuses } = examplesThroughRunner();
    expect(campuses.map((c) => c.node.id)).toEqual(['ercot-300', 'nyiso-retrofit', 'permian-phased', 'west-texas-flex']);
    for (const campus of campuses) {
      expect(campus.ruleErrors()).toEqual([]);
      expect([...new Set(campus.ruleResults().findings.map((f) => `${f.level} ${f.ruleId}`))]).toEqual(
        campus.node.id === 'west-texas-flex'
          ? []
          : // ercot-300 also runs the ERCOT pack: a Large Load, its data duty and ride-through, all warnings.
            campus.node.id === 'ercot-300'
            ? ['warning TXLL-1', 'warning TXLL-2', 'warning TXLL-3', 'warning HC-K8S-9']
            : ['warning HC-K8S-9'],
      );
    }
  });

  test('a resource added with a raw provider class in the same stack is judged too: synth is refused and nothing is written', () => {
    const result = run((app) => rawDeployment(ercot300(app).campus));
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`hybrid-campus: synth refused: 1 check failed, nothing was written.\n  ${RAW_ERROR}\n`);
    expect(fs.readdirSync(path.join(result.outdir, 'stacks'))).toEqual([]);
  });

  test('app.synth() alone (without the runner) fails the same way, before cdk.tf.json is written', () => {
    const app = Testing.app();
    const { campus } = ercot300(app);
    rawDeployment(campus);
    expect(errorOf(() => app.synth())).toContain(RAW_ERROR);
    expect(fs.existsSync(path.join(app.outdir, 'stacks', 'ercot-300', 'cdk.tf.json'))).toBe(false);
  });

  test('warnings become cdktf annotations on the construct (manifest.json), suppressed ones do not', () => {
    const result = run((app) => {
      const { campus } = retrofit(app);
      RuleSuppressions.of(campus.node.findChild('hall-1').node.findChild('finetune')).add({ ruleId: 'HC-K8S-9', reason: 'The trainer image is rebuilt nightly; pinned at release.' });
    });
    expect(result.code).toBe(0);
    const manifest = JSON.parse(fs.readFileSync(path.join(result.outdir, 'manifest.json'), 'utf8'));
    const annotations = manifest.stacks['nyiso-retrofit'].annotations.filter((a: { message: string }) => a.message.startsWith('HC-K8S-'));
    expect(annotations.map((a: { constructPath: string; level: string; message: string }) => [a.constructPath, a.level, a.message])).toEqual([
      [
        'nyiso-retrofit/hall-1/chat/deployment',
        '@cdktf/warn',
        'HC-K8S-9: Deployment \'chat\' (container \'main\') uses image "registry.example.com/ai/inference-server:2.3.1", not pinned by digest; use the image\'s digest, e.g. "registry/app:1.4.2@sha256:<64 hex digits>".',
      ],
    ]);
  });

  test('a code suppression with a reason accepts the finding; rules.json and rules.sarif record it', () => {
    const result = run((app) => {
      const raw = rawDeployment(ercot300(app).campus);
      RuleSuppressions.of(raw).add({ ruleId: 'HC-K8S-4', target: "container 'web'", reason: 'The vendor image writes its cache under /var; tracked in OPS-123.' });
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const dir = path.join(result.outdir, 'stacks', 'ercot-300');
    const rules = JSON.parse(fs.readFileSync(path.join(dir, 'rules.json'), 'utf8'));
    expect(rules.findings.find((f: { ruleId: string }) => f.ruleId === 'HC-K8S-4')).toEqual({
      ruleId: 'HC-K8S-4',
      level: 'error',
      path: 'ercot-300/raw-web',
      target: "container 'web'",
      message: "Deployment 'raw-web' (container 'web') has a writable root filesystem; set securityContext.readOnlyRootFilesystem true and mount an emptyDir where it must write.",
      suppressed: { reason: 'The vendor image writes its cache under /var; tracked in OPS-123.', origin: 'code' },
    });
    const sarif = JSON.parse(fs.readFileSync(path.join(dir, 'rules.sarif'), 'utf8'));
    const result4 = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'HC-K8S-4');
    expect(result4.suppressions).toEqual([{ kind: 'inSource', status: 'accepted', justification: 'The vendor image writes its cache under /var; tracked in OPS-123.' }]);
  });

  test('a suppression needs a reason of at least one sentence', () => {
    const { campus } = ercot300(Testing.app());
    expect(errorOf(() => RuleSuppressions.of(campus).add({ ruleId: 'HC-K8S-9', reason: '' }))).toBe(
      'CampusConfigError: [ercot-300] suppression of HC-K8S-9: reason = "": a suppression needs a reason. Say why the finding is accepted, e.g. "Placeholder image for the example; pin a digest in production."',
    );
    expect(errorOf(() => RuleSuppressions.of(campus).add({ ruleId: 'HC-K8S-9', reason: 'fine' }))).toBe(
      'CampusConfigError: [ercot-300] suppression of HC-K8S-9: reason = "fine": is 4 characters; a reason is at least one sentence of 20 characters or more. Say why the finding is accepted, e.g. "Placeholder image for the example; pin a digest in production."',
    );
    expect(errorOf(() => RuleSuppressions.of(campus).add({ ruleId: 'HC-K8S-9', reason: 'images are placeholders for now' }))).toBe(
      'CampusConfigError: [ercot-300] suppression of HC-K8S-9: reason = "images are placeholders for now": does not end with ".", "?" or ")"; write the reason as a full sentence. Say why the finding is accepted, e.g. "Placeholder image for the example; pin a digest in production."',
    );
    expect(errorOf(() => RuleSuppressions.of(campus).add({ ruleId: 'HC-K8S-9', reason: 'placeholder-images-everywhere-ok.' }))).toBe(
      'CampusConfigError: [ercot-300] suppression of HC-K8S-9: reason = "placeholder-images-everywhere-ok.": has 1 word; a reason is a sentence of at least 4 words. Say why the finding is accepted, e.g. "Placeholder image for the example; pin a digest in production."',
    );
    // A question, or a sentence ending in a parenthesis, is a sentence too.
    expect(() => RuleSuppressions.of(campus).add({ ruleId: 'HC-K8S-9', reason: 'Placeholder images, pinned at release (tracked in OPS-123)' })).not.toThrow();
    expect(() => RuleSuppressions.of(campus).add({ ruleId: 'HC-K8S-9', reason: 'Why pin a placeholder image nobody deploys?' })).not.toThrow();
    expect(errorOf(() => RuleSuppressions.of(campus).add({ ruleId: 'not an id', reason: 'A long enough reason, ending well.' }))).toBe(
      'CampusConfigError: [ercot-300] suppression: ruleId = "not an id": must be a rule id such as "HC-K8S-9".',
    );
  });

  test('a suppression that matches nothing, or names a rule of no enabled pack, fails synth', () => {
    const result = run((app) => {
      const { campus } = retrofit(app);
      RuleSuppressions.of(campus.node.findChild('hall-1')).add({ ruleId: 'HC-K8S-4', reason: 'Nothing here is writable, so this is unused.' });
      RuleSuppressions.of(campus).add({ ruleId: 'TXLL-9', reason: 'A rule of a pack the campus does not enable.' });
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'hybrid-campus: synth refused: 2 checks failed, nothing was written.\n' +
        '  [nyiso-retrofit] suppression of TXLL-9 (code): rule TXLL-9 is in no enabled pack (enabled: HC-K8S-1, HC-K8S-2, HC-K8S-3, HC-K8S-4, HC-K8S-5, HC-K8S-6, HC-K8S-7, HC-K8S-8, HC-K8S-9, HC-K8S-10, HC-K8S-11, HC-K8S-12, HC-K8S-13, HC-K8S-14); fix the rule id or remove the suppression.\n' +
        '  [nyiso-retrofit/hall-1] suppression of HC-K8S-4 (code): matches no finding at this construct or below it; remove the suppression, or fix its path or target.\n',
    );
  });

  test('a rule its pack marks not suppressible stays an error, and the suppression is reported', () => {
    const result = run((app) => {
      const { campus } = ercot300(app);
      const secret = new SecretV1(campus, 'api', { metadata: { name: 'api', namespace: 'ercot-300-mining' }, data: { token: 'abc123' } });
      RuleSuppressions.of(secret).add({ ruleId: 'HC-K8S-11', reason: 'It is only a test token, so it does not matter.' });
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'hybrid-campus: synth refused: 2 checks failed, nothing was written.\n' +
        "  [ercot-300/api] HC-K8S-11: Secret 'api' in namespace 'ercot-300-mining' has key token not read from a sensitive Terraform variable; fill each key from a TerraformVariable with sensitive: true (set by TF_VAR_<name>), never a literal.\n" +
        '  [ercot-300/api] suppression of HC-K8S-11 (code): rule HC-K8S-11 cannot be suppressed (its pack marks it not suppressible); fix the finding instead and remove the suppression.\n',
    );
  });

  test('two different rules with one id: one message, exit 1, nothing written', () => {
    const impostor = { ...KUBERNETES_BASELINE.rules[0], check: () => [] };
    const app = Testing.app();
    const result = run((a) => {
      ercot300(a);
      CampusRules.of(a).enable({ name: 'acme/copy', description: 'a pack reusing an id', rules: [impostor] });
    }, app);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "hybrid-campus: rule id HC-K8S-1 is used by two different rules (packs 'acme/copy' and 'hybrid-campus/kubernetes-baseline'); give each rule an id of its own.\n",
    );
    expect(fs.existsSync(path.join(result.outdir, 'stacks', 'ercot-300'))).toBe(false);
  });

  test('packs enabled for the whole app run on every campus; without packs no rules file is written', () => {
    const app = Testing.app();
    const result = run((a) => {
      ercot300(a);
    }, app);
    expect(result.code).toBe(0);
    expect(fs.readdirSync(path.join(result.outdir, 'stacks', 'ercot-300')).sort()).toEqual(['campus-model.json', 'cdk.tf.json', 'power-budget.json', 'rules.json', 'rules.sarif']);
    const other = Testing.app();
    CampusRules.of(other).enable(KUBERNETES_BASELINE);
    const { Campus: CampusClass } = jest.requireActual('../../stacks/campus') as typeof import('../../stacks/campus');
    const bare = new CampusClass(other, 'bare', { gridRegion: 'ERCOT', interconnectLimitMw: 10 });
    expect(bare.rulePacks).toEqual([KUBERNETES_BASELINE]);
    const none = new CampusClass(Testing.app(), 'none', { gridRegion: 'ERCOT', interconnectLimitMw: 10 });
    expect(none.rulePacks).toEqual([]);
    expect(none.ruleErrors()).toEqual([]);
  });

  test('the suppressions file (cdktf.json context) suppresses the examples\' placeholder images, with the reason on record', () => {
    const app = Testing.app({ context: { 'hybrid-campus:rule-suppressions': 'rule-suppressions.json' } });
    const result = run((a) => void buildBundledExamples(a), app);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const rules = JSON.parse(fs.readFileSync(path.join(result.outdir, 'stacks', 'nyiso-retrofit', 'rules.json'), 'utf8'));
    expect(rules.summary).toEqual({ errors: 0, warnings: 0, suppressed: 2, suppressionProblems: 0 });
    expect(rules.findings[0].suppressed).toEqual({
      reason: "The example's images are placeholders in registry.example.com, which has no digests to pin; pin your own images by digest when you copy this example.",
      origin: 'rule-suppressions.json suppressions[2]',
    });
  });

  test('each bad entry of the suppressions file gets one error naming the entry, field, value and fix', () => {
    const text = JSON.stringify(
      {
        version: 1,
        suppressions: [
        { campus: 'ercot-300', path: '.', ruleId: 'HC-K8S-9', reason: 'Placeholder images in the example registry.' },
        { campus: 'ercot-300', path: '.', ruleId: 'HC-K8S-9', reason: 'tbd' },
        { campus: 'ercot-300', path: '/abs', ruleId: 'HC-K8S-9', reason: 'Placeholder images in the example registry.' },
        { campus: 'ercot-300', path: '.', ruleId: 'HC-K8S-9', reason: 'Placeholder images in the example registry.', why: 'x' },
        { campus: 'ercot-300', path: '.', ruleId: 9, reason: 'Placeholder images in the example registry.' },
        ],
      },
      null,
      2,
    );
    const file = parseSuppressionsFile(text, 'rule-suppressions.json');
    expect(file.suppressions.map((s) => s.origin)).toEqual(['rule-suppressions.json suppressions[0]']);
    expect(file.errors).toEqual([
      'rule-suppressions.json:10 suppressions[1].reason = "tbd": is 3 characters; a reason is at least one sentence of 20 characters or more; say why the finding is accepted, as a full sentence.',
      'rule-suppressions.json:16 suppressions[2].path = "/abs": must be a construct path relative to the campus, e.g. "proxy-rows-1-3", or "." for the campus.',
      'rule-suppressions.json:22 suppressions[3]: unknown field "why"; an entry has campus, path, ruleId, target (optional) and reason.',
      'rule-suppressions.json:29 suppressions[4].ruleId = 9: must be a rule id such as "HC-K8S-9".',
    ]);
    expect(parseSuppressionsFile('{ "version": 2, "suppressions": [] }', 'rule-suppressions.json').errors).toEqual(['rule-suppressions.json: version = 2: must be 1.']);
    expect(parseSuppressionsFile('{', 'rule-suppressions.json').errors[0]).toMatch(/^rule-suppressions\.json: not valid JSON \(.+\); fix the syntax\.$/);
  });

  test('a file entry for a campus the app does not have is an error', () => {
    const dir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'supp-'));
    const file = path.join(dir, 'rule-suppressions.json');
    fs.writeFileSync(file, JSON.stringify({ version: 1, suppressions: [{ campus: 'ercot-30', path: '.', ruleId: 'HC-K8S-9', reason: 'A typo in the campus id, to be caught.' }] }));
    const result = run((a) => void ercot300(a), Testing.app({ context: { 'hybrid-campus:rule-suppressions': file } }));
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'hybrid-campus: synth refused: 1 check failed, nothing was written.\n' +
        `  [ercot-300] ${file} suppressions[0].campus = "ercot-30": no campus of the app has this id (campuses: ercot-300); fix the id or remove the entry.\n`,
    );
  });

  test('synth for a month judges only what is deployed then; a user aspect visits each construct once through the runner', () => {
    const { Aspects } = jest.requireActual('cdktf') as typeof import('cdktf');
    const app = Testing.app({ context: { 'hybrid-campus:date': '2026-11' } });
    const visits = new Map<string, number>();
    const result = run((a) => {
      const { campus } = phasedConversion(a) as { campus: Campus };
      Aspects.of(campus).add({ visit: (node) => void visits.set(node.node.path, (visits.get(node.node.path) ?? 0) + 1) });
    }, app);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(visits.get('permian-phased')).toBe(1);
    expect([...visits.values()].filter((n) => n !== 1)).toEqual([]);
    const rules = JSON.parse(fs.readFileSync(path.join(result.outdir, 'stacks', 'permian-phased', 'rules.json'), 'utf8'));
    // In 2026-11 only hall-1 is online (hall-2 from 2027-07, hall-3 from 2028-04).
    expect(rules.findings.map((f: { path: string }) => f.path).filter((p: string) => p.includes('/hall-'))).toEqual(['permian-phased/phase-1/hall-1/inference/deployment']);
    const tf = JSON.parse(fs.readFileSync(path.join(result.outdir, 'stacks', 'permian-phased', 'cdk.tf.json'), 'utf8'));
    expect(Object.keys(tf.resource.kubernetes_deployment_v1).filter((k) => k.includes('hall-2') || k.includes('hall-3'))).toEqual([]);
  });

  test('through the runner, every example keeps its Terraform backend in cdk.tf.json', () => {
    const { campuses, result } = examplesThroughRunner();
    const ids = campuses.map((c) => c.node.id);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    for (const id of ids) {
      const tf = JSON.parse(fs.readFileSync(path.join(result.outdir, 'stacks', id, 'cdk.tf.json'), 'utf8'));
      expect({ id, backend: tf.terraform.backend }).toEqual({ id, backend: { local: { path: `../../../terraform.${id}.tfstate` } } });
    }
  });

  test('a resource added after a rules call is written to cdk.tf.json and judged', () => {
    const app = Testing.app();
    const result = run((a) => {
      const { campus } = ercot300(a) as { campus: Campus };
      expect(campus.ruleErrors()).toEqual([]);
      rawDeployment(campus);
    }, app);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(RAW_ERROR);
    expect(fs.existsSync(path.join(result.outdir, 'stacks', 'ercot-300', 'cdk.tf.json'))).toBe(false);

    // Suppressed, it synthesizes: the added Deployment is in cdk.tf.json and its suppressed finding in rules.json.
    const app2 = Testing.app();
    const ok = run((a) => {
      const { campus } = ercot300(a) as { campus: Campus };
      expect(campus.ruleResults().findings.some((f) => f.path === 'ercot-300/raw-web')).toBe(false);
      const raw = rawDeployment(campus);
      RuleSuppressions.of(raw).add({ ruleId: 'HC-K8S-4', reason: 'The web front end writes its cache to the root filesystem until the image is rebuilt.' });
    }, app2);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    const tf = JSON.parse(fs.readFileSync(path.join(ok.outdir, 'stacks', 'ercot-300', 'cdk.tf.json'), 'utf8'));
    expect(Object.keys(tf.resource.kubernetes_deployment_v1)).toContain('raw-web');
    const rules = JSON.parse(fs.readFileSync(path.join(ok.outdir, 'stacks', 'ercot-300', 'rules.json'), 'utf8'));
    expect(rules.findings.filter((f: { path: string; suppressed?: unknown }) => f.path === 'ercot-300/raw-web' && f.suppressed).map((f: { ruleId: string }) => f.ruleId)).toEqual(['HC-K8S-4']);
  });

  test('Testing.synth(campus, true) judges the campus and leaves nothing behind: a resource added afterwards is in its JSON and judged', () => {
    const app = Testing.app();
    const { campus } = ercot300(app) as { campus: Campus };
    expect(() => Testing.synth(campus, true)).not.toThrow();
    rawDeployment(campus);
    // Was the judged JSON of the first call, without the Deployment, until the next synth of the app.
    expect(Object.keys(campus.toTerraform().resource.kubernetes_deployment_v1)).toContain('raw-web');
    expect(Object.keys(JSON.parse(Testing.synth(campus)).resource.kubernetes_deployment_v1)).toContain('raw-web');
    expect(errorOf(() => Testing.synth(campus, true))).toContain(RAW_ERROR);
  });

  test('a code suppression outside every campus is an error, not silently ignored; a campus under a grouping construct is judged', () => {
    const { Construct } = jest.requireActual('constructs') as typeof import('constructs');
    const result = run((a) => {
      retrofit(a);
      RuleSuppressions.of(a).add({ ruleId: 'HC-K8S-9', reason: 'Every image of this app is a placeholder for now.' });
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'hybrid-campus: synth refused: 1 check failed, nothing was written.\n' +
        '  [(app)] suppression of HC-K8S-9 (code): is outside every campus, where no rule runs; add it to the campus or a construct inside it.\n',
    );
    const grouped = run((a) => {
      const { campus } = ercot300(new Construct(a, 'region-west') as unknown as App) as { campus: Campus };
      rawDeployment(campus);
    });
    expect(grouped.code).toBe(1);
    expect(grouped.stderr).toContain("[region-west/ercot-300/raw-web] HC-K8S-4: Deployment 'raw-web'");
  });

  test('bad rules props are one clear error', () => {
    const { Campus: CampusClass } = jest.requireActual('../../stacks/campus') as typeof import('../../stacks/campus');
    expect(errorOf(() => new CampusClass(Testing.app(), 'site', { gridRegion: 'ERCOT', interconnectLimitMw: 10, rules: { packs: ['kubernetes' as never] } }))).toBe(
      'CampusConfigError: [site] invalid property: rules.packs[0] = "kubernetes": must be a rule pack { name, description, rules }, e.g. KUBERNETES_BASELINE',
    );
  });

  test('rules.sarif validates against the SARIF 2.1.0 schema and is byte-identical from run to run', () => {
    // The SARIF 2.1.0 schema as @microsoft/jest-sarif ships it, a draft-04 schema. It uses no keyword whose meaning
    // changed after draft-04 (no exclusiveMinimum/Maximum), so ajv 8 reads it once its draft-04 `$schema` and `id` are
    // given as draft-07's (`$id`). Its `language` pattern is not valid with the u flag, hence unicodeRegExp: false.
    const { $schema: _draft04, id, ...rest } = JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const schema = { $id: id, ...rest };
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    const texts = [0, 1].map(() => {
      const app = Testing.app({ context: { 'hybrid-campus:rule-suppressions': 'rule-suppressions.json' } });
      // ercot-300 is the first example.
      const [campus] = buildBundledExamples(app);
      rawDeployment(campus);
      return renderSarif(campus.ruleResults(), { campus: 'ercot-300', toolVersion: '0.1.0' });
    });
    expect(texts[1]).toBe(texts[0]);
    const log = JSON.parse(texts[0]);
    expect(validate(log)).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
    const results = log.runs[0].results;
    expect(results.filter((r: { suppressions?: unknown }) => r.suppressions).length).toBe(6);
    expect(results.find((r: { ruleId: string }) => r.ruleId === 'HC-K8S-4').level).toBe('error');
    // Every result has the physical location code scanning requires, and the construct path.
    for (const r of results) expect(r.locations[0].physicalLocation.artifactLocation.uri).toBe('cdktf.out/stacks/ercot-300/cdk.tf.json');
    // The schema does catch a broken log.
    expect(validate({ ...log, runs: [{ ...log.runs[0], results: [{ ...results[0], level: 'fatal' }] }] })).toBe(false);
  });
});
