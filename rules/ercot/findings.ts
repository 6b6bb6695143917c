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
import { showValue } from '../../domain/config-error';
import { isDay } from '../../domain/timeline';

/**
 * A finding about the campus at one state. `item` names what the finding is about when a rule
 * can report several at one state (e.g. "load 'pod-3'"): it joins the date in the target, so
 * each finding keeps an identity of its own in `campus diff` and SARIF.
 */
export function finding(campus: CampusModel, state: TimelineState, sentence: string, item?: string): RuleViolation {
  const label = state.point.label;
  const target = [label, item].filter(Boolean).join(' ');
  return { path: campus.path, ...(target ? { target } : {}), message: label ? `${label}: ${sentence}` : sentence };
}

/** A fact a rule needs: its field under gridFacts and what to set it to. */
export interface MissingFact {
  /** The field under gridFacts of the model, e.g. "energizationApproval.date". */
  readonly fact: string;
  /**
   * The Campus prop that sets it, under gridFacts, when it differs from the model's field (a
   * figure in MW on the prop, in kW in the model).
   * @default the same as `fact`
   */
  readonly prop?: string;
  /** What to set, e.g. "'transmission' or 'distribution'". */
  readonly example: string;
  /**
   * When the fact is given but unusable (a hand-built model, which no construct validated): the
   * value and what is wrong with it, e.g. "is not a day written YYYY-MM-DD".
   * @default none - the fact is not declared
   */
  readonly invalid?: { readonly given: unknown; readonly problem: string };
}

/** "a, b and c". */
export function andList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * "gridFacts.a is not declared. Set the Campus prop gridFacts.a (example)." for one or more
 * facts; a fact given but unusable is shown with its value and what is wrong with it.
 */
export function missingFacts(facts: readonly MissingFact[]): string {
  const absent = facts.filter((f) => f.invalid === undefined).map((f) => `gridFacts.${f.prop ?? f.fact}`);
  const invalid = facts.filter((f) => f.invalid !== undefined).map((f) => `gridFacts.${f.fact} = ${showValue(f.invalid!.given)} ${f.invalid!.problem}`);
  const problems = [...(absent.length > 0 ? [`${andList(absent)} ${absent.length === 1 ? 'is' : 'are'} not declared`] : []), ...invalid];
  const props = facts.map((f) => `gridFacts.${f.prop ?? f.fact} (${f.example})`).join(' and ');
  return `${andList(problems)}. Set the Campus prop${facts.length === 1 ? '' : 's'} ${props}.`;
}

/** The earliest year a day fact may have: an earlier year is a typing slip, never an ERCOT date. */
export const EARLIEST_FACT_YEAR = 1900;

/** The fact as a MissingFact when it is not a usable day, else undefined (a day, 'YYYY-MM-DD', from 1900 on, is usable). */
export function unusableDay(fact: string, value: unknown, example: string): MissingFact | undefined {
  if (value === undefined) return { fact, example };
  if (!isDay(value)) return { fact, example, invalid: { given: value, problem: 'is not a day written YYYY-MM-DD' } };
  return Number(value.slice(0, 4)) < EARLIEST_FACT_YEAR ? { fact, example, invalid: { given: value, problem: 'is before 1900' } } : undefined;
}

/** A fact that must be a boolean, as a MissingFact when it is not (undefined when it is one). */
export function unusableBoolean(fact: string, value: unknown, example: string): MissingFact | undefined {
  if (value === undefined) return { fact, example };
  return typeof value === 'boolean' ? undefined : { fact, example, invalid: { given: value, problem: 'is not true or false' } };
}

/** A fact that must be a positive power in kW (a hand-built model), as a MissingFact when it is not. */
export function unusablePositiveKw(fact: string, prop: string, value: unknown, example: string): MissingFact | undefined {
  if (value === undefined) return { fact, prop, example };
  return typeof value === 'number' && Number.isFinite(value) && value > 0
    ? undefined
    : { fact, prop, example, invalid: { given: value, problem: 'is not a positive number of kW' } };
}

/** A fact given as something other than an object (a hand-built model): its value and the shape it needs. */
export function notAnObject(fact: string, value: unknown, example: string): MissingFact | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? undefined : { fact, example, invalid: { given: value, problem: 'is not an object' } };
}
