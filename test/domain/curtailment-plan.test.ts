import { curtailmentPlan, renderCurtailmentPlan } from '../../domain/curtailment-plan';
import { pod } from './fixtures';

describe('curtailmentPlan', () => {
  // J/TH = itKw x 1000 / hashrateThs.
  const pods = [
    pod('b-efficient', 'bus', 'air', 1_000, { hashrateThs: 80_000, count: 250, hardware: 'Miner E', hardwareId: 'miner-e' }), // 12.5 J/TH
    pod('a-old', 'bus', 'air', 600, { hashrateThs: 20_000, count: 200, hardware: 'Miner O', hardwareId: 'miner-o' }), // 30 J/TH
    pod('c-mid-small', 'bus', 'air', 500, { hashrateThs: 25_000 }), // 20 J/TH
    pod('d-mid-large', 'bus', 'air', 1_000, { hashrateThs: 50_000 }), // 20 J/TH
    pod('a-mid-large', 'bus', 'air', 1_000, { hashrateThs: 50_000 }), // 20 J/TH, ties d-mid-large
    pod('firm-pod', 'bus', 'air', 5_000, { hashrateThs: 50_000, firm: true }), // 100 J/TH, but never shed
  ];

  test('sheds the least efficient pods first, then the larger, then by name; leaves firm pods out', () => {
    const plan = curtailmentPlan('site', pods);
    expect(plan.steps.map((s) => [s.step, s.pod, s.efficiencyJTh, s.itKw, s.cumulativeItKw])).toEqual([
      [1, 'a-old', 30, 600, 600],
      [2, 'a-mid-large', 20, 1_000, 1_600],
      [3, 'd-mid-large', 20, 1_000, 2_600],
      [4, 'c-mid-small', 20, 500, 3_100],
      [5, 'b-efficient', 12.5, 1_000, 4_100],
    ]);
    expect(plan.totalItKw).toBe(4_100);
  });

  test('does not depend on declaration order', () => {
    expect(curtailmentPlan('site', [...pods].reverse())).toEqual(curtailmentPlan('site', pods));
  });

  test('renders the documented format, version 1', () => {
    const text = renderCurtailmentPlan(curtailmentPlan('site', pods.slice(0, 2)));
    expect(text).toBe(
      JSON.stringify(
        {
          format: 'hybrid-campus/curtailment-plan',
          formatVersion: 1,
          campus: 'site',
          order: 'least-efficient-first',
          totalItKw: 1600,
          steps: [
            { step: 1, pod: 'a-old', hardware: 'Miner O', hardwareId: 'miner-o', miners: 200, efficiencyJTh: 30, itKw: 600, hashrateThs: 20000, cumulativeItKw: 600 },
            { step: 2, pod: 'b-efficient', hardware: 'Miner E', hardwareId: 'miner-e', miners: 250, efficiencyJTh: 12.5, itKw: 1000, hashrateThs: 80000, cumulativeItKw: 1600 },
          ],
        },
        null,
        2,
      ) + '\n',
    );
  });

  test('an empty campus gives an empty plan', () => {
    expect(curtailmentPlan('site', [])).toEqual({
      format: 'hybrid-campus/curtailment-plan',
      formatVersion: 1,
      campus: 'site',
      order: 'least-efficient-first',
      totalItKw: 0,
      steps: [],
    });
  });
});
