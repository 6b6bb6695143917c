/**
 * The timeline evaluated as it is in synth (`evaluateTimeline`, which reuses from state to state
 * what did not change: per-bus figures and loss events, per-load check results) gives the same
 * answers, byte for byte, as every state evaluated on a fresh copy of the campus
 * (`evaluateTimelineFromScratch`, where nothing can be reused), on random campuses with many
 * dates (fast-check): the rendered power-budget.json, and every check result of every state.
 *
 * Campuses have 1-4 buses (utility and on-site generation feeds, N, N+1 and 2N), 1-3 cooling
 * systems of every power model, up to 12 loads of every kind (rated and auto-capped pods, halls,
 * blocks, auxiliary), demand-response commitments with seasons and interconnect steps, with
 * service and retire dates over six months, so that states share most of their parts and many
 * sit near a limit. FC_SEED and FC_RUNS explore further.
 */
import fc from 'fast-check';
import { evaluateTimeline, evaluateTimelineFromScratch, type TimelineEvaluation } from '../../domain/evaluate';
import type { BusModel, CampusModel, CoolingModel, DemandResponseCommitment, FeedModel, MiningPodModel } from '../../domain/model';
import { renderPowerBudget } from '../../report/power-budget-file';
import { generatorLosses } from '../../domain/budget';
import { autoPod, bus, campus, cooling, feed, hall, pod } from './fixtures';
import { propertyRuns } from '../randomized-runs';

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261123) });
const RUNS = propertyRuns('test/domain/incremental-timeline.property.test.ts');

const MONTHS = ['2027-01', '2027-02', '2027-04', '2027-07', '2028-01', '2029-06'] as const;

/** No dates, an inService date, or an inService and a later retire date. */
const datesArb: fc.Arbitrary<{ inService?: string; retire?: string }> = fc.oneof(
  { weight: 2, arbitrary: fc.constant({}) },
  { weight: 2, arbitrary: fc.constantFrom(...MONTHS).map((m) => ({ inService: m })) },
  { weight: 1, arbitrary: fc.constantFrom(...MONTHS.slice(1)).map((m) => ({ retire: m })) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: MONTHS.length - 2 }), fc.integer({ min: 1, max: MONTHS.length - 1 }))
      .map(([a, k]) => ({ inService: MONTHS[a], retire: MONTHS[Math.min(MONTHS.length - 1, a + k)] })),
  },
);

const powerArb: fc.Arbitrary<CoolingModel['power']> = fc.oneof(
  fc.integer({ min: 100, max: 160 }).map((pue) => ({ model: 'pue' as const, pue: pue / 100 })),
  fc.integer({ min: 200, max: 800 }).map((cop) => ({ model: 'cop' as const, cop: cop / 100 })),
  fc.integer({ min: 10, max: 3_000 }).map((powerKw) => ({ model: 'fixed' as const, powerKw })),
);

const loadArb = fc.record({
  kind: fc.constantFrom('pod', 'auto-pod', 'auto-pod', 'hall', 'aux', 'block-it', 'block-gross'),
  bus: fc.nat(),
  cooling: fc.nat(),
  powerKw: fc.integer({ min: 100, max: 20_000 }),
  firm: fc.boolean(),
  priority: fc.integer({ min: 0, max: 2 }),
  curtailSeconds: fc.constantFrom(2, 10, 60, 600),
  count: fc.integer({ min: 10, max: 2_000 }),
  minW: fc.integer({ min: 500, max: 2_500 }),
  extraW: fc.integer({ min: 0, max: 2_000 }),
  coolingRequirement: fc.constantFrom('air', 'air', 'hydro', 'immersion'),
  dates: datesArb,
});

