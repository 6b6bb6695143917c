/**
 * A lease: what a tenant contracted for, in MW, on a GpuHall or a BlockLoad leased to it. The
 * `lease-contract` check compares it with what is installed.
 */
import { z } from 'zod';
import type { LeaseModel } from '../../domain/model';
import { mwToKw } from '../../domain/units';
import { positiveNumber } from '../props';

export interface LeaseProps {
  /** The critical IT the tenant contracted for, MW (installed IT must not exceed it). */
  readonly contractedItMw: number;
  /**
   * A cap on the gross power the lease allows: IT, its share of the cooling system's draw and
   * its facility overhead, MW.
   * @default no cap on gross power
   */
  readonly grossCapMw?: number;
}

export const leaseSchema = z.strictObject(
  {
    contractedItMw: positiveNumber('contracted critical IT in MW'),
    grossCapMw: positiveNumber('gross power the lease allows, in MW').optional(),
  },
  { error: 'must be an object { contractedItMw, grossCapMw? } (MW)' },
);

/** Facility overhead as a fraction of IT: electrical losses, UPS, lighting. */
export const facilityOverheadSchema = z
  .number({ error: 'must be a finite number (facility overhead as a fraction of IT, e.g. 0.04 for 4%)' })
  .gte(0, { error: 'must be at least 0 (facility overhead as a fraction of IT)' })
  .lt(1, { error: 'must be less than 1 (facility overhead as a fraction of IT, e.g. 0.04 for 4%)' });

export function leaseModel(tenant: string, lease: LeaseProps): LeaseModel {
  return {
    tenant,
    contractedItKw: mwToKw(lease.contractedItMw),
    ...(lease.grossCapMw !== undefined ? { grossCapKw: mwToKw(lease.grossCapMw) } : {}),
  };
}
