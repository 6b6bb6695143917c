/**
 * The zod schema of power-budget.json (format "hybrid-campus/power-budget", formatVersion 1) as
 * `campus report` and `campus diff` read it.
 *
 * Only the fields the reports use are declared; others are ignored, so a file that gained a
 * field (which does not bump formatVersion) still reads. `systemKind` on GPU halls was added
 * to version 1 later and is optional here.
 */
import { z } from 'zod';

const kw = z.number().finite();
const utilization = z.number().finite().nullable();
const status = z.enum(['pass', 'warn', 'fail']);

const loadSchema = z.object({
  firmItKw: kw,
  interruptibleItKw: kw,
  coolingKw: kw,
  auxiliaryKw: kw,
  totalKw: kw,
});

const scenarioSchema = z.object({
  scenario: z.enum(['normal', 'contingency']),
  label: z.string(),
  capacityKw: kw,
  load: loadSchema,
  headroomKw: kw,
  utilization,
});

const feedSchema = z.object({
  name: z.string(),
  source: z.string(),
  usableKw: kw,
});

const busSchema = z.object({
  name: z.string(),
  redundancy: z.string(),
  usableKw: kw,
  feeds: z.array(feedSchema),
  scenarios: z.array(scenarioSchema).min(1),
});

const coolingSchema = z.object({
  name: z.string(),
  type: z.string(),
  bus: z.string(),
  capacityKw: kw,
  heatKw: kw,
  powerKw: kw,
  firmPowerKw: kw,
  interruptiblePowerKw: kw,
  utilization,
});

const podSchema = z.object({
  name: z.string(),
  /** Added to version 1 with power caps; absent in older files. */
  capMode: z.enum(['rated', 'auto', 'fixed']).optional(),
  capW: z.number().nullable().optional(),
  priority: z.number().optional(),
  hashrateThs: z.number().optional(),
  offReason: z.string().optional(),
  hardwareId: z.string(),
  hardware: z.string(),
  count: z.number().int(),
  itKw: kw,
  firm: z.boolean(),
  bus: z.string(),
  cooling: z.string(),
});

const hallSchema = z.object({
  name: z.string(),
  hardwareId: z.string(),
  hardware: z.string(),
  systemKind: z.enum(['gpu-server', 'gpu-rack']).optional(),
  count: z.number().int(),
  itKw: kw,
  firm: z.boolean(),
  bus: z.string(),
  cooling: z.string(),
});

const auxiliarySchema = z.object({
  name: z.string(),
  bus: z.string(),
  powerKw: kw,
});

const checkSchema = z.object({
  check: z.string(),
  status,
  subject: z.string(),
  path: z.string(),
  scenario: z.string().optional(),
  date: z.string().optional(),
  message: z.string(),
});

const timelineEntrySchema = z.object({
  label: z.string(),
  from: z.string().nullable(),
  until: z.string().nullable(),
  status,
  capacityKw: kw,
  load: loadSchema,
  gridImportKw: kw,
  interconnectLimitKw: kw,
  siteUtilization: utilization,
  failures: z.array(checkSchema),
  warnings: z.array(checkSchema),
});

/** The name of the JSON Schema file shipped at the root of the package (generated from `powerBudgetSchema`). */
export const POWER_BUDGET_SCHEMA_FILE_NAME = 'power-budget.schema.json';

/**
 * The `$schema` every power-budget.json carries: the schema shipped in the installed package,
 * seen from cdktf.out/stacks/<site>/ in a project with the default output folder, so an editor
 * validates the file offline against the version that wrote it.
 */
export const POWER_BUDGET_SCHEMA_REFERENCE = `../../../node_modules/hybrid-campus/${POWER_BUDGET_SCHEMA_FILE_NAME}`;

/** A version-1 power budget, as read by the reports. */
export const powerBudgetSchema = z.object({
  /** Where an editor finds the JSON Schema; added to version 1 with the schema, absent in older files. */
  $schema: z.string().optional(),
  format: z.literal('hybrid-campus/power-budget'),
  formatVersion: z.literal(1),
  status,
  site: z.object({
    name: z.string().min(1),
    gridRegion: z.string(),
    interconnectLimitKw: kw,
    totalLoadKw: kw,
    generationOffsetKw: kw,
    gridImportKw: kw,
    headroomKw: kw,
    utilization,
  }),
  buses: z.array(busSchema),
  cooling: z.array(coolingSchema),
  loads: z.object({
    miningPods: z.array(podSchema),
    gpuHalls: z.array(hallSchema),
    auxiliary: z.array(auxiliarySchema),
  }),
  checks: z.array(checkSchema),
  /** Added to version 1 with the timeline (phases); absent in older files. */
  asOf: z.string().nullable().optional(),
  timeline: z.array(timelineEntrySchema).optional(),
});

export type PowerBudget = z.infer<typeof powerBudgetSchema>;
export type BusBudget = PowerBudget['buses'][number];
export type ScenarioBudget = BusBudget['scenarios'][number];
export type LoadByClass = ScenarioBudget['load'];
export type CheckResult = PowerBudget['checks'][number];
export type CheckStatus = CheckResult['status'];
export type MiningPodLoad = PowerBudget['loads']['miningPods'][number];
export type GpuHallLoad = PowerBudget['loads']['gpuHalls'][number];
export type TimelineEntry = NonNullable<PowerBudget['timeline']>[number];
