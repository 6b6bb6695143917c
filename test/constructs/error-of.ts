/**
 * The name and message of the error a call throws. A file of its own (helpers.ts re-exports it),
 * so that a test of plain functions (the hardware catalog's) does not load cdktf and the
 * constructs with helpers.ts.
 */

/** The message of the error `fn` throws, or 'no error'. */
export function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return `${(e as Error).name}: ${(e as Error).message}`;
  }
  return 'no error';
}
