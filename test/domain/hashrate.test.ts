import { minerHashrateThs } from '../../domain/hashrate';

describe('hashrate at a power', () => {
  const s21xp = { powerW: 3_645, hashrateThs: 270 };

  test('from the rated point by default: TH/s = rated TH/s x W / rated W', () => {
    expect(minerHashrateThs(3_645, s21xp)).toBe(270);
    expect(minerHashrateThs(2_916, s21xp)).toBeCloseTo(216, 9);
    expect(minerHashrateThs(0, s21xp)).toBe(0);
  });

  test('at rated power a miner reports the catalog figure, not the one the rounded J/TH gives', () => {
    // Whatsminer M63S Hyd: 390 TH/s at 7,215 W; the catalog's 18.5 J/TH would give 7,200 / 18.5 = 389.19 at 7,200 W.
    expect(minerHashrateThs(7_215, { powerW: 7_215, hashrateThs: 390 })).toBe(390);
  });

  test('a firmware curve is interpolated linearly between its points', () => {
    const curve = [
      { powerW: 2_600, hashrateThs: 220 },
      { powerW: 3_200, hashrateThs: 250 },
      { powerW: 3_645, hashrateThs: 270 },
    ];
    expect(minerHashrateThs(2_900, s21xp, curve)).toBeCloseTo(235, 9);
    expect(minerHashrateThs(3_645, s21xp, curve)).toBe(270);
    expect(minerHashrateThs(2_600, s21xp, curve)).toBe(220);
  });
});
