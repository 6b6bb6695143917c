/**
 * Reading Kubernetes objects out of synthesized resources of the Terraform Kubernetes provider
 * (`kubernetes_*` resources, snake_case arguments). A block is synthesized as an object when it
 * can appear once and as a list when it can repeat; `blocks()` reads either as a list, so the
 * rules read resources made by hybrid-campus constructs and by the raw provider classes alike.
 */
import type { SynthesizedResource } from '../rule';

export type Json = Readonly<Record<string, unknown>>;

export function isObject(x: unknown): x is Json {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** A block or list of blocks, as a list of objects. */
export function blocks(x: unknown): Json[] {
  if (Array.isArray(x)) return x.filter(isObject);
  return isObject(x) ? [x] : [];
}

/** The first (only) block of a single-block argument. */
export function block(x: unknown): Json | undefined {
  return blocks(x)[0];
}

/** A string map (labels, data, resource quantities) as [key, value] pairs. */
export function stringEntries(x: unknown): [string, string][] {
  const map = block(x);
  return map ? Object.entries(map).map(([k, v]) => [k, String(v)]) : [];
}

const NAMESPACE_TYPES = new Set(['kubernetes_namespace_v1', 'kubernetes_namespace']);
const NETWORK_POLICY_TYPES = new Set(['kubernetes_network_policy_v1', 'kubernetes_network_policy']);
const QUOTA_TYPES = new Set(['kubernetes_resource_quota_v1', 'kubernetes_resource_quota']);
const SECRET_TYPES = new Set(['kubernetes_secret_v1', 'kubernetes_secret']);

export const isNamespace = (r: SynthesizedResource): boolean => NAMESPACE_TYPES.has(r.type);
export const isNetworkPolicy = (r: SynthesizedResource): boolean => NETWORK_POLICY_TYPES.has(r.type);
export const isResourceQuota = (r: SynthesizedResource): boolean => QUOTA_TYPES.has(r.type);
export const isSecret = (r: SynthesizedResource): boolean => SECRET_TYPES.has(r.type);

/** The object's metadata block. */
export function metadataOf(r: SynthesizedResource): Json {
  return block(r.config.metadata) ?? {};
}

/** The object's `metadata.name`, or its Terraform address when it has none. */
export function objectName(r: SynthesizedResource): string {
  const name = metadataOf(r).name;
  return typeof name === 'string' ? name : `${r.type}.${r.name}`;
}

/** The namespace of a namespaced object; Kubernetes puts objects without one in "default". */
export function namespaceOf(r: SynthesizedResource): string {
  const ns = metadataOf(r).namespace;
  return typeof ns === 'string' && ns !== '' ? ns : 'default';
}

/** A workload's pod spec and how many pods of it run at once. */
export interface PodTemplate {
  readonly resource: SynthesizedResource;
  /** The kind, e.g. "Deployment". */
  readonly kind: string;
  readonly spec: Json;
  /**
   * Pods that run at the same time: replicas (Deployment, StatefulSet, ReplicationController,
   * default 1), parallelism (Job, CronJob, default 1), 1 for a Pod; undefined for a DaemonSet
   * (one per matching node, not known at synth) or when the count is not a number (see podsText).
   */
  readonly pods?: number;
  /**
   * The replicas or parallelism as written when it is not a number synth can read (a token such
   * as "${var.replicas}"); `pods` is then undefined.
   * @default undefined - the count is a number, absent (1), or a DaemonSet's
   */
  readonly podsText?: string;
}

/** Resource type to kind, and the path from the resource's `spec` to the pod template's `spec`. */
const WORKLOADS: Readonly<Record<string, { readonly kind: string; readonly path: readonly string[]; readonly count?: 'replicas' | 'parallelism' | 'one' }>> = {
  kubernetes_deployment_v1: { kind: 'Deployment', path: ['spec', 'template', 'spec'], count: 'replicas' },
  kubernetes_deployment: { kind: 'Deployment', path: ['spec', 'template', 'spec'], count: 'replicas' },
  kubernetes_stateful_set_v1: { kind: 'StatefulSet', path: ['spec', 'template', 'spec'], count: 'replicas' },
  kubernetes_stateful_set: { kind: 'StatefulSet', path: ['spec', 'template', 'spec'], count: 'replicas' },
  kubernetes_replication_controller_v1: { kind: 'ReplicationController', path: ['spec', 'template', 'spec'], count: 'replicas' },
  kubernetes_replication_controller: { kind: 'ReplicationController', path: ['spec', 'template', 'spec'], count: 'replicas' },
  kubernetes_daemon_set_v1: { kind: 'DaemonSet', path: ['spec', 'template', 'spec'] },
  kubernetes_daemonset: { kind: 'DaemonSet', path: ['spec', 'template', 'spec'] },
  kubernetes_job_v1: { kind: 'Job', path: ['spec', 'template', 'spec'], count: 'parallelism' },
  kubernetes_job: { kind: 'Job', path: ['spec', 'template', 'spec'], count: 'parallelism' },
  kubernetes_cron_job_v1: { kind: 'CronJob', path: ['spec', 'job_template', 'spec', 'template', 'spec'], count: 'parallelism' },
  kubernetes_cron_job: { kind: 'CronJob', path: ['spec', 'job_template', 'spec', 'template', 'spec'], count: 'parallelism' },
  kubernetes_pod_v1: { kind: 'Pod', path: ['spec'], count: 'one' },
  kubernetes_pod: { kind: 'Pod', path: ['spec'], count: 'one' },
};

/** A replicas or parallelism value: 1 when absent, the number, or the text when it is no number. */
function countOf(x: unknown): { readonly pods?: number; readonly podsText?: string } {
  if (x === undefined || x === null) return { pods: 1 };
  const n = typeof x === 'number' || (typeof x === 'string' && x.trim() !== '') ? Number(x) : NaN;
  return Number.isFinite(n) ? { pods: n } : { podsText: String(x) };
}

/** Every pod template in the resources: one per workload resource that has a pod spec. */
export function podTemplates(resources: readonly SynthesizedResource[]): PodTemplate[] {
  const out: PodTemplate[] = [];
  for (const resource of resources) {
    const workload = WORKLOADS[resource.type];
    if (!workload) continue;
    let node: Json | undefined = resource.config;
    const parents: Json[] = [];
    for (const key of workload.path) {
      if (!node) break;
      parents.push(node);
      node = block(node[key]);
    }
    if (!node) continue;
    // The workload's own spec: the block holding `template` (or `job_template`'s spec for a CronJob).
    const owner = parents[parents.length - 2];
    let count: { readonly pods?: number; readonly podsText?: string } = {};
    if (workload.count === 'one') count = { pods: 1 };
    else if (workload.count === 'replicas') count = countOf(block(resource.config.spec)?.replicas);
    else if (workload.count === 'parallelism') count = countOf(owner?.parallelism);
    out.push({ resource, kind: workload.kind, spec: node, ...count });
  }
  return out;
}

/** A container of a pod template, with what to call it in a finding. */
export interface ContainerOf {
  readonly template: PodTemplate;
  readonly container: Json;
  /** "container 'name'" or "init container 'name'". */
  readonly target: string;
}

/** Every container and init container of every pod template. */
export function containers(resources: readonly SynthesizedResource[]): ContainerOf[] {
  return podTemplates(resources).flatMap((template) => [
    ...blocks(template.spec.init_container).map((container) => ({ template, container, target: `init container '${String(container.name)}'` })),
    ...blocks(template.spec.container).map((container) => ({ template, container, target: `container '${String(container.name)}'` })),
  ]);
}

/** What a finding says the object is: `Deployment 'name' (container 'x')`. */
export function describe(c: ContainerOf): string {
  return `${c.template.kind} '${objectName(c.template.resource)}' (${c.target})`;
}
