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
import { constructOf, hardwareOf, parseProps, positiveInteger } from './props';
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
}

const schema = z.strictObject({
  model: hardwareOf(asicModelSchema, { kinds: ['asic'], label: 'an ASIC model', catalog: 'ASIC_MODELS', define: 'defineAsicModel' }),
  count: positiveInteger('powered miners'),
  spares: z.int({ error: 'must be a whole number' }).nonnegative({ error: 'must be 0 or more' }).default(0),
  bus: constructOf(PowerBus, 'PowerBus'),
  cooling: constructOf(CoolingSystem, 'CoolingSystem'),
  interruptible: z.boolean({ error: 'must be true or false' }).default(true),
});

export class MiningPod extends Construct implements CampusPart {
  public readonly partKind = 'mining-pod';
  public readonly campus: CampusScope;
  public readonly model: AsicModel;
  public readonly count: number;
  public readonly spares: number;
  public readonly bus: PowerBus;
  public readonly cooling: CoolingSystem;
  public readonly interruptible: boolean;

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
    this.campus.registerPart(this);
    validateWithCampus(this, this.campus);
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
    };
  }
}
