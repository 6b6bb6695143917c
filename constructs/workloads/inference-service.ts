/**
 * An inference service in a GPU hall: a Deployment of GPU pods, a ClusterIP Service in front of
 * it, a PodDisruptionBudget so a drain never takes down more than `maxUnavailable` pods at once,
 * and a NetworkPolicy that admits clients from the hall's own namespace (and `clientCidrs`)
 * on the service port only.
 */
import { Construct } from 'constructs';
import { z } from 'zod';
import { DeploymentV1 } from '@cdktf/provider-kubernetes/lib/deployment-v1';
import { PodDisruptionBudgetV1 } from '@cdktf/provider-kubernetes/lib/pod-disruption-budget-v1';
import { ServiceV1 } from '@cdktf/provider-kubernetes/lib/service-v1';
import { type AiContainerProps, aiContainerShape, aiPodSpec, aiSelector, aiWorkloadLabels, checkGpusPerPod } from './ai-workload';
import { type WorkloadCampus, requireWorkloadCampus } from './workload-campus';
import type { GpuHall } from '../plant/gpu-hall';
import { inServiceAt } from '../../domain/timeline';
import { deployedWhen } from '../plant/deployed-when';
import { type HallWorkload, hallRefSchema, resolveHall } from './hall-workload';
import { cidrListSchema, checkServiceId, parseProps, portSchema, positiveInteger, checkConstructArgs } from '../props';
import { WorkloadNetworkPolicy } from './workload-network-policy';
import { dependOn } from './depends-on';

export interface InferenceServiceProps extends AiContainerProps {
  /** The hall the service runs in: a GpuHall of the same campus, or its id. */
  readonly hall: GpuHall | string;
  /**
   * Pods serving at once; each requests `gpusPerPod` GPUs.
   * @default 2
   */
  readonly replicas?: number;
  /**
   * The port the container serves on, and the Service's port.
   * @default 8000
   */
  readonly port?: number;
  /**
   * Pods a voluntary disruption (a node drain) may take down at once.
   * @default 1
   */
  readonly maxUnavailable?: number;
  /**
   * CIDR blocks outside the cluster allowed to call the service port (e.g. an API gateway).
   * @default - none: only pods in the hall's own namespace may call it
   */
  readonly clientCidrs?: readonly string[];
}

const schema = z
  .strictObject({
    ...aiContainerShape,
    hall: hallRefSchema,
    replicas: positiveInteger('pods serving at once').default(2),
    port: portSchema.default(8000),
    maxUnavailable: positiveInteger('pods a drain may take down at once').default(1),
    clientCidrs: cidrListSchema('clients allowed to call the service').default([]),
  })
  .superRefine((p, ctx) => {
    if (p.maxUnavailable > p.replicas) {
      ctx.addIssue({ code: 'custom', path: ['maxUnavailable'], message: `must be at most replicas (${p.replicas})` });
    }
  });

export class InferenceService extends Construct implements HallWorkload {
  public readonly campus: WorkloadCampus;
  public readonly hall: GpuHall;
  /** The namespace the service runs in (the hall's). */
  public readonly namespace: string;
  public readonly replicas: number;
  public readonly gpusPerPod: number;
  public readonly deployment: DeploymentV1;
  public readonly service: ServiceV1;
  public readonly disruptionBudget: PodDisruptionBudgetV1;
  public readonly networkPolicy: WorkloadNetworkPolicy;

  public constructor(scope: Construct, id: string, props: InferenceServiceProps) {
    super(scope, checkConstructArgs('InferenceService', scope, id));
    this.campus = requireWorkloadCampus(this, 'InferenceService');
    const p = parseProps(this, schema, props);
    checkServiceId(this);
    this.hall = resolveHall(this, this.campus, p.hall);
    checkGpusPerPod(this, this.hall, p.gpusPerPod);
    const hallNamespace = this.hall.namespace!;
    this.namespace = hallNamespace.name;
    this.replicas = p.replicas;
    this.gpusPerPod = p.gpusPerPod;
    for (const kind of ['Deployment', 'Service', 'PodDisruptionBudget', 'NetworkPolicy']) {
      this.campus.claimKubernetesName(kind, this.namespace, id, this);
    }
    this.hall.registerWorkload(this);
    deployedWhen(this, (month) => inServiceAt(this.hall, month));

    const labels = aiWorkloadLabels(this.campus, this.hall, id, 'inference');
    const selector = aiSelector(this.hall, id);
    const metadata = { name: id, namespace: this.namespace, labels };
    const dependsOn = [hallNamespace.workloadNamespace.namespace];
    this.deployment = new DeploymentV1(this, 'deployment', {
      metadata,
      spec: {
        replicas: String(p.replicas),
        // Replace pods in place: a surge pod would ask for GPUs beyond the hall's quota and stall
        // the rollout when the hall's GPUs are all requested.
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '0', maxUnavailable: String(p.maxUnavailable) } },
        selector: { matchLabels: selector },
        template: {
          metadata: { labels },
          spec: aiPodSpec(this.campus, this.hall, p, { ports: [{ name: 'http', containerPort: p.port }] }),
        },
      },
      waitForRollout: false,
    });
    dependOn(this.deployment, [...dependsOn, hallNamespace.quota]);
    this.service = new ServiceV1(this, 'service', {
      metadata,
      spec: { type: 'ClusterIP', selector, port: [{ name: 'http', port: p.port, targetPort: 'http', protocol: 'TCP' }] },
    });
    dependOn(this.service, dependsOn);
    this.disruptionBudget = new PodDisruptionBudgetV1(this, 'disruption-budget', {
      metadata,
      spec: { maxUnavailable: String(p.maxUnavailable), selector: { matchLabels: selector } },
    });
    dependOn(this.disruptionBudget, dependsOn);
    this.networkPolicy = new WorkloadNetworkPolicy(this, 'network-policy', {
      name: id,
      namespace: this.namespace,
      podLabels: selector,
      fromOwnNamespace: [{ port: p.port }],
      ingressFromCidrs: { cidrs: p.clientCidrs, ports: [{ port: p.port }] },
      dependsOn,
    });
  }

  public get gpusRequested(): number {
    return this.replicas * this.gpusPerPod;
  }

  public get gpuRequestSummary(): string {
    return `inference '${this.node.id}': ${this.replicas} replicas x ${this.gpusPerPod} GPUs = ${this.gpusRequested}`;
  }
}
