/**
 * A campus: one site, one TerraformStack with its own state.
 *
 * It collects its parts (buses, cooling systems, pods, halls, auxiliary loads), hands them to
 * the budget engine (../domain) as plain data, and reports the engine's checks as construct
 * validations, so `cdktf synth` fails on any failed check and names the construct that caused
 * it. Warnings (a scenario above `warnUtilization`) become cdktf annotations. Beside the
 * stack's cdk.tf.json it writes power-budget.json (format in ../report/power-budget-file.ts) and
 * campus-model.json, the model the budget was computed from (../report/dispatch/campus-model-file.ts).
 */
import * as fs from 'fs';
import * as path from 'path';
import { Annotations, Aspects, TerraformBackend, TerraformStack, type ISynthesisSession } from 'cdktf';
import type { Construct, IConstruct } from 'constructs';
import { z } from 'zod';
import { evaluateTimeline, firstOccurrences, type TimelineEvaluation } from '../domain/evaluate';
import { CampusConfigError, showValue } from '../domain/config-error';
import type { EconomicsInputs } from '../domain/economics';
import { campusLoads } from '../domain/load-model';
import type { CampusModel, DemandResponseCommitment, GridFacts } from '../domain/model';
import { inServiceAt, isMonth } from '../domain/timeline';
import { POWER_BUDGET_FILE_NAME, powerBudgetDocument, renderPowerBudgetDocument } from '../report/power-budget-file';
import { timelineSvg } from '../report/timeline-chart';
import { CAMPUS_MODEL_FILE_NAME, renderCampusModel } from '../report/dispatch/campus-model-file';
import { mwToKw } from '../domain/units';
import { AuxiliaryLoad } from '../constructs/plant/auxiliary-load';
import { BlockLoad } from '../constructs/plant/block-load';
import { deployedWhen, pruneForMonth } from '../constructs/plant/deployed-when';
import { CAMPUS_SCOPE, type CampusPart } from '../constructs/plant/campus-scope';
import { CoolingSystem } from '../constructs/plant/cooling-system';
import { GpuHall } from '../constructs/plant/gpu-hall';
import { PriorityClassV1 } from '@cdktf/provider-kubernetes/lib/priority-class-v1';
import { KubernetesAccess } from '../constructs/workloads/kubernetes-access';
import { LABEL_CAMPUS, LABEL_PART_OF, LABEL_WORKLOAD_CLASS, type WorkloadClass } from '../constructs/workloads/labels';
import { MiningPod } from '../constructs/plant/mining-pod';
import { PowerBus } from '../constructs/plant/power-bus';
import { checkConstructArgs, checkServiceDates, datesOf, daySchema, fraction, monthSchema, nonNegativeNumber, parseProps, positiveNumber, serviceDates, textSchema } from '../constructs/props';
import { WorkloadNamespace } from '../constructs/workloads/workload-namespace';
import type { WorkloadCampus } from '../constructs/workloads/workload-campus';
// Attaches the namespace and addInferenceService / addTrainingJob to every GpuHall.
import '../constructs/workloads/gpu-hall-workloads';
import { CampusBackend } from './campus-backend';
import { AspectsOnce } from './aspects-once';
import { stackValidationFailure } from 'cdktf/lib/errors';
import { packageVersion } from '../cli/version';
import type { RulePack } from '../rules/rule';
import { CampusRules } from '../rules/campus-rules';
import { runRules, type RuleRunResult } from '../rules/run-rules';
import { codeSuppressions, type RuleSuppression } from '../rules/suppression';
import { RULE_SUPPRESSIONS_CONTEXT_KEY, readSuppressionsFile, suppressionsForCampus, type SuppressionsFile } from '../rules/suppressions-file';
import { synthesizedResources, synthesizedVariables } from '../rules/synthesized-resources';
import { RULES_FILE_NAME, renderRulesJson } from '../rules/rules-file';
import { SARIF_FILE_NAME, renderSarif } from '../rules/sarif';

/** The rules' judgement of one Terraform JSON of the stack. */
interface RuleRun {
  readonly terraform: unknown;
  readonly result: RuleRunResult;
  readonly errors: readonly string[];
}

export interface CampusProps {
  /** Grid region or ISO the site is interconnected with, e.g. "ERCOT". */
  readonly gridRegion: string;
  /** What the utility or ISO approved the site to draw from the grid, in MW (from the start). */
  readonly interconnectLimitMw: number;
  /**
   * Later approvals of the interconnect: from each month on, the limit is its `limitMw`
   * (e.g. `[{ from: '2027-01', limitMw: 750 }]` for 500 MW today, 750 MW from 2027-01). Every
   * state of the timeline is checked against the limit in force then.
   * @default none - interconnectLimitMw applies at every date
   */
  readonly interconnectSteps?: readonly InterconnectStepProps[];
  /**
   * Utilization above which a bus, the site or a cooling system is reported as a warning, in any
   * scenario. A fraction: 0.9 warns above 90%.
   * @default 0.9
   */
  readonly warnUtilization?: number;
  /**
   * Default for the kubeconfig_path Terraform variable.
   * @default '~/.kube/config'
   */
  readonly defaultKubeconfigPath?: string;
  /**
   * Demand-response commitments: interruptible MW that must be sheddable within a response
   * time. Synth fails at any date where they cannot be met.
   * @default none
   */
  readonly demandResponse?: readonly DemandResponseProps[];
  /**
   * Inputs for revenue per MW by class, reported in power-budget.json at every date.
   * `REFERENCE_ECONOMICS` holds dated, sourced values to start from.
   * @default none - no economics are computed
   */
  readonly economics?: EconomicsInputs;
  /**
   * Where the campus keeps its Terraform state: `CampusBackend.s3()`, `.gcs()`, `.azurerm()`,
   * `.kubernetes()`, `.cloud()` or `.local()`. Each campus gets a state of its own there,
   * named after its id. Credentials never go here: Terraform reads them from the environment.
   * @default CampusBackend.local() - terraform.<campus>.tfstate in the project root (unless a
   * TerraformBackend was added to the campus directly)
   */
  readonly backend?: CampusBackend;
  /**
   * Facts about the site's grid connection that rules read (the ERCOT large-load pack:
   * interconnection and energization dates, voltage class, backup generation, firm load shed,
   * 4CP curtailment). Each is optional.
   * @default none - a rule that needs a fact reports which one to set, and assumes nothing
   */
  readonly gridFacts?: GridFactsProps;
  /**
   * Rule packs to run on this campus at every synth (in addition to the packs enabled for the
   * whole app with `CampusRules.of(app).enable(...)`), e.g. `{ packs: [KUBERNETES_BASELINE] }`.
   * Error findings fail synth, warnings become annotations, and every finding goes into
   * rules.json and rules.sarif beside power-budget.json.
   * @default no packs of its own - only the app's packs run; with none, no rules run and no
   * rules.json or rules.sarif is written
   */
  readonly rules?: CampusRulesProps;
}

