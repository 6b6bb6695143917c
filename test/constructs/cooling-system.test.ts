import { CoolingSystem, type CoolingSystemProps } from '../../constructs/plant/cooling-system';
import { PowerBus } from '../../constructs/plant/power-bus';
import { Campus } from '../../stacks/campus';
import { errorOf, smallCampus } from './helpers';

describe('CoolingSystem', () => {
  test.each<[Partial<CoolingSystemProps>, CoolingSystem['power']]>([
    [{ pue: 1.2 }, { model: 'pue', pue: 1.2 }],
    [{ cop: 5.9 }, { model: 'cop', cop: 5.9 }],
    [{ fixedPowerKw: 25 }, { model: 'fixed', powerKw: 25 }],
  ])('takes exactly one power model: %o', (powerProps, expected) => {
    const { campus, bus } = smallCampus();
    const c = new CoolingSystem(campus, 'c', { type: 'immersion', capacityKw: 720, bus, ...powerProps });
    expect(c.power).toEqual(expected);
    expect(c.toModel()).toEqual({ name: 'c', path: 'site/c', type: 'immersion', capacityKw: 720, power: expected, bus: 'bus' });
  });

  test.each<[string, Omit<CoolingSystemProps, 'bus'>, string]>([
    [
      'no power model',
      { type: 'air', capacityKw: 1000 },
      '[site/c] invalid property: pue = nothing (the field is missing): the cooling system has no power model: give exactly one of pue, cop or fixedPowerKw',
    ],
    [
      'two power models',
      { type: 'air', capacityKw: 1000, pue: 1.1, cop: 3 },
      '[site/c] invalid property: cop = 3: give exactly one of pue, cop or fixedPowerKw (got pue and cop)',
    ],
    [
      'an unknown type, zero capacity and a PUE below 1',
      { type: 'water' as 'air', capacityKw: 0, pue: 0.9 },
      '[site/c] 3 invalid properties: type = "water": must be "air", "hydro", "immersion", "direct-to-chip" or "chiller"; capacityKw = 0: must be greater than 0 (heat-rejection capacity in kW); pue = 0.9: must be at least 1 (PUE = facility power / IT power)',
    ],
  ])('refuses %s', (_, props, message) => {
    const { campus, bus } = smallCampus();
    expect(errorOf(() => new CoolingSystem(campus, 'c', { ...props, bus }))).toBe(`CampusConfigError: ${message}`);
  });

  test('refuses a bus of another campus', () => {
    const { app, bus } = smallCampus();
    const other = new Campus(app, 'other', { gridRegion: 'ERCOT', interconnectLimitMw: 10 });
    expect(errorOf(() => new CoolingSystem(other, 'c', { type: 'air', capacityKw: 1, pue: 1.1, bus }))).toBe(
      "CampusConfigError: [other/c] bus = PowerBus 'bus' (site/bus) belongs to campus 'site', not to campus 'other'. Use a PowerBus declared in campus 'other'.",
    );
  });

  test('refuses something that is not a bus', () => {
    const { campus, air } = smallCampus();
    expect(errorOf(() => new CoolingSystem(campus, 'c', { type: 'air', capacityKw: 1, pue: 1.1, bus: air as unknown as PowerBus }))).toBe(
      'CampusConfigError: [site/c] invalid property: bus = CoolingSystem at site/air: must be a PowerBus construct',
    );
  });
});

describe('CoolingSystem: plausible power figures', () => {
  test.each([
    [{ cop: 5e-324 }, 'cop = 5e-324: must be at least 0.5 (heat kW removed per kW drawn; a chiller is near 5.9); check the figure'],
    [{ cop: 1e6 }, 'cop = 1000000: must be at most 100 (heat kW removed per kW drawn; a chiller is near 5.9); check the figure'],
    [{ pue: 1e300 }, 'pue = 1e+300: must be at most 3 (a partial PUE is 1.03-1.50 for real systems); check the figure'],
  ])('refuses %j', (power, message) => {
    const { campus, bus } = smallCampus();
    expect(errorOf(() => new CoolingSystem(campus, 'c', { type: 'chiller', capacityKw: 1_000, bus, ...power }))).toBe(`CampusConfigError: [site/c] invalid property: ${message}`);
  });
});
