/**
 * The runner (stacks/run-campus-app.ts) checks every campus before anything is written, then
 * synthesizes, which validates and judges again: what it writes, or refuses, is what bare cdktf's
 * app.synth() writes or refuses, aspects included (issue 12 review: a synth that reused the check
 * missed an aspect's validation on the backend that preparing the stack adds, and lost an
 * aspect's edit of it). A rule's warning is annotated once.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, Aspects, Testing, TerraformBackend, TerraformStack, type IAspect } from 'cdktf';
import { Construct, type IConstruct } from 'constructs';
import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import type { RulePack } from '../../rules/rule';
import { collectValidationErrors, runCampusApp } from '../../stacks/run-campus-app';
import { Campus } from '../../stacks/campus';
import { errorOf } from '../constructs/helpers';

/** A rule pack of one warning rule. */
const WARNING_PACK: RulePack = {
  name: 'test/warning',
  description: 'one warning rule',
  rules: [{ id: 'TEST-1', statement: 'warns on every run', source: 'this test', level: 'warning', check: () => [{ path: 'site', message: 'warned on this run' }] }],
};

function build(app: App): void {
  const campus = new Campus(app, 'site', { gridRegion: 'ERCOT', interconnectLimitMw: 100, rules: { packs: [WARNING_PACK] } });
  new NamespaceV1(campus, 'ns', { metadata: { name: 'warned' } });
}

