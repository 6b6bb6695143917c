/**
 * An auxiliary load: offices, lighting, network core, security. A fixed draw, firm unless
 * declared otherwise.
 */
import { Construct } from 'constructs';
import { z } from 'zod';
import type { AuxiliaryLoadModel } from '../../domain/model';
import { type CampusPart, type CampusScope, requireCampus, requireSameCampus, validateWithCampus } from './campus-scope';
import { checkServiceDates, constructOf, datesOf, parseProps, positiveNumber, serviceDates, checkConstructArgs } from '../props';
import { PowerBus } from './power-bus';

export interface AuxiliaryLoadProps {
  /** Constant draw in kW. */
  readonly powerKw: number;
  /** The bus that feeds it. */
  readonly bus: PowerBus;
  /**
   * Whether it must keep running when the bus loses a feed (it is then checked against what the
   * bus can still carry). Declare `false` for load that may go down with a feed.
   * @default true - auxiliary load is firm
   */
  readonly firm?: boolean;
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
    powerKw: positiveNumber('constant draw in kW'),
    bus: constructOf(PowerBus, 'PowerBus'),
    firm: z.boolean({ error: 'must be true (keeps running when a feed is lost) or false (may go down with it)' }).default(true),
    ...serviceDates,
  })
  .superRefine(checkServiceDates);

export class AuxiliaryLoad extends Construct implements CampusPart {
  public readonly partKind = 'auxiliary-load';
  public readonly campus: CampusScope;
  public readonly powerKw: number;
  public readonly bus: PowerBus;
  public readonly firm: boolean;
  private readonly dates: { inService?: string; retire?: string };

  public constructor(scope: Construct, id: string, props: AuxiliaryLoadProps) {
    super(scope, checkConstructArgs('AuxiliaryLoad', scope, id));
    this.campus = requireCampus(this, 'AuxiliaryLoad');
    const p = parseProps(this, schema, props);
    requireSameCampus(this, this.campus, 'bus', p.bus, 'PowerBus');
    this.powerKw = p.powerKw;
    this.bus = p.bus;
    this.firm = p.firm;
    this.dates = datesOf(p);
    this.campus.registerPart(this);
    validateWithCampus(this, this.campus);
  }

  public toModel(): AuxiliaryLoadModel {
    return { kind: 'auxiliary', name: this.node.id, path: this.node.path, bus: this.bus.node.id, powerKw: this.powerKw, firm: this.firm, ...this.dates };
  }
}
