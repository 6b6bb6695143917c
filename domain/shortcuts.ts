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
