/**
 * A mining pod: a container or tank of identical ASIC miners. Interruptible by default.
 */
import { Construct } from 'constructs';
import { z } from 'zod';
import { asicModelSchema, type AsicModel } from '../../catalog/hardware-model';
import type { MiningPodModel } from '../../domain/model';
import { minerHashrateThs } from '../../domain/hashrate';
import { wToKw } from '../../domain/units';
import { type CampusPart, type CampusScope, requireCampus, requireSameCampus, validateWithCampus } from './campus-scope';
import { CoolingSystem } from './cooling-system';
import { checkServiceDates, constructOf, datesOf, hardwareOf, parseProps, positiveInteger, positiveNumber, serviceDates, checkConstructArgs } from '../props';
import { facilityOverheadSchema } from './lease';
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
   * Per-miner power control, for firmware that can run miners at a chosen power limit.
   * - `{ mode: 'auto' }`: synth picks, at every date, the highest cap in [minW, maxW] such that
   *   every check still passes: mining fills what firm load, cooling and auxiliary leave.
   * - `{ mode: 'fixed', capW }`: every miner runs at `capW`, checked like any other load.
   * `minW` defaults to the model's `powerRangeW.minW` (auto needs one), `maxW` to its
   * `powerRangeW.maxW` or rated `powerW`; the range must satisfy 0 < minW <= maxW <= rated powerW.
   * @default undefined - miners run at their rated power
   */
  readonly powerCap?: PowerCapProps;
  /**
   * Measured hashrate per miner at given powers, for the firmware in use; interpolated linearly.
   * Must cover the power range. Used for capped pods.
   * @default the model's rated efficiency: TH/s = rated TH/s x W / rated W
   */
  readonly hashrateCurve?: readonly { readonly powerW: number; readonly hashrateThs: number }[];
  /**
   * Shedding priority: pods with a lower priority are shed first.
   * @default 0 - ties are broken by efficiency (least efficient first), then name
   */
  readonly priority?: number;
  /**
   * Facility overhead in proportion to IT (electrical losses, lighting), drawn from the pod's bus
   * while it runs: overhead kW = IT kW x this fraction.
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
}

/** Per-miner power control of a pod (see MiningPodProps.powerCap). */
export interface PowerCapProps {
  readonly mode: 'auto' | 'fixed';
  /** Lowest per-miner power, W. @default the model's powerRangeW.minW */
  readonly minW?: number;
  /** Highest per-miner power, W. @default the model's powerRangeW.maxW, else its rated powerW */
  readonly maxW?: number;
  /** The cap for `fixed` mode, W per miner. */
  readonly capW?: number;
}

export const DEFAULT_CURTAIL_SECONDS = 60;

const watts = (what: string) => positiveNumber(what);