/** Facts about the site's grid connection, for rules (see `CampusProps.gridFacts`). Days are 'YYYY-MM-DD'. */
export interface GridFactsProps {
  /**
   * The site's interconnection: the day it is (or was) interconnected, and the site load that
   * interconnection covers, in MW. Load beyond `loadMw` (a later phase) counts as interconnected
   * later. The MW are needed only for a day on or before 2025-12-31 (SB 6 firm load shed).
   * @default unknown - rules that need it (curtailment in firm load shed) say so
   */
  readonly interconnection?: InterconnectionProps;
  /**
   * The voltage the site takes service at: 'transmission' (60 kV and above in ERCOT) or 'distribution'.
   * @default unknown - rules that need it (curtailment in firm load shed) say so
   */
  readonly voltageClass?: 'transmission' | 'distribution';
  /**
   * ERCOT's approval of the site's energization: the day, and the site load approved, in MW. Load
   * beyond `approvedMw` is not covered. The MW are needed only for a day on or before 2025-11-14
   * (the ride-through exemption).
   * @default unknown - rules that need it (Large Electronic Load ride-through) say so
   */
  readonly energizationApproval?: EnergizationApprovalProps;
  /**
   * The disclosure of on-site backup generation to ERCOT (Texas SB 6): whether, in an energy
   * emergency, the site can run that generation, and whether it can curtail its load instead.
   * Any complete disclosure complies (ERCOT may direct either).
   * @default none - no disclosure made
   */
  readonly backupGeneration?: { readonly deployableInEmergency: boolean; readonly curtailableInEmergency: boolean };
  /**
   * Curtailment in firm load shed (Texas SB 6): what the utility's remote-disconnect equipment
   * drops. `{ wholeSite: true }`: it opens the site's point of interconnection, so everything
   * drops, firm loads included. `{ remoteDisconnectLoads: [...] }`: it drops the listed loads of
   * this campus only, which must be the curtailment plan's loads (every interruptible mining pod).
   * @default none - not declared
   */
  readonly firmLoadShed?: { readonly wholeSite: true } | { readonly remoteDisconnectLoads: readonly string[] };
  /**
   * 4CP response: the months, among June to September (6 to 9), in which the site curtails its
   * interruptible load in the predicted four coincident peak intervals, e.g. { months: [6, 7, 8, 9] }.
   * @default none - no 4CP curtailment declared
   */
  readonly fourCpCurtailment?: { readonly months: readonly number[] };
}

/** The site's interconnection (see `GridFactsProps.interconnection`). */
export interface InterconnectionProps {
  /** The day the site is (or was) interconnected, 'YYYY-MM-DD'. */
  readonly date: string;
  /**
   * The site load that interconnection covers, in MW.
   * @default unknown - for a day on or before 2025-12-31, the firm-load-shed rule asks for it
   */
  readonly loadMw?: number;
}

/** ERCOT's approval of the site's energization (see `GridFactsProps.energizationApproval`). */
export interface EnergizationApprovalProps {
  /** The day ERCOT approved the site's energization, 'YYYY-MM-DD'. */
  readonly date: string;
  /**
   * The site load ERCOT approved, in MW.
   * @default unknown - for a day on or before 2025-11-14, the ride-through rule asks for it
   */
  readonly approvedMw?: number;
}

/** The rules of one campus. */
export interface CampusRulesProps {
  /** Packs to run on the campus. @default none */
  readonly packs?: readonly RulePack[];
}

/** A dated step of the interconnect approval. */
export interface InterconnectStepProps {
  /** First month the limit applies, 'YYYY-MM'. */
  readonly from: string;
  /** The approved grid draw from that month on, in MW. */
  readonly limitMw: number;
}

/** A demand-response program the campus is enrolled in. */
export interface DemandResponseProps {
  /** Program name, e.g. "ERCOT ERS-10". */
  readonly program: string;
  /** The reduction of grid import the site must deliver when called, in MW. */
  readonly sheddableMw: number;
  /** The program's required response time, in seconds (e.g. 600 for a 10-minute program). */
  readonly responseTimeS: number;
  /**
   * Commitments with the same group are never called at the same time, so they may count the
   * same megawatts. Give it only when the program rules or your contracts guarantee it.
   * @default none - may be called together with every other commitment in force: within a
   * response time, the MW of the commitments that respond as fast or faster add up
   */
  readonly exclusiveGroup?: string;
  /**
   * Months the commitment applies in, 1-12, inclusive; may wrap (e.g. 11 to 2).
   * @default all year
   */
  readonly season?: { readonly fromMonth: number; readonly toMonth: number };
  /**
   * Time window in words, e.g. "weekdays 14:00-20:00 CT"; carried to plans, not checked.
   * @default none
   */
  readonly window?: string;
  /**
   * First month of the enrolment, 'YYYY-MM'.
   * @default in force from the start
   */
  readonly inService?: string;
  /**
   * First month after the enrolment ends, 'YYYY-MM'.
   * @default never ends
   */
  readonly retire?: string;
}

