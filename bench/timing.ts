/**
 * Timing helpers shared by the benchmark scripts: the median of a few runs, printed in one row.
 * Figures are for the machine they run on; they go in issue notes, never in test assertions.
 */
import { performance } from 'perf_hooks';

export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Runs `fn` `runs` times and prints the median wall time, the label padded to `width`. */
export function time(label: string, runs: number, fn: () => void, width = 58): void {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  console.log(`${label.padEnd(width)} median ${median(samples).toFixed(1).padStart(8)} ms  (${runs} runs)`);
}
