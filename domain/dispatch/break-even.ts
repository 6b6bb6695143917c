/**
 * The power price at which a miner's revenue equals its power cost.
 *
 * Formula (shared/reference/ercot-large-loads.md, "Prices for dispatch studies"; domain-notes.md
 * section 6): break-even $/MWh = hashprice ($/PH/day) x (1 - pool fee) / (24 x J/TH / 1000).
 * One PH/s at J/TH joules per TH draws J/TH x 1000 W per PH/s, so per day it uses
 * 24 x J/TH / 1000 MWh per PH/s; the hashprice per PH/s per day divided by that is revenue per MWh.
 *
 * At exactly the break-even price a pod does NOT mine: its margin would be zero, and a miner
 * that runs for nothing still wears its hardware and takes on price risk. A pod mines only when
 * the price is strictly below its break-even (see simulate.ts).
 */

/** Hours per day, for per-day figures. */
export const HOURS_PER_DAY = 24;

/** Break-even power price in USD/MWh for a miner at `efficiencyJTh` (J/TH at its power cap). */
export function breakEvenUsdPerMwh(hashpriceUsdPerPhDay: number, poolFeeFraction: number, efficiencyJTh: number): number {
  // Computed as the simulation compares (hashprice x factor), so a price equal to this value is
  // exactly at break-even there too.
  return hashpriceUsdPerPhDay * breakEvenFactor(poolFeeFraction, efficiencyJTh);
}

/**
 * Break-even per unit of hashprice: break-even = hashprice x this. Lets the simulation compare
 * `price < hashprice x factor` without a division per interval.
 */
export function breakEvenFactor(poolFeeFraction: number, efficiencyJTh: number): number {
  return (1 - poolFeeFraction) / ((HOURS_PER_DAY * efficiencyJTh) / 1000);
}
