import { shortcutsEnabled, withoutShortcuts } from './shortcuts';

/**
 * `make()`, computed on the first call and kept: what an engine result makes only when it is read.
 * Made with shortcuts off when they were off where it was created (inside `withoutShortcuts`,
 * e.g. the reference evaluation), whenever it is first read.
 */
export function once<T>(make: () => T): () => T {
  const direct = shortcutsEnabled();
  let made = false;
  let value: T;
  return () => {
    if (!made) {
      value = direct ? make() : withoutShortcuts(make);
      made = true;
    }
    return value;
  };
}
