/**
 * The curtailment plan: which mining pods to shed first when the campus must cut load, as a
 * JSON document for whatever curtailment controller the operator runs.
 *
 * Format "hybrid-campus/curtailment-plan", formatVersion 1:
 *
 * ```json
 * {
 *   "format": "hybrid-campus/curtailment-plan",
 *   "formatVersion": 1,
 *   "campus": "ercot-300",
 *   "order": "least-efficient-first",
 *   "totalItKw": 2041.2,
 *   "steps": [
 *     { "step": 1, "pod": "pod-a", "hardware": "Bitmain Antminer S21", "hardwareId": "...", "miners": 280,
 *       "efficiencyJTh": 17.5, "itKw": 1020.6, "hashrateThs": 56000, "cumulativeItKw": 1020.6 }
 *   ]
 * }
 * ```
 *
 * - Only interruptible pods are listed; a pod declared `interruptible: false` is never shed.
 * - Order: least efficient first (highest J/TH), so each kW shed costs the least hashrate;
 *   ties by larger `itKw` first (fewer steps to reach a target), then by pod name. The order
 *   never depends on declaration order.
 * - `itKw` is the pod's IT draw (powered miners); the cooling power saved comes on top of it.
 *   Power in kW rounded to the watt, efficiency in J/TH rounded to 2 decimals.
 * - `cumulativeItKw` is the IT load shed once this step and all before it are done.
 * A change that renames, removes or re-means a field bumps formatVersion.
 */
import type { MiningPodModel } from './model';
import { round, roundKw } from './units';

export const CURTAILMENT_PLAN_FORMAT = 'hybrid-campus/curtailment-plan';
export const CURTAILMENT_PLAN_FORMAT_VERSION = 1;
export const CURTAILMENT_PLAN_FILE_NAME = 'curtailment-plan.json';

export interface CurtailmentStep {
  readonly step: number;
  readonly pod: string;
  readonly hardware: string;
  readonly hardwareId: string;
  readonly miners: number;
  readonly efficiencyJTh: number;
  readonly itKw: number;
  readonly hashrateThs: number;
  readonly cumulativeItKw: number;
}

export interface CurtailmentPlan {
  readonly format: typeof CURTAILMENT_PLAN_FORMAT;
  readonly formatVersion: typeof CURTAILMENT_PLAN_FORMAT_VERSION;
  readonly campus: string;
  readonly order: 'least-efficient-first';
  readonly totalItKw: number;
  readonly steps: readonly CurtailmentStep[];
}

/** Energy per hash of a pod's miners, in J/TH (W per TH/s). */
export function podEfficiencyJTh(pod: MiningPodModel): number {
  return (pod.itKw * 1000) / pod.hashrateThs;
}

/** The plan for `pods` of `campus`: interruptible pods, least efficient first. */
export function curtailmentPlan(campus: string, pods: readonly MiningPodModel[]): CurtailmentPlan {
  const ordered = pods
    .filter((p) => !p.firm)
    .map((p) => ({ pod: p, efficiency: podEfficiencyJTh(p) }))
    .sort((a, b) => b.efficiency - a.efficiency || b.pod.itKw - a.pod.itKw || (a.pod.name < b.pod.name ? -1 : a.pod.name > b.pod.name ? 1 : 0));
  let cumulative = 0;
  const steps = ordered.map(({ pod, efficiency }, i): CurtailmentStep => {
    cumulative += pod.itKw;
    return {
      step: i + 1,
      pod: pod.name,
      hardware: pod.hardware,
      hardwareId: pod.hardwareId,
      miners: pod.count,
      efficiencyJTh: round(efficiency, 2),
      itKw: roundKw(pod.itKw),
      hashrateThs: round(pod.hashrateThs, 3),
      cumulativeItKw: roundKw(cumulative),
    };
  });
  return {
    format: CURTAILMENT_PLAN_FORMAT,
    formatVersion: CURTAILMENT_PLAN_FORMAT_VERSION,
    campus,
    order: 'least-efficient-first',
    totalItKw: roundKw(cumulative),
    steps,
  };
}

/** The plan as the bytes written into the ConfigMap: 2-space JSON and a final newline. */
export function renderCurtailmentPlan(plan: CurtailmentPlan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}
