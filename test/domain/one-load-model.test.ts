/**
 * The defects the one load model fixes (issue 9), each with the numbers computed by hand.
 * Cooling at PUE 1 draws nothing, so the figures stay round.
 */
import { ASIC_MODELS } from '../../catalog/hardware-catalog';
import { CoolingSystem } from '../../constructs/plant/cooling-system';
import { MiningPod } from '../../constructs/plant/mining-pod';
import { allocateMiningCaps } from '../../domain/mining-caps';
import { evaluateCampus } from '../../domain/evaluate';
import { importReductionKw } from '../../domain/demand-response';
import type { DemandResponseCommitment } from '../../domain/model';
import { autoPod, bus, campus, cooling, feed, hall, pod } from './fixtures';
import { smallCampus } from '../constructs/helpers';

const pue1 = { model: 'pue' as const, pue: 1 };
const capOf = (model: ReturnType<typeof campus>, name: string) => allocateMiningCaps(model)!.pods.find((p) => p.name === name)!;

describe('one load model: the defects of issue 9', () => {
  test('1. a generator trip is checked against the interconnect: the genset cannot be both running and the backup', () => {
    // N+1: utility 80 + 80 MW and a 30 MW genset; 105 MW firm hall; 100 MW interconnect.
    // Normal: import 105 - 30 = 75 MW (passes). Genset lost: import 105 MW > 100 MW by 5 MW.
    const model = campus({
      interconnectLimitKw: 100_000,
      buses: [bus('main', [feed('u1', 80_000), feed('u2', 80_000), feed('genset', 30_000, { source: 'onsite-generation' })], 'N+1')],
      coolingSystems: [cooling('dlc', 'main', pue1, 200_000)],
      gpuHalls: [hall('hall', 'main', 'dlc', 105_000)],
    });
    const evaluation = evaluateCampus(model);
    expect(evaluation.budget.site.gridImportKw).toBe(75_000);
    expect(evaluation.failures.map((f) => [f.check, f.scenario])).toEqual([['site-interconnect', 'contingency']]);
    expect(evaluation.failures[0].message).toBe(
      "site interconnect after the loss of on-site generator 'genset' on bus 'main': firm grid import 105.000 MW " +
        '(firm load 105.000 MW, interruptible load shed, on-site generation left 0.000 MW) exceeds the ERCOT interconnect limit 100.000 MW ' +
        'by 5.000 MW: the generator cannot be counted on both as running and as a backup. Reduce firm load, add a redundant generator, ' +
        'or raise the limit (interconnectLimitMw, or the step of interconnectSteps in force) only if the utility has approved more.',
    );
    // Every loss of the bus is listed, with the site's import in each.
    expect(evaluation.budget.site.contingencies.map((c) => [c.scenario.id, c.gridImportKw])).toEqual([
      ['main/lose-feed:genset', 105_000],
      ['main/lose-feed:u1', 75_000],
      ['main/lose-feed:u2', 75_000],
    ]);
  });

  test('2. 2N without sides assumes the worst split: 100 + 20 MW keeps 20 MW, so a 55 MW firm hall fails', () => {
    const model = campus({
      buses: [bus('main', [feed('big', 100_000), feed('small', 20_000)], '2N')],
      coolingSystems: [cooling('dlc', 'main', pue1, 200_000)],
      gpuHalls: [hall('hall', 'main', 'dlc', 55_000)],
    });
    const failures = evaluateCampus(model).failures;
    expect(failures.map((f) => f.check)).toEqual(['bus-contingency-capacity']);
    expect(failures[0].message).toContain(
      "contingency on bus 'main' (2N, loss of one side; the feeds name no side, so the worst split for the bus is assumed: only 'small' is left ('big' lost)): firm load 55.000 MW",
    );
    expect(failures[0].message).toContain('exceeds the 20.000 MW the bus can still carry by 35.000 MW');
  });

  test('3. the caps solver keeps N+1: a firm pod makes its fixed cooling firm, so it is capped at 200 kW', () => {
    // N+1 10 + 10 MW. Firm: 9 MW hall (PUE 1). A fixed 800 kW system cools a rated interruptible
    // 1 MW pod and a firm auto pod of 1,000 miners at 100-3,000 W. Losing a feed leaves 10 MW for
    // 9,000 + 800 (the fixed draw keeps running for the firm pod) + x: x <= 200 kW.
    const model = campus({
      buses: [bus('main', [feed('f1', 10_000), feed('f2', 10_000)], 'N+1')],
      coolingSystems: [cooling('dlc', 'main', pue1, 100_000), cooling('fans', 'main', { model: 'fixed', powerKw: 800 }, 5_000)],
      gpuHalls: [hall('hall', 'main', 'dlc', 9_000)],
      miningPods: [pod('rated', 'main', 'fans', 1_000), autoPod('firm-auto', 'main', 'fans', 1_000, 100, 3_000, { firm: true })],
    });
    const firmPod = capOf(model, 'firm-auto');
    expect(firmPod.powerKw).toBeCloseTo(200, 6);
    expect(firmPod.capW).toBeCloseTo(200, 6);
    const evaluation = evaluateCampus(model);
    expect(evaluation.failures).toEqual([]);
    const worst = evaluation.budget.buses[0].scenarios.filter((s) => s.scenario === 'contingency').map((s) => s.load.totalKw);
    expect(worst.every((kw) => Math.abs(kw - 10_000) < 1e-6)).toBe(true);
  });

  test('4. ... and a fixed draw that only interruptible load needs does not make a feasible site infeasible', () => {
    // N+1 10 + 10 MW, 8.5 MW firm hall. A fixed 2 MW system cools only an interruptible auto pod; a
    // firm auto pod is cooled at PUE 1 (both 1,000 x 500-3,000 W, same priority). Losing a feed:
    // 8,500 + x_firm <= 10,000, so x_firm <= 1,500 kW; the interruptible pod and its 2 MW are shed
    // there. Normal: 8,500 + 2,000 + x_firm + x_int <= 20,000 leaves x_int its 3,000 kW maximum.
    const model = campus({
      buses: [bus('main', [feed('f1', 10_000), feed('f2', 10_000)], 'N+1')],
      coolingSystems: [cooling('dlc', 'main', pue1, 100_000), cooling('fans', 'main', { model: 'fixed', powerKw: 2_000 }, 5_000)],
      gpuHalls: [hall('hall', 'main', 'dlc', 8_500)],
      miningPods: [autoPod('int', 'main', 'fans', 1_000, 500, 3_000), autoPod('firm', 'main', 'dlc', 1_000, 500, 3_000, { firm: true })],
    });
    expect(capOf(model, 'firm').powerKw).toBeCloseTo(1_500, 6);
    expect(capOf(model, 'int').powerKw).toBeCloseTo(3_000, 6);
    const evaluation = evaluateCampus(model);
    expect(evaluation.failures).toEqual([]);
    expect(evaluation.budget.buses[0].scenarios[0].load.totalKw).toBeCloseTo(15_000, 6);
  });

  test('5. a pod switched off does not keep a smaller one off: pod-b off, pod-a at 50 kW', () => {
    // 100 kW bus. pod-b (priority 1) needs 150 kW at its minimum: off. pod-a (priority 0) fits: 50 kW.
    const model = campus({
      buses: [bus('main', [feed('f', 100)])],
      coolingSystems: [cooling('air', 'main', pue1)],
      miningPods: [autoPod('pod-a', 'main', 'air', 1_000, 20, 50, { priority: 0 }), autoPod('pod-b', 'main', 'air', 1_000, 150, 200, { priority: 1 })],
    });
    expect(capOf(model, 'pod-a').powerKw).toBeCloseTo(50, 6);
    expect(capOf(model, 'pod-b')).toMatchObject({
      powerKw: 0,
      offReason: "switched off (shed 2 of 2): its minimum cap does not fit with the pods ranked above it: normal operation on bus 'main' would exceed its limit by 50.0 kW",
    });
    expect(evaluateCampus(model).results.find((r) => r.check === 'mining-caps')!.message).toBe(
      'auto mining caps: headroom used by mining 0.050 MW of 0.100 MW across 2 pods, 1 switched off.',
    );
  });

  test('the caps solver keeps demand response: a slow pod would keep shared fixed cooling running during a call', () => {
    // N+1 20 + 20 MW. A fixed 2 MW system cools a rated 5 MW pod that sheds in 30 s and an auto pod
    // (100 x 100-3,000 W) that takes 900 s. A 6.5 MW commitment within 60 s: with the auto pod off,
    // shedding the fast pod stops the fans too, 5 + 2 = 7 MW; with it on, the fans keep running: 5 MW.
    const model = campus({
      buses: [bus('main', [feed('f1', 20_000), feed('f2', 20_000)], 'N+1')],
      coolingSystems: [cooling('fans', 'main', { model: 'fixed', powerKw: 2_000 }, 50_000)],
      miningPods: [pod('fast', 'main', 'fans', 5_000, { curtailSeconds: 30 }), autoPod('slow', 'main', 'fans', 100, 100, 3_000, { curtailSeconds: 900 })],
      commitments: [{ program: 'ERCOT ECRS', sheddableKw: 6_500, responseTimeS: 60 }],
    });
    expect(capOf(model, 'slow')).toMatchObject({
      powerKw: 0,
      offReason:
        "switched off (shed 1 of 1): it does not shed within the 60 s of 'ERCOT ECRS', and with the other pods it keeps its fixed cooling 'fans' " +
        'running during a call, so demand response could no longer cover the commitment',
    });
    const evaluation = evaluateCampus(model);
    expect(evaluation.failures).toEqual([]);
    expect(importReductionKw(evaluation.budget, 60)).toBe(7_000);
  });

  test('... judged against the best it can reach, and only the pods that hold a system that would otherwise stop are switched off', () => {
    // Fixed cF (5 MW) cools fast pod P (10 MW, 60 s) and slow auto pod B2; fixed cD (1 MW) cools only
    // slow auto pod B1. A 14 MW commitment within 600 s: with B2 on, cF keeps running during a call
    // (10 MW cut); with B2 off, 10 + 5 = 15 MW. B1 holds nothing that would stop: it stays on at 2 MW.
    const model = campus({
      buses: [bus('main', [feed('u', 100_000)])],
      coolingSystems: [cooling('cF', 'main', { model: 'fixed', powerKw: 5_000 }, 50_000), cooling('cD', 'main', { model: 'fixed', powerKw: 1_000 }, 50_000)],
      miningPods: [
        pod('p', 'main', 'cF', 10_000, { curtailSeconds: 60 }),
        autoPod('b1', 'main', 'cD', 1_000, 1_000, 2_000, { curtailSeconds: 3_600, priority: 0 }),
        autoPod('b2', 'main', 'cF', 1_000, 1_000, 2_000, { curtailSeconds: 3_600, priority: 1 }),
      ],
      commitments: [{ program: 'ERS', sheddableKw: 14_000, responseTimeS: 600 }],
    });
    expect(capOf(model, 'b1').powerKw).toBeCloseTo(2_000, 6);
    expect(capOf(model, 'b2').powerKw).toBe(0);
    expect(evaluateCampus(model).failures).toEqual([]);
    // With only auto pods on cF (fast A, slow B), the commitment is met with B off: 5 + 5 = 10 MW >= 9 MW.
    const both = campus({
      buses: [bus('main', [feed('u', 100_000)])],
      coolingSystems: [cooling('cF', 'main', { model: 'fixed', powerKw: 5_000 }, 50_000)],
      miningPods: [
        autoPod('a', 'main', 'cF', 1_000, 4_000, 5_000, { curtailSeconds: 60, priority: 0 }),
        autoPod('b', 'main', 'cF', 1_000, 1_000, 2_000, { curtailSeconds: 3_600, priority: 1 }),
      ],
      commitments: [{ program: 'ERS', sheddableKw: 9_000, responseTimeS: 600 }],
    });
    expect(capOf(both, 'b').powerKw).toBe(0);
    expect(capOf(both, 'a').powerKw).toBeCloseTo(5_000, 6);
    expect(evaluateCampus(both).failures).toEqual([]);
  });

  const ers = (sheddableKw: number, extra: Partial<DemandResponseCommitment> = {}): DemandResponseCommitment => ({
    program: 'ERCOT ERS-10',
    sheddableKw,
    responseTimeS: 600,
    ...extra,
  });

  test('6. demand response counts grid import: a pod fed by on-site generation alone sheds nothing from the grid', () => {
    // 15 MW pod on a bus fed only by 20 MW of generation: import 0 before and after shedding.
    const model = campus({
      buses: [bus('gen', [feed('genset', 20_000, { source: 'onsite-generation' })])],
      coolingSystems: [cooling('air', 'gen', pue1)],
      miningPods: [pod('pod', 'gen', 'air', 15_000)],
      commitments: [ers(15_000)],
    });
    const evaluation = evaluateCampus(model);
    expect(importReductionKw(evaluation.budget, 600)).toBe(0);
    expect(evaluation.failures.map((f) => f.message)).toEqual([
      "demand response 'ERCOT ERS-10': shedding the interruptible load that curtails within 600 s cuts grid import by 0.000 MW, " +
        'below the committed 15.000 MW by 15.000 MW. Keep more grid-fed mining in service, make pods curtail faster (curtailSeconds), ' +
        'take slow or firm loads off fixed-power cooling shared with the pods that shed (it keeps running for them), lower or end a commitment, or give commitments that are never called together the same exclusiveGroup.',
    ]);
  });

  test('7. two commitments in force together cannot count the same megawatts, unless declared never called together', () => {
    // 50 MW of grid-fed mining; ERS 40 MW and ECRS 40 MW both respond within 600 s: 80 MW needed.
    const base = {
      buses: [bus('main', [feed('u', 100_000)])],
      coolingSystems: [cooling('air', 'main', pue1)],
      miningPods: [pod('pod', 'main', 'air', 50_000)],
    };
    const together = evaluateCampus(campus({ ...base, commitments: [ers(40_000), ers(40_000, { program: 'ERCOT ECRS' })] }));
    expect(together.failures.map((f) => f.subject)).toEqual(['ERCOT ECRS', 'ERCOT ERS-10']);
    expect(together.failures[0].message).toContain(
      "cuts grid import by 50.000 MW, below the committed 80.000 MW (40.000 MW for 'ERCOT ECRS' and 40.000 MW for 'ERCOT ERS-10', " +
        'which may be called at the same time and respond as fast) by 30.000 MW.',
    );
    const exclusive = evaluateCampus(
      campus({ ...base, commitments: [ers(40_000, { exclusiveGroup: 'as' }), ers(40_000, { program: 'ERCOT ECRS', exclusiveGroup: 'as' })] }),
    );
    expect(exclusive.failures).toEqual([]);
  });

  test('8. demand response does not credit a fixed cooling draw that keeps running for a load that cannot shed in time', () => {
    // A fixed 1 MW system cools a 1 MW pod and a 1 MW firm: false hall (a hall takes no part in
    // demand response): shedding the pod leaves the fans running, so 1,000 kW, not 1,500 kW.
    const model = campus({
      buses: [bus('main', [feed('u', 10_000)])],
      coolingSystems: [cooling('fans', 'main', { model: 'fixed', powerKw: 1_000 })],
      miningPods: [pod('pod', 'main', 'fans', 1_000)],
      gpuHalls: [hall('hall', 'main', 'fans', 1_000, { firm: false })],
    });
    expect(importReductionKw(evaluateCampus(model).budget, 600)).toBe(1_000);
    // With the hall gone, shedding the pod also stops the fans: 2,000 kW.
    expect(importReductionKw(evaluateCampus({ ...model, gpuHalls: [] }).budget, 600)).toBe(2_000);
  });

  test.each([
    ['MICROBT_WHATSMINER_M63S_HYD', 390],
    ['CANAAN_AVALON_A16', ASIC_MODELS.CANAAN_AVALON_A16.hashrateThs],
    ['CANAAN_AVALON_A16_XP', ASIC_MODELS.CANAAN_AVALON_A16_XP.hashrateThs],
  ] as const)('9. a capped pod of %s at rated power reports the catalog hashrate (%s TH/s per miner)', (key, ths) => {
    const { campus: site, bus: b } = smallCampus();
    const model = ASIC_MODELS[key];
    const hydro = new CoolingSystem(site, 'hydro', { type: model.cooling === 'hydro' ? 'hydro' : 'air', capacityKw: 2_000, pue: 1.05, bus: b });
    new MiningPod(site, 'fixed', { model, count: 10, bus: b, cooling: hydro, powerCap: { mode: 'fixed', minW: model.powerW / 2, maxW: model.powerW, capW: model.powerW } });
    new MiningPod(site, 'auto', { model, count: 10, bus: b, cooling: hydro, powerCap: { mode: 'auto', minW: model.powerW / 2, maxW: model.powerW } });
    const pods = site.evaluate().current.budget.allocation!.pods;
    expect(pods.map((p) => [p.name, p.capW, p.hashrateThs])).toEqual([
      ['auto', model.powerW, 10 * ths],
      ['fixed', model.powerW, 10 * ths],
    ]);
  });
});
