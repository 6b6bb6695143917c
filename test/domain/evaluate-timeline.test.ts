import { evaluateTimeline, firstOccurrences } from '../../domain/evaluate';
import { autoPod, bus, campus, cooling, feed, hall, pod } from './fixtures';

// A 10 MW bus with one feed. A 6 MW pod retires in 2027-01; a 6 MW hall comes in 2026-07 (too
// early: 12 MW from 2026-07 to 2027-01) and a second 6 MW hall in 2028-01 (12 MW again). The halls
// are interruptible, so that only normal operation is at stake (one feed cannot carry firm load).
const model = campus({
  buses: [bus('main', [feed('f', 10_000)])],
  coolingSystems: [cooling('air', 'main', { model: 'fixed', powerKw: 0.001 }, 1_000_000)],
  miningPods: [pod('p', 'main', 'air', 6_000, { retire: '2027-01' })],
  gpuHalls: [hall('h1', 'main', 'air', 6_000, { inService: '2026-07', firm: false }), hall('h2', 'main', 'air', 6_000, { inService: '2028-01', firm: false })],
});

describe('evaluateTimeline', () => {
  const timeline = evaluateTimeline(model);

  test('evaluates every state where the set of parts changes', () => {
    expect(timeline.states.map((s) => [s.point.label, s.evaluation.budget.buses[0].scenarios[0].load.totalKw])).toEqual([
      ['before 2026-07', 6_000.001],
      ['from 2026-07', 12_000.001],
      ['from 2027-01', 6_000.001],
      ['from 2028-01', 12_000.001],
    ]);
  });

  test('names the date in each failure and lists every failing date', () => {
    expect(timeline.failures.map((f) => f.date)).toEqual(['from 2026-07', 'from 2028-01']);
    expect(timeline.failures[0].message).toMatch(/^from 2026-07: normal operation: bus 'main' load 12\.000 MW/);
  });

  test('synth reports the first failing date and names the later ones', () => {
    const [first] = firstOccurrences(timeline.failures);
    expect(first.message).toBe(
      "from 2026-07: normal operation: bus 'main' load 12.000 MW (firm IT 0.000 MW, interruptible IT 12.000 MW, cooling 0.000 MW, auxiliary 0.000 MW) " +
        "exceeds its usable capacity 10.000 MW (1 feed x max utilization) by 2.000 MW. Add or uprate a feed on 'main', or move or remove load on it. " +
        'Also from 2028-01.',
    );
  });

  test('the current state is the last one unless a month is chosen', () => {
    expect(timeline.current.budget.campus.gpuHalls.map((h) => h.name)).toEqual(['h1', 'h2']);
    const at = evaluateTimeline(model, { asOf: '2027-06' });
    expect(at.states.map((s) => s.point.label)).toEqual(['at 2027-06']);
    expect(at.current.budget.campus.gpuHalls.map((h) => h.name)).toEqual(['h1']);
    expect(at.current.budget.campus.miningPods).toEqual([]);
    expect(at.failures).toEqual([]);
  });

  test('an N+1 bus whose feeds are not in service yet has no capacity, and says so (there is no feed left to lose)', () => {
    const early = evaluateTimeline(
      campus({
        buses: [bus('b', [feed('f1', 5_000, { inService: '2027-01' }), feed('f2', 5_000, { inService: '2027-01' })], 'N+1')],
        auxiliaryLoads: [{ kind: 'auxiliary', name: 'x', path: 'site/x', bus: 'b', powerKw: 100 }],
      }),
    );
    expect(early.failures.map((f) => f.message)).toEqual([
      "before 2027-01: normal operation: bus 'b' load 0.100 MW (firm IT 0.000 MW, interruptible IT 0.000 MW, cooling 0.000 MW, auxiliary 0.100 MW) exceeds its usable capacity 0.000 MW (0 feeds x max utilization) by 0.100 MW. Add or uprate a feed on 'b', or move or remove load on it.",
    ]);
  });

  test('an undated commitment does not make an empty "before" state on a greenfield site', () => {
    const greenfield = evaluateTimeline(
      campus({
        buses: [{ ...bus('b', [feed('f', 10_000)]), inService: '2026-03' }],
        coolingSystems: [{ ...cooling('c', 'b', { model: 'pue', pue: 1.1 }), inService: '2026-03' }],
        miningPods: [pod('p', 'b', 'c', 6_000, { inService: '2026-03' })],
        commitments: [{ program: 'ERS-10', sheddableKw: 5_000, responseTimeS: 600 }],
      }),
    );
    expect(greenfield.states.map((s) => s.point.label)).toEqual(['from 2026-03']);
    expect(greenfield.failures).toEqual([]);
  });

  test('a load on a bus that is not in service yet is told when the bus comes into service', () => {
    const early = evaluateTimeline(
      campus({
        buses: [{ ...bus('b', [feed('f', 10_000)]), inService: '2027-01', retire: '2030-01' }],
        auxiliaryLoads: [{ kind: 'auxiliary', name: 'x', path: 'site/x', bus: 'b', powerKw: 10, firm: false }],
      }),
    );
    expect(early.failures.map((f) => f.message)).toEqual([
      "before 2027-01: structure: 'x' uses bus 'b', which is not in service then (it comes into service in 2027-01). Give 'x' service dates within those of 'b', or move it to a bus in service.",
      "from 2030-01: structure: 'x' uses bus 'b', which is not in service then (it retires in 2030-01). Give 'x' service dates within those of 'b', or move it to a bus in service.",
    ]);
  });

  test('a campus without dates has no date in its messages', () => {
    const plain = evaluateTimeline(campus({ buses: [bus('a', [feed('f', 1)])], auxiliaryLoads: [{ kind: 'auxiliary', name: 'x', path: 'site/x', bus: 'a', powerKw: 2 }] }));
    expect(plain.failures[0].date).toBeUndefined();
    expect(plain.failures[0].message.startsWith('normal operation')).toBe(true);
  });
});

describe('evaluateTimeline: states joined from islands with a feed not yet in service', () => {
  test('share the scenarios and the site loss rows of the state before while no bus or feed changes', () => {
    const months = ['2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06', '2027-07', '2027-08'];
    const model = campus({
      interconnectLimitKw: 10_000_000,
      buses: [0, 1, 2].map((i) =>
        bus(`b${i}`, [feed(`u${i}`, 50_000), { ...feed(`g${i}`, 5_000, { source: 'onsite-generation' }), ...(i === 0 ? { inService: '2029-01' } : {}) }], 'N+1'),
      ),
      coolingSystems: [0, 1, 2].map((i) => cooling(`c${i}`, `b${i}`, { model: 'pue', pue: 1.1 })),
      miningPods: months.flatMap((m, k) => [0, 1, 2].map((i) => ({ ...autoPod(`p${i}-${k}`, `b${i}`, `c${i}`, 100, 1_000, 3_000), inService: m }))),
    });
    const states = evaluateTimeline(model).states.filter((s) => s.point.at! < '2029-01');
    expect(states).toHaveLength(9);
    const later = states.slice(1);
    // Joined from islands (what changed since the state before is known) ...
    expect(later.every((s) => s.evaluation.sincePrevious !== undefined)).toBe(true);
    // ... with bus b0 as one filtered object throughout (campusAt), so the bus list is kept.
    expect(later.filter((s, k) => s.evaluation.budget.scenarios === states[k].evaluation.budget.scenarios)).toHaveLength(8);
    expect(later.filter((s, k) => s.evaluation.budget.site.contingencies === states[k].evaluation.budget.site.contingencies)).toHaveLength(8);
  });
});
