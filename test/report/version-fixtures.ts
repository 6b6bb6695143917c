/**
 * The campus behind test/report/fixtures/v1-four-buses.json: that file is what the version-1
 * writer (commit e79fe0a, the last one before formatVersion 2) wrote for `fourBuses()`, and
 * `budgetOf(fourBuses())` is what the version-2 writer writes for the same campus, so a diff
 * between them shows only what the format changed. To rewrite it (it should never need to be):
 * `git archive e79fe0a | tar -x -C /tmp/v1`, copy this file into /tmp/v1/test/report, link
 * node_modules, and print `renderPowerBudget(evaluateTimeline(fourBuses()))` from
 * /tmp/v1/domain/power-budget-file.ts.
 *
 *
 * test/report/fixtures/v2-four-buses.json and v2-dated-caps.json are what the version-2 writer
 * (commit 7d71950, the last one before formatVersion 3) wrote for `fourBuses()` and
 * `datedCaps()` (dated-caps.ts); rewritten the same way from that commit, printing
 * `renderPowerBudget(evaluateTimeline(...))` from report/power-budget-file.ts.
 *
 * - `ai`, N+1, feeds 30 + 40 + 40 MW: version 1 lists the loss of the largest feed ('ai-2', the
 *   first name among equals); version 2 the loss of each.
 * - `ab`, 2N with sides: A = 'ab-a1', B = 'ab-b1' + 'ab-b2' (version 1: the larger side, B).
 * - `dual`, 2N without sides, 3 x 20 MW: version 1 "2N (lose one side)" with no feed named,
 *   version 2 the worst split ('lose-side:worst').
 * - `gen`, N, a 15 MW utility feed and a 10 MW on-site generator: no contingency in version 1;
 *   in version 2 the loss of each, and the site scenario that loses the generator.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { CampusModel } from '../../domain/model';
import { bus, campus, cooling, feed, hall, pod } from '../domain/fixtures';

export const V1_FOUR_BUSES = path.join(__dirname, 'fixtures', 'v1-four-buses.json');

export function v1FourBusesText(): string {
  return fs.readFileSync(V1_FOUR_BUSES, 'utf8');
}

export const V2_FOUR_BUSES = path.join(__dirname, 'fixtures', 'v2-four-buses.json');
export const V2_DATED_CAPS = path.join(__dirname, 'fixtures', 'v2-dated-caps.json');

export function v2FourBusesText(): string {
  return fs.readFileSync(V2_FOUR_BUSES, 'utf8');
}

export function v2DatedCapsText(): string {
  return fs.readFileSync(V2_DATED_CAPS, 'utf8');
}

export function fourBuses(): CampusModel {
  return campus({
    interconnectLimitKw: 150_000,
    buses: [
      bus('ab', [feed('ab-a1', 30_000, { side: 'A' }), feed('ab-b1', 20_000, { side: 'B' }), feed('ab-b2', 20_000, { side: 'B' })], '2N'),
      bus('ai', [feed('ai-1', 30_000), feed('ai-2', 40_000), feed('ai-3', 40_000)], 'N+1'),
      bus('dual', [feed('dual-1', 20_000), feed('dual-2', 20_000), feed('dual-3', 20_000)], '2N'),
      bus('gen', [feed('gen-grid', 15_000), feed('gen-set', 10_000, { source: 'onsite-generation' })]),
    ],
    coolingSystems: ['ab', 'ai', 'dual', 'gen'].map((b) => cooling(`air-${b}`, b, { model: 'pue', pue: 1.1 })),
    miningPods: [pod('p1', 'gen', 'air-gen', 12_000)],
    gpuHalls: [hall('h-ab', 'ab', 'air-ab', 20_000), hall('h-ai', 'ai', 'air-ai', 50_000), hall('h-dual', 'dual', 'air-dual', 25_000)],
    auxiliaryLoads: [{ kind: 'auxiliary', name: 'office', path: 'site/office', bus: 'gen', powerKw: 500 }],
  });
}