describe('runCampusApp writes and refuses what app.synth() does', () => {
  test("a rule's warning is written to rules.json and annotated once", () => {
    const app = Testing.app();
    expect(runCampusApp(build, { app, stdout: () => undefined, stderr: () => undefined })).toBe(0);
    const dir = path.join(app.outdir, 'stacks', 'site');
    expect(fs.readFileSync(path.join(dir, 'rules.json'), 'utf8')).toContain('warned on this run');
    const manifest = JSON.parse(fs.readFileSync(path.join(app.outdir, 'manifest.json'), 'utf8'));
    expect(manifest.stacks.site.annotations.map((a: { message: string }) => a.message)).toEqual(['TEST-1: warned on this run']);
    // A second synth of the same app judges again and finds the same warning: still one annotation.
    app.synth();
    const again = JSON.parse(fs.readFileSync(path.join(app.outdir, 'manifest.json'), 'utf8'));
    expect(again.stacks.site.annotations.map((a: { message: string }) => a.message)).toEqual(['TEST-1: warned on this run']);
  });

  test("rule warnings: each finding annotated once, two alike at one construct both, on a construct that replaced another at its path afresh; findings that fall back to the campus stay apart", () => {
    // Two alike at site/x, and two with the same message at paths that are no construct (annotated on the campus).
    const pack: RulePack = {
      name: 'test/paths',
      description: 'warnings at a construct and at paths that are none',
      rules: [{
        id: 'TEST-2', statement: 'warns at three paths', source: 'this test', level: 'warning',
        // site/x twice with one message: a rule reporting two resources under one construct alike.
        check: () => [{ path: 'site/x', message: 'on x' }, { path: 'site/x', message: 'on x' }, { path: 'site/gone-1', message: 'same' }, { path: 'site/gone-2', message: 'same' }],
      }],
    };
    const app = Testing.app();
    const campus = new Campus(app, 'site', { gridRegion: 'ERCOT', interconnectLimitMw: 100, rules: { packs: [pack] } });
    new Construct(campus, 'x');
    const annotations = () =>
      JSON.parse(fs.readFileSync(path.join(app.outdir, 'manifest.json'), 'utf8'))
        .stacks.site.annotations.map((a: { constructPath: string; message: string }) => `${a.constructPath} | ${a.message}`)
        .sort();
    app.synth();
    expect(annotations()).toEqual(['site | TEST-2: same', 'site | TEST-2: same', 'site/x | TEST-2: on x', 'site/x | TEST-2: on x']);
    // A second synth of the same app: the same four, none twice over.
    app.synth();
    expect(annotations()).toEqual(['site | TEST-2: same', 'site | TEST-2: same', 'site/x | TEST-2: on x', 'site/x | TEST-2: on x']);
    campus.node.tryRemoveChild('x');
    new Construct(campus, 'x');
    app.synth();
    // As bare cdktf shows it: the new construct's own two warnings, the campus's two kept once each.
    expect(annotations()).toEqual(['site | TEST-2: same', 'site | TEST-2: same', 'site/x | TEST-2: on x', 'site/x | TEST-2: on x']);
  });

  test("with skipValidation, a rule's warning is in rules.json and annotated in no synth's manifest", () => {
    const app = new App({ skipValidation: true, outdir: Testing.app().outdir });
    expect(runCampusApp(build, { app, stdout: () => undefined, stderr: () => undefined })).toBe(0);
    const dir = path.join(app.outdir, 'stacks', 'site');
    expect(fs.readFileSync(path.join(dir, 'rules.json'), 'utf8')).toContain('warned on this run');
    const annotations = () => JSON.parse(fs.readFileSync(path.join(app.outdir, 'manifest.json'), 'utf8')).stacks.site.annotations.map((a: { message: string }) => a.message);
    expect(annotations()).toEqual([]);
    // Annotated after cdktf took the stack's annotations, the warning reached the next synth's manifest.
    app.synth();
    expect(annotations()).toEqual([]);
  });

  test('a later app.synth() validates again', () => {
    const app = Testing.app();
    expect(runCampusApp(build, { app, stdout: () => undefined, stderr: () => undefined })).toBe(0);
    new Construct(app.node.findChild('site'), 'late').node.addValidation({ validate: () => ['added after the runner synthesized'] });
    expect(errorOf(() => app.synth())).toContain('[site/late] added after the runner synthesized');
  });

  // Review of issue 12: the check must judge the tree the synth writes, in cdktf's order
  // (prepared, then the aspects), and is not reused when the tree changed after it.
  /** A policy aspect on what preparing the stack adds: the backend gets a path and a validation. */
  class BackendPolicy implements IAspect {
    constructor(private readonly refuse: boolean) {}
    visit(node: IConstruct) {
      if (!(node instanceof TerraformBackend)) return;
      node.addOverride('path', 'policy.tfstate');
      if (this.refuse) node.node.addValidation({ validate: () => ['local backends are forbidden by policy'] });
    }
  }

  function withPolicy(refuse: boolean, withRules: boolean) {
    const app = Testing.app();
    const errors: string[] = [];
    const code = runCampusApp(
      (a) => {
        const campus = new Campus(a, 'site', { gridRegion: 'ERCOT', interconnectLimitMw: 100, ...(withRules ? { rules: { packs: [WARNING_PACK] } } : {}) });
        new NamespaceV1(campus, 'ns', { metadata: { name: 'x' } });
        Aspects.of(campus).add(new BackendPolicy(refuse));
      },
      { app, stdout: () => undefined, stderr: (t) => void errors.push(t) },
    );
    const file = path.join(app.outdir, 'stacks', 'site', 'cdk.tf.json');
    return { code, errors: errors.join(''), written: fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined };
  }

  for (const withRules of [true, false]) {
    test(`an aspect's validation on the backend that preparing the stack adds refuses the synth (rule packs: ${withRules})`, () => {
      const run = withPolicy(true, withRules);
      expect(run.code).toBe(1);
      expect(run.errors).toContain('[site/backend] local backends are forbidden by policy');
      expect(run.written).toBeUndefined();
    });

    test(`an aspect's edit of the backend is written (rule packs: ${withRules})`, () => {
      const run = withPolicy(false, withRules);
      expect(run.code).toBe(0);
      expect(run.written.terraform.backend.local.path).toBe('policy.tfstate');
    });
  }

  // An aspect that a campus aspect adds while visiting a construct is not applied to it or below
  // it, as in cdktf's one pass: the check's pass and the synth's must not apply it between them.
  /**
   * The campus's written cdk.tf.json after the runner, for a campus with a namespace `ns` in a
   * construct `group` and the aspect `addAspects` makes (which adds another aspect, labelling ns).
   */
  function writtenWith(withRules: boolean, addAspects: (campus: Campus, group: Construct, label: IAspect, ns: NamespaceV1) => void): string {
    const app = Testing.app();
    const code = runCampusApp(
      (a) => {
        const campus = new Campus(a, 'site', { gridRegion: 'ERCOT', interconnectLimitMw: 100, ...(withRules ? { rules: { packs: [WARNING_PACK] } } : {}) });
        const group = new Construct(campus, 'group');
        const ns = new NamespaceV1(group, 'ns', { metadata: { name: 'x' } });
        addAspects(campus, group, { visit: (m) => m === ns && ns.addOverride('metadata.labels', { nested: 'applied' }) }, ns);
      },
      { app, stdout: () => undefined, stderr: () => undefined },
    );
    expect(code).toBe(0);
    return fs.readFileSync(path.join(app.outdir, 'stacks', 'site', 'cdk.tf.json'), 'utf8');
  }

  for (const withRules of [true, false]) {
    test(`an aspect added by an aspect is not applied there or below (rule packs: ${withRules})`, () => {
      const written = writtenWith(withRules, (campus, group, label) => {
        Aspects.of(campus).add({ visit: (n) => n === group && Aspects.of(group).add(label) });
      });
      expect(written).not.toContain('nested');
    });

    test(`an aspect added to an ancestor while an aspect visits a descendant is not applied either, as in bare cdktf (rule packs: ${withRules})`, () => {
      const written = writtenWith(withRules, (campus, _group, label, ns) => {
        let added = false;
        Aspects.of(campus).add({
          visit: (n) => {
            if (n !== ns || added) return;
            added = true;
            Aspects.of(campus).add(label);
          },
        });
      });
      expect(written).not.toContain('nested');
    });
  }
});

