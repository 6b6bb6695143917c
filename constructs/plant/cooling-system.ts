/**
 * A cooling system: what it can reject and what it draws itself.
 */
import { Construct } from 'constructs';
import { z } from 'zod';
import type { CoolingModel, CoolingPowerModel, CoolingType } from '../../domain/model';
import { type CampusPart, type CampusScope, requireCampus, requireSameCampus, validateWithCampus } from './campus-scope';
import { checkServiceDates, constructOf, datesOf, parseProps, positiveNumber, serviceDates, checkConstructArgs } from '../props';
import { PowerBus } from './power-bus';

export interface CoolingSystemProps {
  /**
   * 'air', 'hydro' (water-cooled miners), 'immersion', 'direct-to-chip' (liquid cold plates, e.g.
   * GB200/GB300 NVL72) or 'chiller' (chiller or dry-cooler plant).
   */
  readonly type: CoolingType;
  /** Heat the system can reject, in kW. */
  readonly capacityKw: number;
  /** The bus the cooling system's own power is drawn from. */
  readonly bus: PowerBus;
  /**
   * Partial PUE over the IT it serves: cooling kW = IT kW x (pue - 1). Give exactly one of
   * pue, cop and fixedPowerKw; 1 to 3. Typical: air 1.10-1.50, immersion 1.03-1.10 (domain-notes section 4).
   */
  readonly pue?: number;
  /** Coefficient of performance: cooling kW = heat kW / cop, 0.5 to 100. A chiller at 0.6 kW/ton has a COP of about 5.9. */
  readonly cop?: number;
  /** A constant draw in kW whatever the load, e.g. ~25 kW of pumps and fans per immersion container. */
  readonly fixedPowerKw?: number;
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
    type: z.enum(['air', 'hydro', 'immersion', 'direct-to-chip', 'chiller'], {
      error: 'must be "air", "hydro", "immersion", "direct-to-chip" or "chiller"',
    }),
    capacityKw: positiveNumber('heat-rejection capacity in kW'),
    bus: constructOf(PowerBus, 'PowerBus'),
    // Plausible ranges (domain-notes.md section 4: partial PUE 1.03-1.50, a chiller near COP 5.9),
    // with a wide margin; past them a figure is a typo or a unit mistake.
    pue: z
      .number({ error: 'must be a number' })
      .gte(1, { error: 'must be at least 1 (PUE = facility power / IT power)' })
      .lte(3, { error: 'must be at most 3 (a partial PUE is 1.03-1.50 for real systems); check the figure' })
      .optional(),
    cop: z
      .number({ error: 'must be a number (heat kW removed per kW drawn)' })
      .gte(0.5, { error: 'must be at least 0.5 (heat kW removed per kW drawn; a chiller is near 5.9); check the figure' })
      .lte(100, { error: 'must be at most 100 (heat kW removed per kW drawn; a chiller is near 5.9); check the figure' })
      .optional(),
    fixedPowerKw: positiveNumber('constant draw in kW').optional(),
    ...serviceDates,
  })
  .superRefine(checkServiceDates)
  .superRefine((p, ctx) => {
    const given = (['pue', 'cop', 'fixedPowerKw'] as const).filter((k) => p[k] !== undefined);
    if (given.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: given.length > 1 ? [given[1]] : ['pue'],
        message:
          given.length === 0
            ? 'the cooling system has no power model: give exactly one of pue, cop or fixedPowerKw'
            : `give exactly one of pue, cop or fixedPowerKw (got ${given.join(' and ')})`,
      });
    }
  });

export class CoolingSystem extends Construct implements CampusPart {
  public readonly partKind = 'cooling-system';
  public readonly campus: CampusScope;
  public readonly type: CoolingType;
  public readonly capacityKw: number;
  public readonly bus: PowerBus;
  public readonly power: CoolingPowerModel;
  private readonly dates: { inService?: string; retire?: string };

  public constructor(scope: Construct, id: string, props: CoolingSystemProps) {
    super(scope, checkConstructArgs('CoolingSystem', scope, id));
    this.campus = requireCampus(this, 'CoolingSystem');
    const p = parseProps(this, schema, props);
    requireSameCampus(this, this.campus, 'bus', p.bus, 'PowerBus');
    this.type = p.type;
    this.capacityKw = p.capacityKw;
    this.bus = p.bus;
    this.power =
      p.pue !== undefined
        ? { model: 'pue', pue: p.pue }
        : p.cop !== undefined
          ? { model: 'cop', cop: p.cop }
          : { model: 'fixed', powerKw: p.fixedPowerKw! };
    this.dates = datesOf(p);
    this.campus.registerPart(this);
    validateWithCampus(this, this.campus);
  }

  public toModel(): CoolingModel {
    return { name: this.node.id, path: this.node.path, type: this.type, capacityKw: this.capacityKw, power: this.power, bus: this.bus.node.id, ...this.dates };
  }
}
