/**
 * Rule packs enabled for a whole app: `CampusRules.of(app).enable(KUBERNETES_BASELINE)` runs
 * the pack on every campus of the app, in addition to the packs a campus enables with its
 * `rules` prop.
 */
import type { IConstruct } from 'constructs';
import type { RulePack } from './rule';

const APP_RULES = Symbol.for('hybrid-campus.campus-rules');

export class CampusRules {
  /** The app-wide rule settings of the app `scope` belongs to. */
  public static of(scope: IConstruct): CampusRules {
    const root = scope.node.root as unknown as Record<symbol, CampusRules | undefined>;
    let rules = root[APP_RULES];
    if (!rules) {
      rules = new CampusRules();
      Object.defineProperty(root, APP_RULES, { value: rules });
    }
    return rules;
  }

  private readonly enabled: RulePack[] = [];

  private constructor() {}

  /** Runs these packs on every campus of the app (a pack enabled twice runs once). */
  public enable(...packs: RulePack[]): this {
    for (const pack of packs) if (!this.enabled.includes(pack)) this.enabled.push(pack);
    return this;
  }

  /** The packs enabled for the whole app, in the order they were enabled. */
  public get packs(): readonly RulePack[] {
    return [...this.enabled];
  }
}
