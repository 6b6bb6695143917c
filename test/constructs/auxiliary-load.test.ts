import { AuxiliaryLoad } from '../../constructs/plant/auxiliary-load';
import { errorOf, smallCampus } from './helpers';

describe('AuxiliaryLoad', () => {
  test('is a fixed firm draw on its bus', () => {
    const { campus, bus } = smallCampus();
    new AuxiliaryLoad(campus, 'office', { powerKw: 250, bus });
    const normal = campus.evaluate().current.budget.buses[0].scenarios[0];
    expect(normal.load.auxiliaryKw).toBe(250);
  });

  test('refuses a negative power', () => {
    const { campus, bus } = smallCampus();
    expect(errorOf(() => new AuxiliaryLoad(campus, 'office', { powerKw: -5, bus }))).toBe(
      'CampusConfigError: [site/office] invalid property: powerKw = -5: must be greater than 0 (constant draw in kW)',
    );
  });
});
