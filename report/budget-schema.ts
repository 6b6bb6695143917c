/**
 * The zod schemas of power-budget.json (format "hybrid-campus/power-budget") as `campus report`
 * and `campus diff` read it, for every format version they understand (READABLE_FORMAT_VERSIONS),
 * and the one in-memory shape (`PowerBudget`) both versions are normalized into.
 *
 * - Version 1: each bus lists normal operation and at most one contingency (the worst case of
 *   its redundancy level), without `id`; a contingency may name the feed(s) it lost in
 *   `lostFeed` (one name, or the comma-separated feeds of a 2N side); load by class has no
 *   `grossKw` and `overheadKw`; there is no top-level `scenarios`.
 * - Version 2: each bus lists normal operation and one contingency per loss event (each feed,
 *   each side of a 2N bus, or the worst split of a 2N bus without sides), each with a stable
 *   `id` unique on its bus; `lostFeeds`; load by class has `grossKw` and `overheadKw`; the
 *   top-level `scenarios` gives the site's grid import in each scenario.
 * - Version 3 (portfolio scale): as version 2, except that `checks` leaves out the passing
 *   results about a single load (pod, hall, block, auxiliary) and `passedChecks` counts them per
 *   check; each timeline entry's
 *   `buses` lists only the buses whose rows changed since the previous state, and its `pods` the
 *   mining pods whose running figures changed (or that left service): see power-budget-file.ts
 *   and `podTimelines` (budget-timeline.ts), which rebuilds each pod's figures over time; pods
 *   name a `minerType` listed once in `loads.minerTypes` instead of repeating its hardware.
 *
 * Normalized (see `normalizeBudget`): a version-3 pod gets its miner type's `hardwareId` and
 * `hardware` back (the shape of versions 1 and 2); otherwise a version-3 document is the shape
 * itself (its timeline
 * `pods` kept as written, its `passedChecks` too; versions 1 and 2 have neither, and their
 * `checks` still hold the passing results, which no report shows). a version-1 scenario's `id` is its kind ("normal" or
 * "contingency"), its `lostFeed` becomes `lostFeeds`, missing `grossKw` and `overheadKw` are 0
 * (version 1 had neither gross blocks nor facility overhead), and `scenarios` is empty (the file
 * does not say). `formatVersion` stays as read, so the diff knows a version-1 contingency.
 *
 * Only the fields the reports use are declared; others are ignored, so a file that gained a
 * field (which does not bump formatVersion) still reads. Fields added to version 1 after its
 * first release (`systemKind`, pods' caps, `asOf`, `timeline`) are optional.
 */
import { z } from 'zod';

/** The formatVersion values `campus report` and `campus diff` read. */
export const READABLE_FORMAT_VERSIONS = [1, 2, 3] as const;
export type ReadableFormatVersion = (typeof READABLE_FORMAT_VERSIONS)[number];

const kw = z.number().finite();
const utilization = z.number().finite().nullable();
const status = z.enum(['pass', 'warn', 'fail']);
const scenarioKind = z.enum(['normal', 'contingency']);

const loadV1 = z.object({
  firmItKw: kw,
  interruptibleItKw: kw,
  coolingKw: kw,
  auxiliaryKw: kw,
  totalKw: kw,
});

const loadV2 = loadV1.extend({
  grossKw: kw,
  overheadKw: kw,
});

const scenarioV1 = z.object({
  scenario: scenarioKind,
  label: z.string(),
  lost: z.string().optional(),
  /** One feed name, or the comma-separated feeds of the lost 2N side; absent for a 2N bus without sides. */
  lostFeed: z.string().optional(),
  capacityKw: kw,
  load: loadV1,
  headroomKw: kw,
  utilization,
});

const scenarioV2 = z.object({
  scenario: scenarioKind,
  /** "normal", "lose-feed:<feed>", "lose-side:A", "lose-side:worst", ...; unique on its bus. */
  id: z.string().min(1),
  label: z.string(),
  lost: z.string().optional(),
  lostFeeds: z.array(z.string()).optional(),
  capacityKw: kw,
  load: loadV2,
  headroomKw: kw,
  utilization,
});

const feedSchema = z.object({
  name: z.string(),
  source: z.string(),
  usableKw: kw,
});

const busV1 = z.object({
  name: z.string(),
  redundancy: z.string(),
  usableKw: kw,
  feeds: z.array(feedSchema),
  scenarios: z.array(scenarioV1).min(1),
});

