import { curtailmentPlan, renderCurtailmentPlan } from '../../constructs/workloads/curtailment-plan-document';
import { pod } from './fixtures';

describe('curtailmentPlan', () => {
  const pods = [
    pod('b-efficient', 'bus', 'air', 1_000, { efficiencyJTh: 12.5, hashrateThs: 80_000, count: 250, hardware: 'Miner E', hardwareId: 'miner-e' }),
    pod('a-old', 'bus', 'air', 600, { efficiencyJTh: 30, hashrateThs: 20_000, count: 200, hardware: 'Miner O', hardwareId: 'miner-o', retire: '2027-04' }),
    pod('c-mid', 'bus', 'air', 500, { efficiencyJTh: 20 }),
    pod('a-mid', 'bus', 'air', 1_000, { efficiencyJTh: 20 }),
    pod('keep', 'bus', 'air', 800, { efficiencyJTh: 35, priority: 5 }),
    pod('firm-pod', 'bus', 'air', 5_000, { efficiencyJTh: 100, firm: true }),
  ];

  test('follows the declared shedding order: priority, then least efficient, then name; firm pods never shed', () => {
    const plan = curtailmentPlan({ campus: 'site', pods });
    expect(plan.steps.map((s) => [s.step, s.pod, s.priority, s.efficiencyJTh, s.itKw, s.cumulativeItKw])).toEqual([
      [1, 'a-old', 0, 30, 600, 600],
      [2, 'a-mid', 0, 20, 1_000, 1_600],
      [3, 'c-mid', 0, 20, 500, 2_100],
      [4, 'b-efficient', 0, 12.5, 1_000, 3_100],
      [5, 'keep', 5, 35, 800, 3_900],
    ]);
    expect(plan.totalItKw).toBe(3_900);
  });

  test('does not depend on declaration order', () => {
    expect(curtailmentPlan({ campus: 'site', pods: [...pods].reverse() })).toEqual(curtailmentPlan({ campus: 'site', pods }));
  });

  test('renders the documented format, version 1, with commitments, caps and service dates', () => {
    const cap = { name: pods[0].name, mode: 'auto' as const, priority: 0, capW: 3_200, powerKw: 800, hashrateThs: 64_000 };
    const text = renderCurtailmentPlan(
      curtailmentPlan({
        campus: 'site',
        asOf: '2027-01',
        pods: [pods[0], pods[1]],
        caps: new Map([[cap.name, cap]]),
        commitments: [{ program: 'ERCOT ERS-10', sheddableKw: 1_200, responseTimeS: 600, season: { fromMonth: 6, toMonth: 9 } }],
      }),
    );
    expect(text).toBe(
      JSON.stringify(
        {
          format: 'hybrid-campus/curtailment-plan',
          formatVersion: 1,
          campus: 'site',
          asOf: '2027-01',
          order: 'priority-then-least-efficient',
          totalItKw: 1400,
          commitments: [
            { program: 'ERCOT ERS-10', sheddableKw: 1200, responseTimeS: 600, season: { fromMonth: 6, toMonth: 9 }, window: null, exclusiveGroup: null, inService: null, retire: null },
          ],
          steps: [
            {
              step: 1, pod: 'a-old', priority: 0, hardware: 'Miner O', hardwareId: 'miner-o', miners: 200, efficiencyJTh: 30, curtailSeconds: 60,
              capW: null, itKw: 600, hashrateThs: 20000, cumulativeItKw: 600, inService: null, retire: '2027-04',
            },
            {
              step: 2, pod: 'b-efficient', priority: 0, hardware: 'Miner E', hardwareId: 'miner-e', miners: 250, efficiencyJTh: 12.5, curtailSeconds: 60,
              capW: 3200, itKw: 800, hashrateThs: 64000, cumulativeItKw: 1400, inService: null, retire: null,
            },
          ],
        },
        null,
        2,
      ) + '\n',
    );
  });

  test('an empty campus gives an empty plan', () => {
    expect(curtailmentPlan({ campus: 'site', pods: [] })).toMatchObject({ totalItKw: 0, steps: [], commitments: [], asOf: null });
  });
});
