/**
 * power-budget.json format version 3 (issue 12): what repeats is stored once, and a reader
 * rebuilds what version 2 listed in full. Each test compares version 3 with what version 2
 * wrote for the same campus (the fixtures) or with the evaluation itself.
 */
import { evaluateTimeline } from '../../domain/evaluate';
import { podFigures } from '../../domain/economics';
import { podAllocation } from '../../domain/mining-caps';
import type { MiningPodModel } from '../../domain/model';
import { phasedCampus } from '../../bench/timeline-bench';
import { busRowsByState, podFiguresAt, podTimelines } from '../../report/budget-timeline';
import { diffBudgets } from '../../report/diff';
import { renderDiffText } from '../../report/diff-text';
import { parseBudget } from '../../report/load-budget';
import { powerBudgetDocument, renderBudgetJson, renderPowerBudget } from '../../report/power-budget-file';
import { buildReport, renderReportJson } from '../../report/report';
import { round, roundKw } from '../../domain/units';
import { budgetOf, smallSite } from './budget-fixtures';
import { pod } from '../domain/fixtures';
import { datedCaps } from './dated-caps';
import { fourBuses, v2DatedCapsText, v2FourBusesText } from './version-fixtures';
import { errorOf } from './error-of';


const v3Text = () => renderPowerBudget(evaluateTimeline(datedCaps()));

describe('version 3 reads as version 2 did', () => {
  test.each([
    ['four buses (no dates)', v2FourBusesText, () => renderPowerBudget(evaluateTimeline(fourBuses()))],
    ['dated caps (three states)', v2DatedCapsText, v3Text],
  ])('%s: campus report is the same from the version-2 and the version-3 file', (_, v2, v3) => {
    const fromV2 = buildReport([parseBudget('v2.json', v2())]);
    const fromV3 = buildReport([parseBudget('v3.json', v3())]);
    expect(renderReportJson(fromV3)).toBe(renderReportJson(fromV2));
  });

  test('pods read back their hardware from loads.minerTypes', () => {
    const v2 = parseBudget('v2.json', v2DatedCapsText());
    const v3 = parseBudget('v3.json', v3Text());
    expect(v3.loads.miningPods).toEqual(v2.loads.miningPods.map((p) => expect.objectContaining({ name: p.name, hardwareId: p.hardwareId, hardware: p.hardware, capW: p.capW, itKw: p.itKw })));
    const doc = JSON.parse(v3Text());
    expect(doc.loads.minerTypes).toEqual([{ type: 'test-miner', hardwareId: 'test-miner', hardware: 'Test Miner', minerPowerW: 3_645, efficiencyJTh: 17.5, curtailSeconds: 60 }]);
    expect(doc.loads.miningPods.map((p: { minerType: string }) => p.minerType)).toEqual(['test-miner', 'test-miner', 'test-miner']);
  });

  test('a second combination of the same hardwareId gets its own type', () => {
    const model = datedCaps();
    const changed = { ...model, miningPods: model.miningPods.map((p) => (p.name === 'c' ? { ...p, minerPowerW: 3_500 } : p)) };
    const doc = JSON.parse(renderPowerBudget(evaluateTimeline(changed)));
    expect(doc.loads.minerTypes.map((t: { type: string; minerPowerW: number }) => [t.type, t.minerPowerW])).toEqual([
      ['test-miner', 3_645],
      ['test-miner~2', 3_500],
    ]);
    expect(doc.loads.miningPods.map((p: { minerType: string }) => p.minerType)).toEqual(['test-miner', 'test-miner', 'test-miner~2']);
  });

  test('passing results about a single load are counted per check; every other result is listed as before', () => {
    const v2doc = JSON.parse(v2FourBusesText());
    const v3doc = JSON.parse(renderPowerBudget(evaluateTimeline(fourBuses())));
    type Result = { check: string; status: string; path: string };
    const loadPaths = new Set(
      [...v2doc.loads.miningPods, ...v2doc.loads.gpuHalls, ...v2doc.loads.blockLoads, ...v2doc.loads.auxiliary].map((l: { path: string }) => l.path),
    );
    const counted = (c: Result) => c.status === 'pass' && loadPaths.has(c.path);
    const counts = new Map<string, number>();
    for (const c of v2doc.checks.filter(counted)) counts.set(c.check, (counts.get(c.check) ?? 0) + 1);
    expect([...counts.keys()]).toContain('cooling-type-match');
    expect(v3doc.passedChecks).toEqual([...counts].map(([check, passed]) => ({ check, passed })));
    expect(v3doc.checks).toEqual(v2doc.checks.filter((c: Result) => !counted(c)));
    expect(v3doc.checks.map((c: Result) => c.status)).toEqual(expect.arrayContaining(['pass', 'fail']));
  });

  test('timeline bus rows: each state rebuilt from the changes equals what version 2 listed', () => {
    const v2doc = JSON.parse(v2DatedCapsText());
    const v3doc = JSON.parse(v3Text());
    // Only the changed buses are listed: `side` after the first state never changes.
    expect(v3doc.timeline.map((t: { buses: { name: string }[] }) => t.buses.map((b) => b.name))).toEqual([['main', 'side'], ['main'], ['main']]);
    expect(busRowsByState(parseBudget('v3.json', v3Text()))).toEqual(v2doc.timeline.map((t: { buses: unknown }) => t.buses));
    expect(busRowsByState(parseBudget('v2.json', v2DatedCapsText()))).toBeUndefined();
  });
});