/**
 * cdktf context key that synthesizes the campus as it stands in one month ('YYYY-MM'): only
 * the parts in service then are checked and deployed. Set it in cdktf.json's "context".
 * Without it, every state of the timeline is checked and nothing depends on today's date.
 */
export const DATE_CONTEXT_KEY = 'hybrid-campus:date';

const calendarMonth = z.int({ error: 'must be a month number, 1 to 12' }).min(1, { error: 'must be 1 to 12' }).max(12, { error: 'must be 1 to 12' });

const demandResponseSchema = z
  .strictObject({
    program: textSchema('the program name', '"ERCOT ERS-10"').trim().min(1, { error: 'must not be empty, e.g. "ERCOT ERS-10"' }),
    sheddableMw: positiveNumber('MW that must be sheddable'),
    responseTimeS: positiveNumber('required response time in seconds'),
    season: z.strictObject({ fromMonth: calendarMonth, toMonth: calendarMonth }, { error: 'must be { fromMonth, toMonth }, months 1 to 12, e.g. { fromMonth: 6, toMonth: 9 }' }).optional(),
    window: textSchema('the time window in words', '"weekdays 14:00-20:00 CT"').optional(),
    exclusiveGroup: textSchema('the name of a group of commitments never called together', '"ercot-ancillary"').optional(),
    ...serviceDates,
  })
  .superRefine(checkServiceDates);

/** A list without repeats: each repeated element gets its own message. */
function noRepeats(what: string) {
  return (items: readonly unknown[], ctx: z.RefinementCtx): void => {
    const seen = new Set<unknown>();
    items.forEach((item, i) => {
      if (seen.has(item)) ctx.addIssue({ code: 'custom', path: [i], message: `is listed twice; give each ${what} once` });
      seen.add(item);
    });
  };
}

/** A day of a grid fact: a calendar day from 1900 on (an earlier year is a typing slip, never an ERCOT date). */
const factDaySchema = daySchema.superRefine((value, ctx) => {
  if (Number(value.slice(0, 4)) < 1900) ctx.addIssue({ code: 'custom', message: 'is before 1900; give the day written YYYY-MM-DD, e.g. "2026-03-01"' });
});

const gridFactsSchema = z.strictObject(
  {
    interconnection: z
      .strictObject(
        { date: factDaySchema, loadMw: positiveNumber('the site load the interconnection covers, MW').optional() },
        { error: 'must be { date, loadMw }, e.g. { date: "2026-03-01", loadMw: 120 }' },
      )
      .optional(),
    voltageClass: z.enum(['transmission', 'distribution'], { error: 'must be "transmission" or "distribution" (the voltage the site takes service at)' }).optional(),
    energizationApproval: z
      .strictObject(
        { date: factDaySchema, approvedMw: positiveNumber('the site load ERCOT approved, MW').optional() },
        { error: 'must be { date, approvedMw }, e.g. { date: "2025-10-01", approvedMw: 80 }' },
      )
      .optional(),
    backupGeneration: z
      .strictObject(
        {
          deployableInEmergency: z.boolean({ error: 'must be true or false (whether the site can run its backup generation when ERCOT directs it)' }),
          curtailableInEmergency: z.boolean({ error: 'must be true or false (whether the site can curtail its load when ERCOT directs it)' }),
        },
        { error: 'must be { deployableInEmergency, curtailableInEmergency }, e.g. { deployableInEmergency: true, curtailableInEmergency: true }' },
      )
      .optional(),
    firmLoadShed: z
      .strictObject(
        {
          wholeSite: z
            .literal(true, { error: "must be true (the utility's equipment opens the site's point of interconnection); to drop some loads only, give remoteDisconnectLoads instead" })
            .optional(),
          remoteDisconnectLoads: z
            .array(textSchema('the id of a load of the campus', '"pod-1"').min(1, { error: 'must not be empty; give the id of a load of the campus, e.g. "pod-1"' }), {
              error: 'must be a list of ids of loads of the campus, e.g. ["pod-1", "pod-2"]',
            })
            .min(1, { error: 'must name at least one load the remote-disconnect equipment drops, e.g. ["pod-1"]' })
            .superRefine(noRepeats('load'))
            .optional(),
        },
        { error: 'must be { wholeSite: true } or { remoteDisconnectLoads: [...] }, e.g. { remoteDisconnectLoads: ["pod-1"] }' },
      )
      .superRefine((shed, ctx) => {
        const given = (shed.wholeSite !== undefined ? 1 : 0) + (shed.remoteDisconnectLoads !== undefined ? 1 : 0);
        if (given === 1) return;
        ctx.addIssue({
          code: 'custom',
          message:
            given === 0
              ? "must be { wholeSite: true } (the utility's equipment opens the site's point of interconnection) or { remoteDisconnectLoads: [...] } (the interruptible mining pods it drops)"
              : 'give wholeSite or remoteDisconnectLoads, not both: a whole-site disconnect drops every load',
        });
      })
      .optional(),
    fourCpCurtailment: z
      .strictObject(
        {
          months: z
            .array(
              z.int({ error: 'must be a month number, 6 to 9 (June to September)' }).min(6, { error: 'must be 6 to 9: 4CP intervals fall in June to September' }).max(9, {
                error: 'must be 6 to 9: 4CP intervals fall in June to September',
              }),
              { error: 'must be a list of months 6 to 9, e.g. [6, 7, 8, 9]' },
            )
            .min(1, { error: 'must name at least one month, 6 to 9, e.g. [6, 7, 8, 9]' })
            .superRefine(noRepeats('month')),
        },
        { error: 'must be { months: [...] }, months 6 to 9, e.g. { months: [6, 7, 8, 9] }' },
      )
      .optional(),
  },
  { error: 'must be an object of grid facts, e.g. { voltageClass: "transmission", interconnection: { date: "2026-03-01", loadMw: 120 } }' },
);

