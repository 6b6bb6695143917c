/**
 * A GPU hall: identical GPU servers or racks plus network and storage. Firm by default.
 *
 * On the campus's Kubernetes cluster a self-operated hall gets its own namespace
 * `<campus>-<hall>` (labels: campus, `hybrid-campus/gpu-hall`, class `ai`) with a GPU
 * ResourceQuota equal to the GPUs installed and a LimitRange. A hall leased to a tenant gets
 * what the tenant's contract says, through `tenantNamespace`: either a namespace
 * `<campus>-tenant-<tenant>` with a quota of the tenant's GPU allocation, or nothing.
 * AI workloads are added with `addInferenceService` and `addTrainingJob`; synth fails when
 * they request more GPUs than the hall has (or the tenant is allocated).
 *
 * The hall is part of the physical plant and imports nothing from the workloads: the namespace
 * and the `add...` methods are attached by `constructs/workloads/gpu-hall-workloads.ts`
 * (loaded with the `Campus`), and workloads register their GPU requests with `registerWorkload`.
 */
import { Construct, type IConstruct } from 'constructs';
import { z } from 'zod';
import { gpuSystemSchema, type GpuSystem } from '../../catalog/hardware-model';
import { CampusConfigError } from '../../domain/config-error';
import type { GpuHallModel } from '../../domain/model';
import { wToKw } from '../../domain/units';
import { type CampusPart, type CampusScope, requireCampus, requireSameCampus, validateWithCampus } from './campus-scope';
import { CoolingSystem } from './cooling-system';
import { checkServiceDates, constructOf, datesOf, hardwareOf, kubernetesNameSchema, nonNegativeNumber, parseProps, positiveInteger, serviceDates, checkConstructArgs } from '../props';

import { facilityOverheadSchema, leaseModel, leaseSchema, type LeaseProps } from './lease';
import { PowerBus } from './power-bus';

/**
 * What a tenant's contract gives it on the campus's Kubernetes cluster. Without it a leased
 * hall gets nothing on the cluster (the tenant runs its own), and no workload can be placed in it.
 */
export interface TenantNamespaceProps {
  /**
   * GPUs of the hall allocated to the tenant: the ResourceQuota on `requests.nvidia.com/gpu` of
   * the tenant's namespace, and the limit for workloads placed in the hall. At most the GPUs
   * installed in the hall.
   */
  readonly gpuAllocation: number;
}

/** Something placed in a hall that requests its GPUs (an AI workload), as the hall's GPU check sees it. */
export interface HallWorkload extends IConstruct {
  /** GPUs the workload requests at once: pods x GPUs per pod. */
  readonly gpusRequested: number;
  /** e.g. "inference 'llm': 4 replicas x 8 GPUs = 32". */
  readonly gpuRequestSummary: string;
}

const HALL_ATTACHMENTS: Array<(hall: GpuHall) => void> = [];

/**
 * Registers what every GpuHall gets when it is created, after it has joined its campus (the
 * workloads module gives it its namespace). Internal: the plant stays free of the workloads.
 */
export function onGpuHall(attach: (hall: GpuHall) => void): void {
  HALL_ATTACHMENTS.push(attach);
}

