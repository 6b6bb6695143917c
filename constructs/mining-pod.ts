/**
 * A mining pod: a container or tank of identical ASIC miners. Interruptible by default.
 */
import { Construct } from 'constructs';
import { z } from 'zod';
import { asicModelSchema, type AsicModel } from '../catalog/hardware-model';
import type { MiningPodModel } from '../domain/model';
import { wToKw } from '../domain/units';
import { type CampusPart, type CampusScope, requireCampus, requireSameCampus, validateWithCampus } from './campus-scope';
import { CoolingSystem } from './cooling-system';
import { checkServiceDates, constructOf, datesOf, hardwareOf, parseProps, positiveInteger, positiveNumber, serviceDates } from './props';
import { PowerBus } from './power-bus';

export interface MiningPodProps {
  /** The miner model, from `ASIC_MODELS` or `defineAsicModel`. */
  readonly model: AsicModel;
  /** Powered miners. */
  readonly count: number;
  /**
   * Unpowered spare miners kept in the pod; they draw no power and are reported only.
   * @default 0
   */
  readonly spares?: number;
  /** The bus that feeds the pod. */
  readonly bus: PowerBus;
  /** The cooling system that removes its heat. */
  readonly cooling: CoolingSystem;
  /**
   * Whether the pod may be shed in a contingency or for demand response.
   * @default true - mining is the campus's interruptible load
   */
  readonly interruptible?: boolean;
  /**
   * How fast the pod can curtail to zero, in seconds, for demand response.
   * @default 60 - automated fleet curtailment through firmware or pool commands. Mining fleets
   * "can curtail to near zero in seconds" (Hashrate Index) and a qualified Controllable Load
   * Resource answers ERCOT in 16 s (Lancium); 60 s leaves margin for a fleet-wide command and
   * still qualifies for 10-minute programs. Set it from your own curtailment tests.
   */
  readonly curtailSeconds?: number;
  /**
   * Shedding priority: pods with a lower priority are shed first.
   * @default 0 - ties are broken by efficiency (least efficient first), then name
   */
  readonly priority?: number;
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

export const DEFAULT_CURTAIL_SECONDS = 60;

const schema = z
  .strictObject({
    model: hardwareOf(asicModelSchema, { kinds: ['asic'], label: 'an ASIC model', catalog: 'ASIC_MODELS', define: 'defineAsicModel' }),
    count: positiveInteger('powered miners'),
    spares: z.int({ error: 'must be a whole number' }).nonnegative({ error: 'must be 0 or more' }).default(0),
    bus: constructOf(PowerBus, 'PowerBus'),
    cooling: constructOf(CoolingSystem, 'CoolingSystem'),
    interruptible: z.boolean({ error: 'must be true or false' }).default(true),
    curtailSeconds: positiveNumber('seconds to curtail to zero').default(DEFAULT_CURTAIL_SECONDS),
    priority: z.int({ error: 'must be a whole number (lower is shed first)' }).default(0),
    ...serviceDates,
  })
  .superRefine(checkServiceDates);

export class MiningPod extends Construct implements CampusPart {
  public readonly partKind = 'mining-pod';
  public readonly campus: CampusScope;
  public readonly model: AsicModel;
  public readonly count: number;
  public readonly spares: number;
  public readonly bus: PowerBus;
  public readonly cooling: CoolingSystem;
  public readonly interruptible: boolean;
  public readonly curtailSeconds: number;
  public readonly priority: number;
  public readonly inService?: string;
  private retireMonth?: string;

  public constructor(scope: Construct, id: string, props: MiningPodProps) {
    super(scope, id);
    this.campus = requireCampus(this, 'MiningPod');
    const p = parseProps(this, schema, props);
    requireSameCampus(this, this.campus, 'bus', p.bus, 'PowerBus');
    requireSameCampus(this, this.campus, 'cooling', p.cooling, 'CoolingSystem');
    this.model = p.model;
    this.count = p.count;
    this.spares = p.spares;
    this.bus = p.bus;
    this.cooling = p.cooling;
    this.interruptible = p.interruptible;
    this.curtailSeconds = p.curtailSeconds;
    this.priority = p.priority;
    this.inService = p.inService;
    this.retireMonth = p.retire;
    this.campus.registerPart(this);
    validateWithCampus(this, this.campus);
  }

  /** First month out of service, if the pod retires. */
  public get retire(): string | undefined {
    return this.retireMonth;
  }

  /**
   * Retires the pod from `month` (used by Conversion). The caller checks that the month is after
   * the pod's inService and that the pod is not already retiring.
   */
  public retireOn(month: string): void {
    this.retireMonth = month;
    this.campus.partChanged();
  }

  /** Electrical draw of the powered miners, in kW. */
  public get itKw(): number {
    return wToKw(this.model.powerW * this.count);
  }

  public toModel(): MiningPodModel {
    return {
      kind: 'mining-pod',
      name: this.node.id,
      path: this.node.path,
      bus: this.bus.node.id,
      cooling: this.cooling.node.id,
      itKw: this.itKw,
      firm: !this.interruptible,
      coolingRequirement: this.model.cooling,
      hardware: `${this.model.vendor} ${this.model.model}`,
      hardwareId: this.model.id,
      count: this.count,
      spares: this.spares,
      minerPowerW: this.model.powerW,
      hashrateThs: this.model.hashrateThs * this.count,
      efficiencyJTh: this.model.efficiencyJTh,
      curtailSeconds: this.curtailSeconds,
      priority: this.priority,
      ...datesOf({ inService: this.inService, retire: this.retireMonth }),
    };
  }
}
