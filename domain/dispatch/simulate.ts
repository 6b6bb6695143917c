/**
 * The dispatch simulation: in each interval of a price series, which pods mine.
 *
 * Rules, in the order they apply in each interval:
 * 1. The campus at that date: the state of the timeline covering the interval's local month
 *    (shifted by `shiftYears`), prepared by fleet.ts. A pod may draw at most its cap in that
 *    state, never more; a pod without a cap (not in service, or off in the solver's allocation)
 *    does not run. Intervals in a month that no state covers mine nothing.
 * 2. Price: a pod wants to mine when the price is strictly below its break-even at the meter
 *    (break-even.ts: its J/TH times its grid kW per IT kW); at exactly break-even it does not.
 * 3. 4CP avoidance (`fourCpWindow`): in June to September, in every interval that overlaps the
 *    daily window (local time), every interruptible pod is shed whatever the price (ERCOT 4CP:
 *    shared/reference/ercot-large-loads.md, "4CP"). Firm pods keep to rule 2.
 * 4. Hysteresis: a pod that switched on stays on for `minOnIntervals`, one that switched off
 *    stays off for `minOffIntervals`, counted in intervals including the one it switched in,
 *    unless rule 1 or 3 forces it off (a forced stop is never delayed).
 * 5. Demand-response reserve (`holdReserves`): a commitment is an obligation to take MW off the
 *    grid within its response time when called, and only a running load can be taken off. So
 *    in every interval of its season, the interruptible pods that curtail within its response
 *    time must be running enough to shed its MW (with those that may be called with it, as the
 *    synth check counts them; grid kW = IT x the load model's overhead and cooling factor). When
 *    the price dispatch leaves less running, the most efficient eligible pods are kept on above
 *    their break-even ("reserve" energy, at a loss that the program's payments must cover; those
 *    payments are not modelled). A pod held for a reserve runs in that interval whatever its
 *    hysteresis, and holding it does not restart its hysteresis timers (the reserve is an
 *    obligation laid over the price dispatch, not a price decision); it never overrides rule 1
 *    or 3: an interval where a reserve cannot be held counts as a reserve shortfall.
 * Pods are considered most efficient first (the highest break-even, then name); rule 5 picks in
 * that order.
 *
 * Speed: pods that are alike in every state (the same group, break-even, firmness, curtail time
 * and fixed cooling) always take the same decisions, so the simulation runs once per such class
 * of pods, with their caps, grid power and revenue summed; a reserve that needs only some pods of
 * a class takes them in dispatch order by prefix sums. A fleet of identical containers is a
 * handful of classes (bench/dispatch-bench.ts).
 *
 * Accounting per interval of length h hours (every figure an exact sum over intervals):
 * - IT energy = cap kW x h; grid energy = IT x (1 + overhead + PUE/COP coefficient), plus the
 *   fixed cooling charged to mining, shared among its running pods by IT (fleet.ts);
 * - revenue = TH/s / 1000 x hashprice x (1 - pool fee) x h / 24 (economics.ts: PH/s x hashprice);
 * - power cost = grid MWh x price (USD/MWh); gross margin = revenue - power cost.
 */
import { breakEvenFactor } from './break-even';
import type { FleetState, SiteFleet } from './fleet';
import type { HashpriceSchedule, PriceSeries } from './price-series';

/** A daily window in local minutes after midnight, [start, end); a start after the end crosses midnight. */
export interface DailyWindow {
  readonly startMinute: number;
  readonly endMinute: number;
}

export interface DispatchOptions {
  readonly hashprice: HashpriceSchedule;
  /** Pool fee, a fraction of revenue (0-1). */
  readonly poolFeeFraction: number;
  /** Intervals a pod stays on after switching on (1: no minimum). */
  readonly minOnIntervals: number;
  /** Intervals a pod stays off after switching off (1: no minimum). */
  readonly minOffIntervals: number;
  /** Daily 4CP avoidance window in local minutes after midnight, [start, end), June-September; a start after the end crosses midnight (each interval judged by its own month). @default none */
  readonly fourCpWindow?: DailyWindow;
  /** Hold demand-response reserves (rule 5). */
  readonly holdReserves: boolean;
  /** Years added to each interval's month to pick the campus state (replay a past year on a future campus). */
  readonly shiftYears: number;
}

