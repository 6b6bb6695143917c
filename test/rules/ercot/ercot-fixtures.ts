/**
 * Hand-made campuses for the ERCOT rule tests: one bus with a 1,000 MW utility feed and an air
 * cooling system at PUE 1.0 (it draws nothing), so the site load is the sum of the loads' power
 * and every threshold can be hit exactly.
 */
import { evaluateTimeline } from '../../../domain/evaluate';
import type { AuxiliaryLoadModel, CampusModel, FeedModel, GridFacts } from '../../../domain/model';
import type { Rule, RuleViolation } from '../../../rules/rule';
import { bus, campus, cooling, feed } from '../../domain/fixtures';

export { hall, pod } from '../../domain/fixtures';

/** A campus on bus 'main' (plus `feeds`) and cooling 'air', with `parts` and the grid facts. */
export function site(parts: Partial<CampusModel>, gridFacts?: GridFacts, feeds: FeedModel[] = []): CampusModel {
  return campus({
    buses: [bus('main', [feed('grid', 1_000_000), ...feeds])],
    coolingSystems: [cooling('air', 'main', { model: 'pue', pue: 1 })],
    ...parts,
    ...(gridFacts ? { gridFacts } : {}),
  });
}

export function aux(name: string, powerKw: number, extra: Partial<AuxiliaryLoadModel> = {}): AuxiliaryLoadModel {
  return { kind: 'auxiliary', name, path: `site/${name}`, bus: 'main', powerKw, ...extra };
}

/** The rule's findings on a model, run over every state of its timeline (the one load model). */
export function findingsOf(rule: Rule, model: CampusModel): readonly RuleViolation[] {
  return rule.check({ campus: model, timeline: evaluateTimeline(model), resources: [] });
}

export function messagesOf(rule: Rule, model: CampusModel): string[] {
  return findingsOf(rule, model).map((v) => v.message);
}