const schema = z.strictObject({
  gridRegion: textSchema('the grid region or ISO', '"ERCOT"').trim().min(1, { error: 'must not be empty, e.g. "ERCOT"' }),
  interconnectLimitMw: positiveNumber('approved grid draw in MW'),
  interconnectSteps: z
    .array(z.strictObject({ from: monthSchema, limitMw: positiveNumber('approved grid draw in MW from that month') }), {
      error: 'must be a list of { from: "YYYY-MM", limitMw }',
    })
    .default([])
    .superRefine((steps, ctx) => {
      const seen = new Set<string>();
      steps.forEach((st, i) => {
        if (seen.has(st.from)) ctx.addIssue({ code: 'custom', path: [i, 'from'], message: `${st.from} is given twice; give one limit per month` });
        seen.add(st.from);
      });
    }),
  warnUtilization: fraction('warning threshold').default(0.9),
  defaultKubeconfigPath: textSchema('a path', '"~/.kube/config"').min(1, { error: 'must not be empty, e.g. "~/.kube/config"' }).optional(),
  demandResponse: z.array(demandResponseSchema, { error: 'must be a list of commitments, e.g. [{ program: "ERCOT ERS-10", sheddableMw: 40, responseTimeS: 600 }]' }).default([]),
  economics: z
    .strictObject({
      mining: z
        .strictObject({
          hashpriceUsdPerPhDay: positiveNumber('USD per PH/s per day'),
          powerPriceUsdPerMwh: nonNegativeNumber('USD per MWh'),
        })
        .optional(),
      ai: z
        .strictObject({
          gpuHourUsd: positiveNumber('USD per GPU-hour').optional(),
          utilization: fraction('share of GPU-hours sold').optional(),
          coloUsdPerKwMonth: positiveNumber('USD per kW-month').optional(),
        })
        .superRefine((ai, ctx) => {
          if ((ai.gpuHourUsd === undefined) !== (ai.utilization === undefined)) {
            ctx.addIssue({
              code: 'custom',
              path: [ai.gpuHourUsd === undefined ? 'gpuHourUsd' : 'utilization'],
              message: 'give gpuHourUsd and utilization together (GPU-hour revenue = GPUs x hours x price x utilization)',
            });
          }
        })
        .optional(),
    })
    .optional(),
  rules: z
    .strictObject(
      {
        packs: z
          .array(
            z.custom<RulePack>((v) => typeof v === 'object' && v !== null && typeof (v as RulePack).name === 'string' && Array.isArray((v as RulePack).rules), {
              error: 'must be a rule pack { name, description, rules }, e.g. KUBERNETES_BASELINE',
            }),
            { error: 'must be a list of rule packs, e.g. [KUBERNETES_BASELINE]' },
          )
          .default([]),
      },
      { error: 'must be { packs: [...] }' },
    )
    .optional(),
  backend: z
    .custom<CampusBackend>((value) => value instanceof CampusBackend, {
      error: 'must be made with CampusBackend.s3(), .gcs(), .azurerm(), .kubernetes(), .cloud() or .local()',
    })
    .optional(),
  gridFacts: gridFactsSchema.optional(),
});

export const DEFAULT_WARN_UTILIZATION = 0.9;

/** The grid facts as plain data, without undefined keys (so models stay minimal). */
function gridFactsOf(p: z.infer<typeof gridFactsSchema>): GridFacts {
  return {
    ...(p.interconnection ? { interconnection: { date: p.interconnection.date, ...(p.interconnection.loadMw !== undefined ? { loadKw: mwToKw(p.interconnection.loadMw) } : {}) } } : {}),
    ...(p.voltageClass !== undefined ? { voltageClass: p.voltageClass } : {}),
    ...(p.energizationApproval
      ? { energizationApproval: { date: p.energizationApproval.date, ...(p.energizationApproval.approvedMw !== undefined ? { approvedKw: mwToKw(p.energizationApproval.approvedMw) } : {}) } }
      : {}),
    ...(p.backupGeneration ? { backupGeneration: { ...p.backupGeneration } } : {}),
    ...(p.firmLoadShed
      ? { firmLoadShed: p.firmLoadShed.remoteDisconnectLoads ? { remoteDisconnectLoads: [...p.firmLoadShed.remoteDisconnectLoads] } : { wholeSite: true as const } }
      : {}),
    ...(p.fourCpCurtailment ? { fourCpCurtailment: { months: [...p.fourCpCurtailment.months].sort((a, b) => a - b) } } : {}),
  };
}

/** Checks a campus's scope and id before the stack is created: a campus is a stack, so not inside one. */
function checkCampusArgs(scope: unknown, id: unknown): string {
  const checked = checkConstructArgs('Campus', scope, id);
  const stack = (scope as Construct).node.scopes.find(TerraformStack.isStack);
  if (stack) {
    throw new CampusConfigError(
      `[${(scope as Construct).node.path}] invalid scope for Campus '${checked}': scope = ${showValue(scope)}: is inside the Terraform stack '${stack.node.path}'; ` +
        `a Campus is a stack of its own, so create it in the App, e.g. new Campus(app, '${checked}', { ... })`,
    );
  }
  return checked;
}

/** The timeline chart written beside power-budget.json for campuses with dates. */
export const TIMELINE_SVG_FILE_NAME = 'power-timeline.svg';

/**
 * The priority of each workload class. Firm AI workloads rank above the mining side, so when a
 * node runs short the scheduler preempts, and the kubelet evicts, mining fleet services first.
 * Both stay far below the system classes (2,000,000,000 and up).
 */
