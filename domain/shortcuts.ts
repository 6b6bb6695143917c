/**
 * The engine's shortcuts: what it reuses from state to state of a timeline (figures and results
 * cached per part of the model) and the estimates that spare it a full sum (the caps solver's
 * site import). Each gives the same answer as computing everything again, and
 * `withoutShortcuts` is the way to check it: inside it every figure is computed from scratch
 * (evaluateTimelineFromScratch in evaluate.ts; test/domain/incremental-timeline.property.test.ts
 * compares the two byte for byte).
 */

let enabled = true;

/** Whether shortcuts may be taken (false inside `withoutShortcuts`). */
export function shortcutsEnabled(): boolean {
  return enabled;
}

/** Runs `fn` with every shortcut off: no cache is read or written, no estimate replaces a sum. */
export function withoutShortcuts<T>(fn: () => T): T {
  const was = enabled;
  enabled = false;
  try {
    return fn();
  } finally {
    enabled = was;
  }
}

/** A figure and the entries of the list it was made from. */
export interface Listed<T, V> {
  readonly listed: readonly T[];
  readonly value: V;
}

/**
 * `make(key)`, computed once per key object while `list` (the list the figure is made from, e.g.
 * a bus's feeds) still holds the same objects in the same order (checked by identity, one pass)
 * and shortcuts are on: a caller that pushes, removes or replaces an entry in place after a first
 * evaluation gets `make` again, never a figure of the list it held before. The objects themselves
 * are plain read-only data (a model's fields are never changed in place), so only lists are
 * checked.
 */
export function cachedWhileListed<K extends object, T, V>(cache: WeakMap<K, Listed<T, V>>, key: K, list: readonly T[], make: (key: K) => V): V {
  if (!enabled) return make(key);
  const known = cache.get(key);
  if (known !== undefined && sameEntries(known.listed, list)) return known.value;
  const value = make(key);
  cache.set(key, { listed: [...list], value });
  return value;
}

/** `make(list)`, computed once per list while it holds the same objects in the same order (`cachedWhileListed`). */
export function cachedPerList<T, V>(cache: WeakMap<readonly T[], Listed<T, V>>, list: readonly T[], make: (list: readonly T[]) => V): V {
  return cachedWhileListed(cache, list, list, make);
}

/** Whether two lists hold the same objects in the same order (identity). */
export function sameEntries<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
