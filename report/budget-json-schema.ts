/**
 * power-budget.schema.json: the JSON Schema of power-budget.json, generated from the zod
 * schema the reports read with (`powerBudgetSchema`), so the shipped schema and the reader
 * cannot disagree. `npm run schema` writes it; a test fails when the committed file is stale.
 */
import { z } from 'zod';
import { READABLE_FORMAT_VERSIONS, powerBudgetSchema } from './budget-schema';

/** The schema as plain JSON data (JSON Schema draft-07, which editors and validators all read). */
export function powerBudgetJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(powerBudgetSchema, { target: 'draft-7', io: 'input' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: `hybrid-campus power budget (power-budget.json), formatVersion ${READABLE_FORMAT_VERSIONS.join(' or ')}`,
    description:
      'Written by cdktf synth beside each campus stack; read by `campus report` and `campus diff`. ' +
      'One branch per formatVersion the reports read. Declares the fields the reports read; files may carry more (adding a field does not bump formatVersion).',
    ...rest,
  };
}

/** The file's text: two-space indented JSON with a final newline. */
export function renderPowerBudgetJsonSchema(): string {
  return `${JSON.stringify(powerBudgetJsonSchema(), null, 2)}\n`;
}
