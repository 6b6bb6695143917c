import { groupThousands } from '../../domain/units';

describe('groupThousands (the limits and counts in bad-input messages)', () => {
  test.each([
    [0, '0'],
    [7, '7'],
    [999, '999'],
    [1_000, '1,000'],
    [4_096, '4,096'],
    [10_000, '10,000'],
    [200_000, '200,000'],
    [1_234_567, '1,234,567'],
    [-1_234, '-1,234'],
  ])('%d is written %s', (n, text) => {
    expect(groupThousands(n)).toBe(text);
  });

  test('a number that is not a safe whole number is written as JavaScript writes it', () => {
    expect(groupThousands(1.5)).toBe('1.5');
    expect(groupThousands(Number.MAX_SAFE_INTEGER + 2)).toBe('9007199254740992');
  });
});
