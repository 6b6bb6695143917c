/**
 * Benchmark: writing power-budget.json (issue 12), the renderer and the rounding against the
 * plain reference implementations they replaced (test/fuzz/reference-formatting.ts), in the same
 * process, so that both sides see the same machine at the same moment (this machine's speed
 * drifts within minutes; see README, Performance).
 *
 *   node -r ./scripts/register-ts.js bench/render-bench.ts [pods] [dates]     (default 10000 200)
 *
 * For the document of the timeline bench's phased campus (bench/timeline-bench.ts) it prints the
 * median CPU time (user + sys) of 9 runs, after 2 unmeasured ones, of: powerBudgetDocument;
 * renderBudgetJson and the reference renderer on that document; and a million calls of
 * roundKw, round(x, 4) and formatKw against the reference ones. It checks first that both sides
 * give the same text, and refuses to time them otherwise. Figures are for the machine it runs on.
 */
import * as os from 'os';
import { evaluateTimeline } from '../domain/evaluate';
import { formatKw, round, roundKw } from '../domain/units';
import { powerBudgetDocument, renderBudgetJson } from '../report/power-budget-file';
import { referenceFormatKw, referenceRenderBudgetJson, referenceRound, referenceRoundKw } from '../test/fuzz/reference-formatting';
import { median } from './timing';
import { phasedCampus } from './timeline-bench';

function cpuMedianMs(fn: () => void): number {
  const samples: number[] = [];
  for (let run = 0; run < 11; run++) {
    const start = process.cpuUsage();
    fn();
    const used = process.cpuUsage(start);
    if (run >= 2) samples.push((used.user + used.system) / 1000);
  }
  return median(samples);
}

function main(pods: number, dates: number): void {
  console.log(`render bench: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, load average ${os.loadavg()[0].toFixed(2)}`);
  const timeline = evaluateTimeline(phasedCampus(pods, dates));
  const doc = powerBudgetDocument(timeline);
  const text = renderBudgetJson(doc);
  if (text !== referenceRenderBudgetJson(doc)) throw new Error('render bench: renderBudgetJson and the reference differ on this document');
  // Figures in the range the file holds, with float noise and halves.
  const values = Float64Array.from({ length: 1_000 }, (_, i) => (i - 500) * 1234.5678 + i / 7 + 0.0005);
  let sink = 0;
  const loop = (f: (x: number) => number | string) => () => {
    for (let k = 0; k < 1_000; k++) for (let i = 0; i < values.length; i++) sink += typeof f(values[i]) === 'string' ? 1 : 0;
  };
  const rows: [string, number, number | undefined][] = [
    ['powerBudgetDocument', cpuMedianMs(() => powerBudgetDocument(timeline)), undefined],
    ['renderBudgetJson (reference)', cpuMedianMs(() => renderBudgetJson(doc)), cpuMedianMs(() => referenceRenderBudgetJson(doc))],
    ['1e6 x roundKw (reference)', cpuMedianMs(loop(roundKw)), cpuMedianMs(loop(referenceRoundKw))],
    ['1e6 x round(x, 4) (reference)', cpuMedianMs(loop((x) => round(x, 4))), cpuMedianMs(loop((x) => referenceRound(x, 4)))],
    ['1e6 x formatKw (reference)', cpuMedianMs(loop(formatKw)), cpuMedianMs(loop(referenceFormatKw))],
  ];
  console.log(`${pods} pods x ${dates} dates: power-budget.json ${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB`);
  for (const [label, ms, reference] of rows) {
    console.log(`${label.padEnd(34)} ${`${ms.toFixed(1)} ms`.padStart(10)}${reference === undefined ? '' : `  (${reference.toFixed(1)} ms)`}`);
  }
  if (sink < 0) console.log(sink);
}

main(Number(process.argv[2] ?? 10_000), Number(process.argv[3] ?? 200));
