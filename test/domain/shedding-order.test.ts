import { sheddingOrder } from '../../domain/shedding-order';
import { pod } from './fixtures';

describe('shedding order', () => {
  test('lower priority first, then least efficient, then name; independent of declaration order', () => {
    const pods = [
      pod('b-efficient', 'bus', 'c', 1, { priority: 0, efficiencyJTh: 13.5 }),
      pod('a-important', 'bus', 'c', 1, { priority: 5, efficiencyJTh: 21.5 }),
      pod('c-old', 'bus', 'c', 1, { priority: 0, efficiencyJTh: 21.5 }),
      pod('a-old', 'bus', 'c', 1, { priority: 0, efficiencyJTh: 21.5 }),
      pod('z-first', 'bus', 'c', 1, { priority: -1, efficiencyJTh: 12 }),
    ];
    const expected = ['z-first', 'a-old', 'c-old', 'b-efficient', 'a-important'];
    expect(sheddingOrder(pods).map((p) => p.name)).toEqual(expected);
    expect(sheddingOrder([...pods].reverse()).map((p) => p.name)).toEqual(expected);
  });
});