export const WORKLOAD_PRIORITY: Readonly<Record<WorkloadClass, { readonly suffix: string; readonly value: number; readonly preemptionPolicy: string; readonly description: string }>> = {
  ai: {
    suffix: 'ai-firm',
    value: 1_000_000,
    preemptionPolicy: 'PreemptLowerPriority',
    description: 'Firm AI workloads (GPU halls): rank above mining fleet services, which are evicted first.',
  },
  mining: {
    suffix: 'mining',
    value: 1_000,
    preemptionPolicy: 'Never',
    description: 'Mining fleet services (stratum proxies, curtailment controller): interruptible, evicted before firm AI workloads.',
  },
};

export class Campus extends TerraformStack implements WorkloadCampus {
  /** Whether `x` is a Campus (works across copies of this library). */
  public static isCampus(x: unknown): x is Campus {
    return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[CAMPUS_SCOPE] === true;
  }

  public readonly campusName: string;
  public readonly gridRegion: string;
  public readonly interconnectLimitMw: number;
  public readonly interconnectSteps: readonly InterconnectStepProps[];
  public readonly warnUtilization: number;
  public readonly kubernetes: KubernetesAccess;
  /** The month chosen with the `hybrid-campus:date` context, if any. */
  public readonly asOf?: string;
  public readonly commitments: readonly DemandResponseCommitment[];
  public readonly economics?: EconomicsInputs;
  /** Facts about the grid connection, for rules (see `CampusProps.gridFacts`). */
  public readonly gridFacts?: GridFacts;

  private readonly parts: CampusPart[] = [];
  private readonly namespaces = new Map<WorkloadClass, WorkloadNamespace>();
  private readonly priorityClasses = new Map<WorkloadClass, string>();
  private readonly kubernetesNames = new Map<string, IConstruct>();
  private evaluation?: TimelineEvaluation;
  private warningsAnnotated = false;
  /**
   * The rule warnings annotated so far, per construct: how many of each (finding's path and
   * message). A synth annotates the n-th finding of a kind only if fewer than n are there: one
   * synth annotates every finding, as many as the rules report; another synth of the same app adds
   * none it already added; a construct that replaces another at its path is annotated afresh.
   * Annotations cannot be taken back, so one no longer found stays, as the budget's warnings do.
   */
  private readonly ruleWarningsAnnotated = new WeakMap<IConstruct, Map<string, number>>();
  private readonly ownPacks: readonly RulePack[];
  /**
   * During the stack's synthesis only: the Terraform JSON the rules judged in runAllValidations
   * (after the aspects and prepareStack) and their results, so cdk.tf.json is the JSON judged.
   */
  private synthRun?: RuleRun;
  /** Whether the stack's synthesizer is running: only then does runAllValidations keep its judgement (synthRun) for the write. */
  private synthesizing = false;
  /** The aspects, each invoked once per construct however often the campus is judged. */
  private readonly aspectsOnce = new AspectsOnce();

  public constructor(scope: Construct, id: string, props: CampusProps) {
    super(scope, checkCampusArgs(scope, id));
    Object.defineProperty(this, CAMPUS_SCOPE, { value: true });
    const p = parseProps(this, schema, props);
    this.campusName = id;
    this.gridRegion = p.gridRegion;
    this.interconnectLimitMw = p.interconnectLimitMw;
    this.interconnectSteps = [...p.interconnectSteps].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
    this.warnUtilization = p.warnUtilization;
    this.commitments = p.demandResponse.map((c) => ({
      program: c.program,
      sheddableKw: mwToKw(c.sheddableMw),
      responseTimeS: c.responseTimeS,
      ...(c.season ? { season: c.season } : {}),
      ...(c.window !== undefined ? { window: c.window } : {}),
      ...(c.exclusiveGroup !== undefined ? { exclusiveGroup: c.exclusiveGroup } : {}),
      ...datesOf(c),
    }));
    this.economics = p.economics;
    this.gridFacts = p.gridFacts && gridFactsOf(p.gridFacts);
    this.ownPacks = (p.rules?.packs ?? []) as RulePack[];
    p.backend?.bind(this, id);
    const asOf: unknown = this.node.tryGetContext(DATE_CONTEXT_KEY);
    if (asOf !== undefined) {
      if (!isMonth(asOf)) {
        throw new CampusConfigError(
          `[${this.node.path}] context ${DATE_CONTEXT_KEY} = ${showValue(asOf)}: must be a month written YYYY-MM, e.g. "2027-01". ` +
            `Fix it in cdktf.json's "context", or remove it to check the whole timeline.`,
        );
      }
      this.asOf = asOf;
      // Synth for a month deploys only what is in service then (constructs/plant/deployed-when.ts).
      const root = this;
      Aspects.of(this).add({ visit: (node) => node === root && pruneForMonth(root, asOf) });
    }
    this.kubernetes = new KubernetesAccess(this, 'kubernetes', { defaultKubeconfigPath: p.defaultKubeconfigPath });
    this.node.addValidation({ validate: () => this.failuresAt(this.node.path) });
    this.node.addValidation({ validate: () => this.gridFactErrors() });
    // Write power-budget.json right after the stack's own synthesis, which has validated the
    // stack and written cdk.tf.json; a failed check throws before either file is written.
    const stackSynthesizer = this.synthesizer;
    this.synthesizer = {
      synthesize: (session: ISynthesisSession) => {
        // The aspects run here, each once (a judgement before synth may have run them), and are
        // hidden from cdktf's own invocation in the stack synthesizer.
        this.aspectsOnce.invoke(this);
        this.synthesizing = true;
        try {
          this.aspectsOnce.hideInvoked(this, () => stackSynthesizer.synthesize(session));
          const dir = path.join(session.outdir, session.manifest.forStack(this).workingDirectory);
          const evaluation = this.evaluate();
          const doc = powerBudgetDocument(evaluation);
          fs.writeFileSync(path.join(dir, POWER_BUDGET_FILE_NAME), renderPowerBudgetDocument(doc));
          // The model the budget was computed from, for `campus dispatch` (report/dispatch/campus-model-file.ts).
          fs.writeFileSync(path.join(dir, CAMPUS_MODEL_FILE_NAME), renderCampusModel(evaluation.campus, this.asOf));
          // A campus with more than one state also gets its timeline as a chart.
          if (evaluation.states.length > 1) {
            fs.writeFileSync(path.join(dir, TIMELINE_SVG_FILE_NAME), timelineSvg(doc.timeline, `${this.campusName}: load against capacity (MW)`));
          }
          if (this.rulesActive()) {
            // Judged in runAllValidations; without validation (skipValidation), judged on the JSON as
            // written, its warnings not annotated: cdktf has taken this stack's annotations for
            // manifest.json by now, so they would reach only the next synth's manifest.
            const run = this.synthRun ?? this.judge(super.toTerraform(), false);
            fs.writeFileSync(path.join(dir, RULES_FILE_NAME), renderRulesJson(this.campusName, run.result));
            fs.writeFileSync(path.join(dir, SARIF_FILE_NAME), renderSarif(run.result, { campus: this.campusName, toolVersion: packageVersion() }));
          }
        } finally {
          // The next synth, or a judgement outside synth, judges the stack as it is then.
          this.synthRun = undefined;
          this.synthesizing = false;
        }
      },
    };
  }

