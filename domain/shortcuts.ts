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

/**
 * `make(key)`, computed once per key object while shortcuts are on (models are plain read-only
 * data, so a figure of an object never goes stale); computed every time inside `withoutShortcuts`.
 */
export function cachedPer<K extends object, V>(cache: WeakMap<K, V>, key: K, make: (key: K) => V): V {
  if (!enabled) return make(key);
  let value = cache.get(key);
  if (value === undefined) cache.set(key, (value = make(key)));
  return value;
}

/**
 * `make(list)`, computed once per list while the list still holds the same objects in the same
 * order (checked by identity, one pass) and shortcuts are on: a caller that pushes, removes or
 * replaces an entry in place after a first evaluation gets `make` again, never a figure of the
 * list it held before (the objects themselves are read-only data, as for `cachedPer`).
 */
export function cachedPerList<T, V>(cache: WeakMap<readonly T[], { readonly listed: readonly T[]; readonly value: V }>, list: readonly T[], make: (list: readonly T[]) => V): V {
  if (!enabled) return make(list);
  const known = cache.get(list);
  if (known !== undefined && sameEntries(known.listed, list)) return known.value;
  const value = make(list);
  cache.set(list, { listed: [...list], value });
  return value;
}

function sameEntries<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