/** Every pod's figures at every state, straight from the evaluation (what version 3 must let a reader rebuild). */
function podFiguresByState(timeline: ReturnType<typeof evaluateTimeline>) {
  return timeline.states.map(({ point, evaluation: { budget } }) => ({
    from: point.from ?? null,
    pods: new Map(
      budget.loads
        .filter((l): l is MiningPodModel => l.kind === 'mining-pod')
        .map((p) => {
          const cap = podAllocation(budget.allocation, p.name);
          const running = podFigures(budget, p);
          return [p.name, { itKw: roundKw(running.itKw), capW: cap === undefined ? null : round(cap.capW, 3), offReason: cap?.offReason }] as const;
        }),
    ),
  }));
}

describe('per-state pod figures (timeline[].pods)', () => {
  test('the dated campus: a pod is listed at the states where its figures change, and when it leaves service', () => {
    const doc = JSON.parse(v3Text());
    expect(doc.timeline.map((t: { from: string | null; pods: { name: string; capW?: number | null; inService?: boolean }[] }) => [t.from, t.pods.map((p) => [p.name, p.capW ?? p.inService])])).toEqual([
      [null, [['c', 3_645]]],
      ['2027-01', [['a', 3_645]]],
      ['2027-06', [['a', 3_181.818], ['b', 3_181.818]]],
    ]);
    const retiring = { ...datedCaps(), miningPods: datedCaps().miningPods.map((p) => (p.name === 'b' ? { ...p, retire: '2027-09' } : p)) };
    const last = JSON.parse(renderPowerBudget(evaluateTimeline(retiring))).timeline[3];
    expect([last.from, last.pods]).toEqual(['2027-09', [{ name: 'a', itKw: 3_645, hashrateThs: expect.any(Number), capW: 3_645 }, { name: 'b', inService: false }]]);
  });

  test('rebuilt from the changes, every pod at every state equals the evaluation (a phased campus of 300 pods, 12 dates)', () => {
    const model = phasedCampus(300, 12);
    // One evaluation: what the file must let a reader rebuild is read from it before the file is
    // rendered from it (so a render that changed the evaluation in place would not go unseen).
    const timeline = evaluateTimeline(model);
    const expected = podFiguresByState(timeline);
    const steps = podTimelines(parseBudget('big.json', renderPowerBudget(timeline)))!;
    // Every pod at every state, compared at once (a difference lists the pod and the state).
    const rebuilt: unknown[] = [];
    const evaluated: unknown[] = [];
    for (const state of expected) {
      for (const p of model.miningPods) {
        const got = podFiguresAt(steps.get(p.name) ?? [], state.from);
        rebuilt.push([p.name, state.from, got && { itKw: got.itKw, capW: got.capW, offReason: got.offReason }]);
        evaluated.push([p.name, state.from, state.pods.get(p.name)]);
      }
    }
    expect(rebuilt).toEqual(evaluated);
    expect(expected.length).toBeGreaterThan(10);
  });

  test('growth follows changes, not dates: listed pod rows are far fewer than pods x states', () => {
    const doc = powerBudgetDocument(evaluateTimeline(phasedCampus(1_000, 40)));
    const rows = doc.timeline.reduce((n, t) => n + t.pods.length, 0);
    // Each pod comes into service once and every tenth retires; a cap changes only when its bus does.
    expect(rows).toBeLessThan(1_000 * 3);
    expect(doc.timeline.length).toBe(41);
  });
});