const campusArb = fc.record({
  buses: fc.array(
    fc.record({
      redundancy: fc.constantFrom<BusModel['redundancy']>('N', 'N+1', '2N'),
      feeds: fc.array(
        fc.record({
          ratingPercent: fc.integer({ min: 5, max: 120 }),
          generation: fc.boolean(),
          side: fc.constantFrom<'A' | 'B' | undefined>('A', 'B', undefined),
          dates: datesArb,
        }),
        { minLength: 1, maxLength: 3 },
      ),
      dates: datesArb,
    }),
    { minLength: 1, maxLength: 4 },
  ),
  cooling: fc.array(
    fc.record({ bus: fc.nat(), power: powerArb, capacityPercent: fc.integer({ min: 10, max: 150 }), type: fc.constantFrom<CoolingModel['type']>('air', 'air', 'hydro'), dates: datesArb }),
    { minLength: 1, maxLength: 3 },
  ),
  loads: fc.array(loadArb, { minLength: 1, maxLength: 12 }),
  commitments: fc.array(
    fc.record({
      percent: fc.integer({ min: 0, max: 120 }),
      responseTimeS: fc.constantFrom(2, 10, 60, 600),
      exclusiveGroup: fc.constantFrom(undefined, 'g1'),
      season: fc.constantFrom(undefined, { fromMonth: 6, toMonth: 9 }, { fromMonth: 11, toMonth: 2 }),
      dates: datesArb,
    }),
    { maxLength: 3 },
  ),
  interconnectPercent: fc.integer({ min: 10, max: 150 }),
  steps: fc.uniqueArray(fc.record({ from: fc.constantFrom(...MONTHS), limitPercent: fc.integer({ min: 10, max: 150 }) }), { maxLength: 2, selector: (s) => s.from }),
  asOf: fc.constantFrom(undefined, ...MONTHS, '2026-12'),
});

type Spec = typeof campusArb extends fc.Arbitrary<infer T> ? T : never;

function build(spec: Spec): CampusModel {
  const scaleKw = Math.max(1_000, spec.loads.reduce((t, l) => t + (l.kind === 'auto-pod' ? (l.count * (l.minW + l.extraW)) / 1000 : l.powerKw), 0));
  const share = (percent: number) => Math.max(100, Math.round((percent * scaleKw) / 100));
  const nb = spec.buses.length;
  const nc = spec.cooling.length;
  const buses: BusModel[] = spec.buses.map((b, i) => ({
    ...bus(
      `bus-${i}`,
      b.feeds.map(
        (f, j): FeedModel => ({
          ...feed(`${f.generation ? 'gen' : 'feed'}-${i}-${j}`, share(f.ratingPercent), { source: f.generation ? 'onsite-generation' : 'utility' }),
          ...(b.redundancy === '2N' && f.side ? { side: f.side } : {}),
          ...f.dates,
        }),
      ),
      b.redundancy,
    ),
    ...b.dates,
  }));
  const coolingSystems = spec.cooling.map((c, i) => ({ ...cooling(`cool-${i}`, `bus-${c.bus % nb}`, c.power, share(c.capacityPercent), c.type), ...c.dates }));
  const parts: Required<Pick<CampusModel, 'miningPods' | 'gpuHalls' | 'auxiliaryLoads' | 'blockLoads'>> = { miningPods: [], gpuHalls: [], auxiliaryLoads: [], blockLoads: [] };
  const miningPods = parts.miningPods as MiningPodModel[];
  spec.loads.forEach((l, i) => {
    const name = `${l.kind}-${i}`;
    const b = `bus-${l.bus % nb}`;
    const c = `cool-${l.cooling % nc}`;
    const requirement = l.coolingRequirement as MiningPodModel['coolingRequirement'];
    if (l.kind === 'pod') miningPods.push({ ...pod(name, b, c, l.powerKw, { firm: l.firm, priority: l.priority, curtailSeconds: l.curtailSeconds, coolingRequirement: requirement }), ...l.dates });
    if (l.kind === 'auto-pod') {
      miningPods.push({ ...autoPod(name, b, c, l.count, l.minW, l.minW + l.extraW, { firm: l.firm, priority: l.priority, curtailSeconds: l.curtailSeconds, coolingRequirement: requirement }), ...l.dates });
    }
    if (l.kind === 'hall') (parts.gpuHalls as unknown[]).push({ ...hall(name, b, c, l.powerKw, { firm: l.firm, coolingRequirement: requirement }), ...l.dates });
    if (l.kind === 'aux') (parts.auxiliaryLoads as unknown[]).push({ kind: 'auxiliary', name, path: `site/${name}`, bus: b, powerKw: l.powerKw, firm: l.firm, ...l.dates });
    if (l.kind === 'block-it' || l.kind === 'block-gross') {
      (parts.blockLoads as unknown[]).push({
        kind: 'block-load', name, path: `site/${name}`, bus: b, basis: l.kind === 'block-it' ? 'it' : 'gross', powerKw: l.powerKw,
        ...(l.kind === 'block-it' ? { cooling: c, coolingRequirement: requirement } : {}),
        firm: l.firm, description: `block ${name}`, ...l.dates,
      });
    }
  });
  const interruptibleKw = spec.loads.filter((l) => !l.firm).reduce((t, l) => t + l.powerKw, 0);
  const commitments: DemandResponseCommitment[] = spec.commitments.map((c, i) => ({
    program: `program-${i}`,
    sheddableKw: Math.round((c.percent / 100) * interruptibleKw),
    responseTimeS: c.responseTimeS,
    ...(c.exclusiveGroup ? { exclusiveGroup: c.exclusiveGroup } : {}),
    ...(c.season ? { season: c.season } : {}),
    ...c.dates,
  }));
  return campus({
    interconnectLimitKw: share(spec.interconnectPercent),
    ...(spec.steps.length > 0 ? { interconnectSteps: spec.steps.map((s) => ({ from: s.from, limitKw: share(s.limitPercent) })) } : {}),
    buses,
    coolingSystems,
    ...parts,
    commitments,
  });
}