/** Figures of a site, a pod group or a month: every one a sum over intervals. */
export interface DispatchFigures {
  /** IT energy the pods were allowed to draw (cap x hours), MWh. */
  readonly availableMwh: number;
  /** IT energy mined, MWh. */
  readonly minedMwh: number;
  /** Grid energy mining caused: IT, overhead and the cooling that runs for it, MWh. */
  readonly gridMwh: number;
  /** Hours with any allowed mining. */
  readonly hoursAvailable: number;
  /** Full-capacity equivalent hours mined: per interval, hours x mined kW / allowed kW. */
  readonly hoursMined: number;
  /** hoursAvailable - hoursMined. */
  readonly hoursCurtailed: number;
  readonly revenueUsd: number;
  readonly powerCostUsd: number;
  readonly grossMarginUsd: number;
  /** powerCostUsd / gridMwh, or null when nothing mined. */
  readonly averagePricePaidUsdPerMwh: number | null;
  /** IT energy mined only to hold a demand-response reserve (price at or above break-even), MWh. */
  readonly reserveMwh: number;
  /** Gross margin per MW of allowed mining per year: grossMargin x 8760 / availableMwh; null without capacity. */
  readonly valueUsdPerMwYear: number | null;
}

export interface GroupDispatch {
  readonly id: string;
  readonly label: string;
  /** J/TH of the group at its caps, weighted by allowed energy over the series. */
  readonly efficiencyJTh: number | null;
  /** Grid break-even at that J/TH, the group's grid kW per IT kW (weighted alike) and the time-weighted mean hashprice of the series, USD/MWh (break-even.ts). */
  readonly breakEvenUsdPerMwh: number | null;
  readonly figures: DispatchFigures;
  /** Mean over the summer months of the grid MW the 4CP windows took off (see `SiteDispatch.fourCpAvoidedMw`). */
  readonly fourCpAvoidedMw: number | null;
}

export interface MonthDispatch {
  /** Local month index (year x 12 + month - 1). */
  readonly monthIndex: number;
  /** The campus state used ("" for a campus without dates; null when none covers the month). */
  readonly state: string | null;
  readonly figures: DispatchFigures;
}

export interface SiteDispatch {
  readonly site: string;
  readonly intervals: number;
  readonly intervalMinutes: number;
  /** Time-weighted mean hashprice over the series, USD per PH/s per day. */
  readonly meanHashpriceUsdPerPhDay: number;
  readonly figures: DispatchFigures;
  readonly groups: readonly GroupDispatch[];
  readonly months: readonly MonthDispatch[];
  /**
   * Grid MW of mining the 4CP windows took off, averaged over the summer months (June to
   * September) the series covers: in each month, at the window interval with the highest price
   * (the likeliest system peak), the grid power mining draws without 4CP avoidance minus what it
   * draws with it. Null without a window.
   */
  readonly fourCpAvoidedMw: number | null;
  /** Intervals where some demand-response reserve could not be held (shed in a 4CP window, or too few eligible pods may run). */
  readonly reserveShortIntervals: number;
  /** Intervals whose month no state of the campus covers. */
  readonly intervalsWithoutCampus: number;
  /** AI revenue per MW of IT per year from the campus's economics inputs, or null. */
  readonly aiValueUsdPerMwYear: number | null;
  /**
   * The power that AI revenue does not pay for (fleet.ts `aiGridMwhPerMwYear`) at the series'
   * mean price, USD per MW of AI IT per year: AI's margin is aiValue minus this. Null without an
   * AI value.
   */
  readonly aiPowerCostUsdPerMwYear: number | null;
  /** Mean price of the series' intervals (all of equal length), USD/MWh. */
  readonly meanPriceUsdPerMwh: number;
}

const FIELDS = 10;
const F_AVAILABLE = 0; // kWh
const F_MINED = 1; // kWh
const F_GRID = 2; // kWh
const F_HOURS_AVAILABLE = 3;
const F_HOURS_MINED = 4;
const F_REVENUE = 5;
const F_COST = 6;
const F_RESERVE = 7; // kWh
const F_HASH_HOURS = 8; // TH/s x h of allowed capacity, for the weighted J/TH
const F_GRID_AVAILABLE = 9; // grid kWh of allowed capacity (IT x grid kW per IT kW), for the weighted break-even

