/**
 * How the ERCOT rules word and place a finding: one per state of the timeline, on the campus's
 * construct path, the state's date ("from 2027-01") as its target and at the head of its message.
 *
 * A rule that needs a fact the campus does not declare reports it as a finding of its own, at the
 * rule's level, naming the fact and the Campus prop that sets it (`missingFacts`). It never
 * assumes a value: without the fact the campus cannot be shown to comply, so the finding is as
 * serious as the breach the fact could hide. Declaring the fact (the Campus prop, or the field of
 * a hand-built CampusModel) is always possible, which is why a non-suppressible rule may report
 * missing facts too.
 */
import type { RuleViolation } from '../rule';
import type { CampusModel } from '../../domain/model';
import type { TimelineState } from '../../domain/evaluate';

/** A finding about the campus at one state. */
export function finding(campus: CampusModel, state: TimelineState, sentence: string): RuleViolation {
  const label = state.point.label;
  return { path: campus.path, ...(label ? { target: label } : {}), message: label ? `${label}: ${sentence}` : sentence };
}

/** What to declare: "gridFacts.voltageClass ('transmission' or 'distribution')". */
export interface MissingFact {
  readonly fact: string;
  readonly example: string;
}

/** "gridFacts.a is not declared. Set the Campus prop gridFacts.a (example)." for one or more facts. */
export function missingFacts(facts: readonly MissingFact[]): string {
  const names = facts.map((f) => `gridFacts.${f.fact}`);
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  const props = facts.map((f) => `gridFacts.${f.fact} (${f.example})`).join(' and ');
  return `${list} ${facts.length === 1 ? 'is' : 'are'} not declared. Set the Campus prop${facts.length === 1 ? '' : 's'} ${props}.`;
}
