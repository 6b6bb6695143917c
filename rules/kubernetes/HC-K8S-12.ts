/** HC-K8S-12: GPU requests in a namespace stay within its GPU quota. */
import type { Rule, RuleViolation } from '../rule';
import { block, blocks, isResourceQuota, namespaceOf, objectName, podTemplates, stringEntries } from './kubernetes-resources';

export const GPU_RESOURCE_NAME = 'nvidia.com/gpu';

/** A count as written: the number, or undefined when it is no number synth can read (a token). */
function numberOf(text: string): number | undefined {
  const n = text.trim() === '' ? NaN : Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * GPUs one container asks for: its request, or its limit when only the limit is given
 * (Kubernetes' defaulting); the text when it is not a number.
 */
function containerGpus(container: Readonly<Record<string, unknown>>): number | string {
  const res = block(container.resources) ?? {};
  const value = new Map(stringEntries(res.requests)).get(GPU_RESOURCE_NAME) ?? new Map(stringEntries(res.limits)).get(GPU_RESOURCE_NAME);
  if (value === undefined) return 0;
  return numberOf(value) ?? value;
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
    // Values synth cannot read as numbers (tokens), per namespace: what they are, for the finding.
    const unreadable = new Map<string, { path: string; what: string[] }>();
    const addUnreadable = (ns: string, path: string, what: string) => {
      const entry = unreadable.get(ns) ?? { path, what: [] };
      entry.what.push(what);
      unreadable.set(ns, entry);
    };
    for (const r of resources.filter(isResourceQuota)) {
      const hard = stringEntries(block(r.config.spec)?.hard).find(([k]) => k === quotaKey);
      if (!hard) continue;
      const n = numberOf(hard[1]);
      if (n === undefined) addUnreadable(namespaceOf(r), r.path, `ResourceQuota '${objectName(r)}' ${quotaKey} = ${JSON.stringify(hard[1])}`);
      else quotas.set(namespaceOf(r), Math.min(quotas.get(namespaceOf(r)) ?? Infinity, n));
    }
    // GPUs requested per namespace, with each workload's share for the message.
    const byNamespace = new Map<string, { path: string; total: number; parts: string[]; unknown: string[] }>();
    for (const t of podTemplates(resources)) {
      const gpus = [...blocks(t.spec.container), ...blocks(t.spec.init_container)].map(containerGpus);
      const name = `${t.kind} '${String(block(t.resource.config.metadata)?.name ?? t.resource.name)}'`;
      const ns = namespaceOf(t.resource);
      const tokens = gpus.filter((g): g is string => typeof g === 'string');
      if (tokens.length > 0 || (t.podsText !== undefined && gpus.some((g) => g !== 0))) {
        if (t.podsText !== undefined) addUnreadable(ns, t.resource.path, `${name} pods = ${JSON.stringify(t.podsText)}`);
        for (const token of tokens) addUnreadable(ns, t.resource.path, `${name} GPUs per container = ${JSON.stringify(token)}`);
        continue;
      }
      const perPod = gpus.reduce<number>((sum, g) => sum + (g as number), 0);
      if (perPod === 0) continue;
      const entry = byNamespace.get(ns) ?? { path: t.resource.path, total: 0, parts: [], unknown: [] };
      if (t.pods === undefined) entry.unknown.push(name);
      else {
        entry.total += t.pods * perPod;
        entry.parts.push(`${name} ${t.pods} x ${perPod}`);
      }
      byNamespace.set(ns, entry);
    }
    const out: RuleViolation[] = [];
    for (const ns of [...unreadable.keys()].sort()) {
      const { path, what } = unreadable.get(ns)!;
      out.push({
        path,
        target: `namespace '${ns}' unreadable`,
        message: `namespace '${ns}': ${what.join('; ')} ${what.length === 1 ? 'is' : 'are'} not a number synth can read, so its GPU requests cannot be checked against its quota; write ${what.length === 1 ? 'it' : 'them'} as a number.`,
      });
    }
    for (const ns of [...byNamespace.keys()].sort()) {
      // A quota synth cannot read is reported above; nothing to compare against.
      if (!quotas.has(ns) && unreadable.get(ns)?.what.some((w) => w.startsWith('ResourceQuota '))) continue;
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
