/**
 * Benchmark: `campus dispatch`'s simulation on a year of 15-minute prices (35,040 intervals) for
 * a 300 MW site with 1,000 pods in three hardware groups. Prints the core count and the median
 * wall time of preparing the fleet (the budget engine, once per state) and of the simulation,
 * with and without a 4CP window (which runs the simulation twice: with and without avoidance).
 *
 *   npm run bench:dispatch
 *
 * Figures are for the machine it runs on; they are reported in issue notes, never asserted in tests.
 */
import * as os from 'os';
import { performance } from 'perf_hooks';
import { fleetOf } from '../domain/dispatch/fleet';
import { constantHashprice, type PriceSeries } from '../domain/dispatch/price-series';
import { simulateDispatch, type DispatchOptions } from '../domain/dispatch/simulate';
import type { CampusModel, MiningPodModel } from '../domain/model';

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(label: string, runs: number, fn: () => void): void {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  process.stdout.write(`${label.padEnd(64)} ${median(samples).toFixed(1).padStart(8)} ms (median of ${runs})\n`);
}

/** 1,000 pods of 300 kW (300 MW of IT) in three hardware groups, on ten buses with PUE 1.05 cooling. */
function campus300(): CampusModel {
  const models = [
    { id: 's21-xp', label: 'S21 XP', jth: 13.5 },
    { id: 's21', label: 'S21', jth: 17.5 },
    { id: 's19-xp', label: 'S19 XP', jth: 21.5 },
  ];
  const pods: MiningPodModel[] = Array.from({ length: 1000 }, (_, i) => {
    const m = models[i % 3];
    const busName = `bus-${i % 10}`;
    return {
      kind: 'mining-pod',
      name: `pod-${String(i).padStart(4, '0')}`,
      path: `bench/pod-${i}`,
      bus: busName,
      cooling: `cool-${i % 10}`,
      itKw: 300,
      firm: false,
      coolingRequirement: 'unspecified',
      hardware: m.label,
      hardwareId: m.id,
      count: 100,
      spares: 0,
      minerPowerW: 3000,
      minerHashrateThs: 3000 / m.jth,
      hashrateThs: (100 * 3000) / m.jth,
      efficiencyJTh: m.jth,
      curtailSeconds: 60,
      priority: 0,
    };
  });
  return {
    name: 'bench-300',
    path: 'bench-300',
    gridRegion: 'ERCOT',
    interconnectLimitKw: 330_000,
    warnUtilization: 0.95,
    buses: Array.from({ length: 10 }, (_, b) => ({
      name: `bus-${b}`,
      path: `bench/bus-${b}`,
      redundancy: 'N' as const,
      feeds: [{ name: `feed-${b}`, source: 'utility' as const, ratingKw: 33_000, maxUtilization: 1, ratingBasis: '33 MW contracted' }],
    })),
    coolingSystems: Array.from({ length: 10 }, (_, b) => ({
      name: `cool-${b}`,
      path: `bench/cool-${b}`,
      type: 'air' as const,
      capacityKw: 32_000,
      power: { model: 'pue' as const, pue: 1.05 },
      bus: `bus-${b}`,
    })),
    miningPods: pods,
    gpuHalls: [],
    auxiliaryLoads: [],
    commitments: [{ program: 'ERS-10', sheddableKw: 40_000, responseTimeS: 600, season: { fromMonth: 6, toMonth: 9 } }],
  };
}

/** A year of 15-minute prices (2025, UTC as local), a daily shape plus fixed-seed noise and spikes. */
function yearOfPrices(): PriceSeries {
  const n = 365 * 96;
  let seed = 7;
  const random = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const start = Date.UTC(2025, 0, 1);
  const starts = Float64Array.from({ length: n }, (_, i) => start + i * 900_000);
  return {
    intervalMinutes: 15,
    startUtcMs: starts,
    priceUsdPerMwh: Float64Array.from({ length: n }, (_, i) => {
      const hour = (i % 96) / 4;
      const r = random();
      return r < 0.01 ? 500 + r * 100_000 : 45 - 25 * Math.cos(((hour - 5) / 24) * 2 * Math.PI) + (random() - 0.5) * 30;
    }),
    localMonthIndex: Int32Array.from(starts, (ms) => 2025 * 12 + new Date(ms).getUTCMonth()),
    localDay: Int32Array.from(starts, (ms) => Math.floor(ms / 86_400_000)),
    localMinuteOfDay: Int32Array.from(starts, (ms) => (ms / 60_000) % 1440),
    settlementPoint: 'BENCH',
  };
}

const model = campus300();
const prices = yearOfPrices();
const base: DispatchOptions = { hashprice: constantHashprice(45), poolFeeFraction: 0.02, minOnIntervals: 4, minOffIntervals: 2, holdReserves: true, shiftYears: 0 };
process.stdout.write(`cores: ${os.cpus().length} (os.availableParallelism ${os.availableParallelism?.() ?? 'n/a'}), node ${process.version}\n`);
process.stdout.write(`site: ${model.miningPods.length} pods, ${model.miningPods.reduce((t, p) => t + p.itKw, 0) / 1000} MW of IT; prices: ${prices.priceUsdPerMwh.length} intervals\n`);
const fleet = fleetOf(model);
time('prepare the fleet (evaluateTimeline + per-state arrays)', 5, () => void fleetOf(model));
time('simulate a year, hysteresis and reserves', 7, () => void simulateDispatch(fleet, prices, base));
time('simulate a year, plus a 4CP window (two passes)', 7, () => void simulateDispatch(fleet, prices, { ...base, fourCpWindow: { startMinute: 900, endMinute: 1080 } }));
time('prepare + simulate with the 4CP window (what the command runs)', 5, () => void simulateDispatch(fleetOf(model), prices, { ...base, fourCpWindow: { startMinute: 900, endMinute: 1080 } }));
// The worst case for the class grouping: every pod a different J/TH (1,000 classes).
const distinct: CampusModel = { ...model, miningPods: model.miningPods.map((p, i) => ({ ...p, hashrateThs: p.hashrateThs * (1 + i / 100_000) })) };
const distinctFleet = fleetOf(distinct);
time('worst case: 1,000 distinct pods, simulate a year', 3, () => void simulateDispatch(distinctFleet, prices, base));
const r = simulateDispatch(fleet, prices, base);
process.stdout.write(`check: ${r.figures.minedMwh.toFixed(0)} MWh mined of ${r.figures.availableMwh.toFixed(0)} available\n`);