// The runner checks inside app.synth(), after its prepare (stacks/run-campus-app.ts). What a
// campus's aspect adds or edits is prepared again before it is judged and written (a cross-stack
// reference becomes remote state), which bare cdktf, whose aspects run after its one prepare, does
// not do. What a validation adds or edits is written as bare cdktf's app.synth() writes it, every
// file but manifest.json byte for byte (cdktf's validations, too, run after its prepare). A user's
// later app.synth() prepares an edit made after the runner.
describe('runCampusApp prepares what aspects change, and writes what validations change as bare app.synth() does', () => {
  /** A plain stack with a namespace whose name another stack can reference (a cross-stack reference). */
  function sourceStack(app: App): NamespaceV1 {
    const stack = new TerraformStack(app, 'source');
    new KubernetesProvider(stack, 'kubernetes', {});
    return new NamespaceV1(stack, 'src', { metadata: { name: 'source-ns' } });
  }

  /** The campus's written cdk.tf.json. */
  function written(app: App): any {
    return JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks', 'site', 'cdk.tf.json'), 'utf8'));
  }

  /** Every file under `dir` but manifest.json, by path relative to it, with its text. */
  function filesOf(dir: string): Record<string, string> {
    const files: Record<string, string> = {};
    const walk = (at: string) => {
      for (const entry of fs.readdirSync(at, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
        const full = path.join(at, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name !== 'manifest.json') files[path.relative(dir, full)] = fs.readFileSync(full, 'utf8');
      }
    };
    walk(dir);
    return files;
  }

  /** An app of a source stack and a campus 'site' (with a rule pack when `withRules`), to which `build` adds. */
  function buildWith(withRules: boolean, build: (campus: Campus, src: NamespaceV1) => void): (app: App) => void {
    return (a) => {
      const src = sourceStack(a);
      build(new Campus(a, 'site', { gridRegion: 'ERCOT', interconnectLimitMw: 100, ...(withRules ? { rules: { packs: [WARNING_PACK] } } : {}) }), src);
    };
  }

  /** Runs the runner on the app; expects success and returns the app. */
  function run(withRules: boolean, build: (campus: Campus, src: NamespaceV1) => void): App {
    const app = Testing.app();
    expect(runCampusApp(buildWith(withRules, build), { app, stdout: () => undefined, stderr: () => undefined })).toBe(0);
    return app;
  }

  /**
   * The campus's namespaces written by the runner, after checking that every file it wrote but
   * manifest.json is byte for byte what bare app.synth() writes for the same app built afresh.
   */
  function sameAsBare(withRules: boolean, build: (campus: Campus, src: NamespaceV1) => void): any {
    const app = run(withRules, build);
    const bare = Testing.app();
    buildWith(withRules, build)(bare);
    bare.synth();
    const files = filesOf(app.outdir);
    expect(Object.keys(files)).toContain(path.join('stacks', 'source', 'cdk.tf.json'));
    expect(Object.keys(files)).toContain(path.join('stacks', 'site', 'power-budget.json'));
    expect(files).toEqual(filesOf(bare.outdir));
    return written(app).resource.kubernetes_namespace_v1;
  }

  const CROSS_STACK = '${data.terraform_remote_state.cross-stack-reference-input-source.outputs';

  for (const withRules of [true, false]) {
    test(`a resource an aspect adds is prepared before it is judged and written (rule packs: ${withRules})`, () => {
      const app = run(withRules, (campus, src) => {
        Aspects.of(campus).add({ visit: (n) => n === campus && new NamespaceV1(campus, 'added', { metadata: { name: src.metadata.name } }) });
      });
      expect(written(app).resource.kubernetes_namespace_v1.added.metadata.name).toContain(CROSS_STACK);
    });

    test(`an aspect's in-place edit of a resource is prepared before it is judged and written (rule packs: ${withRules})`, () => {
      const app = run(withRules, (campus, src) => {
        const ns = new NamespaceV1(campus, 'ns', { metadata: { name: 'plain' } });
        Aspects.of(campus).add({ visit: (n) => n === ns && ns.addOverride('metadata.name', src.metadata.name) });
      });
      expect(written(app).resource.kubernetes_namespace_v1.ns.metadata.name).toContain(CROSS_STACK);
    });

    test(`a validation's in-place edit of a resource, made once, is written as bare app.synth() writes it (rule packs: ${withRules})`, () => {
      const namespaces = sameAsBare(withRules, (campus, src) => {
        const ns = new NamespaceV1(campus, 'ns', { metadata: { name: 'plain' } });
        let edited = false;
        new Construct(campus, 'editor').node.addValidation({
          validate: () => {
            if (!edited) ns.addOverride('metadata.name', src.metadata.name);
            edited = true;
            return [];
          },
        });
      });
      expect(namespaces.ns.metadata.name).not.toBe('plain');
    });
  }

  test('a resource a validation adds is written as bare app.synth() writes it', () => {
    const namespaces = sameAsBare(false, (campus, src) => {
      new Construct(campus, 'adder').node.addValidation({
        validate: () => {
          if (!campus.node.tryFindChild('added')) new NamespaceV1(campus, 'added', { metadata: { name: src.metadata.name } });
          return [];
        },
      });
    });
    expect(namespaces.added).toBeDefined();
  });

  test('a validation that removes one construct and adds another (the same count) is written as bare app.synth() writes it', () => {
    const namespaces = sameAsBare(false, (campus, src) => {
      new NamespaceV1(campus, 'old', { metadata: { name: 'old' } });
      new Construct(campus, 'swapper').node.addValidation({
        validate: () => {
          if (campus.node.tryRemoveChild('old')) new NamespaceV1(campus, 'added', { metadata: { name: src.metadata.name } });
          return [];
        },
      });
    });
    expect(namespaces.old).toBeUndefined();
    expect(namespaces.added).toBeDefined();
  });

  for (const withRules of [true, false]) {
    test(`a cross-stack reference made when the app is built: remote state, every file as bare app.synth() writes it (rule packs: ${withRules})`, () => {
      const namespaces = sameAsBare(withRules, (campus, src) => {
        new NamespaceV1(campus, 'ns', { metadata: { name: src.metadata.name } });
      });
      expect(namespaces.ns.metadata.name).toContain(CROSS_STACK);
    });
  }

  test("after the runner, a user's app.synth() prepares an in-place edit again", () => {
    const app = Testing.app();
    let ns: NamespaceV1 | undefined;
    let src: NamespaceV1 | undefined;
    const code = runCampusApp(
      (a) => {
        src = sourceStack(a);
        ns = new NamespaceV1(new Campus(a, 'site', { gridRegion: 'ERCOT', interconnectLimitMw: 100 }), 'ns', { metadata: { name: 'plain' } });
      },
      { app, stdout: () => undefined, stderr: () => undefined },
    );
    expect(code).toBe(0);
    expect(written(app).resource.kubernetes_namespace_v1.ns.metadata.name).toBe('plain');
    ns!.addOverride('metadata.name', src!.metadata.name);
    app.synth();
    expect(written(app).resource.kubernetes_namespace_v1.ns.metadata.name).toContain(CROSS_STACK);
  });

  test('after collectValidationErrors, app.synth() prepares an in-place edit again', () => {
    const app = Testing.app();
    const src = sourceStack(app);
    const ns = new NamespaceV1(new Campus(app, 'site', { gridRegion: 'ERCOT', interconnectLimitMw: 100 }), 'ns', { metadata: { name: 'plain' } });
    expect(collectValidationErrors(app)).toEqual([]);
    ns.addOverride('metadata.name', src.metadata.name);
    app.synth();
    expect(written(app).resource.kubernetes_namespace_v1.ns.metadata.name).toContain(CROSS_STACK);
  });
});
