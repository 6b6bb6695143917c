/** HC-K8S-12: GPU requests in a namespace stay within its GPU quota. */
import type { Rule, RuleViolation } from '../rule';
import { block, blocks, isResourceQuota, namespaceOf, podTemplates, stringEntries } from './kubernetes-resources';

export const GPU_RESOURCE_NAME = 'nvidia.com/gpu';

/** GPUs one container asks for: its request, or its limit when only the limit is given (Kubernetes' defaulting). */
function containerGpus(container: Readonly<Record<string, unknown>>): number {
  const res = block(container.resources) ?? {};
  const value = new Map(stringEntries(res.requests)).get(GPU_RESOURCE_NAME) ?? new Map(stringEntries(res.limits)).get(GPU_RESOURCE_NAME);
  const n = Number(value ?? 0);
  return Number.isFinite(n) ? n : 0;
}

export const HC_K8S_12: Rule = {
  id: 'HC-K8S-12',
  statement: `GPU workloads run in a namespace with a ResourceQuota on requests.${GPU_RESOURCE_NAME}, and their GPU requests (pods x GPUs per pod) fit within it.`,
  source: "hybrid-campus house policy: a hall's workloads request no more GPUs than the hall has installed, or its tenant is allocated (Kubernetes ResourceQuota, extended resources)",
  helpUri: 'https://kubernetes.io/docs/concepts/policy/resource-quotas/#resource-quota-for-extended-resources',
  level: 'error',
  check: ({ resources }) => {
    const quotaKey = `requests.${GPU_RESOURCE_NAME}`;
    const quotas = new Map<string, number>();
    for (const r of resources.filter(isResourceQuota)) {
      const hard = stringEntries(block(r.config.spec)?.hard).find(([k]) => k === quotaKey);
      if (hard) quotas.set(namespaceOf(r), Math.min(quotas.get(namespaceOf(r)) ?? Infinity, Number(hard[1])));
    }
    // GPUs requested per namespace, with each workload's share for the message.
    const byNamespace = new Map<string, { path: string; total: number; parts: string[]; unknown: string[] }>();
    for (const t of podTemplates(resources)) {
      const perPod = [...blocks(t.spec.container), ...blocks(t.spec.init_container)].reduce((sum, c) => sum + containerGpus(c), 0);
      if (perPod === 0) continue;
      const ns = namespaceOf(t.resource);
      const entry = byNamespace.get(ns) ?? { path: t.resource.path, total: 0, parts: [], unknown: [] };
      const name = `${t.kind} '${String(block(t.resource.config.metadata)?.name ?? t.resource.name)}'`;
      if (t.pods === undefined) entry.unknown.push(name);
      else {
        entry.total += t.pods * perPod;
        entry.parts.push(`${name} ${t.pods} x ${perPod}`);
      }
      byNamespace.set(ns, entry);
    }
    const out: RuleViolation[] = [];
    for (const ns of [...byNamespace.keys()].sort()) {
      const e = byNamespace.get(ns)!;
      const quota = quotas.get(ns);
      if (quota === undefined) {
        out.push({ path: e.path, target: `namespace '${ns}'`, message: `namespace '${ns}' runs GPU workloads (${[...e.parts, ...e.unknown].join('; ')}) but has no ResourceQuota on ${quotaKey}; run them in a hall's namespace (GpuHall.namespace), which caps GPUs at the hall's.` });
      } else if (e.total > quota) {
        out.push({ path: e.path, target: `namespace '${ns}'`, message: `namespace '${ns}' requests ${e.total} GPUs (${e.parts.join('; ')}) but its quota ${quotaKey} is ${quota}: ${e.total - quota} too many; lower replicas, parallelism or GPUs per pod.` });
      }
      if (quota !== undefined && e.unknown.length > 0) {
        out.push({ path: e.path, target: `namespace '${ns}'`, message: `namespace '${ns}' runs ${e.unknown.join(', ')} requesting GPUs on every matching node, which synth cannot count against the quota ${quotaKey} = ${quota}; use a Deployment or Job with a replica count.` });
      }
    }
    return out;
  },
};
