import { once } from '../../domain/once';
import { shortcutsEnabled, withoutShortcuts } from '../../domain/shortcuts';

describe('once', () => {
  test('makes its value on the first call only', () => {
    let calls = 0;
    const value = once(() => ++calls);
    expect([value(), value(), calls]).toEqual([1, 1, 1]);
  });

  test('made inside withoutShortcuts, it is made with shortcuts off even when first read outside', () => {
    const seen = withoutShortcuts(() => once(() => shortcutsEnabled()));
    expect(shortcutsEnabled()).toBe(true);
    expect(seen()).toBe(false);
  });

  test('made with shortcuts on, it is made with them on', () => {
    const seen = once(() => shortcutsEnabled());
    expect(seen()).toBe(true);
  });
});
