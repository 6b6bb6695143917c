/**
 * Hashrate of a miner at a given power.
 *
 * Default: constant efficiency, TH/s = W / (J/TH) (1 W = 1 J/s). A measured curve of points
 * (W -> TH/s) for a firmware, when given, is interpolated linearly between its points.
 */
export interface HashratePoint {
  readonly powerW: number;
  readonly hashrateThs: number;
}

/** TH/s of one miner at `powerW`. The curve must be sorted by power and cover `powerW`. */
export function minerHashrateThs(powerW: number, efficiencyJTh: number, curve?: readonly HashratePoint[]): number {
  if (powerW <= 0) return 0;
  if (!curve || curve.length === 0) return powerW / efficiencyJTh;
  if (powerW <= curve[0].powerW) return curve[0].hashrateThs * (powerW / curve[0].powerW);
  for (let i = 1; i < curve.length; i++) {
    const a = curve[i - 1];
    const b = curve[i];
    if (powerW <= b.powerW) return a.hashrateThs + ((b.hashrateThs - a.hashrateThs) * (powerW - a.powerW)) / (b.powerW - a.powerW);
  }
  const last = curve[curve.length - 1];
  return last.hashrateThs * (powerW / last.powerW);
}
