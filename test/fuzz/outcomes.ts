/**
 * What a generated case can come to (run-case.ts decides, pool.ts counts). A module of its own,
 * importing nothing, so that the pool's parent (the jest test, `npm run fuzz`) loads neither the
 * library nor the case generator: the workers generate and describe the cases.
 */
export const OUTCOMES = ['clear-error', 'accepted', 'crash', 'unreadable', 'hang', 'accepted-invalid', 'polluted', 'half-written'] as const;
export type Outcome = (typeof OUTCOMES)[number];
/** The outcomes that must never happen. */
export const BAD_OUTCOMES: readonly Outcome[] = ['crash', 'unreadable', 'hang', 'accepted-invalid', 'polluted', 'half-written'];

export interface CaseResult {
  readonly outcome: Outcome;
  /** What happened: the message, the error or the problem found. */
  readonly detail: string;
}