  /** The rule packs that run on this campus: the app's (CampusRules.of(app)), then its own. */
  public get rulePacks(): readonly RulePack[] {
    const packs = [...CampusRules.of(this).packs];
    for (const pack of this.ownPacks) if (!packs.includes(pack)) packs.push(pack);
    return packs;
  }

  /**
   * The rules' results on the campus as it would synthesize now: every finding, suppressed or
   * not. Invokes the aspects (each once) and prepares the stack (its backend, cross-stack
   * outputs) as synth does, then judges the stack's Terraform JSON; nothing is kept, so a
   * construct added afterwards is judged by the next call and by synth.
   */
  public ruleResults(): RuleRunResult {
    return this.judgeNow().result;
  }

  /**
   * What fails synth from the rules, as "[construct path] message": unsuppressed error
   * findings ("[path] HC-K8S-4: ..."), bad or unused suppressions, and bad entries of the
   * suppressions file. Empty when no pack is enabled and nothing is suppressed.
   */
  public ruleErrors(): string[] {
    return this.ruleErrorsOf(true);
  }

  /**
   * `ruleErrors` on a stack app.synth() has just prepared: the aspects (each once), then the
   * rules judged on the stack's Terraform JSON, without preparing it again (the runner's check
   * inside app.synth(), stacks/run-campus-app.ts). @internal
   */
  public preparedRuleErrors(): string[] {
    return this.ruleErrorsOf(false);
  }

  /** `ruleErrors`, the stack prepared first when `prepare` (judgeNow). */
  private ruleErrorsOf(prepare: boolean): string[] {
    return [...this.suppressionsFileErrors(), ...(this.rulesActive() ? this.judgeNow(prepare).errors : [])];
  }

  /**
   * rules.json for this campus (every finding, suppressed ones with their reasons), or undefined
   * when no pack is enabled and nothing is suppressed. The runner writes it beside a refused
   * synth's power-budget.json, so `campus diff` shows the findings that made it fail.
   */
  public renderRules(): string | undefined {
    return this.rulesActive() ? renderRulesJson(this.campusName, this.judgeNow().result) : undefined;
  }

  /** The Terraform JSON of the stack; while the stack synthesizes, the one the rules judged. */
  public override toTerraform(): any {
    return this.synthRun?.terraform ?? super.toTerraform();
  }

  /** cdktf's stack validation, plus the rules' errors, reported together before anything is written. */
  public override runAllValidations(): void {
    const errors = this.node.findAll().flatMap((c) => c.node.validate().map((message) => `[${c.node.path}] ${message}`));
    errors.push(...this.suppressionsFileErrors());
    if (this.rulesActive()) {
      // Inside the stack synthesizer: after the aspects and app.synth()'s prepareStack, so this is the JSON cdk.tf.json gets.
      // Kept only there, where the synthesizer drops it after the write: called from elsewhere
      // (Testing.synth(campus, true)), a kept judgement would stand in for the stack's JSON afterwards.
      const run = this.judge(super.toTerraform(), true);
      if (this.synthesizing) this.synthRun = run;
      errors.push(...run.errors);
    }
    if (errors.length > 0) throw stackValidationFailure(errors.join('\n  '));
  }

  private suppressionsFile(): SuppressionsFile | undefined {
    const name: unknown = this.node.tryGetContext(RULE_SUPPRESSIONS_CONTEXT_KEY);
    if (name === undefined) return undefined;
    if (typeof name !== 'string' || name.trim() === '') {
      return { suppressions: [], errors: [`context ${RULE_SUPPRESSIONS_CONTEXT_KEY} = ${showValue(name)}: must be the path of the suppressions file relative to cdktf.json, e.g. "rule-suppressions.json".`] };
    }
    const root = this.node.root as unknown as Record<symbol, Map<string, SuppressionsFile> | undefined>;
    const key = Symbol.for('hybrid-campus.rule-suppressions-file');
    let cache = root[key];
    if (!cache) {
      cache = new Map();
      Object.defineProperty(root, key, { value: cache });
    }
    let file = cache.get(name);
    if (!file) {
      file = readSuppressionsFile(path.resolve(name), name);
      cache.set(name, file);
    }
    return file;
  }

