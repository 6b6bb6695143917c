/**
 * The runner (stacks/run-campus-app.ts) synthesizes into a staging folder inside the output
 * folder and moves the files into place only when no stack was refused: a refusal that only the
 * synth's own validation finds writes nothing either, no staging folder is left behind, and the
 * files are moved over an existing output as app.synth() writes over it. Each resource is
 * resolved twice, as by app.synth() (issue 12: it was 3 times, 5 with rule packs).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Annotations, App, Aspects, TerraformAsset, TerraformStack, Testing } from 'cdktf';
import type { IConstruct } from 'constructs';
import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import type { RulePack } from '../../rules/rule';
import { runCampusApp } from '../../stacks/run-campus-app';
import { Campus } from '../../stacks/campus';
import { errorOf } from '../constructs/helpers';

const PACK: RulePack = {
  name: 'test/quiet',
  description: 'one rule that finds nothing',
  rules: [{ id: 'TEST-1', statement: 'finds nothing', source: 'this test', level: 'error', check: () => [] }],
};

/** Every file under `dir`, relative, sorted. */
function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

function run(app: App, build: (app: App) => void) {
  let stderr = '';
  const code = runCampusApp(build, { app, stdout: () => undefined, stderr: (t) => void (stderr += t) });
  return { code, stderr };
}

/** A plain stack whose aspect adds a failing validation: only the synth's own validation (after that stack's aspects) finds it. */
function lateRefusal(app: App): void {
  const stack = new TerraformStack(app, 'late');
  new KubernetesProvider(stack, 'kubernetes', {});
  new NamespaceV1(stack, 'ns', { metadata: { name: 'late' } });
  Aspects.of(stack).add({ visit: (n: IConstruct) => n === stack && stack.node.addValidation({ validate: () => ['refused by an aspect of the stack'] }) });
}

