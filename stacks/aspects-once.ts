/**
 * Aspects invoked once per construct, however often a campus is judged before synth.
 *
 * cdktf's `invokeAspects` (cdktf/lib/synthesize/synthesizer) remembers what it has invoked only
 * for one call, and the stack synthesizer calls it on every synth. A campus judges its rules on
 * the stack as it will be written (after the aspects: synth for a month prunes the campus), and
 * the runner judges every campus before `app.synth()`: with cdktf's function alone, a user's
 * aspect would visit every construct twice. `AspectsOnce` walks the tree as cdktf does (a
 * construct gets its own aspects and those of its ancestors inside the stack, never the app's)
 * but keeps what it has invoked, and `hideInvoked` hides those aspects from cdktf's own call
 * while the stack synthesizes.
 */
import { Annotations, Aspects, type IAspect } from 'cdktf';
import type { IConstruct } from 'constructs';

export class AspectsOnce {
  private readonly invoked = new WeakMap<IConstruct, Set<IAspect>>();
  /**
   * Aspects added to a construct while a pass ran (by an aspect visiting it or any other
   * construct): as in cdktf's one pass, where each construct's list is read when it is reached,
   * they are applied neither there nor below, by this pass or a later one.
   */
  private readonly notApplied = new WeakMap<IConstruct, Set<IAspect>>();

  /**
   * Invokes every aspect on every construct under `root` (root included) that it has not yet
   * visited; true when it invoked any.
   */
  public invoke(root: IConstruct): boolean {
    let nestedAspectWarning = false;
    let visited = false;
    /** How many aspects each construct had when the pass reached it. */
    const countAtVisit = new Map<IConstruct, number>();
    const recurse = (construct: IConstruct, inherited: readonly IAspect[]): void => {
      const aspects = Aspects.of(construct);
      const skipped = this.notApplied.get(construct);
      const here = [...inherited, ...aspects.all.filter((a) => !skipped?.has(a))];
      const ownCount = aspects.all.length;
      countAtVisit.set(construct, ownCount);
      let done = this.invoked.get(construct);
      if (!done) {
        done = new Set();
        this.invoked.set(construct, done);
      }
      for (const aspect of here) {
        if (done.has(aspect)) continue;
        aspect.visit(construct);
        visited = true;
        // As cdktf does: an aspect added by another aspect is not applied.
        if (!nestedAspectWarning && ownCount !== aspects.all.length) {
          Annotations.of(construct).addWarning('We detected an Aspect was added via another Aspect, and will not be applied');
          nestedAspectWarning = true;
        }
        done.add(aspect);
      }
      for (const child of construct.node.children) recurse(child, here);
    };
    recurse(root, []);
    for (const [construct, count] of countAtVisit) {
      const added = Aspects.of(construct).all.slice(count);
      if (added.length > 0) this.notApplied.set(construct, new Set([...(this.notApplied.get(construct) ?? []), ...added]));
    }
    return visited;
  }

  /**
   * Runs `fn` with every aspect under `root` hidden from `Aspects.of(...).all` (they have all been
   * invoked by `invoke`), so cdktf's own invocation inside `fn` visits nothing a second time.
   */
  public hideInvoked<T>(root: IConstruct, fn: () => T): T {
    const hidden = root.node.findAll().map((c) => Aspects.of(c));
    for (const aspects of hidden) Object.defineProperty(aspects, 'all', { get: () => [], configurable: true });
    try {
      return fn();
    } finally {
      for (const aspects of hidden) delete (aspects as unknown as { all?: unknown }).all;
    }
  }
}