describe('campus diff says which pods changed and from when', () => {
  test('b comes into service at 2027-03 instead of 2027-06: a is capped from 2027-03, b runs from then, c is untouched', () => {
    const base = budgetOf(datedCaps('2027-06'));
    const head = budgetOf(datedCaps('2027-03'));
    const site = diffBudgets([base], [head]).sites[0];
    expect(site.hardware.map((h) => h.text)).toEqual([
      'a from 2027-03: 3.18 MW at 3181.818 W per miner (base: 3.65 MW at 3645 W per miner): -0.46 MW interruptible',
      'b from 2027-03: 3.18 MW at 3181.818 W per miner (base: not in service): +3.18 MW interruptible',
    ]);
    expect(renderDiffText(diffBudgets([base], [head]))).toContain('\n  a from 2027-03: 3.18 MW at 3181.818 W per miner (base: 3.65 MW at 3645 W per miner): -0.46 MW interruptible\n');
  });

  test('a pod that differs at several dates: the first, how many and the last', () => {
    const base = budgetOf(datedCaps('2027-06'));
    const model = datedCaps('2027-06');
    const head = budgetOf({ ...model, miningPods: model.miningPods.map((p) => (p.name === 'a' ? { ...p, count: 900 } : p)) });
    const texts = diffBudgets([base], [head]).sites[0].hardware.map((h) => h.text);
    expect(texts).toContain('a from 2027-01: 3.28 MW at 3645 W per miner (base: 3.65 MW at 3645 W per miner): -0.36 MW interruptible; differs at 2 dates, to 2027-06');
  });

  test('identical timelines: no pod line; a version-2 side: the top-level comparison only', () => {
    expect(diffBudgets([budgetOf(datedCaps())], [budgetOf(datedCaps())]).sites[0].hardware).toEqual([]);
    const site = diffBudgets([parseBudget('v2.json', v2DatedCapsText())], [budgetOf(datedCaps('2027-03'))]).sites[0];
    expect(site.formatVersions).toEqual({ base: 2, head: 3 });
    expect(site.hardware).toEqual([]);
  });
});

describe('campus diff of a check whose passing results are counted, not listed', () => {
  const mismatched = () => smallSite({ miningPods: [pod('p1', 'main', 'air', 10_000, { coolingRequirement: 'immersion' }), pod('p2', 'main', 'air', 10_000)] });

  test('fail -> pass: newly passes, saying it passes (not "no longer checked")', () => {
    const [change] = diffBudgets([budgetOf(mismatched())], [budgetOf(smallSite())]).sites[0].checks;
    expect(change).toEqual({
      transition: 'newly-passes',
      check: 'cooling-type-match',
      subject: 'p1',
      path: 'site/p1',
      baseStatus: 'fail',
      headStatus: 'pass',
      message: "passes (cooling-type-match for 'p1'; power-budget.json counts passing results about a single load without their message)",
    });
  });

  test('pass -> fail: was pass, not new; a removed pod: no longer checked', () => {
    const [change] = diffBudgets([budgetOf(smallSite())], [budgetOf(mismatched())]).sites[0].checks;
    expect([change.transition, change.subject, change.baseStatus, change.headStatus]).toEqual(['newly-fails', 'p1', 'pass', 'fail']);
    const gone = diffBudgets([budgetOf(mismatched())], [budgetOf(smallSite({ miningPods: [pod('p2', 'main', 'air', 10_000)] }))]).sites[0].checks;
    expect(gone.map((c) => [c.transition, c.subject, c.headStatus])).toEqual([['newly-passes', 'p1', 'absent']]);
  });
});

describe('reading version 3: bad input', () => {
  test('a pod naming a miner type that is not listed', () => {
    const doc = JSON.parse(v3Text());
    doc.loads.miningPods[1].minerType = 's19';
    expect(errorOf(() => parseBudget('x.json', JSON.stringify(doc)))).toBe(
      'x.json: invalid power budget (formatVersion 3): loads.miningPods[1].minerType: miner type "s19" is not in loads.minerTypes',
    );
  });

  test('a miner type listed twice', () => {
    const doc = JSON.parse(v3Text());
    doc.loads.minerTypes.push({ ...doc.loads.minerTypes[0] });
    expect(errorOf(() => parseBudget('x.json', JSON.stringify(doc)))).toBe(
      'x.json: invalid power budget (formatVersion 3): loads.minerTypes[1].type: duplicate miner type "test-miner"',
    );
  });


});

describe('rendering', () => {
  test('records in lists on one line, the rest two-space JSON; parses back to the same data', () => {
    const value = { a: [{ x: 1, y: [1, 2] }, { z: [{ q: 1 }] }], b: { c: null }, e: [], f: {} };
    const text = renderBudgetJson(value);
    expect(text).toBe(
      ['{', '  "a": [', '    {"x":1,"y":[1,2]},', '    {', '      "z": [', '        {"q":1}', '      ]', '    }', '  ],', '  "b": {', '    "c": null', '  },', '  "e": [],', '  "f": {}', '}'].join('\n'),
    );
    expect(JSON.parse(text)).toEqual(value);
  });
});
