import { Testing } from 'cdktf';
import { flexibleMining } from '../examples/flexible-mining';
import { errorOf } from './constructs/helpers';

describe('flexible mining example: a new hall lowers the mining caps instead of failing synth', () => {
  test('before the hall every pod runs at its maximum; after it row b gives way and the bus is exactly full', () => {
    const { campus } = flexibleMining(Testing.app());
    const evaluation = campus.evaluate();
    expect(evaluation.failures).toEqual([]);
    const capsAt = (i: number) => {
      const pods = evaluation.states[i].evaluation.budget.allocation!.pods;
      return [pods.find((p) => p.name === 'pod-a01')!.capW, pods.find((p) => p.name === 'pod-b01')!.capW];
    };
    expect(evaluation.states.map((s) => s.point.label)).toEqual(['before 2027-03', 'from 2027-03']);
    expect(capsAt(0)).toEqual([3_645, 3_645]);
    // 120,000 kW - 1,000 auxiliary - (120 x 132 + 500) x 1.15 = 100,209 kW for mining with its cooling,
    // i.e. 91,099.09 kW of IT at PUE 1.1. Row a (priority 1) keeps 50 x 280 x 3,645 W = 51,030 kW;
    // row b gets 40,069.09 kW over 14,000 miners: 2,862.078 W each.
    const [a, b] = capsAt(1);
    expect(a).toBeCloseTo(3_645, 6);
    expect(b).toBeCloseTo(2_862.078, 3);
    const normal = evaluation.states[1].evaluation.budget.buses[0].scenarios[0];
    expect(normal.load.totalKw).toBeCloseTo(120_000, 3);
  });

  test('a hall too big for even the minimum caps switches row b off, then fails synth with what firm load must shed', () => {
    // 300 racks: 40,100 kW x 1.15 = 46,115 kW firm with its cooling, leaving 72,885 kW: 66,259 kW of mining IT.
    // All 100 pods at their 2,600 W minimum need 72,800 kW (800.8 kW each with cooling). Pods are turned
    // on from the last to be shed: row a (priority 1), then row b from b50 down; 91 fit, so b09 to b01
    // stay off. Row a keeps running. For b01: 46,115 + 1,000 + 91 x 800.8 + 800.8 = 120,788.6 kW.
    const bigger = flexibleMining(Testing.app(), 'west-texas-flex', { hallRacks: 300 }).campus.evaluate();
    expect(bigger.failures).toEqual([]);
    const pods = bigger.states[1].evaluation.budget.allocation!.pods;
    expect(pods.filter((p) => p.offReason).map((p) => p.name)).toEqual(['pod-b01', 'pod-b02', 'pod-b03', 'pod-b04', 'pod-b05', 'pod-b06', 'pod-b07', 'pod-b08', 'pod-b09']);
    expect(pods.find((p) => p.name === 'pod-b01')!.offReason).toBe(
      "switched off (shed 1 of 100): its minimum cap does not fit with the pods ranked above it: normal operation on bus 'bus-1' would exceed its limit by 788.6 kW",
    );
    // 800 racks: the hall alone (106,100 kW x 1.15 = 122,015 kW) is over the 120 MW bus.
    const { campus } = flexibleMining(Testing.app(), 'west-texas-flex', { hallRacks: 800 });
    expect(errorOf(() => Testing.synth(campus, true))).toContain(
      "[west-texas-flex/bus-1] from 2027-03: auto mining caps: even with every auto-capped pod switched off, normal operation on bus 'bus-1' (normal) is over its limit by 3.015 MW: the load without auto-capped mining (halls, rated and fixed-cap pods, blocks, auxiliary and their cooling) must shrink by 3.015 MW, or the capacity must grow by as much.",
    );
  });
});
