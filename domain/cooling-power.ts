/**
 * A cooling system's own electrical draw (shared/reference/domain-notes.md section 4).
 *
 * - PUE multiplier: facility = IT x PUE, so the cooling overhead is IT x (PUE - 1). Here PUE
 *   is the partial PUE of this cooling system over the IT it serves.
 * - COP: cooling kW = heat kW / COP (chillers and dry coolers; kW/ton = 3.517 / COP).
 * - Fixed: a constant kW, for container fans, pumps and CDUs (e.g. ~25 kW per Minerbase
 *   immersion container).
 *
 * All electrical power drawn by IT ends up as heat, so heat kW = IT kW.
 *
 * When one system serves firm and interruptible loads, its power is split in proportion to the
 * heat each class puts into it: a PUE or COP draw falls with the heat when interruptible load is
 * shed. A fixed draw does not fall with the heat (fans and pumps keep running for the firm
 * loads), so it is firm whenever the system serves any firm load, or nothing at all, and
 * interruptible only when it serves interruptible loads alone (then shedding them all lets the
 * system stop).
 */
import type { CoolingPowerModel } from './model';

export function coolingPowerKw(model: CoolingPowerModel, servedItKw: number): number {
  switch (model.model) {
    case 'pue':
      return servedItKw * (model.pue - 1);
    case 'cop':
      return servedItKw / model.cop;
    case 'fixed':
      return model.powerKw;
  }
}

export interface CoolingPowerSplit {
  readonly totalKw: number;
  readonly firmKw: number;
  readonly interruptibleKw: number;
}

/** Splits cooling power between firm and interruptible loads by the heat they put in. */
export function splitCoolingPower(model: CoolingPowerModel, firmHeatKw: number, interruptibleHeatKw: number): CoolingPowerSplit {
  const heatKw = firmHeatKw + interruptibleHeatKw;
  const totalKw = coolingPowerKw(model, heatKw);
  const firmShare = model.model === 'fixed' ? (firmHeatKw > 0 || heatKw === 0 ? 1 : 0) : heatKw > 0 ? firmHeatKw / heatKw : 1;
  const firmKw = totalKw * firmShare;
  return { totalKw, firmKw, interruptibleKw: totalKw - firmKw };
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
