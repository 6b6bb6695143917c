/**
 * showFigure writes figures in messages without the ICU number formatter: the same text as
 * `Number(n.toPrecision(4)).toLocaleString('en-US', { maximumFractionDigits: 4 })`, which it replaced.
 */
import { showFigure } from '../../catalog/plausible-ranges';

describe('showFigure', () => {
  test.each([
    [0, '0'],
    [301, '301'],
    [111_800, '111,800'],
    [127.5, '127.5'],
    [7333.333, '7,333'],
    [1_234_567, '1,235,000'],
    [12.3456, '12.35'],
    [0.0001234, '0.0001'],
    [0.00005, '0.0001'],
    [0.00015, '0.0002'],
    [0.00004999, '0'],
    [-0.00001, '-0'],
    [-2.5, '-2.5'],
    [9.9995, '9.999'],
    [9.99951, '10'],
    [99_995, '100,000'],
    [1e21, '1,000,000,000,000,000,000,000'],
    [1.235e25, '12,350,000,000,000,000,000,000,000'],
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, '∞'],
    [Number.NEGATIVE_INFINITY, '-∞'],
  ])('%p is written %p', (n, text) => {
    expect(showFigure(n)).toBe(text);
  });

  test('writes what the en-US number formatter wrote, for figures from 1e-10 to 1e20', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const mismatches: string[] = [];
    for (let i = 0; i < 2_000; i++) {
      const n = (random() - 0.3) * 10 ** (Math.floor(random() * 30) - 10);
      const formatter = Number(n.toPrecision(4)).toLocaleString('en-US', { maximumFractionDigits: 4 });
      if (showFigure(n) !== formatter) mismatches.push(`${n}: ${showFigure(n)} (formatter: ${formatter})`);
    }
    expect(mismatches).toEqual([]);
  });
});
