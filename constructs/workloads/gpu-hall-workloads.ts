/**
 * The Kubernetes side of a GPU hall, attached to the plant's `GpuHall` from here so the plant
 * imports nothing from the workloads: workloads attach to a hall, not the other way round.
 *
 * - every hall gets its namespace when it is created (`onGpuHall`): a self-operated hall
 *   `<campus>-<hall>` with a GPU quota of the GPUs installed, a leased hall with
 *   `tenantNamespace` `<campus>-tenant-<tenant>` with the tenant's allocation, other leased halls
 *   nothing;
 * - `hall.namespace`, `hall.addInferenceService(...)` and `hall.addTrainingJob(...)` are declared
 *   on `GpuHall` by the module augmentation below.
 *
 * `Campus` (stacks/campus.ts) loads this module, so every hall (which needs a Campus) has them.
 */
import { GpuHall, onGpuHall } from '../plant/gpu-hall';
import { deployedWhen } from '../plant/deployed-when';
import { inServiceAt } from '../../domain/timeline';
import { HallNamespace } from './hall-namespace';
import { InferenceService, type InferenceServiceProps } from './inference-service';
import { LABEL_GPU_HALL, LABEL_TENANT } from './labels';
import { TrainingJob, type TrainingJobProps } from './training-job';

declare module '../plant/gpu-hall' {
  interface GpuHall {
    /** The hall's namespace (self-operated, or a tenant's by contract); undefined for a tenant hall without one. */
    readonly namespace?: HallNamespace;
    /** Adds an inference service (Deployment, Service, PodDisruptionBudget) to the hall. */
    addInferenceService(id: string, props: Omit<InferenceServiceProps, 'hall'>): InferenceService;
    /** Adds a training job (a Job) to the hall. */
    addTrainingJob(id: string, props: Omit<TrainingJobProps, 'hall'>): TrainingJob;
  }
}

GpuHall.prototype.addInferenceService = function addInferenceService(this: GpuHall, id: string, props: Omit<InferenceServiceProps, 'hall'>): InferenceService {
  return new InferenceService(this, id, { ...props, hall: this });
};

GpuHall.prototype.addTrainingJob = function addTrainingJob(this: GpuHall, id: string, props: Omit<TrainingJobProps, 'hall'>): TrainingJob {
  return new TrainingJob(this, id, { ...props, hall: this });
};

onGpuHall((hall) => {
  const campusName = hall.campus.campusName;
  const id = hall.node.id;
  let namespace: HallNamespace | undefined;
  if (!hall.tenant) {
    namespace = new HallNamespace(hall, 'kubernetes', {
      campusName,
      name: `${campusName}-${id}`,
      labels: { [LABEL_GPU_HALL]: id },
      gpuQuota: hall.gpus,
      shorten: `the campus id '${campusName}' or the hall id '${id}'`,
    });
  } else if (hall.tenantNamespace) {
    namespace = new HallNamespace(hall, 'kubernetes', {
      campusName,
      name: `${campusName}-tenant-${hall.tenant}`,
      labels: { [LABEL_GPU_HALL]: id, [LABEL_TENANT]: hall.tenant },
      gpuQuota: hall.tenantNamespace.gpuAllocation,
      shorten: `the campus id '${campusName}' or the tenant name '${hall.tenant}'`,
    });
  }
  if (namespace) {
    (hall as { namespace?: HallNamespace }).namespace = namespace;
    hall.campus.claimKubernetesName('Namespace', 'cluster', namespace.name, namespace);
    deployedWhen(namespace, (month) => inServiceAt(hall, month));
  }
});
