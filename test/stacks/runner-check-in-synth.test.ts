/**
 * The runner checks every campus inside app.synth(), after its prepare and before the first stack
 * is written (stacks/run-campus-app.ts): each resource is prepared once, as bare cdktf does, and a
 * refused check writes nothing, also for a plain stack synthesized before the campus.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Testing, TerraformStack, type App } from 'cdktf';
import type { Construct } from 'constructs';
import { NamespaceV1, type NamespaceV1Config } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import type { RulePack } from '../../rules/rule';
import { runCampusApp } from '../../stacks/run-campus-app';
import { Campus } from '../../stacks/campus';

/** A namespace that counts how often cdktf asks for its Terraform JSON (once per resolve of the stack). */
class CountedNamespace extends NamespaceV1 {
  public resolves = 0;
  public constructor(scope: Construct, id: string, config: NamespaceV1Config) {
    super(scope, id, config);
  }
  public override toTerraform(): any {
    this.resolves += 1;
    return super.toTerraform();
  }
}

/** A rule pack of one rule that finds nothing. */
const QUIET_PACK: RulePack = {
  name: 'test/quiet',
  description: 'one rule that finds nothing',
  rules: [{ id: 'TEST-1', statement: 'finds nothing', source: 'this test', level: 'warning', check: () => [] }],
};

function quiet() {
  const printed: string[] = [];
  return { printed, options: { stdout: () => undefined, stderr: (t: string) => void printed.push(t) } };
}

describe('each resource is resolved as often as bare cdktf resolves it, once more with rule packs', () => {
  /** How often the namespaces of a plain stack and of a campus were resolved by `synth`. */
  function resolves(withRules: boolean, synth: (app: App, build: (a: App) => void) => void): { plain: number; campus: number } {
    const app = Testing.app();
    let plain: CountedNamespace | undefined;
    let inCampus: CountedNamespace | undefined;
    synth(app, (a) => {
      const stack = new TerraformStack(a, 'plain');
      new KubernetesProvider(stack, 'kubernetes', {});
      plain = new CountedNamespace(stack, 'ns', { metadata: { name: 'plain' } });
      const campus = new Campus(a, 'site', { gridRegion: 'ERCOT', interconnectLimitMw: 100, ...(withRules ? { rules: { packs: [QUIET_PACK] } } : {}) });
      inCampus = new CountedNamespace(campus, 'ns', { metadata: { name: 'campus' } });
    });
    return { plain: plain!.resolves, campus: inCampus!.resolves };
  }

  const bare = (app: App, build: (a: App) => void) => {
    build(app);
    app.synth();
  };
  const runner = (app: App, build: (a: App) => void) => {
    expect(runCampusApp(build, { app, ...quiet().options })).toBe(0);
  };

  test('bare cdktf: twice (its prepare, then the JSON it writes)', () => {
    expect(resolves(false, bare)).toEqual({ plain: 2, campus: 2 });
  });

  test('the runner without rule packs: twice, as bare cdktf', () => {
    expect(resolves(false, runner)).toEqual({ plain: 2, campus: 2 });
  });

  test("the runner with a rule pack: the campus three times (the check's judgement, then the synth's, whose JSON is written)", () => {
    expect(resolves(true, runner)).toEqual({ plain: 2, campus: 3 });
  });
});

describe('a refused check writes nothing', () => {
  test('a plain stack synthesized before the failing campus is not written either', () => {
    const app = Testing.app();
    const { printed, options } = quiet();
    const code = runCampusApp((a) => {
      // Made first, so app.synth() synthesizes it first.
      const stack = new TerraformStack(a, 'first');
      new KubernetesProvider(stack, 'kubernetes', {});
      new NamespaceV1(stack, 'ns', { metadata: { name: 'first' } });
      const campus = new Campus(a, 'site', { gridRegion: 'ERCOT', interconnectLimitMw: 100 });
      campus.node.addValidation({ validate: () => ['refused by this test'] });
    }, { app, ...options });
    expect(code).toBe(1);
    expect(printed.join('')).toBe('hybrid-campus: synth refused: 1 check failed, nothing was written.\n  [site] refused by this test\n');
    expect(fs.existsSync(path.join(app.outdir, 'stacks', 'first'))).toBe(false);
    expect(fs.existsSync(path.join(app.outdir, 'manifest.json'))).toBe(false);
  });
});

describe("the stacks' synthesizers are their own again after the runner", () => {
  for (const refused of [false, true]) {
    test(`after a ${refused ? 'refused' : 'passing'} run, a later app.synth() goes through the stacks' own synthesizers and no check of the runner's`, () => {
      const app = Testing.app();
      let stack: TerraformStack | undefined;
      let campus: Campus | undefined;
      let failing = refused;
      const own: unknown[] = [];
      const code = runCampusApp((a) => {
        stack = new TerraformStack(a, 'plain');
        campus = new Campus(a, 'site', { gridRegion: 'ERCOT', interconnectLimitMw: 100 });
        campus.node.addValidation({ validate: () => (failing ? ['refused by this test'] : []) });
        own.push(stack.synthesizer, campus.synthesizer);
      }, { app, ...quiet().options });
      expect(code).toBe(refused ? 1 : 0);
      expect([stack!.synthesizer, campus!.synthesizer]).toEqual(own);
      expect(stack!.synthesizer).toBe(own[0]);
      expect(campus!.synthesizer).toBe(own[1]);
      failing = false;
      app.synth();
      expect(fs.existsSync(path.join(app.outdir, 'stacks', 'plain', 'cdk.tf.json'))).toBe(true);
      expect(fs.existsSync(path.join(app.outdir, 'stacks', 'site', 'power-budget.json'))).toBe(true);
    });
  }
});
