/**
 * One call that computes a campus's budget and runs every check over it.
 */
import { computeBudget, type CampusBudget } from './budget';
import { ALL_CHECKS, type BudgetCheck, type CheckResult } from './checks';
import type { CampusModel } from './model';

export interface CampusEvaluation {
  readonly budget: CampusBudget;
  /** Every check result, in check order and then subject order. */
  readonly results: readonly CheckResult[];
  readonly failures: readonly CheckResult[];
  readonly warnings: readonly CheckResult[];
}

export function evaluateCampus(campus: CampusModel, checks: readonly BudgetCheck[] = ALL_CHECKS): CampusEvaluation {
  const budget = computeBudget(campus);
  const results = checks.flatMap((check) => check.run(budget));
  return {
    budget,
    results,
    failures: results.filter((r) => r.status === 'fail'),
    warnings: results.filter((r) => r.status === 'warn'),
  };
}
