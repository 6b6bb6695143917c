/**
 * Turns a synthesized @cdktf/provider-kubernetes resource (Terraform's snake_case schema, e.g.
 * `kubernetes_deployment_v1` with `spec.template.spec.container[]`) back into the Kubernetes
 * object it describes (camelCase, `apiVersion`/`kind`), and validates that object with
 * kubernetes-models, which ships the Kubernetes OpenAPI schema. The conversion follows the
 * provider's own mapping:
 * - keys snake_case -> camelCase, except inside maps (labels, annotations, data, requests...);
 * - repeated blocks the provider names in the singular get their Kubernetes plural name
 *   (container -> containers, port -> ports, toleration -> tolerations, ...);
 * - values the provider takes as strings but sends as integers (replicas, user ids, and
 *   int-or-string fields such as ports) become numbers when they are whole numbers;
 * - a Secret's `data` is sent base64-encoded by the provider, i.e. it is the object's `stringData`;
 * - Terraform-only arguments (depends_on, wait_for_rollout, ...) are dropped.
 * The Kubernetes schema does not refuse unknown fields, so a key the converter failed to map
 * would slip through. To catch that, every converted field name must be a field name of the
 * Kubernetes API types (read from kubernetes-models' generated typings; the check is by name,
 * not by position in the object).
 */
import * as fs from 'fs';
import * as path from 'path';
import { Model } from '@kubernetes-models/base';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { LimitRange } from 'kubernetes-models/v1/LimitRange';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { ResourceQuota } from 'kubernetes-models/v1/ResourceQuota';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { PriorityClass } from 'kubernetes-models/scheduling.k8s.io/v1/PriorityClass';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const MODELS: Record<string, new (data: any) => Model<unknown>> = {
  kubernetes_namespace_v1: Namespace,
  kubernetes_network_policy_v1: NetworkPolicy,
  kubernetes_deployment_v1: Deployment,
  kubernetes_job_v1: Job,
  kubernetes_service_v1: Service,
  kubernetes_secret_v1: Secret,
  kubernetes_config_map_v1: ConfigMap,
  kubernetes_pod_disruption_budget_v1: PodDisruptionBudget,
  kubernetes_priority_class_v1: PriorityClass,
  kubernetes_resource_quota_v1: ResourceQuota,
  kubernetes_limit_range_v1: LimitRange,
};

const TERRAFORM_ONLY = new Set([
  'depends_on', 'provider', 'lifecycle', 'count', 'for_each', 'timeouts',
  'wait_for_rollout', 'wait_for_completion', 'wait_for_load_balancer', 'wait_for_default_service_account',
]);
/** Maps whose keys are data (label keys, resource names...), not field names. */
const MAPS = new Set([
  'labels', 'annotations', 'match_labels', 'data', 'binary_data', 'string_data', 'limits', 'requests', 'hard',
  'node_selector', 'default', 'default_request', 'max', 'min', 'max_limit_request_ratio',
]);
const PLURAL: Record<string, string> = {
  container: 'containers',
  init_container: 'initContainers',
  port: 'ports',
  toleration: 'tolerations',
  volume: 'volumes',
  volume_mount: 'volumeMounts',
  node_selector_term: 'nodeSelectorTerms',
  limit: 'limits',
  env_from: 'envFrom',
};
/** Provider strings that Kubernetes holds as integers (or int-or-string). */
const NUMERIC_STRINGS = new Set([
  'replicas', 'run_as_user', 'run_as_group', 'fs_group',
  'port', 'target_port', 'max_unavailable', 'min_available', 'max_surge',
]);

function camel(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

let knownFields: Set<string> | undefined;

/** Every field name of the Kubernetes API types, read from the typings kubernetes-models generates from the OpenAPI schema. */
export function kubernetesFieldNames(): Set<string> {
  if (knownFields) return knownFields;
  knownFields = new Set();
  const visit = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules') visit(full);
      else if (entry.name.endsWith('.d.ts')) {
        for (const m of fs.readFileSync(full, 'utf8').matchAll(/^\s+"([A-Za-z0-9$]+)"\??:/gm)) knownFields!.add(m[1]);
      }
    }
  };
  for (const pkg of ['kubernetes-models', '@kubernetes-models/apimachinery']) visit(path.dirname(require.resolve(`${pkg}/package.json`)));
  return knownFields;
}

function convert(value: Json, key: string, kind: string): Json {
  if (MAPS.has(key) || (kind === 'Service' && key === 'selector')) return value;
  if (typeof value === 'string' && NUMERIC_STRINGS.has(key) && /^[0-9]+$/.test(value)) return Number(value);
  if (Array.isArray(value)) return value.map((v) => convert(v, key, kind));
  if (value === null || typeof value !== 'object') return value;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) {
    const name = (Array.isArray(v) ? PLURAL[k] : undefined) ?? camel(k);
    if (!kubernetesFieldNames().has(name)) throw new Error(`no Kubernetes field '${name}' for the provider key '${k}' (under '${key}')`);
    out[name] = convert(v, k, kind);
  }
  return out;
}

/** The Kubernetes object a synthesized provider resource describes. */
export function toKubernetesObject(resourceType: string, resource: JsonObject): JsonObject {
  const Cls = MODELS[resourceType];
  if (!Cls) throw new Error(`no Kubernetes kind known for ${resourceType}`);
  const { apiVersion, kind } = Cls as unknown as { apiVersion: string; kind: string };
  const body: JsonObject = {};
  for (const [k, v] of Object.entries(resource)) if (!TERRAFORM_ONLY.has(k)) body[k] = v;
  if (kind === 'Secret' && body.data !== undefined) {
    body.string_data = body.data;
    delete body.data;
  }
  return { apiVersion, kind, ...(convert(body, '', kind) as JsonObject) };
}

/** Validates the object against the Kubernetes OpenAPI schema; throws with the schema's errors. */
export function validateKubernetesObject(resourceType: string, resource: JsonObject): JsonObject {
  const object = toKubernetesObject(resourceType, resource);
  new MODELS[resourceType](object).validate();
  return object;
}

/** Every kubernetes_* resource of a synthesized stack, as [type, name, resource]. */
export function kubernetesResources(synthesized: string): [string, string, JsonObject][] {
  const resources = (JSON.parse(synthesized).resource ?? {}) as Record<string, Record<string, JsonObject>>;
  return Object.entries(resources)
    .filter(([type]) => type.startsWith('kubernetes_'))
    .flatMap(([type, byName]) => Object.entries(byName).map(([name, r]): [string, string, JsonObject] => [type, name, r]));
}
