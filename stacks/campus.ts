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
import type { CampusModel, DemandResponseCommitment } from '../domain/model';
import { inServiceAt, isMonth } from '../domain/timeline';
import { POWER_BUDGET_FILE_NAME, renderPowerBudget } from '../report/power-budget-file';
import { timelineSvg, type TimelineChartEntry } from '../report/timeline-chart';
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
import { checkConstructArgs, checkServiceDates, datesOf, fraction, monthSchema, nonNegativeNumber, parseProps, positiveNumber, serviceDates, textSchema } from '../constructs/props';
import { WorkloadNamespace } from '../constructs/workloads/workload-namespace';
import type { WorkloadCampus } from '../constructs/workloads/workload-campus';
// Attaches the namespace and addInferenceService / addTrainingJob to every GpuHall.
import '../constructs/workloads/gpu-hall-workloads';
import { CampusBackend } from './campus-backend';

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
  backend: z
    .custom<CampusBackend>((value) => value instanceof CampusBackend, {
      error: 'must be made with CampusBackend.s3(), .gcs(), .azurerm(), .kubernetes(), .cloud() or .local()',
    })
    .optional(),
});

export const DEFAULT_WARN_UTILIZATION = 0.9;

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

  private readonly parts: CampusPart[] = [];
  private readonly namespaces = new Map<WorkloadClass, WorkloadNamespace>();
  private readonly priorityClasses = new Map<WorkloadClass, string>();
  private readonly kubernetesNames = new Map<string, IConstruct>();
  private evaluation?: TimelineEvaluation;
  private warningsAnnotated = false;

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
    // Write power-budget.json right after the stack's own synthesis, which has validated the
    // stack and written cdk.tf.json; a failed check throws before either file is written.
    const stackSynthesizer = this.synthesizer;
    this.synthesizer = {
      synthesize: (session: ISynthesisSession) => {
        stackSynthesizer.synthesize(session);
        const dir = path.join(session.outdir, session.manifest.forStack(this).workingDirectory);
        const evaluation = this.evaluate();
        const text = renderPowerBudget(evaluation);
        fs.writeFileSync(path.join(dir, POWER_BUDGET_FILE_NAME), text);
        // The model the budget was computed from, for `campus dispatch` (report/dispatch/campus-model-file.ts).
        fs.writeFileSync(path.join(dir, CAMPUS_MODEL_FILE_NAME), renderCampusModel(evaluation.campus, this.asOf));
        // A campus with more than one state also gets its timeline as a chart.
        if (evaluation.states.length > 1) {
          const doc = JSON.parse(text) as { timeline: TimelineChartEntry[] };
          fs.writeFileSync(path.join(dir, TIMELINE_SVG_FILE_NAME), timelineSvg(doc.timeline, `${this.campusName}: load against capacity (MW)`));
        }
      },
    };
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
    };
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
