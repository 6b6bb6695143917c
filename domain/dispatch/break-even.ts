/**
 * The power price at which a miner's revenue equals its power cost.
 *
 * Formula (shared/reference/ercot-large-loads.md, "Prices for dispatch studies"; domain-notes.md
 * section 6): break-even $/MWh = hashprice ($/PH/day) x (1 - pool fee) / (24 x J/TH / 1000).
 * One PH/s at J/TH joules per TH draws J/TH x 1000 W per PH/s, so per day it uses
 * 24 x J/TH / 1000 MWh per PH/s; the hashprice per PH/s per day divided by that is revenue per MWh.
 *
 * The price is paid per MWh taken from the grid, and a pod's kW of IT takes more than a kW from
 * the grid: its bus's facility overhead and its cooling's PUE or COP coefficient (load-model.ts
 * `itDrawPerKw`, fleet.ts `gridKwPerItKw`). So the J/TH in the formula is the one at the meter,
 * the miner's J/TH x grid kW per IT kW; with the miner's own J/TH a pod cooled at PUE 1.1 would
 * mine at prices up to 10% above what it earns. A fixed cooling draw (fans, pumps) that stops
 * with mining is not in the break-even (it does not scale with one pod); the simulation charges
 * it to the pods that run.
 *
 * At exactly the break-even price a pod does NOT mine: its margin would be zero, and a miner
 * that runs for nothing still wears its hardware and takes on price risk. A pod mines only when
 * the price is strictly below its break-even (see simulate.ts).
 */

/** Hours per day, for per-day figures. */
export const HOURS_PER_DAY = 24;

/**
 * Break-even grid power price in USD/MWh for a miner at `efficiencyJTh` (J/TH at its power cap)
 * drawing `gridKwPerItKw` from the grid per kW of IT (1 + overhead + cooling coefficient).
 */
export function breakEvenUsdPerMwh(hashpriceUsdPerPhDay: number, poolFeeFraction: number, efficiencyJTh: number, gridKwPerItKw: number): number {
  // Computed as the simulation compares (hashprice x factor), so a price equal to this value is
  // exactly at break-even there too.
  return hashpriceUsdPerPhDay * breakEvenFactor(poolFeeFraction, efficiencyJTh, gridKwPerItKw);
}

/**
 * Break-even per unit of hashprice: break-even = hashprice x this. Lets the simulation compare
 * `price < hashprice x factor` without a division per interval.
 */
export function breakEvenFactor(poolFeeFraction: number, efficiencyJTh: number, gridKwPerItKw: number): number {
  return (1 - poolFeeFraction) / (((HOURS_PER_DAY * efficiencyJTh) / 1000) * gridKwPerItKw);
}
