/**
 * `npm run schema`: writes power-budget.schema.json at the package root from the zod schema
 * the reports read with (report/budget-schema.ts). Run it after changing that schema; the test
 * test/report/budget-json-schema.test.ts fails until the committed file is regenerated.
 */
import * as fs from 'fs';
import * as path from 'path';
import { POWER_BUDGET_SCHEMA_FILE_NAME } from '../report/budget-schema';
import { renderPowerBudgetJsonSchema } from '../report/budget-json-schema';

const file = path.join(__dirname, '..', POWER_BUDGET_SCHEMA_FILE_NAME);
fs.writeFileSync(file, renderPowerBudgetJsonSchema());
process.stdout.write(`wrote ${POWER_BUDGET_SCHEMA_FILE_NAME}\n`);
