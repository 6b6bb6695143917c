/** HC-K8S-2: every namespace has a default-deny NetworkPolicy for ingress and egress. */
import type { Rule, SynthesizedResource } from '../rule';
import { block, blocks, isNamespace, isNetworkPolicy, namespaceOf, objectName } from './kubernetes-resources';

/**
 * The directions ("Ingress", "Egress") a policy denies: it selects every pod (empty pod
 * selector), lists the direction in policyTypes and has no rule for it. A namespace is
 * default-deny when its policies together deny both: one policy for both, or the common pair of
 * a deny-ingress and a deny-egress policy.
 */
function deniedDirections(policy: SynthesizedResource): string[] {
  const spec = block(policy.config.spec);
  if (!spec) return [];
  const selector = block(spec.pod_selector) ?? {};
  const selectsAll = blocks(selector.match_labels).every((m) => Object.keys(m).length === 0) && blocks(selector.match_expressions).length === 0;
  if (!selectsAll) return [];
  const types = Array.isArray(spec.policy_types) ? spec.policy_types.map(String) : [];
  return [
    ...(types.includes('Ingress') && blocks(spec.ingress).length === 0 ? ['Ingress'] : []),
    ...(types.includes('Egress') && blocks(spec.egress).length === 0 ? ['Egress'] : []),
  ];
}

export const HC_K8S_2: Rule = {
  id: 'HC-K8S-2',
  statement: 'Every namespace has a default-deny NetworkPolicy (or a deny-ingress and a deny-egress pair): all pods selected, Ingress and Egress, no rule allowing traffic.',
  source: 'NSA/CISA Kubernetes Hardening Guide v1.2 (2022), "Network separation and hardening": default deny policies',
  helpUri: 'https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-policies',
  level: 'error',
  check: ({ resources }) => {
    const deniedBy = new Map<string, Set<string>>();
    for (const r of resources.filter(isNetworkPolicy)) {
      for (const direction of deniedDirections(r)) deniedBy.set(namespaceOf(r), new Set([...(deniedBy.get(namespaceOf(r)) ?? []), direction]));
    }
    const denied = new Set([...deniedBy].filter(([, d]) => d.has('Ingress') && d.has('Egress')).map(([ns]) => ns));
    return resources
      .filter((r) => isNamespace(r) && !denied.has(objectName(r)))
      .map((r) => ({
        path: r.path,
        message:
          `namespace '${objectName(r)}' has no default-deny NetworkPolicy; add one with an empty podSelector, policyTypes Ingress and Egress and no rules ` +
          '(WorkloadNamespace does), then allow what each workload needs in its own policy.',
      }));
  },
};
