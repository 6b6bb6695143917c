/**
 * The curtailment plan: which mining pods to shed first when the campus must cut load (a
 * contingency, a grid call, a demand-response dispatch), as a JSON document for whatever
 * curtailment controller the operator runs.
 *
 * Format "hybrid-campus/curtailment-plan", formatVersion 1:
 *
 * ```json
 * {
 *   "format": "hybrid-campus/curtailment-plan",
 *   "formatVersion": 1,
 *   "campus": "ercot-300",
 *   "asOf": null,
 *   "order": "priority-then-least-efficient",
 *   "totalItKw": 2041.2,
 *   "commitments": [
 *     { "program": "ERCOT ERS-10", "sheddableKw": 40000, "responseTimeS": 600, "season": { "fromMonth": 6, "toMonth": 9 },
 *       "window": "summer peak hours", "exclusiveGroup": null, "inService": null, "retire": "2028-01" }
 *   ],
 *   "steps": [
 *     { "step": 1, "pod": "pod-a", "priority": 0, "hardware": "Bitmain Antminer S21", "hardwareId": "...", "miners": 280,
 *       "efficiencyJTh": 17.5, "curtailSeconds": 60, "capW": null, "itKw": 1020.6, "hashrateThs": 56000,
 *       "cumulativeItKw": 1020.6, "inService": null, "retire": "2027-04" }
 *   ]
 * }
 * ```
 *
 * - Only interruptible pods are listed; a pod declared `interruptible: false` is never shed.
 * - Order: the campus's declared shedding order (shedding-order.ts): lower `priority` first, then
 *   the least efficient (highest rated J/TH), so each kW shed costs the least hashrate, then by pod
 *   name. The order never depends on declaration order.
 * - `capW` is the per-miner power cap in normal operation for power-controlled pods (auto or
 *   fixed; mining-caps.ts), null for pods at rated power. `itKw` and `hashrateThs` are at that cap.
 * - `commitments` are the campus's demand-response commitments the controller must honour.
 * - `asOf` is the month the plan was synthesized for (`hybrid-campus:date`); then only pods in
 *   service that month are listed. Without it (null), every pod is listed with its service
 *   dates, and its figures are those of the last state of the timeline it is in service in; a
 *   controller skips the pods not in service in the current month.
 * - Power in kW rounded to the watt, efficiency in J/TH rounded to 2 decimals.
 * - `cumulativeItKw` is the IT load shed once this step and all before it are done.
 * A change that renames, removes or re-means a field bumps formatVersion.
 */
import type { DemandResponseCommitment, MiningPodModel } from '../../domain/model';
import type { PodAllocation } from '../../domain/mining-caps';
import { sheddingOrder } from '../../domain/shedding-order';
import { round, roundKw } from '../../domain/units';

export const CURTAILMENT_PLAN_FORMAT = 'hybrid-campus/curtailment-plan';
export const CURTAILMENT_PLAN_FORMAT_VERSION = 1;
export const CURTAILMENT_PLAN_FILE_NAME = 'curtailment-plan.json';

export interface CurtailmentStep {
  readonly step: number;
  readonly pod: string;
  readonly priority: number;
  readonly hardware: string;
  readonly hardwareId: string;
  readonly miners: number;
  readonly efficiencyJTh: number;
  readonly curtailSeconds: number;
  readonly capW: number | null;
  readonly itKw: number;
  readonly hashrateThs: number;
  readonly cumulativeItKw: number;
  readonly inService: string | null;
  readonly retire: string | null;
}

export interface CurtailmentCommitment {
  readonly program: string;
  readonly sheddableKw: number;
  readonly responseTimeS: number;
  readonly season: { readonly fromMonth: number; readonly toMonth: number } | null;
  readonly window: string | null;
  /** Commitments of one group are never called together (added within version 1). */
  readonly exclusiveGroup: string | null;
  readonly inService: string | null;
  readonly retire: string | null;
}

export interface CurtailmentPlan {
  readonly format: typeof CURTAILMENT_PLAN_FORMAT;
  readonly formatVersion: typeof CURTAILMENT_PLAN_FORMAT_VERSION;
  readonly campus: string;
  readonly asOf: string | null;
  readonly order: 'priority-then-least-efficient';
  readonly totalItKw: number;
  readonly commitments: readonly CurtailmentCommitment[];
  readonly steps: readonly CurtailmentStep[];
}

export interface CurtailmentPlanInput {
  readonly campus: string;
  readonly pods: readonly MiningPodModel[];
  /** The caps solver's figures for power-capped pods, by pod name. @default none: every pod at its declared figures */
  readonly caps?: ReadonlyMap<string, PodAllocation>;
  readonly commitments?: readonly DemandResponseCommitment[];
  readonly asOf?: string;
}

/** The plan: interruptible pods in shedding order, with the commitments to honour. */
export function curtailmentPlan(input: CurtailmentPlanInput): CurtailmentPlan {
  let cumulative = 0;
  const steps = sheddingOrder(input.pods.filter((p) => !p.firm)).map((pod, i): CurtailmentStep => {
    const cap = input.caps?.get(pod.name);
    const itKw = cap ? cap.powerKw : pod.itKw;
    cumulative += itKw;
    return {
      step: i + 1,
      pod: pod.name,
      priority: pod.priority,
      hardware: pod.hardware,
      hardwareId: pod.hardwareId,
      miners: pod.count,
      efficiencyJTh: round(pod.efficiencyJTh, 2),
      curtailSeconds: pod.curtailSeconds,
      capW: cap === undefined ? null : round(cap.capW, 3),
      itKw: roundKw(itKw),
      hashrateThs: round(cap ? cap.hashrateThs : pod.hashrateThs, 3),
      cumulativeItKw: roundKw(cumulative),
      inService: pod.inService ?? null,
      retire: pod.retire ?? null,
    };
  });
  return {
    format: CURTAILMENT_PLAN_FORMAT,
    formatVersion: CURTAILMENT_PLAN_FORMAT_VERSION,
    campus: input.campus,
    asOf: input.asOf ?? null,
    order: 'priority-then-least-efficient',
    totalItKw: roundKw(cumulative),
    commitments: (input.commitments ?? []).map((c) => ({
      program: c.program,
      sheddableKw: roundKw(c.sheddableKw),
      responseTimeS: c.responseTimeS,
      season: c.season ?? null,
      window: c.window ?? null,
      exclusiveGroup: c.exclusiveGroup ?? null,
      inService: c.inService ?? null,
      retire: c.retire ?? null,
    })),
    steps,
  };
}

/** The plan as the bytes written into the ConfigMap: 2-space JSON and a final newline. */
export function renderCurtailmentPlan(plan: CurtailmentPlan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}
