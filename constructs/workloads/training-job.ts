/**
 * A training job in a GPU hall: a Job of `parallelism` GPU pods, and a NetworkPolicy that
 * allows DNS, traffic between the job's own pods when there are several (collective
 * communication), and egress to the `egress` endpoints (e.g. a dataset store); nothing else.
 */
import { Construct } from 'constructs';
import { z } from 'zod';
import { JobV1 } from '@cdktf/provider-kubernetes/lib/job-v1';
import type { JobV1SpecTemplateSpec } from '@cdktf/provider-kubernetes/lib/job-v1';
import { type AiContainerProps, aiContainerShape, aiPodSpec, aiSelector, aiWorkloadLabels, checkGpusPerPod } from './ai-workload';
import { type WorkloadCampus, requireWorkloadCampus } from './workload-campus';
import type { GpuHall } from '../plant/gpu-hall';
import { inServiceAt } from '../../domain/timeline';
import { deployedWhen } from '../plant/deployed-when';
import { type HallWorkload, hallRefSchema, resolveHall } from './hall-workload';
import { cidrRuleListSchema, parseProps, positiveInteger, checkConstructArgs } from '../props';
import { type CidrRule, WorkloadNetworkPolicy } from './workload-network-policy';
import { dependOn } from './depends-on';

export interface TrainingJobProps extends AiContainerProps {
  /** The hall the job runs in: a GpuHall of the same campus, or its id. */
  readonly hall: GpuHall | string;
  /**
   * Pods running at once; each requests `gpusPerPod` GPUs.
   * @default 1
   */
  readonly parallelism?: number;
  /**
   * Pods that must finish successfully for the job to complete.
   * @default parallelism
   */
  readonly completions?: number;
  /**
   * Failed pods retried before the job is marked failed.
   * @default 2
   */
  readonly backoffLimit?: number;
  /**
   * Endpoints outside the cluster the job reads from or writes to (datasets, checkpoints).
   * @default - none: DNS and the job's own pods only
   */
  readonly egress?: readonly CidrRule[];
}

const schema = z.strictObject({
  ...aiContainerShape,
  hall: hallRefSchema,
  parallelism: positiveInteger('pods running at once').default(1),
  completions: positiveInteger('pods that must succeed').optional(),
  backoffLimit: z
    .int({ error: 'must be a whole number (retries before the Job fails)' })
    .nonnegative({ error: 'must be 0 or more (retries)' })
    .lte(1_000, { error: 'must be at most 1,000 (retries before the Job fails)' })
    .default(2),
  egress: cidrRuleListSchema.default([]),
});

export class TrainingJob extends Construct implements HallWorkload {
  public readonly campus: WorkloadCampus;
  public readonly hall: GpuHall;
  public readonly namespace: string;
  public readonly parallelism: number;
  public readonly gpusPerPod: number;
  public readonly job: JobV1;
  public readonly networkPolicy: WorkloadNetworkPolicy;

  public constructor(scope: Construct, id: string, props: TrainingJobProps) {
    super(scope, checkConstructArgs('TrainingJob', scope, id));
    this.campus = requireWorkloadCampus(this, 'TrainingJob');
    const p = parseProps(this, schema, props);
    this.hall = resolveHall(this, this.campus, p.hall);
    checkGpusPerPod(this, this.hall, p.gpusPerPod);
    const hallNamespace = this.hall.namespace!;
    this.namespace = hallNamespace.name;
    this.parallelism = p.parallelism;
    this.gpusPerPod = p.gpusPerPod;
    for (const kind of ['Job', 'NetworkPolicy']) this.campus.claimKubernetesName(kind, this.namespace, id, this);
    this.hall.registerWorkload(this);
    deployedWhen(this, (month) => inServiceAt(this.hall, month));

    const labels = aiWorkloadLabels(this.campus, this.hall, id, 'training');
    const dependsOn = [hallNamespace.workloadNamespace.namespace];
    const podSpec: JobV1SpecTemplateSpec = aiPodSpec(this.campus, this.hall, p, { restartPolicy: 'Never' });
    this.job = new JobV1(this, 'job', {
      metadata: { name: id, namespace: this.namespace, labels },
      spec: {
        parallelism: p.parallelism,
        completions: p.completions ?? p.parallelism,
        backoffLimit: p.backoffLimit,
        template: { metadata: { labels }, spec: podSpec },
      },
      waitForCompletion: false,
    });
    dependOn(this.job, [...dependsOn, hallNamespace.quota]);
    this.networkPolicy = new WorkloadNetworkPolicy(this, 'network-policy', {
      name: id,
      namespace: this.namespace,
      podLabels: aiSelector(this.hall, id),
      betweenOwnPods: p.parallelism > 1,
      egressTo: p.egress,
      dependsOn,
    });
  }

  public get gpusRequested(): number {
    return this.parallelism * this.gpusPerPod;
  }

  public get gpuRequestSummary(): string {
    return `training '${this.node.id}': ${this.parallelism} pods x ${this.gpusPerPod} GPUs = ${this.gpusRequested}`;
  }
}
