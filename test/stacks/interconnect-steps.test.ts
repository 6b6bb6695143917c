import { AuxiliaryLoad } from '../../constructs/plant/auxiliary-load';
import { PowerBus } from '../../constructs/plant/power-bus';
import { errorOf, smallCampus } from '../constructs/helpers';

describe('an interconnect limit that grows in dated steps', () => {
  // 4 MW approved today, 8 MW from 2027-01; load of 6 MW from 2026-07, 7 MW from 2027-06.
  function site(steps: { from: string; limitMw: number }[]) {
    const { campus } = smallCampus({ interconnectLimitMw: 4, interconnectSteps: steps });
    const bus = new PowerBus(campus, 'big', { feeds: [{ name: 'g1', capacityMw: 20 }] });
    new AuxiliaryLoad(campus, 'base', { powerKw: 3_000, bus, firm: false });
    new AuxiliaryLoad(campus, 'growth', { powerKw: 3_000, bus, firm: false, inService: '2026-07' });
    new AuxiliaryLoad(campus, 'more', { powerKw: 1_000, bus, firm: false, inService: '2027-06' });
    return campus;
  }

  test('each state is checked against the limit in force then, and the step is a state of its own', () => {
    const evaluation = site([{ from: '2027-01', limitMw: 8 }]).evaluate();
    expect(evaluation.states.map((s) => [s.point.label, s.evaluation.budget.site.interconnectLimitKw, s.evaluation.budget.site.gridImportKw])).toEqual([
      ['before 2026-07', 4_000, 3_000],
      ['from 2026-07', 4_000, 6_000],
      ['from 2027-01', 8_000, 6_000],
      ['from 2027-06', 8_000, 7_000],
    ]);
    expect(evaluation.failures.map((f) => f.message)).toEqual([
      'from 2026-07: site interconnect: grid import 6.000 MW (total load 6.000 MW - on-site generation 0.000 MW) exceeds the ERCOT interconnect limit 4.000 MW by 2.000 MW. ' +
        'Remove or curtail load, add on-site generation, or raise the limit (interconnectLimitMw, or the step of interconnectSteps in force) only if the utility has approved more.',
    ]);
  });

  test('steps may be given in any order; the same month twice is refused', () => {
    const a = site([{ from: '2027-06', limitMw: 9 }, { from: '2027-01', limitMw: 8 }]).evaluate();
    expect(a.states.map((s) => s.evaluation.budget.site.interconnectLimitKw)).toEqual([4_000, 4_000, 8_000, 9_000]);
    expect(errorOf(() => site([{ from: '2027-01', limitMw: 8 }, { from: '2027-01', limitMw: 9 }]))).toBe(
      'CampusConfigError: [site] invalid property: interconnectSteps[1].from = "2027-01": 2027-01 is given twice; give one limit per month',
    );
  });
});
