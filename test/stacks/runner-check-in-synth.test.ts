/**
 * The runner checks every campus inside app.synth(), after its prepare and before the first stack
 * is written (stacks/run-campus-app.ts): each resource is prepared once, as bare cdktf does, and a
 * refused check writes nothing, also for a plain stack synthesized before the campus.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, Aspects, Lazy, Testing, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { NamespaceV1, type NamespaceV1Config } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import type { RulePack } from '../../rules/rule';
import { runCampusApp } from '../../stacks/run-campus-app';
import { Campus, DATE_CONTEXT_KEY } from '../../stacks/campus';
import { CampusConfigError } from '../../domain/config-error';

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

  test('the runner with an aspect on a campus: every stack prepared again after the aspects, so three times', () => {
    const withAspect = (app: App, build: (a: App) => void) =>
      runner(app, (a) => {
        build(a);
        const campus = a.node.findChild('site');
        Aspects.of(campus).add({ visit: () => undefined });
      });
    expect(resolves(false, withAspect)).toEqual({ plain: 3, campus: 3 });
  });
});

describe('the check runs once per synth', () => {
  test("each construct's validation runs twice: once in the check, once in cdktf's own validation of its stack", () => {
    const app = Testing.app();
    const calls = { plain: 0, campus: 0 };
    const code = runCampusApp((a) => {
      new TerraformStack(a, 'plain').node.addValidation({ validate: () => (calls.plain++, []) });
      new Campus(a, 'site', { gridRegion: 'ERCOT', interconnectLimitMw: 100 }).node.addValidation({ validate: () => (calls.campus++, []) });
    }, { app, ...quiet().options });
    expect(code).toBe(0);
    expect(calls).toEqual({ plain: 2, campus: 2 });
  });
});

describe('an App whose synth() is its own', () => {
  const REFUSED = 'hybrid-campus: synth refused: 1 check failed, nothing was written.\n  [site] refused by this test\n';

  test('a refusal its synth() catches is still a refusal: exit 1 and the message', () => {
    const app = new Swallowing({ outdir: Testing.app().outdir });
    const { printed, options } = quiet();
    expect(runCampusApp(failingCampusIn, { app, ...options })).toBe(1);
    expect(printed.join('')).toBe(REFUSED);
    expect(fs.existsSync(path.join(app.outdir, 'stacks', 'site', 'cdk.tf.json'))).toBe(false);
  });

  test('a synth() that logs what it caught sees one line saying how many checks failed and where the details are', () => {
    const logged: string[] = [];
    class Logging extends App {
      public override synth(): void {
        try {
          super.synth();
        } catch (error) {
          logged.push((error as Error).message);
          throw error;
        }
      }
    }
    const app = new Logging({ outdir: Testing.app().outdir });
    const { printed, options } = quiet();
    expect(runCampusApp(failingCampusIn, { app, ...options })).toBe(1);
    expect(logged).toEqual(['hybrid-campus: synth refused: 1 check failed; runCampusApp prints the details and writes no stack']);
    expect(printed.join('')).toBe(REFUSED);
  });

  test('a synth() that synthesizes no stack: the app is checked after it', () => {
    const app = new Idle({ outdir: Testing.app().outdir });
    const { printed, options } = quiet();
    expect(runCampusApp(failingCampusIn, { app, ...options })).toBe(1);
    expect(printed.join('')).toBe(REFUSED);
  });
});

describe('a stack whose synthesizer is defined its own way', () => {
  test('a getter and setter on its prototype: the wrapper is used for the synth and the stack is left as it was', () => {
    const store = new WeakMap<object, TerraformStack['synthesizer']>();
    class Stored extends TerraformStack {}
    Object.defineProperty(Stored.prototype, 'synthesizer', {
      get(this: object) {
        return store.get(this);
      },
      set(this: object, value: TerraformStack['synthesizer']) {
        store.set(this, value);
      },
      configurable: true,
    });
    const app = Testing.app();
    let stack: Stored | undefined;
    let own: unknown;
    const { printed, options } = quiet();
    const code = runCampusApp((a) => {
      stack = new Stored(a, 'first');
      own = stack.synthesizer;
      failingCampusIn(a);
    }, { app, ...options });
    expect(code).toBe(1);
    expect(printed.join('')).toContain('nothing was written');
    expect(fs.existsSync(path.join(app.outdir, 'stacks', 'first'))).toBe(false);
    expect(Object.getOwnPropertyDescriptor(stack!, 'synthesizer')).toBeUndefined();
    expect(stack!.synthesizer).toBe(own);
  });

  test('an own getter without a setter: synthesized through the wrapper, the getter put back', () => {
    const app = Testing.app();
    let stack: TerraformStack | undefined;
    let getter: (() => unknown) | undefined;
    const code = runCampusApp((a) => {
      stack = new TerraformStack(a, 'first');
      const inner = stack.synthesizer;
      getter = () => inner;
      Object.defineProperty(stack, 'synthesizer', { get: getter, configurable: true });
      new Campus(a, 'site', { gridRegion: 'ERCOT', interconnectLimitMw: 100 });
    }, { app, ...quiet().options });
    expect(code).toBe(0);
    expect(Object.getOwnPropertyDescriptor(stack!, 'synthesizer')?.get).toBe(getter);
    expect(fs.existsSync(path.join(app.outdir, 'stacks', 'first', 'cdk.tf.json'))).toBe(true);
  });

  test('an own setter that ignores what it is given: no stack written when the check fails', () => {
    const app = Testing.app();
    const { printed, options } = quiet();
    const code = runCampusApp((a) => {
      const stack = new TerraformStack(a, 'first');
      const inner = stack.synthesizer;
      Object.defineProperty(stack, 'synthesizer', { get: () => inner, set: () => undefined, configurable: true });
      failingCampusIn(a);
    }, { app, ...options });
    expect(code).toBe(1);
    expect(printed.join('')).toContain('nothing was written');
    expect(fs.existsSync(path.join(app.outdir, 'stacks', 'first'))).toBe(false);
  });

  test('a synthesizer a validation sets during the check is the one the stack keeps', () => {
    const app = Testing.app();
    let later: TerraformStack | undefined;
    let replacement: TerraformStack['synthesizer'] | undefined;
    const code = runCampusApp((a) => {
      later = new TerraformStack(a, 'later');
      const inner = later.synthesizer;
      replacement = { synthesize: (session) => inner.synthesize(session) };
      new Campus(a, 'site', { gridRegion: 'ERCOT', interconnectLimitMw: 100 }).node.addValidation({
        validate: () => {
          later!.synthesizer = replacement!;
          return [];
        },
      });
    }, { app, ...quiet().options });
    expect(code).toBe(0);
    expect(later!.synthesizer).toBe(replacement);
  });
});

describe('misuse found while app.synth() prepares the stacks', () => {
  test('a CampusConfigError thrown by a token is one line, without the creation stack cdktf appends, and nothing is written', () => {
    const app = Testing.app();
    const { printed, options } = quiet();
    const code = runCampusApp((a) => {
      campusWithThrowingToken(a, '[site/ns] name: refused by this test; give it a name');
    }, { app, ...options });
    expect(code).toBe(1);
    // cdktf prefixes the error it caught while resolving with "Resolution error: " and ends it with a full stop.
    expect(printed.join('')).toBe('hybrid-campus: Resolution error: [site/ns] name: refused by this test; give it a name.\n');
    expect(fs.existsSync(path.join(app.outdir, 'stacks', 'site'))).toBe(false);
  });
});

describe('the check, its edge cases', () => {
  test('a stack a validation synthesizes during the check is synthesized without a second check', () => {
    const app = Testing.app();
    const code = runCampusApp((a) => {
      const other = new TerraformStack(a, 'other');
      new Campus(a, 'site', { gridRegion: 'ERCOT', interconnectLimitMw: 100 }).node.addValidation({
        validate: () => {
          Testing.fullSynth(other);
          return [];
        },
      });
    }, { app, ...quiet().options });
    expect(code).toBe(0);
    expect(fs.existsSync(path.join(app.outdir, 'stacks', 'site', 'power-budget.json'))).toBe(true);
  });

  test("misuse found by the check removes the campuses' old output", () => {
    const app = Testing.app();
    const stale = path.join(app.outdir, 'stacks', 'site', 'power-budget.json');
    fs.mkdirSync(path.dirname(stale), { recursive: true });
    fs.writeFileSync(stale, '{"stale": true}\n');
    const { printed, options } = quiet();
    const code = runCampusApp((a) => campusWithMisuse(a, '[site] misuse by this test; fix it'), { app, ...options });
    expect(code).toBe(1);
    expect(printed.join('')).toBe('hybrid-campus: [site] misuse by this test; fix it\n');
    expect(fs.existsSync(stale)).toBe(false);
  });

  test("a campus aspect that makes a plain stack's resource refer to the campus: remote state in the plain stack, an output in the campus", () => {
    const app = Testing.app();
    const code = runCampusApp((a) => {
      const plain = new TerraformStack(a, 'plain');
      new KubernetesProvider(plain, 'kubernetes', {});
      const user = new NamespaceV1(plain, 'user', { metadata: { name: 'plain' } });
      const campus = new Campus(a, 'site', { gridRegion: 'ERCOT', interconnectLimitMw: 100 });
      const ns = new NamespaceV1(campus, 'ns', { metadata: { name: 'campus-ns' } });
      Aspects.of(campus).add({ visit: (n) => n === ns && user.addOverride('metadata.name', ns.metadata.name) });
    }, { app, ...quiet().options });
    expect(code).toBe(0);
    const plainJson = JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks', 'plain', 'cdk.tf.json'), 'utf8'));
    expect(plainJson.resource.kubernetes_namespace_v1.user.metadata.name).toContain('${data.terraform_remote_state.cross-stack-reference-input-site.outputs');
    const campusJson = JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks', 'site', 'cdk.tf.json'), 'utf8'));
    expect(Object.keys(campusJson.output ?? {}).length).toBe(1);
  });

  test('synth for a month (the pruning aspect): every file but manifest.json as bare app.synth() writes it', () => {
    const build = (a: App) => {
      const plain = new TerraformStack(a, 'plain');
      new KubernetesProvider(plain, 'kubernetes', {});
      const src = new NamespaceV1(plain, 'src', { metadata: { name: 'source-ns' } });
      const campus = new Campus(a, 'site', { gridRegion: 'ERCOT', interconnectLimitMw: 100 });
      new NamespaceV1(campus, 'ns', { metadata: { name: src.metadata.name } });
    };
    const context = { [DATE_CONTEXT_KEY]: '2027-01' };
    const app = Testing.app({ context });
    expect(runCampusApp(build, { app, ...quiet().options })).toBe(0);
    const bare = Testing.app({ context });
    build(bare);
    bare.synth();
    const read = (dir: string) =>
      Object.fromEntries(
        ['plain', 'site'].flatMap((stack) =>
          fs.readdirSync(path.join(dir, 'stacks', stack)).sort().map((file) => [`${stack}/${file}`, fs.readFileSync(path.join(dir, 'stacks', stack, file), 'utf8')]),
        ),
      );
    const files = read(app.outdir);
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['plain/cdk.tf.json', 'site/cdk.tf.json', 'site/power-budget.json']));
    expect(files).toEqual(read(bare.outdir));
  });
});

describe('an App subclass and misuse', () => {
  test('a swallowing synth() and a token that throws misuse while the stacks are prepared: one line, exit 1', () => {
    const app = new Swallowing({ outdir: Testing.app().outdir });
    const { printed, options } = quiet();
    const code = runCampusApp((a) => {
      campusWithThrowingToken(a, '[site/ns] bad; fix it');
    }, { app, ...options });
    expect(code).toBe(1);
    expect(printed.join('')).toBe('hybrid-campus: Resolution error: [site/ns] bad; fix it.\n');
  });

  test('a synth() that synthesizes no stack and a validation that throws misuse: one line, exit 1', () => {
    const app = new Idle({ outdir: Testing.app().outdir });
    const { printed, options } = quiet();
    const code = runCampusApp((a) => campusWithMisuse(a, '[site] misuse; fix it'), { app, ...options });
    expect(code).toBe(1);
    expect(printed.join('')).toBe('hybrid-campus: [site] misuse; fix it\n');
  });
});

describe('a stack whose synthesizer cannot be redefined', () => {
  test('an own, writable, non-configurable synthesizer: wrapped by assignment, its value put back', () => {
    const app = Testing.app();
    let stack: TerraformStack | undefined;
    let own: unknown;
    const { printed, options } = quiet();
    const code = runCampusApp((a) => {
      stack = new TerraformStack(a, 'first');
      own = stack.synthesizer;
      Object.defineProperty(stack, 'synthesizer', { value: own, writable: true, configurable: false, enumerable: true });
      failingCampusIn(a);
    }, { app, ...options });
    expect(code).toBe(1);
    expect(printed.join('')).toContain('nothing was written');
    expect(fs.existsSync(path.join(app.outdir, 'stacks', 'first'))).toBe(false);
    expect(stack!.synthesizer).toBe(own);
  });

  for (const refused of [true, false]) {
    test(`a frozen synthesizer: the app checked before app.synth() (${refused ? 'refused: nothing written' : 'passing: written'})`, () => {
      const app = Testing.app();
      const { printed, options } = quiet();
      const code = runCampusApp((a) => {
        const stack = new TerraformStack(a, 'first');
        Object.defineProperty(stack, 'synthesizer', { value: stack.synthesizer, writable: false, configurable: false });
        if (refused) failingCampusIn(a);
        else new Campus(a, 'site', { gridRegion: 'ERCOT', interconnectLimitMw: 100 });
      }, { app, ...options });
      expect(code).toBe(refused ? 1 : 0);
      expect(printed.join('')).toBe(refused ? 'hybrid-campus: synth refused: 1 check failed, nothing was written.\n  [site] refused by this test\n' : '');
      expect(fs.existsSync(path.join(app.outdir, 'stacks', 'first'))).toBe(!refused);
    });
  }
});

/** A campus 'site' whose check fails. */
function failingCampusIn(a: App): void {
  new Campus(a, 'site', { gridRegion: 'ERCOT', interconnectLimitMw: 100 }).node.addValidation({ validate: () => ['refused by this test'] });
}

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

/** An App whose synth() swallows whatever cdktf's throws. */
class Swallowing extends App {
  public override synth(): void {
    try {
      super.synth();
    } catch {
      // swallowed
    }
  }
}

/** An App whose synth() synthesizes nothing. */
class Idle extends App {
  public override synth(): void {}
}

/** A campus 'site' with a namespace whose name, a token, throws a CampusConfigError with `message` when resolved. */
function campusWithThrowingToken(a: App, message: string): void {
  const campus = new Campus(a, 'site', { gridRegion: 'ERCOT', interconnectLimitMw: 100 });
  new NamespaceV1(campus, 'ns', {
    metadata: {
      name: Lazy.stringValue({
        produce: () => {
          throw new CampusConfigError(message);
        },
      }),
    },
  });
}

/** A campus 'site' whose validation throws a CampusConfigError with `message` (misuse found by the check). */
function campusWithMisuse(a: App, message: string): void {
  new Campus(a, 'site', { gridRegion: 'ERCOT', interconnectLimitMw: 100 }).node.addValidation({
    validate: () => {
      throw new CampusConfigError(message);
    },
  });
}
