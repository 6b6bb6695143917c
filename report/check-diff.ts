/**
 * Which checks newly fail, newly warn or newly pass between two budgets of one site.
 *
 * A check result is identified by its check id, construct path, scenario and date (and its rank
 * among results sharing those, for checks that judge one subject twice). A result missing on
 * one side counts as "absent": a new failing check newly fails, a removed failing check newly
 * passes (it is no longer checked). A power-budget.json of format version 3 counts the passing
 * results about a single load instead of listing them (`passedChecks`): a result missing from such
 * a file whose check it counts, about a load it still has, passed (`UnlistedPasses`).
 */
import type { CheckResult, CheckStatus } from './budget-schema';

export type CheckTransition = 'newly-fails' | 'newly-warns' | 'newly-passes';

export interface CheckChange {
  readonly transition: CheckTransition;
  readonly check: string;
  readonly subject: string;
  readonly path: string;
  readonly scenario?: string;
  readonly baseStatus: CheckStatus | 'absent';
  readonly headStatus: CheckStatus | 'absent';
  /** The head's message, or the base's when the check is gone from head. */
  readonly message: string;
}

const TRANSITION_ORDER: Record<CheckTransition, number> = { 'newly-fails': 0, 'newly-warns': 1, 'newly-passes': 2 };

function keyed(results: readonly CheckResult[]): Map<string, CheckResult> {
  const seen = new Map<string, number>();
  const map = new Map<string, CheckResult>();
  for (const r of results) {
    const base = JSON.stringify([r.check, r.path, r.scenario ?? '', r.date ?? '']);
    const rank = seen.get(base) ?? 0;
    seen.set(base, rank + 1);
    map.set(`${base}#${rank}`, r);
  }
  return map;
}

/** What a change from `base` to `head` status is, or undefined if it is not worth reporting. */
export function transitionOf(base: CheckStatus | 'absent', head: CheckStatus | 'absent'): CheckTransition | undefined {
  if (base === head) return undefined;
  if (head === 'fail') return 'newly-fails';
  if (head === 'warn') return 'newly-warns';
  if (base === 'warn' || base === 'fail') return 'newly-passes';
  return undefined; // absent -> pass, pass -> absent: nothing to tell a reviewer
}

/** Whether a result missing from a side's list passed there (counted, not listed); see the header comment. */
export type UnlistedPass = (result: CheckResult) => boolean;

/** What a result that passed without being listed says in the diff. */
export function unlistedPassMessage(r: CheckResult): string {
  return `passes (${r.check} for '${r.subject}'; power-budget.json counts passing results about a single load without their message)`;
}

/** Every reported transition, failures first, then warnings, then passes; each group by path, check and scenario. */
export function diffChecks(
  base: readonly CheckResult[],
  head: readonly CheckResult[],
  unlisted: { readonly base?: UnlistedPass; readonly head?: UnlistedPass } = {},
): CheckChange[] {
  const before = keyed(base);
  const after = keyed(head);
  const keys = [...new Set([...before.keys(), ...after.keys()])];
  const changes: CheckChange[] = [];
  for (const key of keys) {
    const b = before.get(key);
    const h = after.get(key);
    const r = (h ?? b)!;
    const baseStatus: CheckStatus | 'absent' = b?.status ?? (unlisted.base?.(r) ? 'pass' : 'absent');
    const headStatus: CheckStatus | 'absent' = h?.status ?? (unlisted.head?.(r) ? 'pass' : 'absent');
    const transition = transitionOf(baseStatus, headStatus);
    if (!transition) continue;
    changes.push({
      transition,
      check: r.check,
      subject: r.subject,
      path: r.path,
      ...(r.scenario ? { scenario: r.scenario } : {}),
      baseStatus,
      headStatus,
      message: h || headStatus === 'absent' ? r.message : unlistedPassMessage(r),
    });
  }
  const sortKey = (c: CheckChange) => `${c.path}\u0000${c.check}\u0000${c.scenario ?? ''}`;
  return changes.sort((x, y) => TRANSITION_ORDER[x.transition] - TRANSITION_ORDER[y.transition] || (sortKey(x) < sortKey(y) ? -1 : sortKey(x) > sortKey(y) ? 1 : 0));
}