/** Pairing scenarios by id (the diff) needs ids unique on each bus. */
function uniqueIds(items: readonly { readonly id: string }[], ctx: z.RefinementCtx, where: string): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate scenario id "${item.id}" ${where}` });
    seen.add(item.id);
  });
}

const busV2 = busV1.extend({
  scenarios: z.array(scenarioV2).min(1).superRefine((s, ctx) => uniqueIds(s, ctx, 'on this bus')),
});

const siteScenarioSchema = z.object({
  /** "normal", or "<bus>/<event id>", e.g. "bus-b/lose-feed:genset-1". */
  id: z.string().min(1),
  kind: scenarioKind,
  label: z.string(),
  bus: z.string().optional(),
  lost: z.string().optional(),
  lostFeeds: z.array(z.string()).optional(),
  totalLoadKw: kw,
  /** Usable on-site generation left in the scenario. */
  generationKw: kw,
  gridImportKw: kw,
  headroomKw: kw,
  utilization,
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

/** Added in version 2: loads stated in MW. */
const blockLoadSchema = z.object({
  name: z.string(),
  description: z.string(),
  basis: z.enum(['it', 'gross']),
  powerKw: kw,
  firm: z.boolean(),
  bus: z.string(),
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

const timelineV1 = z.object({
  label: z.string(),
  from: z.string().nullable(),
  until: z.string().nullable(),
  status,
  capacityKw: kw,
  load: loadV1,
  gridImportKw: kw,
  interconnectLimitKw: kw,
  siteUtilization: utilization,
  failures: z.array(checkSchema),
  warnings: z.array(checkSchema),
});

export { POWER_BUDGET_SCHEMA_FILE_NAME, POWER_BUDGET_SCHEMA_REFERENCE } from './budget-schema-reference';

const timelineV2 = timelineV1.extend({ load: loadV2 });

/** A mining pod's running figures from one state on (version 3), or that it left service. */
const podChangeSchema = z.union([
  z.object({
    name: z.string(),
    itKw: kw,
    hashrateThs: z.number().finite(),
    capW: z.number().finite().nullable(),
    offReason: z.string().optional(),
  }),
  z.object({ name: z.string(), inService: z.literal(false) }),
]);

/** A bus's rows in one state (version 3 lists the buses whose rows changed; no scenarios: the bus left). */
const timelineBusSchema = z.object({
  name: z.string(),
  scenarios: z.array(
    z.object({ scenario: scenarioKind, id: z.string().min(1), capacityKw: kw, totalKw: kw, utilization }),
  ),
});

const timelineV3 = timelineV2.extend({
  buses: z.array(timelineBusSchema),
  pods: z.array(podChangeSchema),
});

/** Version 3: the hardware fields pods share, once per distinct combination. */
const minerTypeSchema = z.object({ type: z.string().min(1), hardwareId: z.string(), hardware: z.string() });

/** Version 3: a pod names its miner type instead of carrying its hardware fields. */
const podV3Schema = podSchema.omit({ hardwareId: true, hardware: true }).extend({ minerType: z.string() });

/** Every pod's minerType is listed in `minerTypes`, once. */
function knownMinerTypes(loads: { minerTypes: readonly { type: string }[]; miningPods: readonly { minerType: string }[] }, ctx: z.RefinementCtx): void {
  const types = new Set<string>();
  loads.minerTypes.forEach((t, i) => {
    if (types.has(t.type)) ctx.addIssue({ code: 'custom', path: ['minerTypes', i, 'type'], message: `duplicate miner type "${t.type}"` });
    types.add(t.type);
  });
  loads.miningPods.forEach((p, i) => {
    if (!types.has(p.minerType)) {
      ctx.addIssue({ code: 'custom', path: ['miningPods', i, 'minerType'], message: `miner type "${p.minerType}" is not in loads.minerTypes` });
    }
  });
}

/** Version 3: the passing results of one check, counted. */
const passedCheckSchema = z.object({ check: z.string(), passed: z.number().int().positive() });

const common = z.object({
  /** Where an editor finds the JSON Schema; added to version 1 with the schema, absent in older files. */
  $schema: z.string().optional(),
  format: z.literal('hybrid-campus/power-budget'),
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
  cooling: z.array(coolingSchema),
  loads: z.object({
    miningPods: z.array(podSchema),
    gpuHalls: z.array(hallSchema),
    /** Version 2 only; empty for version 1. */
    blockLoads: z.array(blockLoadSchema).default([]),
    auxiliary: z.array(auxiliarySchema),
  }),
  checks: z.array(checkSchema),
  /** Added to version 1 with the timeline (phases); absent in older files. */
  asOf: z.string().nullable().optional(),
});

/** A version-1 power budget, as written. */
export const powerBudgetV1Schema = common.extend({
  formatVersion: z.literal(1),
  buses: z.array(busV1),
  timeline: z.array(timelineV1).optional(),
});

/** A version-2 power budget, as written. */
export const powerBudgetV2Schema = common.extend({
  formatVersion: z.literal(2),
  scenarios: z.array(siteScenarioSchema).min(1).superRefine((s, ctx) => uniqueIds(s, ctx, 'in the site scenarios')),
  buses: z.array(busV2),
  timeline: z.array(timelineV2).optional(),
});

/** A version-3 power budget, as written: passing checks counted, timeline entries list what changed. */
export const powerBudgetV3Schema = powerBudgetV2Schema.extend({
  formatVersion: z.literal(3),
  loads: common.shape.loads
    .extend({ minerTypes: z.array(minerTypeSchema), miningPods: z.array(podV3Schema) })
    .superRefine((loads, ctx) => knownMinerTypes(loads, ctx)),
  passedChecks: z.array(passedCheckSchema),
  timeline: z.array(timelineV3).optional(),
});

/** Every power budget the reports read, of any version: what power-budget.schema.json is generated from. */
export const powerBudgetSchema = z.union([powerBudgetV1Schema, powerBudgetV2Schema, powerBudgetV3Schema]);

export const POWER_BUDGET_SCHEMAS: Readonly<
  Record<ReadableFormatVersion, typeof powerBudgetV1Schema | typeof powerBudgetV2Schema | typeof powerBudgetV3Schema>
> = {
  1: powerBudgetV1Schema,
  2: powerBudgetV2Schema,
  3: powerBudgetV3Schema,
};

type PowerBudgetV1 = z.infer<typeof powerBudgetV1Schema>;
type PowerBudgetV2 = z.infer<typeof powerBudgetV2Schema>;
type PowerBudgetV3 = z.infer<typeof powerBudgetV3Schema>;

/**
 * A power budget of any readable version, normalized (see the header comment): version 3's
 * shape, with `passedChecks` and the timeline's `buses` and `pods` absent for versions 1 and 2.
 */
export type PowerBudget = Omit<PowerBudgetV3, 'formatVersion' | 'passedChecks' | 'timeline' | 'loads'> & {
  readonly formatVersion: ReadableFormatVersion;
  readonly loads: PowerBudgetV2['loads'];
  readonly passedChecks?: PowerBudgetV3['passedChecks'];
  readonly timeline?: readonly TimelineEntryOf[];
};
type TimelineEntryV3 = NonNullable<PowerBudgetV3['timeline']>[number];
type TimelineEntryOf = Omit<TimelineEntryV3, 'buses' | 'pods'> & Partial<Pick<TimelineEntryV3, 'buses' | 'pods'>>;
export type PodChange = TimelineEntryV3['pods'][number];
export type BusBudget = PowerBudget['buses'][number];
export type ScenarioBudget = BusBudget['scenarios'][number];
export type SiteScenario = PowerBudget['scenarios'][number];
export type LoadByClass = ScenarioBudget['load'];
export type CheckResult = PowerBudget['checks'][number];
export type CheckStatus = CheckResult['status'];
export type MiningPodLoad = PowerBudget['loads']['miningPods'][number];
export type GpuHallLoad = PowerBudget['loads']['gpuHalls'][number];
export type TimelineEntry = TimelineEntryOf;

function loadOfV1(load: z.infer<typeof loadV1>): LoadByClass {
  return { ...load, grossKw: 0, overheadKw: 0 };
}

function scenarioOfV1(s: z.infer<typeof scenarioV1>): ScenarioBudget {
  const { lostFeed, load, ...rest } = s;
  return {
    ...rest,
    id: s.scenario,
    ...(lostFeed ? { lostFeeds: lostFeed.split(',') } : {}),
    load: loadOfV1(load),
  };
}

/** The one in-memory shape of a parsed document of any readable version. */
export function normalizeBudget(doc: PowerBudgetV1 | PowerBudgetV2 | PowerBudgetV3): PowerBudget {
  if (doc.formatVersion === 2) return doc;
  if (doc.formatVersion === 3) {
    const types = new Map(doc.loads.minerTypes.map((t) => [t.type, t]));
    const { minerTypes: _types, miningPods, ...loads } = doc.loads;
    const pods = miningPods.map(({ minerType, ...pod }) => ({ ...pod, hardwareId: types.get(minerType)!.hardwareId, hardware: types.get(minerType)!.hardware }));
    return { ...doc, loads: { ...loads, miningPods: pods } };
  }
  const { timeline, buses, ...rest } = doc;
  return {
    ...rest,
    scenarios: [],
    buses: buses.map((b) => ({ ...b, scenarios: b.scenarios.map(scenarioOfV1) })),
    ...(timeline ? { timeline: timeline.map((t) => ({ ...t, load: loadOfV1(t.load) })) } : {}),
  };
}
