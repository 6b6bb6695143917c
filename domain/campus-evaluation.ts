/**
 * One evaluated state of a campus: its budget and its check results, dated with the state's
 * label. Made by evaluate.ts (a state evaluated whole) and islands.ts (a state joined from its
 * islands).
 */
import type { CampusBudget } from './budget';
import type { CheckResult } from './checks';
import type { CampusLoad } from './load-model';

/** One state: its budget and check results. */
export interface CampusEvaluation {
  readonly budget: CampusBudget;
  /** Every check result, in check order and then subject order. */
  readonly results: readonly CheckResult[];
  readonly failures: readonly CheckResult[];
  readonly warnings: readonly CheckResult[];
  /**
   * What may differ from the previous state of the timeline, when the engine knows (a state joined
   * from islands after another: islands.ts): `previous`, that state's evaluation; `loads`, the
   * loads in service now whose service, cap or power may have changed since; `left`, those in
   * service then and not now. Every other load is in service with the same cap and power as in
   * `previous`. Absent: anything may have changed. Readers use it to skip what did not change
   * (power-budget.json), and only right after reading `previous`.
   */
  readonly sincePrevious?: { readonly previous: CampusEvaluation; readonly loads: readonly CampusLoad[]; readonly left: readonly CampusLoad[] };
}

/**
 * The evaluation of a state from its budget, its results (every result, in check order, made
 * when first read) and those of them that are not passing (in the same order). Results are dated
 * with `label` ("from 2027-01: ...") when the state has one.
 */
export function evaluationFrom(
  budget: CampusBudget,
  label: string | undefined,
  allResults: () => readonly CheckResult[],
  issues: readonly CheckResult[],
  sincePrevious?: CampusEvaluation['sincePrevious'],
): CampusEvaluation {
  const dated = (r: CheckResult): CheckResult => (label ? { ...r, date: label, message: `${label}: ${r.message}` } : r);
  // Every result is kept as the check returned it (checks may return the same object from state
  // to state: see cooling-type-match) and dated only when asked for: a timeline of thousands of
  // states reads the full list of one state only, and the failures and warnings of all.
  let results: readonly CheckResult[] | undefined;
  return {
    budget,
    get results() {
      return (results ??= allResults().map(dated));
    },
    failures: issues.filter((r) => r.status === 'fail').map(dated),
    warnings: issues.filter((r) => r.status === 'warn').map(dated),
    ...(sincePrevious ? { sincePrevious } : {}),
  };
}
