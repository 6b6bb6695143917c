/**
 * Label keys, taint and priority-class conventions hybrid-campus puts on (or expects of) the
 * Kubernetes objects and nodes of a campus.
 */
export const LABEL_PART_OF = 'app.kubernetes.io/part-of';
/** The workload an object belongs to (its Deployment, Job, Service...); selectors use it. */
export const LABEL_NAME = 'app.kubernetes.io/name';
/** The role of a workload: "inference", "training", "stratum-proxy", "curtailment-controller". */
export const LABEL_COMPONENT = 'app.kubernetes.io/component';
export const LABEL_CAMPUS = 'hybrid-campus/campus';
export const LABEL_WORKLOAD_CLASS = 'hybrid-campus/workload-class';
/** The GPU hall a namespace or workload belongs to; also the node label workloads are placed by. */
export const LABEL_GPU_HALL = 'hybrid-campus/gpu-hall';
/** The tenant a leased hall's namespace belongs to. */
export const LABEL_TENANT = 'hybrid-campus/tenant';
/** The one mining pod a fleet service serves (set when it serves exactly one). */
export const LABEL_MINING_POD = 'hybrid-campus/mining-pod';
/** The group of mining pods a fleet service serves (the service's own name). */
export const LABEL_POD_GROUP = 'hybrid-campus/pod-group';
/** Annotation listing every mining pod a fleet service serves, comma-separated (no length limit, unlike labels). */
export const ANNOTATION_MINING_PODS = 'hybrid-campus/mining-pods';
/** Pod Security Admission: reject pods that do not meet the `restricted` profile. */
export const LABEL_PSA_ENFORCE = 'pod-security.kubernetes.io/enforce';
/** Set by Kubernetes (1.22+) on every namespace: selects a namespace by name in a NetworkPolicy. */
export const LABEL_NAMESPACE_NAME = 'kubernetes.io/metadata.name';

/**
 * The taint GPU nodes carry so that only pods that ask for GPUs land there, and that AI
 * workloads tolerate: `nvidia.com/gpu:NoSchedule` (any value), the convention of the NVIDIA
 * GPU Operator and the managed Kubernetes services.
 */
export const GPU_TAINT_KEY = 'nvidia.com/gpu';
export const GPU_TAINT_EFFECT = 'NoSchedule';
/** The extended resource GPUs are requested (and quota'd) as. */
export const GPU_RESOURCE = 'nvidia.com/gpu';

export type WorkloadClass = 'mining' | 'ai';
