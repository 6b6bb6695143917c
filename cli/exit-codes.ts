/**
 * Exit codes of the `campus` command. Documented in `campus --help` and the README.
 */
import type { DiffResult } from '../report/diff';

/** report: printed. diff: no change. --help. */
export const EXIT_OK = 0;
/** diff: something changed, and every check in head passes or warns. */
export const EXIT_CHANGED = 1;
/** diff: a check fails in head (whether or not anything changed). */
export const EXIT_CHECK_FAILS = 2;
/** Bad input: a missing path, corrupt JSON, an unknown format or version, base and head for different sites. */
export const EXIT_BAD_INPUT = 3;
/** Usage error: unknown command or option, a missing or bad option value. */
export const EXIT_USAGE = 4;

/** The exit code for a diff's overall result. */
export function exitCodeForDiff(result: DiffResult): number {
  return result === 'no-change' ? EXIT_OK : result === 'changed' ? EXIT_CHANGED : EXIT_CHECK_FAILS;
}
