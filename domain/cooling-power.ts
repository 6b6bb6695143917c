/**
 * A cooling system's own electrical draw (shared/reference/domain-notes.md section 4).
 *
 * - PUE multiplier: facility = IT x PUE, so the cooling overhead is IT x (PUE - 1). Here PUE
 *   is the partial PUE of this cooling system over the IT it serves.
 * - COP: cooling kW = heat kW / COP (chillers and dry coolers; kW/ton = 3.517 / COP).
 * - Fixed: a constant kW, for container fans, pumps and CDUs (e.g. ~25 kW per Minerbase
 *   immersion container), drawn whenever at least one load the system cools is running.
 *
 * All electrical power drawn by IT ends up as heat, so heat kW = IT kW. Which loads run in a
 * scenario, and so how much heat there is, is decided by the load model (load-model.ts).
 */
import type { CoolingPowerModel } from './model';

/** kW of cooling power per kW of heat for a PUE or COP system; 0 for a fixed draw. */
export function coolingKwPerHeatKw(power: CoolingPowerModel): number {
  switch (power.model) {
    case 'pue':
      return power.pue - 1;
    case 'cop':
      return 1 / power.cop;
    case 'fixed':
      return 0;
  }
}

/** Cooling power for a given heat, and whether any load it cools runs (what a fixed draw depends on). */
export function coolingPowerKw(power: CoolingPowerModel, heatKw: number, anyServedRunning: boolean): number {
  if (power.model === 'fixed') return anyServedRunning ? power.powerKw : 0;
  return heatKw * coolingKwPerHeatKw(power);
}

export function describeCoolingPower(model: CoolingPowerModel): string {
  switch (model.model) {
    case 'pue':
      return `PUE ${model.pue}`;
    case 'cop':
      return `COP ${model.cop}`;
    case 'fixed':
      return `fixed ${model.powerKw} kW`;
  }
}
