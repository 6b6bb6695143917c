/**
 * A dated approval that exempts a site from a rule up to the load it covers: the energization
 * approval (TXLL-3: ride-through, NOGRR282 / NPRR1308) and the interconnection (TXLL-5: firm load
 * shed, SB 6). A date on or before the rule's cutoff exempts only the load it covers; load beyond
 * it came later, so a state whose site load exceeds the covered kW is judged like a new site. A
 * date after the cutoff exempts nothing, so the covered load is then not needed.
 */
import type { Day } from '../../domain/timeline';
import { type MissingFact, notAnObject, unusableDay, unusablePositiveKw } from './findings';

export type Coverage =
  /** The facts that decide are missing or unusable. */
  | { readonly kind: 'unknown'; readonly missing: readonly MissingFact[] }
  /** Dated after the cutoff: nothing is exempt. */
  | { readonly kind: 'after-cutoff'; readonly date: Day }
  /** Dated on or before the cutoff: site load up to `coveredKw` is exempt. */
  | { readonly kind: 'covers'; readonly date: Day; readonly coveredKw: number };

/** How one dated fact is named: its field under gridFacts, its kW field and the Campus prop in MW. */
export interface CoverageFact {
  /** e.g. "energizationApproval". */
  readonly fact: string;
  /** The model's field in kW, e.g. "approvedKw". */
  readonly kwField: string;
  /** The Campus prop's field in MW, e.g. "approvedMw". */
  readonly mwProp: string;
  /** What the day is, e.g. "the day ERCOT approved energization, 'YYYY-MM-DD'". */
  readonly dayExample: string;
  /** What the MW are, e.g. "the site load approved, MW". */
  readonly mwExample: string;
  /** The last day that exempts, 'YYYY-MM-DD'. */
  readonly cutoff: Day;
}

/** Reads a dated fact of a (possibly hand-built) model: never guesses a missing or unusable part. */
export function readCoverage(value: unknown, spec: CoverageFact): Coverage {
  const example = `{ date: 'YYYY-MM-DD', ${spec.mwProp} }`;
  if (value === undefined) return { kind: 'unknown', missing: [{ fact: spec.fact, example }] };
  const shape = notAnObject(spec.fact, value, example);
  if (shape) return { kind: 'unknown', missing: [shape] };
  const fields = value as Record<string, unknown>;
  const day = unusableDay(`${spec.fact}.date`, fields.date, spec.dayExample);
  if (day) return { kind: 'unknown', missing: [day] };
  const date = fields.date as Day;
  if (date > spec.cutoff) return { kind: 'after-cutoff', date };
  const kw = unusablePositiveKw(`${spec.fact}.${spec.kwField}`, `${spec.fact}.${spec.mwProp}`, fields[spec.kwField], spec.mwExample);
  return kw ? { kind: 'unknown', missing: [kw] } : { kind: 'covers', date, coveredKw: fields[spec.kwField] as number };
}
