/** HC-K8S-2: every namespace has a default-deny NetworkPolicy for ingress and egress. */
import type { Rule, SynthesizedResource } from '../rule';
import { block, blocks, isNamespace, isNetworkPolicy, namespaceOf, objectName } from './kubernetes-resources';

/** A policy that selects every pod (empty pod selector), covers Ingress and Egress, and allows nothing. */
function isDefaultDeny(policy: SynthesizedResource): boolean {
  const spec = block(policy.config.spec);
  if (!spec) return false;
  const selector = block(spec.pod_selector) ?? {};
  const selectsAll = blocks(selector.match_labels).every((m) => Object.keys(m).length === 0) && blocks(selector.match_expressions).length === 0;
  const types = Array.isArray(spec.policy_types) ? spec.policy_types.map(String) : [];
  return selectsAll && types.includes('Ingress') && types.includes('Egress') && blocks(spec.ingress).length === 0 && blocks(spec.egress).length === 0;
}

export const HC_K8S_2: Rule = {
  id: 'HC-K8S-2',
  statement: 'Every namespace has a default-deny NetworkPolicy: all pods selected, Ingress and Egress, no rule allowing traffic.',
  source: 'NSA/CISA Kubernetes Hardening Guide v1.2 (2022), "Network separation and hardening": default deny policies',
  helpUri: 'https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-policies',
  level: 'error',
  check: ({ resources }) => {
    const denied = new Set(resources.filter((r) => isNetworkPolicy(r) && isDefaultDeny(r)).map(namespaceOf));
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
