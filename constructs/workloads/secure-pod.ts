/**
 * The pod template every hybrid-campus workload uses, secure by default and meeting the Pod
 * Security `restricted` profile:
 * - CPU and memory requests equal to limits (Guaranteed QoS), GPUs as requests and limits;
 * - runAsNonRoot (uid/gid 65532), read-only root filesystem, allowPrivilegeEscalation false,
 *   all capabilities dropped, seccomp RuntimeDefault, no service account token;
 * - a writable emptyDir at /tmp, since the root filesystem is read-only;
 * - on GPU workloads: required node affinity to the hall's nodes (labels
 *   `hybrid-campus/campus` and `hybrid-campus/gpu-hall`) and a toleration for the GPU taint.
 */
import type {
  DeploymentV1SpecTemplateSpec,
  DeploymentV1SpecTemplateSpecContainerEnv,
  DeploymentV1SpecTemplateSpecContainerPort,
  DeploymentV1SpecTemplateSpecContainerVolumeMount,
  DeploymentV1SpecTemplateSpecVolume,
} from '@cdktf/provider-kubernetes/lib/deployment-v1';
import { cpuQuantity, memoryQuantity } from './kubernetes-values';
import { GPU_RESOURCE, GPU_TAINT_EFFECT, GPU_TAINT_KEY, LABEL_CAMPUS, LABEL_GPU_HALL } from './labels';

/** The non-root user and group every container runs as, unless the image's own user is non-root too. */
export const WORKLOAD_USER_ID = 65532;
/** Where the writable scratch directory is mounted. */
export const SCRATCH_PATH = '/tmp';

export interface SecurePodOptions {
  readonly containerName: string;
  readonly image: string;
  readonly args?: readonly string[];
  readonly env?: readonly DeploymentV1SpecTemplateSpecContainerEnv[];
  readonly ports?: readonly DeploymentV1SpecTemplateSpecContainerPort[];
  readonly cpuMillicores: number;
  readonly memoryMib: number;
  /** GPUs per pod; with `gpuHall`. */
  readonly gpus?: number;
  /** Places the pod on this hall's GPU nodes. */
  readonly gpuHall?: { readonly campus: string; readonly hall: string };
  readonly scratchMib: number;
  readonly priorityClassName: string;
  readonly restartPolicy?: 'Always' | 'Never' | 'OnFailure';
  readonly volumeMounts?: readonly DeploymentV1SpecTemplateSpecContainerVolumeMount[];
  readonly volumes?: readonly DeploymentV1SpecTemplateSpecVolume[];
}

export function securePodSpec(o: SecurePodOptions): DeploymentV1SpecTemplateSpec {
  const quantities: Record<string, string> = { cpu: cpuQuantity(o.cpuMillicores), memory: memoryQuantity(o.memoryMib) };
  if (o.gpus !== undefined) quantities[GPU_RESOURCE] = String(o.gpus);
  return {
    automountServiceAccountToken: false,
    enableServiceLinks: false,
    priorityClassName: o.priorityClassName,
    restartPolicy: o.restartPolicy,
    securityContext: {
      runAsNonRoot: true,
      runAsUser: String(WORKLOAD_USER_ID),
      runAsGroup: String(WORKLOAD_USER_ID),
      fsGroup: String(WORKLOAD_USER_ID),
      seccompProfile: { type: 'RuntimeDefault' },
    },
    affinity: o.gpuHall
      ? {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerm: [
                {
                  matchExpressions: [
                    { key: LABEL_CAMPUS, operator: 'In', values: [o.gpuHall.campus] },
                    { key: LABEL_GPU_HALL, operator: 'In', values: [o.gpuHall.hall] },
                  ],
                },
              ],
            },
          },
        }
      : undefined,
    toleration: o.gpuHall ? [{ key: GPU_TAINT_KEY, operator: 'Exists', effect: GPU_TAINT_EFFECT }] : undefined,
    container: [
      {
        name: o.containerName,
        image: o.image,
        imagePullPolicy: 'IfNotPresent',
        args: o.args && o.args.length > 0 ? [...o.args] : undefined,
        env: o.env && o.env.length > 0 ? [...o.env] : undefined,
        port: o.ports && o.ports.length > 0 ? [...o.ports] : undefined,
        resources: { requests: quantities, limits: { ...quantities } },
        securityContext: {
          runAsNonRoot: true,
          readOnlyRootFilesystem: true,
          allowPrivilegeEscalation: false,
          privileged: false,
          capabilities: { drop: ['ALL'] },
          seccompProfile: { type: 'RuntimeDefault' },
        },
        volumeMount: [{ name: 'scratch', mountPath: SCRATCH_PATH }, ...(o.volumeMounts ?? [])],
      },
    ],
    volume: [{ name: 'scratch', emptyDir: { sizeLimit: memoryQuantity(o.scratchMib) } }, ...(o.volumes ?? [])],
  };
}

/** Plain environment variables, sorted by name so the output does not depend on key order. */
export function plainEnv(env: Readonly<Record<string, string>> | undefined): DeploymentV1SpecTemplateSpecContainerEnv[] {
  return Object.keys(env ?? {})
    .sort()
    .map((name) => ({ name, value: env![name] }));
}