  /** The campuses of the app, by id; the first of them reports problems of the file as a whole. */
  private appCampuses(): Campus[] {
    // Anywhere in the app: a campus may sit under a grouping construct.
    return this.node.root.node.findAll().filter((c): c is Campus => Campus.isCampus(c)).sort((a, b) => (a.node.path < b.node.path ? -1 : a.node.path > b.node.path ? 1 : 0));
  }

  private suppressions(): RuleSuppression[] {
    const file = this.suppressionsFile();
    return [...codeSuppressions(this), ...(file ? suppressionsForCampus(file, this.campusName, this.node.path) : [])];
  }

  private rulesActive(): boolean {
    return this.rulePacks.length > 0 || this.suppressions().length > 0;
  }

  /**
   * Problems of the app's suppressions as a whole, reported once, by the app's first campus:
   * code suppressions outside every campus (no rule runs there, so they would accept nothing),
   * and the suppressions file's bad entries and unknown campuses.
   */
  private suppressionsFileErrors(): string[] {
    const campuses = this.appCampuses();
    if (campuses[0] !== this) return [];
    const stray = codeSuppressions(this.node.root)
      .filter((s) => !campuses.some((c) => s.path === c.node.path || s.path.startsWith(`${c.node.path}/`)))
      .map((s) => `[${s.path || '(app)'}] suppression of ${s.ruleId} (code): is outside every campus, where no rule runs; add it to the campus or a construct inside it.`);
    const file = this.suppressionsFile();
    if (!file) return stray;
    const errors = [...stray, ...file.errors.map((e) => `[${this.node.path}] ${e}`)];
    const known = new Set(campuses.map((c) => c.campusName));
    for (const s of file.suppressions.filter((x) => !known.has(x.campus))) {
      errors.push(`[${this.node.path}] ${s.origin}.campus = ${showValue(s.campus)}: no campus of the app has this id (campuses: ${[...known].sort().join(', ')}); fix the id or remove the entry.`);
    }
    return errors;
  }

  /**
   * Prepares the stack as synth will write it and judges it: prepareStack (the default backend,
   * cross-stack outputs; skipped when `prepare` is false, for a stack app.synth() has just
   * prepared), then the aspects (each once). Called again by app.synth(), prepareStack finds the
   * backend in place and adds nothing.
   */
  private judgeNow(prepare: boolean = true): RuleRun {
    // In app.synth()'s order: the stack prepared, then the aspects.
    if (prepare) this.prepareStack();
    this.aspectsOnce.invoke(this);
    return this.judge(super.toTerraform(), false);
  }

  /**
   * Invokes the campus's aspects, each once per construct (as synth and every judgement do); true
   * when any aspect visited a construct. @internal
   */
  public invokeAspectsOnce(): boolean {
    return this.aspectsOnce.invoke(this);
  }

  /** Runs the rules on `terraform`; warnings become annotations only when `annotate` (once per synth). */
  private judge(terraform: unknown, annotate: boolean): RuleRun {
    const result = runRules(
      this.rulePacks,
      { campus: this.toModel(), timeline: this.evaluate(), resources: synthesizedResources(terraform), variables: synthesizedVariables(terraform) },
      this.suppressions(),
    );
    const byPath = new Map<string, IConstruct>(this.node.findAll().map((c) => [c.node.path, c]));
    const at = (p: string) => (byPath.has(p) ? p : this.node.path);
    const errors: string[] = [];
    /** How many findings of each kind (path and message) this judgement has met so far. */
    const met = new Map<string, number>();
    for (const f of result.findings) {
      if (f.suppressed) continue;
      if (f.level === 'error') errors.push(`[${at(f.path)}] ${f.ruleId}: ${f.message}`);
      else if (annotate) {
        const target = byPath.get(f.path) ?? this;
        const message = `${f.ruleId}: ${f.message}`;
        // The finding's own path: two findings that fall back to the campus stay two.
        const key = `${f.path}\n${message}`;
        const nth = (met.get(key) ?? 0) + 1;
        met.set(key, nth);
        let annotated = this.ruleWarningsAnnotated.get(target);
        if (annotated === undefined) this.ruleWarningsAnnotated.set(target, (annotated = new Map()));
        if ((annotated.get(key) ?? 0) >= nth) continue;
        annotated.set(key, nth);
        Annotations.of(target).addWarning(message);
      }
    }
    errors.push(...result.suppressionProblems.map((p) => `[${at(p.path)}] ${p.message}`));
    return { terraform, result, errors };
  }

  /**
   * cdktf's default local backend records an absolute state path, which would make cdk.tf.json
   * differ from machine to machine. Unless the campus has a backend (the `backend` prop, or a
   * TerraformBackend such as S3Backend added to it), it uses CampusBackend.local(): a local
   * backend with a relative path, terraform.<campus>.tfstate in the project root, the same file
   * cdktf would use, seen from cdktf.out/stacks/<campus>.
   */
  public ensureBackendExists(): TerraformBackend {
    const existing = this.node.findAll().find(TerraformBackend.isBackend);
    return existing ?? CampusBackend.local().bind(this, this.campusName);
  }

  public partChanged(): void {
    this.evaluation = undefined;
  }

  public registerPart(part: CampusPart): void {
    this.parts.push(part);
    this.evaluation = undefined;
    // Created for every pod or hall; synth for a month prunes them when no part of the class is in service.
    if (part instanceof MiningPod) this.workloadNamespace('mining');
    if (part instanceof GpuHall) this.workloadNamespace('ai');
  }

  /** Whether a part is in service at the chosen month (always true when no month is chosen). */
  public inServiceNow(part: { readonly inService?: string; readonly retire?: string }): boolean {
    return inServiceAt(part, this.asOf);
  }

