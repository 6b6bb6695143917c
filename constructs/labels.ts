/**
 * Label keys hybrid-campus puts on the Kubernetes objects it creates.
 */
export const LABEL_PART_OF = 'app.kubernetes.io/part-of';
export const LABEL_CAMPUS = 'hybrid-campus/campus';
export const LABEL_WORKLOAD_CLASS = 'hybrid-campus/workload-class';
/** Pod Security Admission: reject pods that do not meet the `restricted` profile. */
export const LABEL_PSA_ENFORCE = 'pod-security.kubernetes.io/enforce';

export type WorkloadClass = 'mining' | 'ai';
