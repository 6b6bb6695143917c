/**
 * Which cooling system types can serve which hardware.
 *
 * - Air-cooled hardware: air, or a chiller / dry-cooler plant feeding air handlers.
 * - Hydro miners (water cold plates): hydro only.
 * - Immersion miners: immersion only.
 * - Direct-to-chip racks (GB200/GB300 NVL72 have no air-cooled option, per the catalog
 *   sources): direct-to-chip only.
 * - Hardware whose catalog source does not state its cooling (DGX B300): air, chiller or
 *   direct-to-chip, and the catalog entry says so.
 */
import type { CoolingRequirement, CoolingType } from './model';

export const COMPATIBLE_COOLING: Readonly<Record<CoolingRequirement, readonly CoolingType[]>> = {
  air: ['air', 'chiller'],
  hydro: ['hydro'],
  immersion: ['immersion'],
  'direct-to-chip': ['direct-to-chip'],
  unspecified: ['air', 'chiller', 'direct-to-chip'],
};

export function canServe(cooling: CoolingType, requirement: CoolingRequirement): boolean {
  return COMPATIBLE_COOLING[requirement].includes(cooling);
}