/**
 * Campuses made of islands (islands.ts): 3-6 buses, each with a cooling system of its own, loads
 * cooled on their own bus and, one in five, on the next bus (two buses then form one island), an
 * interconnect ample or tight (so that the site limit sometimes may stop a pod and the state is
 * evaluated whole), and one campus in six with a demand-response commitment (joined from islands unless an
 * auto-capped pod is on fixed-power cooling).
 */
const islandCampusArb: fc.Arbitrary<Spec> = fc
  .record({
    base: campusArb,
    buses: fc.integer({ min: 3, max: 6 }),
    crossCooled: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
    datedParts: fc.array(fc.nat(3), { minLength: 6, maxLength: 6 }),
    ample: fc.boolean(),
    withCommitment: fc.integer({ min: 0, max: 5 }),
  })
  .map(({ base, buses, crossCooled, datedParts, ample, withCommitment }): Spec => {
    // Most buses and cooling systems in service throughout (their feeds and the loads keep their
    // dates); one in four keeps its dates, so that an island changes with its bus or cooling, and a
    // load on a part not in service (a broken reference) makes its state evaluated whole.
    const busSpecs = Array.from({ length: buses }, (_, i) => {
      const b = base.buses[i % base.buses.length];
      return { ...b, dates: datedParts[i] === 0 ? b.dates : {} };
    });
    return {
      ...base,
      // The whole timeline: a single month (asOf) is one state, which is never joined from islands.
      asOf: undefined,
      buses: busSpecs,
      cooling: busSpecs.map((_, i) => {
        const c = base.cooling[i % base.cooling.length];
        return { ...c, bus: i, dates: datedParts[(i + 3) % 6] === 0 ? c.dates : {} };
      }),
      loads: base.loads.map((l, i) => ({ ...l, bus: l.bus % buses, cooling: crossCooled[i] && i % 5 === 0 ? (l.bus + 1) % buses : l.bus % buses })),
      commitments: withCommitment === 0 ? base.commitments : [],
      interconnectPercent: ample ? 5_000 : base.interconnectPercent,
      steps: ample ? [] : base.steps,
    };
  });

/** Everything a timeline says, as text: the file, then every state's every result. */
function answers(timeline: TimelineEvaluation): { readonly file: string; readonly results: string } {
  return {
    file: renderPowerBudget(timeline),
    results: JSON.stringify(timeline.states.map((s) => [s.point, s.evaluation.results, s.evaluation.failures, s.evaluation.warnings])),
  };
}

