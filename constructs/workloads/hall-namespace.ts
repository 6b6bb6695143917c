/**
 * The namespace of a self-operated GPU hall, or of a tenant whose contract gives it one:
 * a WorkloadNamespace (restricted, default-deny) plus
 * - a ResourceQuota capping `requests.nvidia.com/gpu` at the hall's installed GPUs, or at the
 *   tenant's allocation, so the cluster enforces what synth checks;
 * - a LimitRange that gives containers without their own requests and limits the defaults
 *   below (hybrid-campus workloads always set their own).
 */
import { Construct } from 'constructs';
import { LimitRangeV1 } from '@cdktf/provider-kubernetes/lib/limit-range-v1';
import { ResourceQuotaV1 } from '@cdktf/provider-kubernetes/lib/resource-quota-v1';
import { cpuQuantity, memoryQuantity } from './kubernetes-values';
import { GPU_RESOURCE, LABEL_PART_OF } from './labels';
import { WorkloadNamespace } from './workload-namespace';
import { dependOn } from './depends-on';

/** LimitRange defaults for a container that sets no requests or limits of its own. */
export const HALL_CONTAINER_DEFAULTS = {
  requestCpuMillicores: 250,
  requestMemoryMib: 256,
  limitCpuMillicores: 1_000,
  limitMemoryMib: 1_024,
} as const;

export interface HallNamespaceProps {
  readonly campusName: string;
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  /** The cap on `requests.nvidia.com/gpu` in the namespace. */
  readonly gpuQuota: number;
  /** What to shorten when the name is too long, for the error message. */
  readonly shorten: string;
}

export class HallNamespace extends Construct {
  public readonly name: string;
  public readonly workloadNamespace: WorkloadNamespace;
  public readonly quota: ResourceQuotaV1;
  public readonly limitRange: LimitRangeV1;

  public constructor(scope: Construct, id: string, props: HallNamespaceProps) {
    super(scope, id);
    this.workloadNamespace = new WorkloadNamespace(this, 'namespace', {
      campusName: props.campusName,
      workloadClass: 'ai',
      name: props.name,
      labels: props.labels,
      shorten: props.shorten,
    });
    this.name = this.workloadNamespace.name;
    const dependsOn = [this.workloadNamespace.namespace];
    const labels = { [LABEL_PART_OF]: 'hybrid-campus' };
    this.quota = new ResourceQuotaV1(this, 'gpu-quota', {
      metadata: { name: 'gpu-quota', namespace: this.name, labels },
      spec: { hard: { [`requests.${GPU_RESOURCE}`]: String(props.gpuQuota) } },
    });
    dependOn(this.quota, dependsOn);
    const d = HALL_CONTAINER_DEFAULTS;
    this.limitRange = new LimitRangeV1(this, 'container-defaults', {
      metadata: { name: 'container-defaults', namespace: this.name, labels },
      spec: {
        limit: [
          {
            type: 'Container',
            defaultRequest: { cpu: cpuQuantity(d.requestCpuMillicores), memory: memoryQuantity(d.requestMemoryMib) },
            default: { cpu: cpuQuantity(d.limitCpuMillicores), memory: memoryQuantity(d.limitMemoryMib) },
          },
        ],
      },
    });
    dependOn(this.limitRange, dependsOn);
  }
}
