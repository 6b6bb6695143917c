import { coolingKwPerHeatKw, coolingPowerKw, describeCoolingPower } from '../../domain/cooling-power';

describe('cooling power', () => {
  test('PUE: overhead = IT x (PUE - 1)', () => {
    expect(coolingPowerKw({ model: 'pue', pue: 1.1 }, 1_000, true)).toBeCloseTo(100, 9);
    expect(coolingKwPerHeatKw({ model: 'pue', pue: 1.25 })).toBe(0.25);
  });

  test('COP: cooling = heat / COP', () => {
    expect(coolingPowerKw({ model: 'cop', cop: 5 }, 1_000, true)).toBe(200);
    expect(coolingKwPerHeatKw({ model: 'cop', cop: 4 })).toBe(0.25);
  });

  test('fixed kW does not fall with the heat, and stops only when no load it cools runs', () => {
    expect(coolingPowerKw({ model: 'fixed', powerKw: 25 }, 0, true)).toBe(25);
    expect(coolingPowerKw({ model: 'fixed', powerKw: 25 }, 400, true)).toBe(25);
    expect(coolingPowerKw({ model: 'fixed', powerKw: 25 }, 0, false)).toBe(0);
    expect(coolingKwPerHeatKw({ model: 'fixed', powerKw: 25 })).toBe(0);
  });

  test('describes the model', () => {
    expect(describeCoolingPower({ model: 'pue', pue: 1.15 })).toBe('PUE 1.15');
    expect(describeCoolingPower({ model: 'cop', cop: 5.9 })).toBe('COP 5.9');
    expect(describeCoolingPower({ model: 'fixed', powerKw: 25 })).toBe('fixed 25 kW');
  });
});
