import { minerHashrateThs } from '../../domain/hashrate';

describe('hashrate at a power', () => {
  test('constant J/TH by default: TH/s = W / (J/TH)', () => {
    expect(minerHashrateThs(3_645, 13.5)).toBeCloseTo(270, 9);
    expect(minerHashrateThs(0, 13.5)).toBe(0);
  });

  test('a firmware curve is interpolated linearly between its points', () => {
    const curve = [
      { powerW: 2_600, hashrateThs: 220 },
      { powerW: 3_200, hashrateThs: 250 },
      { powerW: 3_645, hashrateThs: 270 },
    ];
    expect(minerHashrateThs(2_900, 13.5, curve)).toBeCloseTo(235, 9);
    expect(minerHashrateThs(3_645, 13.5, curve)).toBe(270);
    expect(minerHashrateThs(2_600, 13.5, curve)).toBe(220);
  });
});
