/**
 * `stateFlows` (load-model.ts) computes the four flows of a state in one pass; it must give,
 * float for float, what four `loadFlow` calls give: normal operation, contingency, and each with
 * the marked (auto-capped) loads shed. Random campuses of every load kind, names used twice,
 * references to parts the campus does not have, loads at 0 kW or below, overhead fractions and
 * every cooling power model (fast-check; FC_SEED and FC_RUNS explore further).
 */
import fc from 'fast-check';
import { CONTINGENCY_SHEDDING, NO_SHEDDING, alsoShedding, loadFlow, stateFlows, type CampusLoad, type LoadFlow } from '../../domain/load-model';
import type { AuxiliaryLoadModel, BlockLoadModel, CoolingModel } from '../../domain/model';
import { bus, campus, cooling, feed, hall, pod } from './fixtures';
import { propertyRuns } from '../randomized-runs';

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261124) });
const RUNS = propertyRuns('test/domain/state-flows.property.test.ts');

/** Few names, so that some are used twice and some refer to nothing. */
const BUS_NAMES = ['bus-a', 'bus-b', 'bus-c', 'bus-x'];
const COOLING_NAMES = ['cool-a', 'cool-b', 'cool-x'];

const kw = fc.oneof(fc.constant(0), fc.constant(-5), fc.double({ min: 0.001, max: 5_000, noNaN: true }));

const coolingPower = fc.oneof(
  fc.record({ model: fc.constant('pue' as const), pue: fc.double({ min: 1, max: 2, noNaN: true }) }),
  fc.record({ model: fc.constant('cop' as const), cop: fc.double({ min: 0.5, max: 10, noNaN: true }) }),
  fc.record({ model: fc.constant('fixed' as const), powerKw: fc.double({ min: 0, max: 500, noNaN: true }) }),
);

const loadSpec = fc.record({
  kind: fc.constantFrom('pod', 'auto-pod', 'hall', 'it-block', 'gross-block', 'auxiliary'),
  name: fc.constantFrom('l-1', 'l-2', 'l-3', 'l-4', 'l-5', 'l-6', 'l-7', 'l-8'),
  bus: fc.constantFrom(...BUS_NAMES),
  cooling: fc.option(fc.constantFrom(...COOLING_NAMES), { nil: undefined }),
  firm: fc.option(fc.boolean(), { nil: undefined }),
  powerKw: kw,
  overhead: fc.option(fc.double({ min: 0, max: 0.3, noNaN: true }), { nil: undefined }),
});

type LoadSpec = typeof loadSpec extends fc.Arbitrary<infer T> ? T : never;

function loadOf(s: LoadSpec): CampusLoad {
  const overhead = s.overhead === undefined ? {} : { facilityOverheadFraction: s.overhead };
  switch (s.kind) {
    case 'pod':
      return pod(s.name, s.bus, s.cooling ?? 'cool-a', s.powerKw, { firm: s.firm ?? false, ...overhead });
    case 'auto-pod':
      return pod(s.name, s.bus, s.cooling ?? 'cool-a', s.powerKw, { firm: s.firm ?? false, powerControl: { mode: 'auto', minW: 1, maxW: 2 }, ...overhead });
    case 'hall':
      return hall(s.name, s.bus, s.cooling ?? 'cool-a', s.powerKw, { firm: s.firm ?? true, ...overhead });
    case 'it-block':
    case 'gross-block': {
      const block: BlockLoadModel = {
        kind: 'block-load',
        name: s.name,
        path: `site/${s.name}`,
        bus: s.bus,
        basis: s.kind === 'it-block' ? 'it' : 'gross',
        powerKw: s.powerKw,
        ...(s.cooling !== undefined ? { cooling: s.cooling } : {}),
        firm: s.firm ?? true,
        ...overhead,
        description: 'block',
      };
      return block;
    }
    case 'auxiliary': {
      const aux: AuxiliaryLoadModel = { kind: 'auxiliary', name: s.name, path: `site/${s.name}`, bus: s.bus, powerKw: s.powerKw, ...(s.firm !== undefined ? { firm: s.firm } : {}) };
      return aux;
    }
  }
}

const stateSpec = fc.record({
  buses: fc.array(fc.constantFrom(...BUS_NAMES.slice(0, 3)), { maxLength: 4 }),
  cooling: fc.array(fc.record({ name: fc.constantFrom(...COOLING_NAMES.slice(0, 2)), bus: fc.constantFrom(...BUS_NAMES), power: coolingPower }), { maxLength: 4 }),
  loads: fc.array(loadSpec, { maxLength: 12 }),
  /** Whether each load's power is its declared figure or another one (a cap). */
  powers: fc.array(kw, { minLength: 12, maxLength: 12 }),
  markAuto: fc.boolean(),
});

/** A flow as plain data, with every number as its exact bits (Object.is: -0 and NaN as they are). */
function plain(flow: LoadFlow): unknown {
  const exact = (value: unknown): unknown => (typeof value === 'number' ? (Object.is(value, -0) ? '-0' : String(value)) : value);
  const entries = (map: ReadonlyMap<string, object>) => [...map].map(([name, v]) => [name, Object.entries(v).map(([k, x]) => [k, exact(x)])]);
  return { buses: entries(flow.buses), cooling: entries(flow.cooling) };
}

describe('stateFlows', () => {
  test('gives the four flows of loadFlow, float for float, key for key', () => {
    fc.assert(
      fc.property(stateSpec, (spec) => {
        const loads = spec.loads.map(loadOf).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        const model = campus({
          buses: spec.buses.map((name, i) => bus(name, [feed(`f-${i}`, 1_000)])),
          coolingSystems: spec.cooling.map((c): CoolingModel => cooling(c.name, c.bus, c.power)),
        });
        const powerKw = Float64Array.from(loads, (_, i) => spec.powers[i]);
        const isAuto = (l: CampusLoad) => l.kind === 'mining-pod' && l.powerControl?.mode === 'auto';
        const auto = spec.markAuto ? Uint8Array.from(loads, (l) => (isAuto(l) ? 1 : 0)) : undefined;
        const at = (l: CampusLoad) => powerKw[loads.indexOf(l)];
        const flows = stateFlows(model, loads, powerKw, auto);
        const marked = auto !== undefined && auto.includes(1);
        const shedAuto = (l: CampusLoad) => isAuto(l);
        expect(plain(flows.normal)).toEqual(plain(loadFlow(model, loads, at, NO_SHEDDING)));
        expect(plain(flows.contingency)).toEqual(plain(loadFlow(model, loads, at, CONTINGENCY_SHEDDING)));
        expect(plain(flows.normalNoAuto)).toEqual(plain(loadFlow(model, loads, at, marked ? alsoShedding(NO_SHEDDING, 'auto', shedAuto) : NO_SHEDDING)));
        expect(plain(flows.contingencyNoAuto)).toEqual(plain(loadFlow(model, loads, at, marked ? alsoShedding(CONTINGENCY_SHEDDING, 'auto', shedAuto) : CONTINGENCY_SHEDDING)));
        if (!marked) {
          expect(flows.normalNoAuto).toBe(flows.normal);
          expect(flows.contingencyNoAuto).toBe(flows.contingency);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
