/**
 * campus-model.json: the campus as plain data (domain/model.ts `CampusModel`), written by synth
 * beside power-budget.json so that `campus dispatch` rebuilds the same model synth checked and
 * runs the same budget engine over it (domain/dispatch/fleet.ts). Nothing is re-derived from the
 * budget's figures.
 *
 * Format "hybrid-campus/campus-model", formatVersion 1:
 *   { "format", "formatVersion", "site", "asOf"?, "model": CampusModel }
 * Keys are sorted at every level; arrays keep the campus's order. The file is an input to
 * dispatch, validated on read (zod): a bad file gets one InputError naming the file and field.
 */
import { z } from 'zod';
import type { CampusModel } from '../../domain/model';
import { MONTH_PATTERN } from '../../domain/timeline';
import { InputError } from '../input-error';

export const CAMPUS_MODEL_FILE_NAME = 'campus-model.json';
export const CAMPUS_MODEL_FORMAT = 'hybrid-campus/campus-model';
export const CAMPUS_MODEL_FORMAT_VERSION = 1;

export interface CampusModelDocument {
  readonly format: typeof CAMPUS_MODEL_FORMAT;
  readonly formatVersion: typeof CAMPUS_MODEL_FORMAT_VERSION;
  readonly site: string;
  /** The month synth was run for (the hybrid-campus:date context), if any. */
  readonly asOf?: string;
  readonly model: CampusModel;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** The text of campus-model.json for a campus (as declared, all dates) and the month synth chose. */
export function renderCampusModel(model: CampusModel, asOf?: string): string {
  const doc = { format: CAMPUS_MODEL_FORMAT, formatVersion: CAMPUS_MODEL_FORMAT_VERSION, site: model.name, ...(asOf !== undefined ? { asOf } : {}), model };
  return `${JSON.stringify(sortKeys(doc), null, 2)}\n`;
}

/**
 * The zod schema of the whole document. Built on the first parse, not when the module loads: synth
 * imports this file to write campus-model.json and never parses one (about 20 ms of schema
 * building in every `cdktf synth`); `campus dispatch` parses.
 */
function buildDocumentSchema() {
  const num = z.number({ error: 'must be a number' }).refine(Number.isFinite, { error: 'must be a finite number' });
  const positive = num.refine((n) => n > 0, { error: 'must be greater than 0' });
  const nonNegative = num.refine((n) => n >= 0, { error: 'must be 0 or more' });
  const text = z.string({ error: 'must be a string' });
  const month = text.regex(MONTH_PATTERN, { error: 'must be a month written YYYY-MM' });
  const dated = { inService: month.optional(), retire: month.optional() };
  const coolingRequirement = z.enum(['air', 'hydro', 'immersion', 'direct-to-chip', 'unspecified']);
  const lease = z.strictObject({ tenant: text, contractedItKw: nonNegative, grossCapKw: positive.optional() });
  const itLoad = {
    ...dated,
    name: text,
    path: text,
    bus: text,
    cooling: text,
    itKw: nonNegative,
    firm: z.boolean({ error: 'must be true or false' }),
    coolingRequirement,
    hardware: text,
    facilityOverheadFraction: nonNegative.optional(),
  };

  const campusModelSchema = z.strictObject({
    name: text,
    path: text,
    gridRegion: text,
    interconnectLimitKw: positive,
    interconnectSteps: z.array(z.strictObject({ from: month, limitKw: positive })).optional(),
    warnUtilization: positive,
    buses: z.array(
      z.strictObject({
        ...dated,
        name: text,
        path: text,
        redundancy: z.enum(['N', 'N+1', '2N']),
        feeds: z.array(
          z.strictObject({
            ...dated,
            name: text,
            source: z.enum(['utility', 'transformer', 'onsite-generation']),
            ratingKw: nonNegative,
            maxUtilization: positive,
            ratingBasis: text,
            side: z.enum(['A', 'B']).optional(),
          }),
        ),
      }),
    ),
    coolingSystems: z.array(
      z.strictObject({
        ...dated,
        name: text,
        path: text,
        type: z.enum(['air', 'hydro', 'immersion', 'direct-to-chip', 'chiller']),
        capacityKw: nonNegative,
        power: z.discriminatedUnion('model', [
          z.strictObject({ model: z.literal('pue'), pue: positive }),
          z.strictObject({ model: z.literal('cop'), cop: positive }),
          z.strictObject({ model: z.literal('fixed'), powerKw: nonNegative }),
        ]),
        bus: text,
      }),
    ),
    miningPods: z.array(
      z.strictObject({
        ...itLoad,
        kind: z.literal('mining-pod'),
        hardwareId: text,
        count: nonNegative,
        spares: nonNegative,
        minerPowerW: positive,
        minerHashrateThs: positive,
        hashrateThs: nonNegative,
        efficiencyJTh: positive,
        curtailSeconds: nonNegative,
        priority: num,
        powerControl: z
          .discriminatedUnion('mode', [
            z.strictObject({ mode: z.literal('fixed'), capW: positive }),
            z.strictObject({ mode: z.literal('auto'), minW: positive, maxW: positive }),
          ])
          .optional(),
        hashrateCurve: z.array(z.strictObject({ powerW: positive, hashrateThs: nonNegative })).optional(),
      }),
    ),
    gpuHalls: z.array(
      z.strictObject({
        ...itLoad,
        kind: z.literal('gpu-hall'),
        hardwareId: text,
        systemKind: z.enum(['gpu-server', 'gpu-rack']),
        count: nonNegative,
        gpus: nonNegative,
        systemPowerW: positive,
        overheadKw: nonNegative,
        operator: z.discriminatedUnion('kind', [z.strictObject({ kind: z.literal('self') }), z.strictObject({ kind: z.literal('tenant'), tenant: text })]),
        lease: lease.optional(),
      }),
    ),
    auxiliaryLoads: z.array(z.strictObject({ ...dated, kind: z.literal('auxiliary'), name: text, path: text, bus: text, powerKw: nonNegative, firm: z.boolean().optional() })),
    blockLoads: z
      .array(
        z.strictObject({
          ...dated,
          kind: z.literal('block-load'),
          name: text,
          path: text,
          bus: text,
          basis: z.enum(['it', 'gross']),
          powerKw: nonNegative,
          cooling: text.optional(),
          coolingRequirement: coolingRequirement.optional(),
          firm: z.boolean({ error: 'must be true or false' }),
          facilityOverheadFraction: nonNegative.optional(),
          lease: lease.optional(),
          description: text,
        }),
      )
      .optional(),
    commitments: z
      .array(
        z.strictObject({
          ...dated,
          program: text,
          sheddableKw: positive,
          responseTimeS: positive,
          season: z.strictObject({ fromMonth: z.int().min(1).max(12), toMonth: z.int().min(1).max(12) }).optional(),
          window: text.optional(),
          exclusiveGroup: text.optional(),
        }),
      )
      .optional(),
    economics: z
      .strictObject({
        mining: z.strictObject({ hashpriceUsdPerPhDay: positive, powerPriceUsdPerMwh: nonNegative }).optional(),
        ai: z.strictObject({ gpuHourUsd: positive.optional(), utilization: positive.optional(), coloUsdPerKwMonth: positive.optional() }).optional(),
      })
      .optional(),  // Facts about the grid connection, for rule packs (domain/model.ts GridFacts); dispatch does not read them.
    gridFacts: z.looseObject({}).optional(),
  });

  return z.strictObject({
    format: z.literal(CAMPUS_MODEL_FORMAT),
    formatVersion: z.literal(CAMPUS_MODEL_FORMAT_VERSION),
    site: text,
    asOf: month.optional(),
    model: campusModelSchema,
  });
}

let documentSchema: ReturnType<typeof buildDocumentSchema> | undefined;

function where(pathParts: readonly PropertyKey[]): string {
  return pathParts.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('').replace(/^\./, '') || '(document)';
}

/** Parses and validates campus-model.json; one InputError naming the file and the first bad field. */
export function parseCampusModel(file: string, textContent: string): CampusModelDocument {
  let data: unknown;
  try {
    data = JSON.parse(textContent);
  } catch {
    throw new InputError(`${file}: not valid JSON; re-run cdktf synth to rewrite it`);
  }
  const header = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  if (header.format !== CAMPUS_MODEL_FORMAT) {
    throw new InputError(`${file}: not a hybrid-campus campus model (format is ${JSON.stringify(header.format) ?? 'missing'}, expected "${CAMPUS_MODEL_FORMAT}")`);
  }
  if (header.formatVersion !== CAMPUS_MODEL_FORMAT_VERSION) {
    throw new InputError(`${file}: formatVersion ${JSON.stringify(header.formatVersion) ?? 'missing'} is not supported (this campus understands ${CAMPUS_MODEL_FORMAT_VERSION}); re-run cdktf synth with this version`);
  }
  const parsed = (documentSchema ??= buildDocumentSchema()).safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more)` : '';
    throw new InputError(`${file}: invalid campus model: ${where(issue.path)}: ${issue.message}${more}; re-run cdktf synth to rewrite it`);
  }
  if (parsed.data.model.name !== parsed.data.site) {
    throw new InputError(`${file}: invalid campus model: model.name ${JSON.stringify(parsed.data.model.name)} differs from site ${JSON.stringify(parsed.data.site)}; re-run cdktf synth to rewrite it`);
  }
  return parsed.data as CampusModelDocument;
}
