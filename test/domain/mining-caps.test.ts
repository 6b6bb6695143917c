import { allocateMiningCaps } from '../../domain/mining-caps';
import { evaluateCampus } from '../../domain/evaluate';
import type { MiningPodModel } from '../../domain/model';
import { autoPod, bus, campus, cooling, feed, hall, pod } from './fixtures';

function capsOf(model: ReturnType<typeof campus>) {
  const allocated = allocateMiningCaps(model);
  return Object.fromEntries(allocated!.pods.map((p) => [p.name, Math.round(p.capW * 1000) / 1000]));
}

describe('mining caps', () => {
  // One 10 MW bus. A 2 MW firm hall and two 1,000-miner pods (2,000-3,500 W) share a PUE 1.25
  // air system: every kW of IT costs 1.25 kW on the bus. Base = 2,000 + 500 = 2,500 kW, leaving
  // 7,500 kW, i.e. 6,000 kW of mining IT. 'hi' (priority 1) goes first, to its 3,500 kW maximum;
  // 'lo' gets the remaining 2,500 kW: a cap of 2,500 W.
  const twoPriorities = campus({
    // N+1, 5 + 5 MW: the firm hall (2,500 kW with its cooling) survives the loss of either feed.
    buses: [bus('main', [feed('f1', 5_000), feed('f2', 5_000)], 'N+1')],
    coolingSystems: [cooling('air', 'main', { model: 'pue', pue: 1.25 })],
    gpuHalls: [hall('h', 'main', 'air', 2_000)],
    miningPods: [autoPod('lo', 'main', 'air', 1_000, 2_000, 3_500, { priority: 0 }), autoPod('hi', 'main', 'air', 1_000, 2_000, 3_500, { priority: 1 })],
  });

  test('one bus, two priorities, PUE-cooled: the higher priority fills first, the lower takes the rest', () => {
    const allocated = allocateMiningCaps(twoPriorities);
    const pods = allocated!.pods;
    expect(pods.map((p) => [p.name, p.priority, Math.round(p.capW * 1000) / 1000, Math.round(p.powerKw * 1000) / 1000])).toEqual([
      ['hi', 1, 3_500, 3_500],
      ['lo', 0, 2_500, 2_500],
    ]);
    // Hashrate at constant 17.5 J/TH: 1,000 x 3,500 / 17.5 = 200,000 TH/s and 1,000 x 2,500 / 17.5 = 142,857.1 TH/s.
    expect(pods[0].hashrateThs).toBeCloseTo(200_000, 6);
    expect(pods[1].hashrateThs).toBeCloseTo(142_857.142857, 3);
    expect(allocated!.miningPowerKw).toBeCloseTo(6_000, 6);
    expect(allocated!.headroomKw).toBeCloseTo(6_000, 6);
    // The capped campus passes every check, with the bus exactly full.
    const evaluation = evaluateCampus(twoPriorities);
    expect(evaluation.failures).toEqual([]);
    expect(evaluation.budget.buses[0].scenarios[0].load.totalKw).toBeCloseTo(10_000, 6);
  });

  test('a bus full of auto-capped mining does not warn; one whose firm load alone is above the threshold does', () => {
    const full = evaluateCampus(twoPriorities).results.find((r) => r.check === 'bus-normal-capacity')!;
    expect(full.status).toBe('pass');
    // 6,000 kW of mining IT x 1.25 = 7,500 kW of the 10,000 kW is the pods' doing.
    expect(full.message).toBe(
      "normal operation: bus 'main' load 10.000 MW is 100.0% of its usable capacity 10.000 MW, of which auto-capped mining fills 7.500 MW by design; headroom 0.000 MW.",
    );
    const heavy = { ...twoPriorities, gpuHalls: [hall('h', 'main', 'air', 7_500)] };
    // 7,500 x 1.25 = 9,375 kW of firm load alone: 93.75% > 90%.
    expect(evaluateCampus(heavy).results.find((r) => r.check === 'bus-normal-capacity')!.status).toBe('warn');
  });

  test('a firm auto-capped pod that fills the contingency does not make it warn', () => {
    const model = campus({
      buses: [bus('b', [feed('f1', 1_000), feed('f2', 1_000)], 'N+1')],
      coolingSystems: [cooling('c', 'b', { model: 'pue', pue: 1.1 })],
      miningPods: [autoPod('p', 'b', 'c', 1_000, 500, 3_000, { firm: true })],
    });
    const contingency = evaluateCampus(model).results.find((r) => r.check === 'bus-contingency-capacity')!;
    expect(contingency.status).toBe('pass');
    expect(contingency.message).toContain('is 100.0% of what the bus can still carry 1.000 MW, of which auto-capped mining fills 1.000 MW by design');
  });

  test('an N+1 bus where the contingency binds, not normal operation', () => {
    // Feeds 6 + 6 MW: 12 MW usable, 6 MW firm. A 3 MW firm hall and a firm (non-interruptible) pod
    // share a COP-5 chiller (1.2 kW per kW of IT). Contingency: 3,600 + 1.2 P <= 6,000 -> P = 2,000 kW;
    // normal would allow 7,000 kW. An interruptible pod of the same priority is shed in the
    // contingency, so only normal operation limits it: it reaches its 3,000 W maximum.
    const model = campus({
      buses: [bus('b', [feed('f1', 6_000), feed('f2', 6_000)], 'N+1')],
      coolingSystems: [cooling('chill', 'b', { model: 'cop', cop: 5 }, 100_000, 'chiller')],
      gpuHalls: [hall('h', 'b', 'chill', 3_000)],
      miningPods: [
        autoPod('firm-pod', 'b', 'chill', 1_000, 1_000, 3_000, { firm: true }),
        autoPod('int-pod', 'b', 'chill', 1_000, 1_000, 3_000),
      ],
    });
    expect(capsOf(model)).toEqual({ 'firm-pod': 2_000, 'int-pod': 3_000 });
    const evaluation = evaluateCampus(model);
    expect(evaluation.failures).toEqual([]);
    const [normal, contingency] = evaluation.budget.buses[0].scenarios;
    expect(contingency.load.totalKw).toBeCloseTo(6_000, 6);
    expect(normal.load.totalKw).toBeCloseTo(9_600, 6);
  });

  test('whole pods are switched off, lowest priority first, only when their minimum does not fit', () => {
    // 5 MW bus with 3 MW of firm auxiliary. Two pods of 1,000 x 1,500-3,000 W: both at minimum need
    // 3 MW, only 2 MW is left. 'a' (priority 0) is switched off; 'b' (priority 1) rises to 2,000 W.
    const model = campus({
      buses: [bus('main', [feed('f', 5_000)])],
      coolingSystems: [cooling('air', 'main', { model: 'fixed', powerKw: 0.000001 })],
      miningPods: [autoPod('a', 'main', 'air', 1_000, 1_500, 3_000, { priority: 0 }), autoPod('b', 'main', 'air', 1_000, 1_500, 3_000, { priority: 1 })],
      // Interruptible, so that only normal operation binds (the bus is N, one feed).
      auxiliaryLoads: [{ kind: 'auxiliary', name: 'office', path: 'site/office', bus: 'main', powerKw: 3_000, firm: false }],
    });
    const allocated = allocateMiningCaps(model);
    const [a, b] = allocated!.pods;
    expect(a).toMatchObject({
      name: 'a',
      capW: 0,
      powerKw: 0,
      offReason:
        "switched off (shed 1 of 2): its minimum cap does not fit with the pods ranked above it: normal operation on bus 'main' would exceed its limit by 1.000 MW",
    });
    expect(b.capW).toBeCloseTo(2_000, 3);
    expect(evaluateCampus(model).failures).toEqual([]);
  });

  test('when firm load alone breaks a check, synth fails and says by how much firm load must shrink', () => {
    const model = campus({
      buses: [bus('main', [feed('f', 5_000)])],
      coolingSystems: [cooling('air', 'main', { model: 'pue', pue: 1.1 })],
      gpuHalls: [hall('h', 'main', 'air', 5_000)],
      miningPods: [autoPod('p', 'main', 'air', 100, 1_000, 3_000)],
    });
    const evaluation = evaluateCampus(model);
    const capFailure = evaluation.failures.find((f) => f.check === 'mining-caps')!;
    expect(capFailure).toMatchObject({
      path: 'site/main',
      scenario: 'normal',
      message:
        "auto mining caps: even with every auto-capped pod switched off, normal operation on bus 'main' (normal) is over its limit by 0.500 MW: " +
        'the load without auto-capped mining (halls, rated and fixed-cap pods, blocks, auxiliary and their cooling) must shrink by 0.500 MW, or the capacity must grow by as much.',
    });
    expect(allocateMiningCaps(model)!.pods[0]).toMatchObject({
      capW: 0,
      offReason: "switched off (shed 1 of 1): the load without auto-capped mining already breaks normal operation on bus 'main'",
    });
  });

  test('reports headroom used: the pods all at maximum use less than the headroom', () => {
    const model = campus({
      buses: [bus('main', [feed('f', 10_000)])],
      coolingSystems: [cooling('air', 'main', { model: 'fixed', powerKw: 0.000001 })],
      miningPods: [autoPod('p', 'main', 'air', 1_000, 1_000, 3_000)],
    });
    const allocation = allocateMiningCaps(model)!;
    expect(allocation.miningPowerKw).toBeCloseTo(3_000, 6);
    expect(allocation.headroomKw).toBeCloseTo(10_000, 3);
    expect(evaluateCampus(model).results.find((r) => r.check === 'mining-caps')!.message).toBe(
      'auto mining caps: headroom used by mining 3.000 MW of 10.000 MW across 1 pod.',
    );
  });

  test('the site interconnect and a cooling system limit caps too', () => {
    // Two 10 MW buses, 4 MW interconnect: the site binds. Each pod: 1,000 x 1,000-3,000 W, fixed cooling.
    const site = campus({
      interconnectLimitKw: 4_000,
      buses: [bus('a', [feed('fa', 10_000)]), bus('b', [feed('fb', 10_000)])],
      coolingSystems: [cooling('ca', 'a', { model: 'fixed', powerKw: 0.000001 }), cooling('cb', 'b', { model: 'fixed', powerKw: 0.000001 }, 1_500)],
      miningPods: [autoPod('pa', 'a', 'ca', 1_000, 1_000, 3_000), autoPod('pb', 'b', 'cb', 1_000, 1_000, 3_000)],
    });
    // Both rise together; pb stops at its 1,500 kW cooling capacity; pa takes the rest of the site: 2,500 kW.
    const caps = capsOf(site);
    expect(caps.pb).toBeCloseTo(1_500, 3);
    expect(caps.pa).toBeCloseTo(2_500, 3);
    expect(evaluateCampus(site).failures).toEqual([]);
  });

  test('caps do not depend on declaration order', () => {
    const reversed = { ...twoPriorities, miningPods: [...twoPriorities.miningPods].reverse() };
    expect(capsOf(reversed)).toEqual(capsOf(twoPriorities));
  });

  test('a campus without power-controlled pods has no allocation', () => {
    const plain = campus({ buses: [bus('a', [feed('f', 1)])] });
    expect(allocateMiningCaps(plain)).toBeUndefined();
  });
});

describe('allocation.pods of a model built by hand', () => {
  test('a fixed-capped part in the pods list labelled as another kind keeps its allocation, in name order', () => {
    const base = { buses: [bus('main', [feed('f1', 10_000)])], coolingSystems: [cooling('air', 'main', { model: 'pue', pue: 1.0 })] };
    const fixed = { ...pod('q-fixed', 'main', 'air', 100, { powerControl: { mode: 'fixed', capW: 80_000 } }), kind: 'gpu-hall' } as unknown as MiningPodModel;
    const allocation = allocateMiningCaps(campus({ ...base, miningPods: [fixed, autoPod('a-auto', 'main', 'air', 10, 1_000, 2_000)] }));
    expect(allocation?.pods.map((p) => `${p.name}:${p.mode}`)).toEqual(['a-auto:auto', 'q-fixed:fixed']);
  });
});
