/**
 * The check results a report or diff judges a site by. For a site without dates, the file's
 * `checks`. For a site with a timeline (phases), the failures and warnings of every date, in
 * time order, each carrying its date: a check that fails only in a middle phase still counts.
 */
import type { CheckResult, PowerBudget } from './budget-schema';

export function siteChecks(budget: PowerBudget): CheckResult[] {
  const timeline = budget.timeline ?? [];
  if (timeline.length <= 1) return [...budget.checks];
  return timeline.flatMap((t) => [...t.failures, ...t.warnings]);
}
