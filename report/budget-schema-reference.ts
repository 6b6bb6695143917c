/**
 * Where power-budget.json finds its JSON Schema. Apart from budget-schema.ts (the zod schemas,
 * built when that module loads) so that writing the file at synth does not build them.
 */

/** The name of the JSON Schema file shipped at the root of the package (generated from `powerBudgetSchema`). */
export const POWER_BUDGET_SCHEMA_FILE_NAME = 'power-budget.schema.json';

/**
 * The `$schema` of every power-budget.json: the schema shipped with the package that wrote it,
 * seen from cdktf.out/stacks/<site>/ in a project with the default output folder, so an editor
 * validates the file offline against the version that wrote it.
 */
export const POWER_BUDGET_SCHEMA_REFERENCE = `../../../node_modules/hybrid-campus/${POWER_BUDGET_SCHEMA_FILE_NAME}`;