describe('the timeline as synth evaluates it, against every state from scratch', () => {
  test('same power-budget.json and the same check results, byte for byte, cold and with what earlier runs left', () => {
    fc.assert(
      fc.property(campusArb, (spec) => {
        const model = build(spec);
        const options = spec.asOf === undefined ? {} : { asOf: spec.asOf };
        const reference = answers(evaluateTimelineFromScratch(model, options));
        // Twice: the second run finds every per-part figure and result the first one left.
        expect(answers(evaluateTimeline(model, options))).toEqual(reference);
        expect(answers(evaluateTimeline(model, options))).toEqual(reference);
        // And the whole timeline after a run for one month (or the reverse).
        expect(answers(evaluateTimeline(model, spec.asOf === undefined ? { asOf: MONTHS[2] } : {}))).toEqual(
          answers(evaluateTimelineFromScratch(model, spec.asOf === undefined ? { asOf: MONTHS[2] } : {})),
        );
      }),
      { numRuns: RUNS },
    );
  });

  test('campuses of islands: the same answers, byte for byte, whether states are joined from islands or evaluated whole', () => {
    fc.assert(
      fc.property(islandCampusArb, (spec) => {
        const model = build(spec);
        const options = spec.asOf === undefined ? {} : { asOf: spec.asOf };
        const scratch = evaluateTimelineFromScratch(model, options);
        const reference = answers(scratch);
        const joined = evaluateTimeline(model, options);
        expect(answers(joined)).toEqual(reference);
        // Every float of the site as the whole state makes it (the answers above are rounded, so a
        // sum taken in another order could pass them): each state from scratch is evaluated whole.
        joined.states.forEach((s, i) => expect(s.evaluation.budget.site).toEqual(scratch.states[i].evaluation.budget.site));
        expect(answers(evaluateTimeline(model, options))).toEqual(reference);
        // A file of every other state: what changed since a state left out is read in full.
        const everyOther = (t: TimelineEvaluation) => renderPowerBudget({ ...t, states: t.states.filter((_, i) => i % 2 === 0) });
        expect(everyOther(joined)).toEqual(everyOther(scratch));
      }),
      { numRuns: RUNS },
    );
  });

  test('the island generator reaches states joined from islands after others (sincePrevious) and states evaluated whole', () => {
    // The property's own cases (fc.sample with the global seed gives the cases fc.assert runs, in
    // order), so each path below is reached by the comparison at npm test's count as at the deep one.
    const samples = fc.sample(islandCampusArb, { numRuns: RUNS }).map((spec) => evaluateTimeline(build(spec)));
    // Joined states after joined states: the path where power-budget.json reads only what changed.
    expect(samples.filter((t) => t.states.some((s) => s.evaluation.sincePrevious !== undefined)).length).toBeGreaterThan(RUNS / 4);
    // ... with auto-capped pods running in them, and with some switched off.
    expect(samples.filter((t) => t.states.some((s) => s.evaluation.sincePrevious && s.evaluation.budget.allocation?.pods.some((p) => p.mode === 'auto' && p.powerKw > 0))).length).toBeGreaterThan(RUNS / 10);
    expect(samples.filter((t) => t.states.some((s) => s.evaluation.sincePrevious && (s.evaluation.budget.allocation?.switchedOff ?? 0) > 0)).length).toBeGreaterThan(RUNS / 20);
    // ... with demand-response commitments in force (judged on the joined state).
    expect(samples.filter((t) => t.states.some((s) => s.evaluation.sincePrevious && s.evaluation.results.some((r) => r.check === 'demand-response'))).length).toBeGreaterThan(RUNS / 40);
    // ... where a bus or a cooling system comes into service or retires.
    expect(samples.filter((t) => t.states.some((s) => s.evaluation.sincePrevious && (s.evaluation.budget.campus.notInService ?? []).length > 0)).length).toBeGreaterThan(RUNS / 30);
    // Timelines with states of both kinds.
    expect(samples.filter((t) => t.states.some((s) => s.evaluation.sincePrevious) && t.states.slice(1).some((s) => !s.evaluation.sincePrevious)).length).toBeGreaterThan(RUNS / 6);
    // Joined states after joined states that share the bus list and scenarios of the state before
    // (islands.ts, sameBuses), and ones that make their own because a bus or a feed changed.
    const joinedAfterJoined = (t: TimelineEvaluation, shared: boolean) =>
      t.states.some((s, i) => {
        const before = t.states[i - 1]?.evaluation;
        return s.evaluation.sincePrevious !== undefined && before?.sincePrevious !== undefined && (s.evaluation.budget.scenarios === before.budget.scenarios) === shared;
      });
    expect(samples.filter((t) => joinedAfterJoined(t, true)).length).toBeGreaterThan(RUNS / 15);
    expect(samples.filter((t) => joinedAfterJoined(t, false)).length).toBeGreaterThan(RUNS / 8);
    // States that share the site's loss rows of the state before (joined states: islands.ts keeps
    // the bus list, site-budget.ts siteBudgetOf its last rows), and
    // states that share the scenarios but not the rows (a figure or the limit changed).
    const sharedRows = (t: TimelineEvaluation, shared: boolean) =>
      t.states.some((s, i) => {
        const before = t.states[i - 1]?.evaluation.budget;
        const now = s.evaluation.budget;
        return before !== undefined && now.scenarios === before.scenarios && now.site.contingencies.length > 0 && (now.site.contingencies === before.site.contingencies) === shared;
      });
    expect(samples.filter((t) => sharedRows(t, true)).length).toBeGreaterThan(RUNS / 10);
    expect(samples.filter((t) => sharedRows(t, false)).length).toBeGreaterThan(RUNS / 20);
    // Joined states after joined states where an island was evaluated again with the same buses and
    // cooling systems in service (islands.ts, PartsInOrder: the last lists with that island's
    // entries replaced), and ones where those in service changed (every part looked up again).
    const partsAfterJoined = (t: TimelineEvaluation, sameParts: boolean) =>
      t.states.some((s, i) => {
        const before = t.states[i - 1]?.evaluation;
        if (s.evaluation.sincePrevious === undefined || before?.sincePrevious === undefined) return false;
        const names = (e: typeof before) => [...e.budget.buses.map((b) => b.bus.name), '|', ...e.budget.cooling.map((c) => c.cooling.name)].join();
        const same = names(s.evaluation) === names(before);
        return same === sameParts && (!same || s.evaluation.budget.buses.some((b, k) => b !== before.budget.buses[k]));
      });
    expect(samples.filter((t) => partsAfterJoined(t, true)).length).toBeGreaterThan(RUNS / 6);
    expect(samples.filter((t) => partsAfterJoined(t, false)).length).toBeGreaterThan(RUNS / 40);
    // Joined states whose site loses on-site generation in some scenario (site-budget.ts: each
    // bus's generation kept per bus list, and the caps' site test in those losses).
    expect(samples.filter((t) => t.states.some((s) => s.evaluation.sincePrevious && generatorLosses(s.evaluation.budget.site).length > 0)).length).toBeGreaterThan(RUNS / 5);
  });

  test('the generator makes timelines worth comparing: many states, shared parts, failures and auto-capped pods', () => {
    // Guards the property above against a generator that drifted into trivial campuses.
    // The first property's own cases, as above.
    const samples = fc.sample(campusArb, { numRuns: RUNS }).map((spec) => evaluateTimeline(build(spec)));
    expect(samples.filter((t) => t.states.length >= 4).length).toBeGreaterThan(RUNS / 2);
    expect(samples.filter((t) => t.failures.length > 0).length).toBeGreaterThan(RUNS / 2);
    expect(samples.filter((t) => t.states.some((s) => s.evaluation.budget.allocation?.pods.some((p) => p.mode === 'auto' && p.powerKw > 0))).length).toBeGreaterThan(RUNS / 3);
  });
});