  /** The namespace for a class of workloads, created the first time a part of that class is added. */
  public workloadNamespace(workloadClass: WorkloadClass): WorkloadNamespace {
    let ns = this.namespaces.get(workloadClass);
    if (!ns) {
      ns = new WorkloadNamespace(this.kubernetes, `namespace-${workloadClass}`, { campusName: this.campusName, workloadClass });
      this.claimKubernetesName('Namespace', 'cluster', ns.name, ns);
      deployedWhen(ns, (month) => this.classInService(workloadClass, month));
      this.namespaces.set(workloadClass, ns);
    }
    return ns;
  }

  /** Whether some pod (mining) or hall (ai) of the campus is in service in `month`. */
  public classInService(workloadClass: WorkloadClass, month: string): boolean {
    const kind = workloadClass === 'mining' ? 'mining-pod' : 'gpu-hall';
    return this.parts.some((p) => p.partKind === kind && inServiceAt(p as unknown as { inService?: string; retire?: string }, month));
  }

  /** The PriorityClass `<campus>-ai-firm` or `<campus>-mining`, created the first time a workload of that class needs it. */
  public priorityClassName(workloadClass: WorkloadClass): string {
    let name = this.priorityClasses.get(workloadClass);
    if (!name) {
      const priority = WORKLOAD_PRIORITY[workloadClass];
      name = `${this.campusName}-${priority.suffix}`;
      const resource = new PriorityClassV1(this.kubernetes, `priority-${workloadClass}`, {
        metadata: {
          name,
          labels: { [LABEL_PART_OF]: 'hybrid-campus', [LABEL_CAMPUS]: this.campusName, [LABEL_WORKLOAD_CLASS]: workloadClass },
        },
        value: priority.value,
        preemptionPolicy: priority.preemptionPolicy,
        globalDefault: false,
        description: priority.description,
      });
      deployedWhen(resource, (month) => this.classInService(workloadClass, month));
      this.claimKubernetesName('PriorityClass', 'cluster', name, resource);
      this.priorityClasses.set(workloadClass, name);
    }
    return name;
  }

  public claimKubernetesName(kind: string, where: string, name: string, claimant: IConstruct): void {
    const key = `${kind}\u0000${where}\u0000${name}`;
    const owner = this.kubernetesNames.get(key);
    if (owner && owner !== claimant) {
      const place = where === 'cluster' ? 'in the cluster' : `in namespace '${where}'`;
      throw new CampusConfigError(
        `[${claimant.node.path}] the Kubernetes ${kind} '${name}' ${place} is already defined by ${owner.node.path}. ` +
          `Give one of them another id.`,
      );
    }
    this.kubernetesNames.set(key, claimant);
  }

  public partsOfKind(partKind: string): readonly CampusPart[] {
    return this.parts.filter((p) => p.partKind === partKind);
  }

  /** The campus as plain data for the budget engine. */
  public toModel(): CampusModel {
    const of = <T>(cls: abstract new (...args: never[]) => T): T[] => this.parts.filter((p): p is CampusPart & T => p instanceof cls);
    return {
      name: this.campusName,
      path: this.node.path,
      gridRegion: this.gridRegion,
      interconnectLimitKw: mwToKw(this.interconnectLimitMw),
      ...(this.interconnectSteps.length > 0 ? { interconnectSteps: this.interconnectSteps.map((st) => ({ from: st.from, limitKw: mwToKw(st.limitMw) })) } : {}),
      warnUtilization: this.warnUtilization,
      buses: of(PowerBus).map((b) => b.toModel()),
      coolingSystems: of(CoolingSystem).map((c) => c.toModel()),
      miningPods: of(MiningPod).map((p) => p.toModel()),
      gpuHalls: of(GpuHall).map((h) => h.toModel()),
      auxiliaryLoads: of(AuxiliaryLoad).map((a) => a.toModel()),
      blockLoads: of(BlockLoad).map((b) => b.toModel()),
      commitments: this.commitments,
      ...(this.economics ? { economics: this.economics } : {}),
      ...(this.gridFacts ? { gridFacts: this.gridFacts } : {}),
    };
  }

  /** The remote-disconnect loads must be loads of this campus: known only once every part is added, so checked at synth. */
  private gridFactErrors(): string[] {
    const shed = this.gridFacts?.firmLoadShed;
    const listed = shed && 'remoteDisconnectLoads' in shed ? shed.remoteDisconnectLoads : [];
    if (listed.length === 0) return [];
    const names = campusLoads(this.toModel()).map((l) => l.name);
    const known = new Set(names);
    return listed.flatMap((name, i) =>
      known.has(name)
        ? []
        : [
            `invalid property: gridFacts.firmLoadShed.remoteDisconnectLoads[${i}] = ${showValue(name)}: is not a load of this campus; ` +
              `give the id of one of its mining pods, GPU halls, block or auxiliary loads: ${names.join(', ') || '(none yet)'}`,
          ],
    );
  }

  /**
   * The budget and every check result at each state of the timeline (or only at `asOf`);
   * computed once and kept until a part is added or changed.
   */
  public evaluate(): TimelineEvaluation {
    this.evaluation ??= evaluateTimeline(this.toModel(), { asOf: this.asOf });
    return this.evaluation;
  }

  /** Failures at a construct: for each check, the first failing date, naming the later ones. */
  public failuresAt(constructPath: string): string[] {
    const evaluation = this.evaluate();
    this.annotateWarnings(evaluation);
    const messages = firstOccurrences(evaluation.failures.filter((r) => r.path === constructPath)).map((r) => r.message);
    return [...new Set(messages)];
  }

  private annotateWarnings(evaluation: TimelineEvaluation): void {
    if (this.warningsAnnotated) return;
    this.warningsAnnotated = true;
    const byPath = new Map<string, IConstruct>(this.node.findAll().map((c) => [c.node.path, c]));
    for (const w of firstOccurrences(evaluation.warnings)) Annotations.of(byPath.get(w.path) ?? this).addWarning(w.message);
  }
}