interface Run {
  /** [entity][bucket][field], entity G is the site. */
  readonly acc: Float64Array;
  /** Grid kW of mining per entity and interval, when recorded: [entity * n + t]. */
  readonly gridKw?: Float64Array;
  readonly reserveShort: number;
  readonly withoutCampus: number;
}

/**
 * Whether an interval starting at `startMinute` (local minutes after midnight) and lasting
 * `intervalMinutes` overlaps the daily window [windowStart, windowEnd). An interval that covers
 * only part of the window (an hourly price and a window from 16:30) is in it: its load would
 * set the 4CP tag for the part it overlaps, so it is shed whole (never optimistic).
 */
function overlapsWindow(startMinute: number, intervalMinutes: number, windowStart: number, windowEnd: number): boolean {
  if (windowStart <= windowEnd) return startMinute < windowEnd && startMinute + intervalMinutes > windowStart;
  // A window across midnight: [windowStart, 24:00) and [00:00, windowEnd) of every day.
  return startMinute + intervalMinutes > windowStart || startMinute < windowEnd;
}

/** The state index of each interval, -1 when none covers its month. */
function stateOfIntervals(fleet: SiteFleet, prices: PriceSeries, shiftYears: number): Int32Array {
  const n = prices.priceUsdPerMwh.length;
  const out = new Int32Array(n);
  let lastMonth = NaN;
  let last = -1;
  for (let t = 0; t < n; t++) {
    const m = prices.localMonthIndex[t] + 12 * shiftYears;
    if (m !== lastMonth) {
      last = fleet.states.findIndex((s) => s.fromMonthIndex <= m && m < s.untilMonthIndex);
      lastMonth = m;
    }
    out[t] = last;
  }
  return out;
}

/** Hashprice of each interval, from the schedule by local day. */
export function hashpriceOfIntervals(schedule: HashpriceSchedule, prices: PriceSeries): Float64Array {
  const n = prices.localDay.length;
  const out = new Float64Array(n);
  let k = 0;
  for (let t = 0; t < n; t++) {
    const day = prices.localDay[t];
    while (k + 1 < schedule.fromDay.length && schedule.fromDay[k + 1] <= day) k++;
    if (schedule.fromDay[k] > day) throw new RangeError(`no hashprice for local day ${day}`);
    out[t] = schedule.usdPerPhDay[k];
  }
  return out;
}

/** Pods alike in every state, simulated as one (see "Speed" above). Arrays are per state. */
interface PodClasses {
  readonly count: number;
  readonly group: Int32Array;
  readonly interruptible: Uint8Array;
  readonly curtailSeconds: Float64Array;
  /** Per state: classes that may run, most efficient first. */
  readonly order: readonly Int32Array[];
  /** Per state and class: break-even per unit of hashprice. */
  readonly factor: readonly Float64Array[];
  /** Per state and class: index of its fixed cooling charged to mining, or -1. */
  readonly fixed: readonly Int32Array[];
  /** Per state and class: prefix sums over its pods in dispatch order (length pods + 1). */
  readonly capPrefix: readonly (readonly Float64Array[])[];
  readonly gridPrefix: readonly (readonly Float64Array[])[];
  readonly revenuePrefix: readonly (readonly Float64Array[])[];
}