export interface GpuHallProps {
  /** The GPU server or rack model, from `GPU_SYSTEMS` or `defineGpuSystem`. */
  readonly system: GpuSystem;
  /** Installed systems (servers or racks). */
  readonly count: number;
  /**
   * Network and storage draw of the hall in kW, on top of the systems.
   * @default 0 - give it explicitly when the systems' figure does not include the fabric
   */
  readonly overheadKw?: number;
  /** The bus that feeds the hall. */
  readonly bus: PowerBus;
  /** The cooling system that removes its heat. */
  readonly cooling: CoolingSystem;
  /**
   * Whether the hall must stay up in a contingency.
   * @default true - AI load is firm
   */
  readonly firm?: boolean;
  /**
   * The tenant the hall is leased to (colocation). Leased halls count in the budget like
   * self-operated ones.
   * @default undefined - the hall is self-operated
   */
  readonly tenant?: string;
  /**
   * For a leased hall: the critical IT (and optionally the gross power) the tenant contracted
   * for. Synth fails when the installed IT, or the gross power, exceeds it. Only with `tenant`.
   * @default no lease figures: nothing is checked against a contract
   */
  readonly lease?: LeaseProps;
  /**
   * Facility overhead in proportion to IT (electrical losses, UPS, lighting), drawn from the
   * hall's bus whenever the hall runs: overhead kW = IT kW x this fraction. Keep it out of the
   * cooling system's PUE.
   * @default 0
   */
  readonly facilityOverheadFraction?: number;
  /**
   * First month in service, 'YYYY-MM'.
   * @default in service from the start of the timeline
   */
  readonly inService?: string;
  /**
   * First month out of service, 'YYYY-MM'.
   * @default never retires
   */
  readonly retire?: string;
  /**
   * For a leased hall: the namespace and GPU quota the tenant's contract provides on this
   * campus's cluster, named `<campus>-tenant-<tenant>`. Only with `tenant`; a tenant gets one
   * namespace, so give it on one of the tenant's halls.
   * @default undefined - a leased hall gets nothing on the cluster (a self-operated hall always gets its namespace)
   */
  readonly tenantNamespace?: TenantNamespaceProps;
}

const schema = z
  .strictObject({
  system: hardwareOf(gpuSystemSchema, {
    kinds: ['gpu-server', 'gpu-rack'],
    label: 'a GPU server or rack model',
    catalog: 'GPU_SYSTEMS',
    define: 'defineGpuSystem',
  }),
  count: positiveInteger('installed systems'),
  overheadKw: nonNegativeNumber('network and storage draw in kW').default(0),
  bus: constructOf(PowerBus, 'PowerBus'),
  cooling: constructOf(CoolingSystem, 'CoolingSystem'),
  firm: z.boolean({ error: 'must be true or false' }).default(true),
  tenant: kubernetesNameSchema.optional(),
  lease: leaseSchema.optional(),
  facilityOverheadFraction: facilityOverheadSchema.default(0),
  tenantNamespace: z
    .strictObject({ gpuAllocation: positiveInteger('GPUs allocated to the tenant') }, { error: 'must be an object { gpuAllocation }' })
    .optional(),
  ...serviceDates,
})
  .superRefine(checkServiceDates)
  .superRefine((p, ctx) => {
    if (p.lease && p.tenant === undefined) {
      ctx.addIssue({ code: 'custom', path: ['lease'], message: 'is for a hall leased to a tenant: give tenant too, or remove lease' });
    }
  });

export class GpuHall extends Construct implements CampusPart {
  public readonly partKind = 'gpu-hall';
  public readonly campus: CampusScope;
  public readonly system: GpuSystem;
  public readonly count: number;
  public readonly overheadKw: number;
  public readonly bus: PowerBus;
  public readonly cooling: CoolingSystem;
  public readonly firm: boolean;
  public readonly tenant?: string;
  public readonly lease?: LeaseProps;
  public readonly facilityOverheadFraction: number;
  public readonly inService?: string;
  public readonly retire?: string;
  /** What the tenant's contract gives it on the campus's cluster; undefined for a self-operated hall, or a tenant without one. */
  public readonly tenantNamespace?: TenantNamespaceProps;
  /** The GPUs workloads in the hall may request: installed GPUs, or the tenant's allocation. */
  public readonly gpuQuota?: number;

  private readonly workloads: HallWorkload[] = [];