const schema = z
  .strictObject({
    model: hardwareOf(asicModelSchema, { kinds: ['asic'], label: 'an ASIC model', catalog: 'ASIC_MODELS', define: 'defineAsicModel' }),
    count: positiveInteger('powered miners'),
    spares: z
      .int({ error: 'must be a whole number (unpowered spare miners)' })
      .nonnegative({ error: 'must be 0 or more (unpowered spare miners)' })
      .lte(1e9, { error: 'must be at most 1,000,000,000 (unpowered spare miners); check the figure' })
      .default(0),
    bus: constructOf(PowerBus, 'PowerBus'),
    cooling: constructOf(CoolingSystem, 'CoolingSystem'),
    interruptible: z.boolean({ error: 'must be true or false' }).default(true),
    curtailSeconds: positiveNumber('seconds to curtail to zero').default(DEFAULT_CURTAIL_SECONDS),
    priority: z.int({ error: 'must be a whole number (lower is shed first)' }).default(0),
    facilityOverheadFraction: facilityOverheadSchema.default(0),
    powerCap: z
      .strictObject({
        mode: z.enum(['auto', 'fixed'], { error: 'must be "auto" or "fixed"' }),
        minW: watts('lowest per-miner power, W').optional(),
        maxW: watts('highest per-miner power, W').optional(),
        capW: watts('per-miner cap, W').optional(),
      })
      .optional(),
    hashrateCurve: z
      .array(z.strictObject({ powerW: watts('per-miner power, W'), hashrateThs: positiveNumber('per-miner hashrate, TH/s') }, { error: 'must be a point { powerW, hashrateThs }, e.g. { powerW: 3000, hashrateThs: 220 }' }), {
        error: 'must be a list of measured points, e.g. [{ powerW: 2600, hashrateThs: 200 }, { powerW: 3600, hashrateThs: 270 }]',
      })
      .min(2, { error: 'give at least two points' })
      .optional(),
    ...serviceDates,
  })
  .superRefine(checkServiceDates)
  .superRefine((p, ctx) => {
    const cap = p.powerCap;
    const rated = p.model.powerW;
    if (!cap) {
      if (p.hashrateCurve) {
        ctx.addIssue({
          code: 'custom',
          path: ['hashrateCurve'],
          message: 'is used only with powerCap (at rated power the hashrate comes from the model); remove it or add powerCap',
        });
      }
      return;
    }
    const range = p.model.powerRangeW;
    const minW = cap.minW ?? range?.minW;
    const maxW = cap.maxW ?? range?.maxW ?? rated;
    if (cap.mode === 'auto' && minW === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['powerCap', 'minW'],
        message: `auto mode needs the lowest per-miner power: the ${p.model.model} entry has no sourced powerRangeW, so give powerCap.minW (W, at most ${maxW})`,
      });
      return;
    }
    if (maxW > rated) {
      ctx.addIssue({ code: 'custom', path: ['powerCap', 'maxW'], message: `must be at most the model's rated ${rated} W` });
    } else if (minW !== undefined && minW > maxW) {
      ctx.addIssue({ code: 'custom', path: ['powerCap', 'minW'], message: `must be at most maxW (${maxW} W)` });
    }
    if (cap.mode === 'fixed') {
      if (cap.capW === undefined) ctx.addIssue({ code: 'custom', path: ['powerCap', 'capW'], message: 'fixed mode needs capW, the per-miner cap in W' });
      else if (cap.capW > maxW || (minW !== undefined && cap.capW < minW)) {
        ctx.addIssue({ code: 'custom', path: ['powerCap', 'capW'], message: `must be within the power range ${minW ?? 0}-${maxW} W` });
      }
    } else if (cap.capW !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['powerCap', 'capW'], message: 'is only for fixed mode; auto mode computes the cap' });
    }
    const curve = p.hashrateCurve;
    // Refinements also run when a continuable check failed (e.g. fewer than two points).
    if (curve && curve.length >= 2) {
      if (curve.some((pt, i) => i > 0 && pt.powerW <= curve[i - 1].powerW)) {
        ctx.addIssue({ code: 'custom', path: ['hashrateCurve'], message: 'powerW must increase from point to point' });
      } else if (curve[0].powerW > (cap.mode === 'fixed' ? cap.capW ?? maxW : minW!) || curve[curve.length - 1].powerW < maxW) {
        ctx.addIssue({
          code: 'custom',
          path: ['hashrateCurve'],
          message: `must cover the power range ${cap.mode === 'fixed' ? cap.capW : minW}-${maxW} W (it spans ${curve[0].powerW}-${curve[curve.length - 1].powerW} W)`,
        });
      }
    }
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
  public readonly curtailSeconds: number;
  public readonly priority: number;
  public readonly facilityOverheadFraction: number;
  /** The resolved power control, or undefined at rated power. */
  public readonly powerControl?: MiningPodModel['powerControl'];
  public readonly hashrateCurve?: readonly { readonly powerW: number; readonly hashrateThs: number }[];
  public readonly inService?: string;
  private retireMonth?: string;

  public constructor(scope: Construct, id: string, props: MiningPodProps) {
    super(scope, checkConstructArgs('MiningPod', scope, id));
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
    this.facilityOverheadFraction = p.facilityOverheadFraction;
    if (p.powerCap) {
      const maxW = p.powerCap.maxW ?? p.model.powerRangeW?.maxW ?? p.model.powerW;
      this.powerControl =
        p.powerCap.mode === 'fixed'
          ? { mode: 'fixed', capW: p.powerCap.capW! }
          : { mode: 'auto', minW: (p.powerCap.minW ?? p.model.powerRangeW?.minW)!, maxW };
    }
    this.hashrateCurve = p.hashrateCurve;
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
    return wToKw(this.perMinerW * this.count);
  }

  /** Per-miner power before any allocation: the fixed cap, the auto maximum, or the rated power. */
  private get perMinerW(): number {
    const c = this.powerControl;
    return c === undefined ? this.model.powerW : c.mode === 'fixed' ? c.capW : c.maxW;
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
      minerHashrateThs: this.model.hashrateThs,
      hashrateThs:
        this.powerControl === undefined
          ? this.model.hashrateThs * this.count
          : this.count * minerHashrateThs(this.perMinerW, { powerW: this.model.powerW, hashrateThs: this.model.hashrateThs }, this.hashrateCurve),
      efficiencyJTh: this.model.efficiencyJTh,
      curtailSeconds: this.curtailSeconds,
      priority: this.priority,
      ...(this.facilityOverheadFraction > 0 ? { facilityOverheadFraction: this.facilityOverheadFraction } : {}),
      ...(this.powerControl ? { powerControl: this.powerControl } : {}),
      ...(this.hashrateCurve ? { hashrateCurve: this.hashrateCurve } : {}),
      ...datesOf({ inService: this.inService, retire: this.retireMonth }),
    };
  }
}