function podClasses(fleet: SiteFleet, fee: number): PodClasses {
  const pods = fleet.pods.length;
  const byKey = new Map<string, number[]>();
  for (let i = 0; i < pods; i++) {
    const key = JSON.stringify([
      fleet.podGroup[i],
      fleet.interruptible[i],
      fleet.curtailSeconds[i],
      ...fleet.states.map((s) => (s.capKw[i] > 0 ? [s.efficiencyJTh[i], s.gridKwPerItKw[i], s.fixedCooling[i]] : null)),
    ]);
    const members = byKey.get(key);
    if (members) members.push(i);
    else byKey.set(key, [i]);
  }
  // Classes in the order of their first pod (pods are sorted by name), so the result never
  // depends on a map's order; within a class, pods in name order (they are equally efficient).
  const classes = [...byKey.values()];
  const count = classes.length;
  const first = (c: number) => classes[c][0];
  const factor = fleet.states.map((s) => Float64Array.from(classes, (m) => (s.capKw[m[0]] > 0 ? breakEvenFactor(fee, s.efficiencyJTh[m[0]], s.gridKwPerItKw[m[0]]) : -Infinity)));
  const prefix = (value: (s: FleetState, i: number) => number) =>
    fleet.states.map((s) =>
      classes.map((m) => {
        const out = new Float64Array(m.length + 1);
        for (let k = 0; k < m.length; k++) out[k + 1] = out[k] + value(s, m[k]);
        return out;
      }),
    );
  return {
    count,
    group: Int32Array.from(classes, (m) => fleet.podGroup[m[0]]),
    interruptible: Uint8Array.from(classes, (m) => fleet.interruptible[m[0]]),
    curtailSeconds: Float64Array.from(classes, (m) => fleet.curtailSeconds[m[0]]),
    order: fleet.states.map((s, si) =>
      Int32Array.from(
        [...Array(count).keys()].filter((c) => s.capKw[first(c)] > 0).sort((a, b) => factor[si][b] - factor[si][a] || first(a) - first(b)),
      ),
    ),
    factor,
    fixed: fleet.states.map((s) => Int32Array.from(classes, (m) => s.fixedCooling[m[0]])),
    capPrefix: prefix((s, i) => s.capKw[i]),
    gridPrefix: prefix((s, i) => s.capKw[i] * s.gridKwPerItKw[i]),
    // Revenue per unit of hashprice per hour: PH/s x (1 - fee) / 24.
    revenuePrefix: prefix((s, i) => ((s.hashrateThs[i] / 1000) * (1 - fee)) / 24),
  };
}

