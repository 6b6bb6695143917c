/**
 * A load stated in MW, for loads known only by their contract or nameplate: a leased hall of
 * "168 MW critical IT", a third party's "72.5 MW gross". No hardware count is invented.
 *
 * - `LoadPower.itMw(x)`: x MW of IT. Its heat goes to `cooling` (required), whose draw is added
 *   as for any hall, and facility overhead applies.
 * - `LoadPower.grossMw(x)`: x MW that already include the load's cooling and overhead; it names
 *   no cooling system.
 *
 * Firm by default, like a GPU hall. An interruptible block is shed in a contingency (like any
 * interruptible load); it takes no part in demand response, whose loads the curtailment plan
 * must be able to shed (mining pods).
 */
import { Construct } from 'constructs';
import { z } from 'zod';
import type { BlockLoadModel, CoolingRequirement } from '../../domain/model';
import { showValue } from '../../domain/config-error';
import { formatMw, mwToKw } from '../../domain/units';
import { type CampusPart, type CampusScope, requireCampus, requireSameCampus, validateWithCampus } from './campus-scope';
import { CoolingSystem } from './cooling-system';
import { facilityOverheadSchema, leaseModel, leaseSchema, type LeaseProps } from './lease';
import { PowerBus } from './power-bus';
import { LIBRARY_VALUE, checkConstructArgs, checkServiceDates, constructOf, datesOf, kubernetesNameSchema, parseProps, positiveNumber, serviceDates } from '../props';

/** How a block's MW are stated: as IT, or as gross power. */
export class LoadPower {
  /** `mw` of IT: cooled by the block's cooling system, with facility overhead on top. */
  public static itMw(mw: number): LoadPower {
    return new LoadPower('it', mw);
  }

  /** `mw` of gross power: the block's own cooling and overhead included. */
  public static grossMw(mw: number): LoadPower {
    return new LoadPower('gross', mw);
  }

  private constructor(
    public readonly basis: 'it' | 'gross',
    public readonly mw: number,
  ) {
    Object.defineProperty(this, LIBRARY_VALUE, { value: true });
  }
}

export interface BlockLoadProps {
  /** The power, as IT (`LoadPower.itMw`) or gross (`LoadPower.grossMw`). */
  readonly power: LoadPower;
  /** The bus that feeds it. */
  readonly bus: PowerBus;
  /**
   * The cooling system that removes its heat. Required for IT power, refused for gross power.
   * @default none - only for gross power
   */
  readonly cooling?: CoolingSystem;
  /**
   * What its hardware needs from the cooling system, checked like a hall's.
   * @default none - any cooling type is accepted
   */
  readonly coolingRequirement?: CoolingRequirement;
  /**
   * Whether it must stay up when a feed is lost.
   * @default true - like a GPU hall
   */
  readonly firm?: boolean;
  /**
   * For IT power: facility overhead as a fraction of IT (electrical losses, UPS, lighting).
   * @default 0
   */
  readonly facilityOverheadFraction?: number;
  /**
   * The tenant it is leased to.
   * @default undefined - not leased
   */
  readonly tenant?: string;
  /**
   * The tenant's contract: synth fails when the block's IT or gross power exceeds it. Only with `tenant`.
   * @default no lease figures
   */
  readonly lease?: LeaseProps;
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
    power: z.custom<LoadPower>((v) => v instanceof LoadPower, { error: 'must be LoadPower.itMw(mw) or LoadPower.grossMw(mw)' }),
    bus: constructOf(PowerBus, 'PowerBus'),
    cooling: constructOf(CoolingSystem, 'CoolingSystem').optional(),
    coolingRequirement: z
      .enum(['air', 'hydro', 'immersion', 'direct-to-chip', 'unspecified'], {
        error: 'must be one of "air", "hydro", "immersion", "direct-to-chip", "unspecified"',
      })
      .optional(),
    firm: z.boolean({ error: 'must be true or false' }).default(true),
    facilityOverheadFraction: facilityOverheadSchema.optional(),
    tenant: kubernetesNameSchema.optional(),
    lease: leaseSchema.optional(),
    ...serviceDates,
  })
  .superRefine(checkServiceDates)
  .superRefine((p, ctx) => {
    const mw = positiveNumber('MW of the block').safeParse(p.power.mw);
    if (!mw.success) {
      const call = `LoadPower.${p.power.basis === 'it' ? 'itMw' : 'grossMw'}(${showValue(p.power.mw)})`;
      ctx.addIssue({ code: 'custom', path: ['power'], message: `${call}: ${mw.error.issues[0].message}` });
    }
    if (p.power.basis === 'it' && p.cooling === undefined) {
      ctx.addIssue({ code: 'custom', path: ['cooling'], message: 'is required for IT power (its heat must go somewhere); give the CoolingSystem, or state the power as LoadPower.grossMw' });
    }
    if (p.power.basis === 'gross' && p.cooling !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['cooling'], message: 'is not used with gross power (which includes its cooling); remove it, or state the power as LoadPower.itMw' });
    }
    if (p.power.basis === 'gross' && p.facilityOverheadFraction !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['facilityOverheadFraction'], message: 'is not used with gross power (which includes its overhead); remove it, or state the power as LoadPower.itMw' });
    }
    if (p.lease && p.power.basis === 'gross' && p.lease.grossCapMw === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['lease', 'grossCapMw'],
        message: 'is required for a block stated as gross power: its IT is not known, so only a gross cap can be checked (give the contract\'s gross MW), or state the power as LoadPower.itMw',
      });
    }
    if (p.lease && p.tenant === undefined) {
      ctx.addIssue({ code: 'custom', path: ['lease'], message: 'is for a block leased to a tenant: give tenant too, or remove lease' });
    }
  });

