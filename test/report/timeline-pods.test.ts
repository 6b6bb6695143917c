/**
 * power-budget.json's timeline of pods (`timeline[].pods` and `mining`), read from what the engine
 * says changed since the previous state (`sincePrevious`, islands.ts) or from every pod: the hint
 * is used only right after the state it is about, and a pod that leaves service is listed as
 * leaving whatever the declared campus lists.
 */
import { evaluateTimeline, type TimelineEvaluation } from '../../domain/evaluate';
import { powerBudgetDocument } from '../../report/power-budget-file';
import { autoPod, bus, campus, cooling, feed, pod } from '../domain/fixtures';

/** Two islands: pA's cap shrinks when rA comes on bus a; rB comes on bus b later. */
function twoIslands(): TimelineEvaluation {
  return evaluateTimeline(
    campus({
      buses: [bus('a', [feed('fa', 3_000)]), bus('b', [feed('fb', 5_000)])],
      coolingSystems: [cooling('ca', 'a', { model: 'pue', pue: 1.2 }), cooling('cb', 'b', { model: 'pue', pue: 1.2 })],
      miningPods: [
        autoPod('pA', 'a', 'ca', 1_000, 1_000, 3_000),
        { ...pod('rA', 'a', 'ca', 800), inService: '2027-02' },
        { ...pod('rB', 'b', 'cb', 100), inService: '2027-03' },
      ],
    }),
  );
}

/** The same states with the engine's hints taken out: what a reader of every pod writes. */
function withoutHints(t: TimelineEvaluation): TimelineEvaluation {
  return { ...t, states: t.states.map((s) => ({ ...s, evaluation: { ...s.evaluation, sincePrevious: undefined } })) };
}

function podsAndMining(t: TimelineEvaluation) {
  return powerBudgetDocument(t).timeline.map((s) => ({ pods: s.pods, mining: s.mining }));
}

describe('the timeline of pods in power-budget.json', () => {
  test('the hints of a timeline joined from islands are used (the fixture has them)', () => {
    const t = twoIslands();
    expect(t.states.map((s) => s.evaluation.sincePrevious !== undefined)).toEqual([false, true, true]);
    expect(podsAndMining(t)).toEqual(podsAndMining(withoutHints(t)));
    // Used, not only consistent: a hint that names no load makes the state list no pod (rB came
    // into service then, and is listed when every pod is read).
    const silent = { ...t, states: t.states.map((s, i) => (i === 2 ? { ...s, evaluation: { ...s.evaluation, sincePrevious: { ...s.evaluation.sincePrevious!, loads: [], left: [] } } } : s)) };
    expect(podsAndMining(silent)[2].pods).toEqual([]);
    expect(podsAndMining(t)[2].pods.map((p) => p.name)).toEqual(['rB']);
  });

  test('a hint is not used after a state other than the one it is about: a timeline of some of the states', () => {
    const t = twoIslands();
    const some = { ...t, states: [t.states[0], t.states[2]] };
    const rows = podsAndMining(some);
    expect(rows).toEqual(podsAndMining(withoutHints(some)));
    // pA's cap fell when rA came on (in the state left out): the second state lists both.
    expect(rows[1].pods.map((p) => p.name)).toEqual(['pA', 'rA', 'rB']);
  });

  test('a pod the declared campus does not list is counted in the mining totals, also in a state read through the hints', () => {
    const t = twoIslands();
    // rB comes into service in the third state, which the hints cover (joined from islands).
    const other = { ...t, campus: { ...t.campus, miningPods: t.campus.miningPods.filter((p) => p.name !== 'rB') } };
    expect(other.states[2].evaluation.sincePrevious).toBeDefined();
    expect(podsAndMining(other).map((s) => s.mining)).toEqual(podsAndMining(t).map((s) => s.mining));
  });

  test('a pod that leaves service is listed as leaving even when the declared campus does not list it', () => {
    const declared = campus({
      buses: [bus('a', [feed('fa', 5_000)])],
      coolingSystems: [cooling('ca', 'a', { model: 'pue', pue: 1.2 })],
      miningPods: [pod('p1', 'a', 'ca', 100), { ...pod('p2', 'a', 'ca', 200), retire: '2027-03' }, { ...pod('p3', 'a', 'ca', 50), inService: '2027-02' }],
    });
    const t = evaluateTimeline(declared);
    const other = { ...t, campus: { ...declared, miningPods: declared.miningPods.filter((p) => p.name !== 'p2') } };
    expect(powerBudgetDocument(other).timeline.map((s) => s.pods)).toEqual(powerBudgetDocument(t).timeline.map((s) => s.pods));
    expect(powerBudgetDocument(other).timeline[2].pods).toEqual([{ name: 'p2', inService: false }]);
  });
});
