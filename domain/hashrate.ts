/**
 * Hashrate of a miner at a given power.
 *
 * Default: the rated efficiency of the model, taken from its rated point (catalog W and TH/s),
 * so that at rated power a miner reports exactly the catalog's TH/s:
 * TH/s = rated TH/s x W / rated W (1 W = 1 J/s; the catalog's J/TH is rounded, so it is not used
 * here). A measured curve of points (W -> TH/s) for a firmware, when given, is interpolated
 * linearly between its points.
 */
export interface HashratePoint {
  readonly powerW: number;
  readonly hashrateThs: number;
}

/** TH/s of one miner at `powerW`, from its rated point, or from the curve (sorted by power) when given. */
export function minerHashrateThs(powerW: number, rated: HashratePoint, curve?: readonly HashratePoint[]): number {
  if (powerW <= 0) return 0;
  if (!curve || curve.length === 0) return powerW === rated.powerW ? rated.hashrateThs : (rated.hashrateThs * powerW) / rated.powerW;
  if (powerW <= curve[0].powerW) return curve[0].hashrateThs * (powerW / curve[0].powerW);
  for (let i = 1; i < curve.length; i++) {
    const a = curve[i - 1];
    const b = curve[i];
    if (powerW <= b.powerW) return a.hashrateThs + ((b.hashrateThs - a.hashrateThs) * (powerW - a.powerW)) / (b.powerW - a.powerW);
  }
  const last = curve[curve.length - 1];
  return last.hashrateThs * (powerW / last.powerW);
}
