/**
 * power-budget.schema.json: generated from the reader's zod schema, shipped in the package,
 * referenced by every power-budget.json, and valid for every example's budget.
 */
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { POWER_BUDGET_SCHEMA_FILE_NAME, POWER_BUDGET_SCHEMA_REFERENCE, powerBudgetSchema } from '../../report/budget-schema';
import { powerBudgetJsonSchema, renderPowerBudgetJsonSchema } from '../../report/budget-json-schema';
import { synthVariant, type Variant } from './synth-examples';

const ROOT = path.join(__dirname, '..', '..');
const SCHEMA_FILE = path.join(ROOT, POWER_BUDGET_SCHEMA_FILE_NAME);

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  return ajv.compile(JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')));
}

function budgetsOf(variant: Variant): { file: string; json: Record<string, unknown> }[] {
  const stacks = path.join(synthVariant(variant), 'stacks');
  return fs
    .readdirSync(stacks)
    .sort()
    .map((site) => path.join(stacks, site, 'power-budget.json'))
    .map((file) => ({ file, json: JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown> }));
}

test('the committed power-budget.schema.json is the one generated from the zod schema (run `npm run schema` if not)', () => {
  expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).toBe(renderPowerBudgetJsonSchema());
});

test('the schema declares the format, its version and the fields the reports read', () => {
  type Branch = { properties: Record<string, { const?: unknown }>; required: string[] };
  const schema = powerBudgetJsonSchema() as { $schema: string; anyOf: Branch[] };
  expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
  // One branch per version the reports read; version 2 adds the site's scenarios, version 3 the passing checks counted.
  expect(schema.anyOf.map((b) => [b.properties.format.const, b.properties.formatVersion.const])).toEqual([
    ['hybrid-campus/power-budget', 1],
    ['hybrid-campus/power-budget', 2],
    ['hybrid-campus/power-budget', 3],
  ]);
  expect(schema.anyOf[0].required).toEqual(['format', 'status', 'site', 'cooling', 'loads', 'checks', 'formatVersion', 'buses']);
  expect(schema.anyOf[1].required).toEqual(['format', 'status', 'site', 'cooling', 'loads', 'checks', 'formatVersion', 'scenarios', 'buses']);
  expect(schema.anyOf[2].required).toEqual(['format', 'status', 'site', 'cooling', 'loads', 'checks', 'formatVersion', 'scenarios', 'buses', 'passedChecks']);
});

test('the package ships the schema and exports it', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  expect(pkg.files).toContain(POWER_BUDGET_SCHEMA_FILE_NAME);
  expect(pkg.exports[`./${POWER_BUDGET_SCHEMA_FILE_NAME}`]).toBe(`./${POWER_BUDGET_SCHEMA_FILE_NAME}`);
  expect(pkg.scripts.schema).toBe('tsx scripts/generate-schema.ts');
});

describe.each<Variant>(['examples', 'phased', 'flexible', 'second-hall'])('the %s power-budget.json files', (variant) => {
  test('reference the shipped schema and validate against it', () => {
    const validate = validator();
    const budgets = budgetsOf(variant);
    expect(budgets.length).toBeGreaterThan(0);
    for (const { file, json } of budgets) {
      expect(Object.keys(json)[0]).toBe('$schema');
      expect(json.$schema).toBe(POWER_BUDGET_SCHEMA_REFERENCE);
      const valid = validate(json);
      expect({ file, errors: validate.errors ?? null }).toEqual({ file, errors: null });
      expect(valid).toBe(true);
    }
  });
});

test('the schema rejects what the reader rejects', () => {
  const validate = validator();
  const [{ json }] = budgetsOf('examples');
  const cases: [Record<string, unknown>, string][] = [
    [{ ...json, formatVersion: 4 }, '/formatVersion must be equal to constant'],
    [{ ...json, status: 'ok' }, '/status must be equal to one of the allowed values'],
    [{ ...json, site: { ...(json.site as object), interconnectLimitKw: '300' } }, '/site/interconnectLimitKw must be number'],
    [(({ buses: _buses, ...rest }) => rest)(json), " must have required property 'buses'"],
  ];
  for (const [doc, message] of cases) {
    expect(validate(doc)).toBe(false);
    expect(validate.errors!.map((e) => `${e.instancePath} ${e.message}`)).toContain(message);
    expect(powerBudgetSchema.safeParse(doc).success).toBe(false);
  }
});
