/**
 * What inference services and training jobs share: the props of their one container, their
 * placement in a GPU hall and the pod template built from both.
 */
import type { IConstruct } from 'constructs';
import { z } from 'zod';
import { CampusConfigError } from '../../domain/config-error';
import type { DeploymentV1SpecTemplateSpec } from '@cdktf/provider-kubernetes/lib/deployment-v1';
import type { WorkloadCampus } from './workload-campus';
import type { GpuHall } from '../plant/gpu-hall';
import { LABEL_CAMPUS, LABEL_COMPONENT, LABEL_GPU_HALL, LABEL_NAME, LABEL_PART_OF, LABEL_WORKLOAD_CLASS } from './labels';
import { argsSchema, envSchema, mebibytes, millicores, positiveInteger } from '../props';
import { pinnedImageSchema } from './image-schema';
import { plainEnv, securePodSpec } from './secure-pod';

export interface AiContainerProps {
  /** The container image, pinned: a tag other than `latest`, or a digest. */
  readonly image: string;
  /** GPUs each pod requests (`nvidia.com/gpu`, as request and limit). */
  readonly gpusPerPod: number;
  /** CPU per pod in millicores (1000 = one core), as request and limit. */
  readonly cpuMillicores: number;
  /** Memory per pod in MiB, as request and limit. */
  readonly memoryMib: number;
  /**
   * Container arguments.
   * @default - the image's own command and arguments
   */
  readonly args?: readonly string[];
  /**
   * Plain environment variables (never secrets).
   * @default - none
   */
  readonly env?: Readonly<Record<string, string>>;
  /**
   * Size of the writable emptyDir at /tmp in MiB (the root filesystem is read-only).
   * @default 1024
   */
  readonly scratchMib?: number;
}

export const aiContainerShape = {
  image: pinnedImageSchema,
  gpusPerPod: positiveInteger('GPUs per pod'),
  cpuMillicores: millicores('CPU per pod'),
  memoryMib: mebibytes('memory per pod'),
  args: argsSchema.optional(),
  env: envSchema.optional(),
  scratchMib: mebibytes('scratch space at /tmp').default(1_024),
};

/** The parsed props: as given, with the scratch space's default applied. */
type AiContainer = AiContainerProps & { readonly scratchMib: number };

/** The labels of an AI workload's objects and pods; the first two select its pods. */
/**
 * A pod runs on one node, so it cannot ask for more GPUs than one node has: a server's GPUs, or a
 * rack's compute tray (`gpusPerNode`; 4 in an NVL72 rack). Racks without `gpusPerNode` are not checked.
 */
export function checkGpusPerPod(workload: IConstruct, hall: GpuHall, gpusPerPod: number): void {
  const system = hall.system;
  const perNode = system.gpusPerNode ?? (system.kind === 'gpu-server' ? system.gpus : undefined);
  if (perNode === undefined || gpusPerPod <= perNode) return;
  const node =
    system.kind === 'gpu-server'
      ? `a pod runs on one ${system.model} server, which has ${perNode} GPUs`
      : `a pod runs on one node, and the nodes (compute trays) of a ${system.model} have ${perNode} GPUs each`;
  throw new CampusConfigError(
    `[${workload.node.path}] invalid property: gpusPerPod = ${gpusPerPod}: ${node}; ask for at most ${perNode} GPUs per pod and run more pods.`,
  );
}

export function aiWorkloadLabels(campus: WorkloadCampus, hall: GpuHall, name: string, component: string): Record<string, string> {
  return {
    [LABEL_NAME]: name,
    [LABEL_GPU_HALL]: hall.node.id,
    [LABEL_COMPONENT]: component,
    [LABEL_CAMPUS]: campus.campusName,
    [LABEL_WORKLOAD_CLASS]: 'ai',
    [LABEL_PART_OF]: 'hybrid-campus',
  };
}

export function aiSelector(hall: GpuHall, name: string): Record<string, string> {
  return { [LABEL_NAME]: name, [LABEL_GPU_HALL]: hall.node.id };
}

export function aiPodSpec(
  campus: WorkloadCampus,
  hall: GpuHall,
  p: AiContainer,
  extra: { readonly ports?: { readonly name: string; readonly containerPort: number }[]; readonly restartPolicy?: 'Never' | 'OnFailure' },
): DeploymentV1SpecTemplateSpec {
  return securePodSpec({
    containerName: 'main',
    image: p.image,
    args: p.args,
    env: plainEnv(p.env),
    ports: extra.ports?.map((port) => ({ ...port, protocol: 'TCP' })),
    cpuMillicores: p.cpuMillicores,
    memoryMib: p.memoryMib,
    gpus: p.gpusPerPod,
    gpuHall: { campus: campus.campusName, hall: hall.node.id },
    scratchMib: p.scratchMib,
    priorityClassName: campus.priorityClassName('ai'),
    restartPolicy: extra.restartPolicy,
  });
}

export const aiContainerSchema = z.strictObject(aiContainerShape);
