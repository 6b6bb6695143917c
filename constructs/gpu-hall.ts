/**
 * A GPU hall: identical GPU servers or racks plus network and storage. Firm by default.
 */
import { Construct } from 'constructs';
import { z } from 'zod';
import { gpuSystemSchema, type GpuSystem } from '../catalog/hardware-model';
import type { GpuHallModel } from '../domain/model';
import { wToKw } from '../domain/units';
import { type CampusPart, type CampusScope, requireCampus, requireSameCampus, validateWithCampus } from './campus-scope';
import { CoolingSystem } from './cooling-system';
import { checkServiceDates, constructOf, datesOf, hardwareOf, kubernetesNameSchema, nonNegativeNumber, parseProps, positiveInteger, serviceDates } from './props';
import { PowerBus } from './power-bus';

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
   * First month in service, 'YYYY-MM'.
   * @default in service from the start of the timeline
   */
  readonly inService?: string;
  /**
   * First month out of service, 'YYYY-MM'.
   * @default never retires
   */
  readonly retire?: string;
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
  ...serviceDates,
})
  .superRefine(checkServiceDates);

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
  public readonly inService?: string;
  public readonly retire?: string;

  public constructor(scope: Construct, id: string, props: GpuHallProps) {
    super(scope, id);
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
    this.inService = p.inService;
    this.retire = p.retire;
    this.campus.registerPart(this);
    validateWithCampus(this, this.campus);
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
      ...datesOf(this),
    };
  }
}