  public constructor(scope: Construct, id: string, props: GpuHallProps) {
    super(scope, checkConstructArgs('GpuHall', scope, id));
    this.campus = requireCampus(this, 'GpuHall');
    const p = parseProps(this, schema, props);
    requireSameCampus(this, this.campus, 'bus', p.bus, 'PowerBus');
    requireSameCampus(this, this.campus, 'cooling', p.cooling, 'CoolingSystem');
    this.system = p.system;
    this.count = p.count;
    this.overheadKw = p.overheadKw;
    this.bus = p.bus;
    this.cooling = p.cooling;
    this.firm = p.firm;
    this.tenant = p.tenant;
    this.lease = p.lease;
    this.facilityOverheadFraction = p.facilityOverheadFraction;
    this.inService = p.inService;
    this.retire = p.retire;
    if (p.tenantNamespace && !p.tenant) {
      throw new CampusConfigError(
        `[${this.node.path}] invalid property: tenantNamespace = ${JSON.stringify(props.tenantNamespace)}: is only for a hall leased to a tenant; ` +
          `set tenant, or remove tenantNamespace (a self-operated hall always gets its own namespace).`,
      );
    }
    if (p.tenantNamespace && p.tenantNamespace.gpuAllocation > this.gpus) {
      throw new CampusConfigError(
        `[${this.node.path}] invalid property: tenantNamespace.gpuAllocation = ${p.tenantNamespace.gpuAllocation}: is more than the ${this.gpus} GPUs ` +
          `installed in the hall (${this.count} x ${this.system.gpus}); allocate at most ${this.gpus}.`,
      );
    }
    if (p.tenantNamespace) {
      const other = (this.campus.partsOfKind('gpu-hall') as unknown as GpuHall[]).find((h) => h.tenant === p.tenant && h.tenantNamespace);
      if (other) {
        throw new CampusConfigError(
          `[${this.node.path}] tenant '${p.tenant}' already has a namespace, from hall '${other.node.id}' (${other.node.path}); a tenant gets one. ` +
            `Remove tenantNamespace here, or give it on one hall only.`,
        );
      }
    }
    this.tenantNamespace = p.tenantNamespace;
    this.campus.registerPart(this);
    validateWithCampus(this, this.campus);
    if (!p.tenant) this.gpuQuota = this.gpus;
    else if (p.tenantNamespace) this.gpuQuota = p.tenantNamespace.gpuAllocation;
    for (const attach of HALL_ATTACHMENTS) attach(this);
    this.node.addValidation({ validate: () => this.gpuRequestErrors() });
  }

  /** Called by the workloads placed in the hall. */
  public registerWorkload(workload: HallWorkload): void {
    this.workloads.push(workload);
  }

  /** GPUs requested by all workloads placed in the hall. */
  public get gpusRequested(): number {
    return this.workloads.reduce((sum, w) => sum + w.gpusRequested, 0);
  }

  private gpuRequestErrors(): string[] {
    const requested = this.gpusRequested;
    if (this.gpuQuota === undefined || requested <= this.gpuQuota) return [];
    const each = this.workloads.map((w) => w.gpuRequestSummary).join('; ');
    const limit = this.tenant
      ? `tenant '${this.tenant}' is allocated ${this.gpuQuota} GPUs (tenantNamespace.gpuAllocation; the hall has ${this.gpus} installed)`
      : `the hall has ${this.gpuQuota} GPUs installed (${this.count} systems x ${this.system.gpus} GPUs)`;
    return [
      `GPU requests: the workloads in hall '${this.node.id}' request ${requested} GPUs (${each}), but ${limit}: ` +
        `${requested - this.gpuQuota} too many. Lower replicas, parallelism or gpusPerPod, or move a workload to another hall.`,
    ];
  }

  /** GPUs installed in the hall. */
  public get gpus(): number {
    return this.system.gpus * this.count;
  }

  /** Electrical draw of the systems plus overhead, in kW. */
  public get itKw(): number {
    return wToKw(this.system.powerW * this.count) + this.overheadKw;
  }

  public toModel(): GpuHallModel {
    return {
      kind: 'gpu-hall',
      name: this.node.id,
      path: this.node.path,
      bus: this.bus.node.id,
      cooling: this.cooling.node.id,
      itKw: this.itKw,
      firm: this.firm,
      coolingRequirement: this.system.cooling,
      hardware: `${this.system.vendor} ${this.system.model}`,
      hardwareId: this.system.id,
      systemKind: this.system.kind,
      count: this.count,
      gpus: this.gpus,
      systemPowerW: this.system.powerW,
      overheadKw: this.overheadKw,
      operator: this.tenant ? { kind: 'tenant', tenant: this.tenant } : { kind: 'self' },
      ...(this.tenant && this.lease ? { lease: leaseModel(this.tenant, this.lease) } : {}),
      ...(this.facilityOverheadFraction > 0 ? { facilityOverheadFraction: this.facilityOverheadFraction } : {}),
      ...datesOf(this),
    };
  }
}
