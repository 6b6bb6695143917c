/**
 * Benchmark: the ERCOT large-load pack (rules/ercot) over evaluated timelines, against the cost
 * of the evaluation it reads. Prints median wall times.
 *
 *   node -r ./scripts/register-ts.js bench/ercot-rules-bench.ts
 *
 * Figures are for the machine it runs on; they are reported in issue notes, never asserted in tests.
 */
import { evaluateTimeline } from '../domain/evaluate';
import type { CampusModel, MiningPodModel } from '../domain/model';
import { ERCOT_LARGE_LOADS } from '../rules/ercot';
import { time } from './timing';


/** `pods` interruptible pods on 10 buses, coming into service over `months` months (one state per month), with every grid fact declared. */
function phasedModel(pods: number, months: number): CampusModel {
  const list: MiningPodModel[] = Array.from({ length: pods }, (_, i) => ({
    kind: 'mining-pod', name: `pod-${i}`, path: `big/pod-${i}`, bus: `bus-${i % 10}`, cooling: `air-${i % 10}`,
    itKw: 1_020.6, firm: false, coolingRequirement: 'air', hardware: 'S21 XP', hardwareId: 's21-xp',
    count: 280, spares: 0, minerPowerW: 3_645, minerHashrateThs: 270, hashrateThs: 75_600, efficiencyJTh: 13.5, curtailSeconds: 60, priority: 0,
    ...(i % months === 0 ? {} : { inService: `${2027 + Math.floor((i % months) / 12)}-${String(((i % months) % 12) + 1).padStart(2, '0')}` }),
  }));
  return {
    name: 'big', path: 'big', gridRegion: 'ERCOT', interconnectLimitKw: 1e9, warnUtilization: 0.9,
    buses: Array.from({ length: 10 }, (_, b) => ({
      name: `bus-${b}`, path: `big/bus-${b}`, redundancy: 'N+1' as const,
      feeds: [
        ...[0, 1].map((f) => ({ name: `f-${b}-${f}`, source: 'utility' as const, ratingKw: pods * 200, maxUtilization: 1, ratingBasis: 'bench' })),
        { name: `gen-${b}`, source: 'onsite-generation' as const, ratingKw: pods * 60, maxUtilization: 1, ratingBasis: 'bench' },
      ],
    })),
    coolingSystems: Array.from({ length: 10 }, (_, b) => ({
      name: `air-${b}`, path: `big/air-${b}`, type: 'air' as const, capacityKw: pods * 200, power: { model: 'pue' as const, pue: 1.1 }, bus: `bus-${b}`,
    })),
    miningPods: list, gpuHalls: [], auxiliaryLoads: [],
    gridFacts: {
      voltageClass: 'transmission', interconnection: { date: '2026-06-01' }, energizationApproval: { date: '2026-01-10' },
      firmLoadShed: { remoteDisconnectLoads: list.filter((_, i) => i % 2 === 0).map((p) => p.name) },
    },
  };
}

for (const [pods, months] of [[1_000, 12], [2_000, 48]] as const) {
  const model = phasedModel(pods, months);
  const timeline = evaluateTimeline(model);
  const subjects = { campus: model, timeline, resources: [] };
  const findings = ERCOT_LARGE_LOADS.rules.reduce((n, r) => n + r.check(subjects).length, 0);
  console.log(`${pods} pods, ${timeline.states.length} states: ${findings} findings`);
  time(`  evaluateTimeline (the load model, what the rules read)`, 5, () => evaluateTimeline(model));
  time(`  the ERCOT pack over that evaluation (6 rules)`, 5, () => ERCOT_LARGE_LOADS.rules.forEach((r) => r.check(subjects)));
  for (const rule of ERCOT_LARGE_LOADS.rules) time(`    ${rule.id}`, 5, () => rule.check(subjects));
}
