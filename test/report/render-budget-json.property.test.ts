/**
 * The fast `renderBudgetJson` (one pass of string concatenation, issue 12) writes the same bytes
 * as the plain map-and-join reference it replaced (test/fuzz/reference-formatting.ts), on random
 * JSON-like values (fast-check): objects with their keys in random orders (integer-like keys
 * included, which JavaScript lists first) and undefined members, arrays of one-line records,
 * records holding arrays of records or arrays of arrays, nested arrays, -0, NaN, infinities and
 * strings that need escapes. FC_SEED and FC_RUNS explore further.
 */
import fc from 'fast-check';
import { renderBudgetJson } from '../../report/power-budget-file';
import { referenceRenderBudgetJson } from '../fuzz/reference-formatting';
import { propertyRuns } from '../randomized-runs';

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261124) });
const RUNS = propertyRuns('test/report/render-budget-json.property.test.ts');

const keyArb = fc.constantFrom('name', 'scenarios', 'itKw', 'a', 'b', '1', '10', '0', 'with "quotes"', 'tab\there', 'ü', '');

const leafArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.double(),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.constantFrom(-0, 0, NaN, Infinity, -Infinity, 1e21, 0.1 + 0.2),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);

const { value: valueArb } = fc.letrec<{ value: unknown; array: unknown[]; object: Record<string, unknown>; records: unknown[]; nested: unknown[] }>((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leafArb, tie('array'), tie('object'), tie('records'), tie('nested')),
  array: fc.array(tie('value'), { maxLength: 5 }),
  object: fc.dictionary(keyArb, tie('value'), { maxKeys: 6 }),
  // Arrays of records (written on one line unless they hold an array of objects) ...
  records: fc.array(tie('object'), { maxLength: 4 }),
  // ... and arrays holding arrays of records.
  nested: fc.array(fc.array(tie('object'), { maxLength: 3 }), { maxLength: 3 }),
}));

test('renderBudgetJson writes what the reference writes, on random JSON-like values', () => {
  fc.assert(
    fc.property(valueArb, fc.constantFrom('', '  ', '    '), (value, indent) => {
      expect(renderBudgetJson(value, indent)).toBe(referenceRenderBudgetJson(value, indent));
    }),
    { numRuns: RUNS },
  );
});

test('the cases the generator may miss: holes, a record whose only array holds arrays, members that are functions or inherited', () => {
  // eslint-disable-next-line no-sparse-arrays
  const holes = [1, , { a: 1 }, , [{ b: [] }]];
  const cases: unknown[] = [
    holes,
    [{ rows: [[1, 2]] }, { rows: [[{ x: 1 }]] }, { rows: [null, 1] }],
    { f: () => 1, list: [() => 1, undefined, { g: () => 2 }] },
    [[[{ deep: [{ deeper: 1 }] }]]],
    { '2': 'b', '1': 'a', z: -0, y: NaN },
    // Members inherited from a prototype are not the object's own: neither written nor looked in.
    [Object.assign(Object.create({ rows: [{ x: 1 }], n: 2 }), { a: 1 }), Object.assign(Object.create({ rows: [1] }), { rows: [{ y: 1 }] })],
  ];
  for (const value of cases) expect(renderBudgetJson(value)).toBe(referenceRenderBudgetJson(value));
  expect(renderBudgetJson([{ rows: [[1, 2]] }, { rows: [null, 1] }])).toBe('[\n  {\n    "rows": [\n      [\n        1,\n        2\n      ]\n    ]\n  },\n  {"rows":[null,1]}\n]');
});