export class BlockLoad extends Construct implements CampusPart {
  public readonly partKind = 'block-load';
  public readonly campus: CampusScope;
  public readonly power: LoadPower;
  public readonly bus: PowerBus;
  public readonly cooling?: CoolingSystem;
  public readonly firm: boolean;
  public readonly tenant?: string;
  private readonly props: z.infer<typeof schema>;

  public constructor(scope: Construct, id: string, props: BlockLoadProps) {
    super(scope, checkConstructArgs('BlockLoad', scope, id));
    this.campus = requireCampus(this, 'BlockLoad');
    const p = parseProps(this, schema, props);
    requireSameCampus(this, this.campus, 'bus', p.bus, 'PowerBus');
    if (p.cooling) requireSameCampus(this, this.campus, 'cooling', p.cooling, 'CoolingSystem');
    this.props = p;
    this.power = p.power;
    this.bus = p.bus;
    this.cooling = p.cooling;
    this.firm = p.firm;
    this.tenant = p.tenant;
    this.campus.registerPart(this);
    validateWithCampus(this, this.campus);
  }

  public get inService(): string | undefined {
    return this.props.inService;
  }

  public get retire(): string | undefined {
    return this.props.retire;
  }

  public toModel(): BlockLoadModel {
    const p = this.props;
    const stated = `${formatMw(mwToKw(p.power.mw))} ${p.power.basis === 'it' ? 'critical IT' : 'gross'}`;
    return {
      kind: 'block-load',
      name: this.node.id,
      path: this.node.path,
      bus: this.bus.node.id,
      basis: p.power.basis,
      powerKw: mwToKw(p.power.mw),
      ...(this.cooling ? { cooling: this.cooling.node.id } : {}),
      ...(p.coolingRequirement !== undefined ? { coolingRequirement: p.coolingRequirement } : {}),
      firm: p.firm,
      ...(p.facilityOverheadFraction ? { facilityOverheadFraction: p.facilityOverheadFraction } : {}),
      ...(p.tenant && p.lease ? { lease: leaseModel(p.tenant, p.lease) } : {}),
      description: p.tenant ? `tenant ${p.tenant}, ${stated}` : stated,
      ...datesOf(p),
    };
  }
}
