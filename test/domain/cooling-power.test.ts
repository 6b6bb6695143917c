import { coolingPowerKw, describeCoolingPower, splitCoolingPower } from '../../domain/cooling-power';

describe('cooling power', () => {
  test('PUE: overhead = IT x (PUE - 1)', () => {
    expect(coolingPowerKw({ model: 'pue', pue: 1.1 }, 1_000)).toBeCloseTo(100, 9);
  });

  test('COP: cooling = heat / COP', () => {
    expect(coolingPowerKw({ model: 'cop', cop: 5 }, 1_000)).toBe(200);
  });

  test('fixed kW ignores load', () => {
    expect(coolingPowerKw({ model: 'fixed', powerKw: 25 }, 0)).toBe(25);
    expect(coolingPowerKw({ model: 'fixed', powerKw: 25 }, 400)).toBe(25);
  });

  test('split in proportion to heat: 300 kW firm + 100 kW interruptible at COP 4', () => {
    const s = splitCoolingPower({ model: 'cop', cop: 4 }, 300, 100);
    expect(s.totalKw).toBe(100);
    expect(s.firmKw).toBe(75);
    expect(s.interruptibleKw).toBe(25);
  });

  test('fixed power does not fall with the heat: firm while any firm load is served', () => {
    const mixed = splitCoolingPower({ model: 'fixed', powerKw: 40 }, 100, 300);
    expect(mixed.firmKw).toBe(40);
    expect(mixed.interruptibleKw).toBe(0);
    const miningOnly = splitCoolingPower({ model: 'fixed', powerKw: 40 }, 0, 300);
    expect(miningOnly.firmKw).toBe(0);
    expect(miningOnly.interruptibleKw).toBe(40);
  });

  test('a system that serves nothing counts its fixed draw as firm', () => {
    const s = splitCoolingPower({ model: 'fixed', powerKw: 40 }, 0, 0);
    expect(s.firmKw).toBe(40);
    expect(s.interruptibleKw).toBe(0);
  });

  test('describes the model', () => {
    expect(describeCoolingPower({ model: 'pue', pue: 1.15 })).toBe('PUE 1.15');
    expect(describeCoolingPower({ model: 'cop', cop: 5.9 })).toBe('COP 5.9');
    expect(describeCoolingPower({ model: 'fixed', powerKw: 25 })).toBe('fixed 25 kW');
  });
});