describe('runCampusApp writes through a staging folder', () => {
  test('a refusal found only by the synth of a later stack writes nothing: not the campus synthesized before it, no manifest, no staging folder', () => {
    const app = Testing.app();
    const result = run(app, (a) => {
      new NamespaceV1(new Campus(a, 'site', { gridRegion: 'ERCOT', interconnectLimitMw: 100 }), 'ns', { metadata: { name: 'x' } });
      lateRefusal(a);
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('hybrid-campus: synth refused: 1 check failed, nothing was written.\n  [late] refused by an aspect of the stack\n');
    expect(filesUnder(app.outdir)).toEqual([]);
    expect(fs.readdirSync(app.outdir)).toEqual(['stacks']);
  });

  test("a validation that fails in the check (before the prepare) but not in the synth still refuses, with the check's errors", () => {
    const app = Testing.app();
    const result = run(app, (a) => {
      const campus = new Campus(a, 'site', { gridRegion: 'ERCOT', interconnectLimitMw: 100 });
      let calls = 0;
      campus.node.addValidation({ validate: () => (++calls === 1 ? ['fails the first time only'] : []) });
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('hybrid-campus: synth refused: 1 check failed, nothing was written.\n  [site] fails the first time only\n');
    expect(filesUnder(app.outdir)).toEqual([]);
  });

  test("the App's own validation refuses the synth with one line, and nothing is written", () => {
    const app = Testing.app();
    const result = run(app, (a) => {
      new Campus(a, 'site', { gridRegion: 'ERCOT', interconnectLimitMw: 100 });
      a.node.addValidation({ validate: () => ['the app refuses'] });
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('hybrid-campus: synth refused: 1 check failed, nothing was written.\n  [(app)] the app refuses\n');
    expect(filesUnder(app.outdir)).toEqual([]);
  });

  test('an error that is not a refusal propagates, and leaves no file (not those of the campus synthesized before) and no staging folder behind', () => {
    const app = Testing.app();
    expect(
      errorOf(() =>
        run(app, (a) => {
          new Campus(a, 'first', { gridRegion: 'ERCOT', interconnectLimitMw: 100 });
          const campus = new Campus(a, 'site', { gridRegion: 'ERCOT', interconnectLimitMw: 100 });
          // cdktf's stack synthesizer throws on an error annotation, after the campus's validation.
          Annotations.of(campus).addError('an error annotation');
        }),
      ),
    ).toContain('[site] an error annotation');
    expect(fs.readdirSync(app.outdir)).toEqual(['stacks']);
    expect(filesUnder(app.outdir)).toEqual([]);
  });

  test('a stack class with a validation of its own is validated by it, as app.synth() does: its error propagates, nothing is written', () => {
    class Strict extends TerraformStack {
      public override runAllValidations(): void {
        throw new Error('the strict stack refuses');
      }
    }
    const app = Testing.app();
    expect(
      errorOf(() =>
        run(app, (a) => {
          new Campus(a, 'site', { gridRegion: 'ERCOT', interconnectLimitMw: 100 });
          new Strict(a, 'strict');
        }),
      ),
    ).toBe('Error: the strict stack refuses');
    expect(filesUnder(app.outdir)).toEqual([]);
  });

  test('on success the files are where app.synth() writes them, and no staging folder is left', () => {
    const app = Testing.app();
    expect(run(app, (a) => void new Campus(a, 'site', { gridRegion: 'ERCOT', interconnectLimitMw: 100 })).code).toBe(0);
    expect(fs.readdirSync(app.outdir).sort()).toEqual(['manifest.json', 'stacks']);
    expect(filesUnder(app.outdir)).toEqual(['manifest.json', 'stacks/site/campus-model.json', 'stacks/site/cdk.tf.json', 'stacks/site/power-budget.json']);
  });

  test('files are written over an existing output: a file the synth writes is replaced, the others in the folder are kept (a stack folder holds .terraform)', () => {
    const app = Testing.app();
    const dir = path.join(app.outdir, 'stacks', 'site');
    fs.mkdirSync(path.join(dir, '.terraform'), { recursive: true });
    fs.writeFileSync(path.join(dir, '.terraform', 'kept'), 'terraform init');
    fs.writeFileSync(path.join(dir, 'cdk.tf.json'), '{}');
    expect(run(app, (a) => void new Campus(a, 'site', { gridRegion: 'ERCOT', interconnectLimitMw: 100 })).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, '.terraform', 'kept'), 'utf8')).toBe('terraform init');
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'cdk.tf.json'), 'utf8')).terraform.backend.local.path).toBe('../../../terraform.site.tfstate');
  });

  test("an asset's folder is replaced whole, as cdktf removes an asset's previous versions", () => {
    const source = fs.mkdtempSync(path.join(os.tmpdir(), 'runner-asset-'));
    const file = path.join(source, 'init.sh');
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'runner-asset-out-'));
    const synthWith = (content: string) => {
      fs.writeFileSync(file, content);
      const app = new App({ outdir });
      expect(run(app, (a) => void new TerraformAsset(new Campus(a, 'site', { gridRegion: 'ERCOT', interconnectLimitMw: 100 }), 'script', { path: file })).code).toBe(0);
      return filesUnder(path.join(outdir, 'stacks', 'site', 'assets'));
    };
    try {
      const first = synthWith('echo one\n');
      const second = synthWith('echo two\n');
      expect(first).toHaveLength(1);
      expect(second).toHaveLength(1);
      expect(second[0]).not.toBe(first[0]);
      expect(fs.readFileSync(path.join(outdir, 'stacks', 'site', 'assets', second[0]), 'utf8')).toBe('echo two\n');
    } finally {
      fs.rmSync(source, { recursive: true, force: true });
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});

describe('runCampusApp resolves each resource as often as app.synth() does', () => {
  /** How often each resource's Terraform JSON was made during the runner (each time, for one resolve of it), campus and plain stack. */
  function resolvesWith(withRules: boolean): { campus: number; plain: number } {
    const counts = { campus: 0, plain: 0 };
    const count = (resource: NamespaceV1, key: keyof typeof counts): void => {
      const own = resource.toTerraform.bind(resource);
      resource.toTerraform = () => {
        counts[key]++;
        return own();
      };
    };
    const app = Testing.app();
    const result = run(app, (a) => {
      const plain = new TerraformStack(a, 'plain');
      new KubernetesProvider(plain, 'kubernetes', {});
      count(new NamespaceV1(plain, 'ns', { metadata: { name: 'plain' } }), 'plain');
      const campus = new Campus(a, 'site', { gridRegion: 'ERCOT', interconnectLimitMw: 100, ...(withRules ? { rules: { packs: [PACK] } } : {}) });
      count(new NamespaceV1(campus, 'ns', { metadata: { name: 'x' } }), 'campus');
    });
    expect(result.code).toBe(0);
    return counts;
  }

  test('twice without rule packs (the prepare, cdk.tf.json), as app.synth() resolves a plain stack', () => {
    expect(resolvesWith(false)).toEqual({ campus: 2, plain: 2 });
  });

  test('twice with rule packs (the JSON the rules judge is the one written)', () => {
    expect(resolvesWith(true)).toEqual({ campus: 2, plain: 2 });
  });

  test('bare app.synth() resolves a resource twice too', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'plain');
    new KubernetesProvider(stack, 'kubernetes', {});
    const ns = new NamespaceV1(stack, 'ns', { metadata: { name: 'plain' } });
    let calls = 0;
    const own = ns.toTerraform.bind(ns);
    ns.toTerraform = () => {
      calls++;
      return own();
    };
    app.synth();
    expect(calls).toBe(2);
  });
});