/** The first m in [from, len] with prefix[m] - prefix[from] >= needed (len when none). */
function podsNeeded(prefix: Float64Array, from: number, needed: number): number {
  let lo = from + 1;
  let hi = prefix.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (prefix[mid] - prefix[from] >= needed) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function run(fleet: SiteFleet, prices: PriceSeries, options: DispatchOptions, stateOf: Int32Array, hashprice: Float64Array, fourCp: boolean, recordGrid: boolean): Run {
  const n = prices.priceUsdPerMwh.length;
  const G = fleet.groups.length;
  const E = G + 1;
  const firstMonth = n > 0 ? prices.localMonthIndex[0] : 0;
  const buckets = n > 0 ? prices.localMonthIndex[n - 1] - firstMonth + 1 : 0;
  const acc = new Float64Array(E * buckets * FIELDS);
  const gridKw = recordGrid ? new Float64Array(E * n) : undefined;
  const intervalMinutes = prices.intervalMinutes;
  const h = intervalMinutes / 60;
  const minOn = Math.max(1, options.minOnIntervals);
  const minOff = Math.max(1, options.minOffIntervals);
  const window = fourCp ? options.fourCpWindow : undefined;
  const windowStart = window ? window.startMinute : -1;
  const windowEnd = window ? window.endMinute : -1;

  const classes = podClasses(fleet, options.poolFeeFraction);
  const C = classes.count;
  const sumBy = (value: (s: FleetState, i: number) => number) =>
    fleet.states.map((s) => {
      const out = new Float64Array(E);
      for (let i = 0; i < fleet.pods.length; i++) out[fleet.podGroup[i]] += value(s, i);
      for (let g = 0; g < G; g++) out[G] += out[g];
      return out;
    });
  const groupCapKw = sumBy((s, i) => s.capKw[i]);
  const groupThs = sumBy((s, i) => s.hashrateThs[i]);
  const groupGridKw = sumBy((s, i) => s.capKw[i] * s.gridKwPerItKw[i]);
  const priceOf = prices.priceUsdPerMwh;
  const monthOf = prices.localMonthIndex;
  const minuteOf = prices.localMinuteOfDay;
  const classGroup = classes.group;
  const classInterruptible = classes.interruptible;
  const classCurtail = classes.curtailSeconds;

  // Whole-class totals per state (the last prefix sums), read in the hot loop.
  const total = (prefixes: readonly (readonly Float64Array[])[]) => prefixes.map((perClass) => Float64Array.from(perClass, (p) => p[p.length - 1]));
  const classCap = total(classes.capPrefix);
  const classGrid = total(classes.gridPrefix);
  const classRevenue = total(classes.revenuePrefix);

  const on = new Uint8Array(C);
  const since = new Int32Array(C).fill(1 << 30);
  /** Pods of each class held for a reserve in this interval (a prefix of the class). */
  const taken = new Int32Array(C);
  const takenList = new Int32Array(C);
  const itKw = new Float64Array(E);
  const grid = new Float64Array(E);
  const revenueHp = new Float64Array(E);
  const reserveKw = new Float64Array(E);
  const maxFixed = Math.max(0, ...fleet.states.map((s) => s.fixedCoolingKw.length));
  const fixedIt = new Float64Array(maxFixed);
  /** IT on each fixed cooling system by group: [f * G + g]. */
  const fixedGroupIt = new Float64Array(maxFixed * G);
  const maxReserves = Math.max(0, ...fleet.states.flatMap((s) => s.reserves.map((r) => r.length)));
  const reserveRunning = new Float64Array(maxReserves);
  const reserveSeconds = new Float64Array(maxReserves);
  let prevState = -2;
  let reserveShort = 0;
  let withoutCampus = 0;

  for (let t = 0; t < n; t++) {
    const s = stateOf[t];
    if (s !== prevState) {
      // A new state: classes without a cap in it stop at once.
      for (let c = 0; c < C; c++) {
        if (on[c] && (s < 0 || classes.factor[s][c] === -Infinity)) {
          on[c] = 0;
          since[c] = 1;
        }
      }
      prevState = s;
    }
    if (s < 0) {
      withoutCampus++;
      continue;
    }
    const state = fleet.states[s];
    const order = classes.order[s];
    const count = order.length;
    const fac = classes.factor[s];
    const capP = classes.capPrefix[s];
    const gridP = classes.gridPrefix[s];
    const revP = classes.revenuePrefix[s];
    const fixedOf = classes.fixed[s];
    const capAll = classCap[s];
    const gridAll = classGrid[s];
    const revAll = classRevenue[s];
    const fixedKw = state.fixedCoolingKw;
    const price = priceOf[t];
    const hp = hashprice[t];
    const calendarMonth = (monthOf[t] % 12) + 1;
    const minute = minuteOf[t];
    const inWindow = calendarMonth >= 6 && calendarMonth <= 9 && overlapsWindow(minute, intervalMinutes, windowStart, windowEnd);
    const reserves = options.holdReserves ? state.reserves[calendarMonth - 1] : [];
    itKw.fill(0);
    grid.fill(0);
    revenueHp.fill(0);
    reserveKw.fill(0);
    const F = fixedKw.length;
    if (F > 0) {
      fixedIt.fill(0);
      fixedGroupIt.fill(0);
    }
    const R = reserves.length;
    for (let r = 0; r < R; r++) {
      reserveRunning[r] = 0;
      reserveSeconds[r] = reserves[r].responseTimeS;
    }

    // Rules 2-4, most efficient first; a class that runs is counted at its whole cap.
    for (let k = 0; k < count; k++) {
      const c = order[k];
      const cur = on[c];
      let next = 0;
      if (!(inWindow && classInterruptible[c] === 1)) {
        const desired = price < hp * fac[c] ? 1 : 0;
        next = desired !== cur && since[c] < (cur ? minOn : minOff) ? cur : desired;
      }
      if (next !== cur) {
        on[c] = next;
        since[c] = 1;
      } else if (since[c] < 1 << 30) since[c]++;
      if (next === 1) {
        const g = classGroup[c];
        const it = capAll[c];
        const gkw = gridAll[c];
        itKw[g] += it;
        grid[g] += gkw;
        revenueHp[g] += revAll[c];
        const f = fixedOf[c];
        if (f >= 0) {
          fixedIt[f] += it;
          fixedGroupIt[f * G + g] += it;
        }
        if (R > 0 && classInterruptible[c] === 1) {
          for (let r = 0; r < R; r++) if (classCurtail[c] <= reserveSeconds[r]) reserveRunning[r] += gkw;
        }
      }
    }

    // Rule 5: demand-response reserves, fastest first (pods held for one count for the slower
    // ones too). In a 4CP window every eligible (interruptible) pod is shed, so a reserve there
    // is short.
    let takenCount = 0;
    let takenKw = 0;
    let short = false;
    for (let r = 0; r < R; r++) {
      const need = reserves[r];
      let running = reserveRunning[r] + takenKw;
      for (let k = 0; k < count && running < need.neededKw && !inWindow; k++) {
        const c = order[k];
        if (on[c] || classInterruptible[c] !== 1 || classCurtail[c] > need.responseTimeS) continue;
        const prefix = gridP[c];
        const from = taken[c];
        if (from === prefix.length - 1) continue;
        const m = podsNeeded(prefix, from, need.neededKw - running);
        if (from === 0) takenList[takenCount++] = c;
        running += prefix[m] - prefix[from];
        takenKw += prefix[m] - prefix[from];
        taken[c] = m;
      }
      if (running < need.neededKw - 1e-6) short = true;
    }
    if (short) reserveShort++;
    // The pods held for reserves: a prefix of each class they were taken from.
    for (let k = 0; k < takenCount; k++) {
      const c = takenList[k];
      const pods = taken[c];
      const g = classGroup[c];
      const it = capP[c][pods];
      itKw[g] += it;
      grid[g] += gridP[c][pods];
      revenueHp[g] += revP[c][pods];
      reserveKw[g] += it;
      const f = fixedOf[c];
      if (f >= 0) {
        fixedIt[f] += it;
        fixedGroupIt[f * G + g] += it;
      }
      taken[c] = 0;
    }
    // A fixed cooling draw charged to mining, shared among its running pods by IT.
    for (let f = 0; f < F; f++) {
      if (!(fixedIt[f] > 0)) continue;
      for (let g = 0; g < G; g++) grid[g] += (fixedKw[f] * fixedGroupIt[f * G + g]) / fixedIt[f];
    }
    for (let g = 0; g < G; g++) {
      itKw[G] += itKw[g];
      grid[G] += grid[g];
      revenueHp[G] += revenueHp[g];
      reserveKw[G] += reserveKw[g];
    }
    const bucket = monthOf[t] - firstMonth;
    const caps = groupCapKw[s];
    const ths = groupThs[s];
    const capGrid = groupGridKw[s];
    for (let e = 0; e < E; e++) {
      const base = (e * buckets + bucket) * FIELDS;
      const capKw = caps[e];
      if (capKw > 0) {
        acc[base + F_AVAILABLE] += capKw * h;
        acc[base + F_HOURS_AVAILABLE] += h;
        acc[base + F_HOURS_MINED] += (h * itKw[e]) / capKw;
        acc[base + F_HASH_HOURS] += ths[e] * h;
        acc[base + F_GRID_AVAILABLE] += capGrid[e] * h;
      }
      acc[base + F_MINED] += itKw[e] * h;
      acc[base + F_GRID] += grid[e] * h;
      acc[base + F_REVENUE] += revenueHp[e] * hp * h;
      acc[base + F_COST] += ((grid[e] * h) / 1000) * price;
      acc[base + F_RESERVE] += reserveKw[e] * h;
      if (gridKw) gridKw[e * n + t] = grid[e];
    }
  }
  return { acc, ...(gridKw ? { gridKw } : {}), reserveShort, withoutCampus };
}

function figuresOf(sum: (field: number) => number): DispatchFigures {
  const availableMwh = sum(F_AVAILABLE) / 1000;
  const minedMwh = sum(F_MINED) / 1000;
  const gridMwh = sum(F_GRID) / 1000;
  const hoursAvailable = sum(F_HOURS_AVAILABLE);
  const hoursMined = sum(F_HOURS_MINED);
  const revenueUsd = sum(F_REVENUE);
  const powerCostUsd = sum(F_COST);
  const grossMarginUsd = revenueUsd - powerCostUsd;
  return {
    availableMwh,
    minedMwh,
    gridMwh,
    hoursAvailable,
    hoursMined,
    hoursCurtailed: hoursAvailable - hoursMined,
    revenueUsd,
    powerCostUsd,
    grossMarginUsd,
    averagePricePaidUsdPerMwh: gridMwh > 0 ? powerCostUsd / gridMwh : null,
    reserveMwh: sum(F_RESERVE) / 1000,
    // One MW for a year is 8760 MWh: margin per MWh of allowed capacity x 8760.
    valueUsdPerMwYear: availableMwh > 0 ? (grossMarginUsd * 8760) / availableMwh : null,
  };
}

/** Simulates one site over a price series. Deterministic: no clock, no randomness, fixed summation order. */
export function simulateDispatch(fleet: SiteFleet, prices: PriceSeries, options: DispatchOptions): SiteDispatch {
  const n = prices.priceUsdPerMwh.length;
  const G = fleet.groups.length;
  const E = G + 1;
  const stateOf = stateOfIntervals(fleet, prices, options.shiftYears);
  const hashprice = hashpriceOfIntervals(options.hashprice, prices);
  const withWindow = options.fourCpWindow !== undefined;
  const actual = run(fleet, prices, options, stateOf, hashprice, true, withWindow);
  const firstMonth = n > 0 ? prices.localMonthIndex[0] : 0;
  const buckets = n > 0 ? prices.localMonthIndex[n - 1] - firstMonth + 1 : 0;
  const sumOf = (e: number, from: number, to: number) => (field: number) => {
    let total = 0;
    for (let b = from; b < to; b++) total += actual.acc[(e * buckets + b) * FIELDS + field];
    return total;
  };

  let hpSum = 0;
  let priceSum = 0;
  for (let t = 0; t < n; t++) {
    hpSum += hashprice[t];
    priceSum += prices.priceUsdPerMwh[t];
  }
  const meanHashprice = n > 0 ? hpSum / n : 0;
  const meanPrice = n > 0 ? priceSum / n : 0;

  // 4CP: the counterfactual without avoidance, compared at each summer month's highest-price window interval.
  const avoided = new Array<number | null>(E).fill(null);
  if (withWindow) {
    const without = run(fleet, prices, options, stateOf, hashprice, false, true);
    const w = options.fourCpWindow!;
    const peaks = new Map<number, number>();
    for (let t = 0; t < n; t++) {
      const cm = (prices.localMonthIndex[t] % 12) + 1;
      const minute = prices.localMinuteOfDay[t];
      if (cm < 6 || cm > 9 || !overlapsWindow(minute, prices.intervalMinutes, w.startMinute, w.endMinute)) continue;
      const m = prices.localMonthIndex[t];
      const best = peaks.get(m);
      if (best === undefined || prices.priceUsdPerMwh[t] > prices.priceUsdPerMwh[best]) peaks.set(m, t);
    }
    const peakIntervals = [...peaks.values()];
    for (let e = 0; e < E; e++) {
      if (peakIntervals.length === 0) continue;
      let total = 0;
      for (const t of peakIntervals) total += (without.gridKw![e * n + t] - actual.gridKw![e * n + t]) / 1000;
      avoided[e] = total / peakIntervals.length;
    }
  }

  const groups = fleet.groups.map((group, g): GroupDispatch => {
    const sum = sumOf(g, 0, buckets);
    const hashHours = sum(F_HASH_HOURS);
    const efficiencyJTh = hashHours > 0 ? (sum(F_AVAILABLE) * 1000) / hashHours : null;
    // Grid kW per IT kW of the group, weighted like its J/TH by allowed energy.
    const gridKwPerItKw = sum(F_AVAILABLE) > 0 ? sum(F_GRID_AVAILABLE) / sum(F_AVAILABLE) : 1;
    return {
      id: group.id,
      label: group.label,
      efficiencyJTh,
      breakEvenUsdPerMwh: efficiencyJTh !== null ? meanHashprice * breakEvenFactor(options.poolFeeFraction, efficiencyJTh, gridKwPerItKw) : null,
      figures: figuresOf(sum),
      fourCpAvoidedMw: avoided[g],
    };
  });
  const months = Array.from({ length: buckets }, (_, b): MonthDispatch => {
    const monthIndex = firstMonth + b;
    const state = fleet.states.find((s) => s.fromMonthIndex <= monthIndex + 12 * options.shiftYears && monthIndex + 12 * options.shiftYears < s.untilMonthIndex);
    return { monthIndex, state: state ? state.label : null, figures: figuresOf(sumOf(G, b, b + 1)) };
  });
  return {
    site: fleet.site,
    intervals: n,
    intervalMinutes: prices.intervalMinutes,
    meanHashpriceUsdPerPhDay: meanHashprice,
    figures: figuresOf(sumOf(G, 0, buckets)),
    groups,
    months,
    fourCpAvoidedMw: avoided[G],
    reserveShortIntervals: actual.reserveShort,
    intervalsWithoutCampus: actual.withoutCampus,
    aiValueUsdPerMwYear: fleet.aiValueUsdPerMwYear,
    aiPowerCostUsdPerMwYear: fleet.aiGridMwhPerMwYear === null ? null : fleet.aiGridMwhPerMwYear * meanPrice,
    meanPriceUsdPerMwh: meanPrice,
  };
}
