/** HC-K8S-10: no NetworkPolicy opens a workload to, or from, the whole internet. */
import type { Rule } from '../rule';
import { block, blocks, isNetworkPolicy, namespaceOf, objectName } from './kubernetes-resources';

const ANYWHERE = new Set(['0.0.0.0/0', '::/0']);

export const HC_K8S_10: Rule = {
  id: 'HC-K8S-10',
  statement: 'No NetworkPolicy allows traffic from or to 0.0.0.0/0 or ::/0.',
  source: 'NSA/CISA Kubernetes Hardening Guide v1.2 (2022), "Network separation and hardening"; hybrid-campus house policy (name the pools and networks a workload needs)',
  helpUri: 'https://kubernetes.io/docs/concepts/services-networking/network-policies/',
  level: 'error',
  check: ({ resources }) =>
    resources.filter(isNetworkPolicy).flatMap((r) => {
      const spec = block(r.config.spec) ?? {};
      const peers = [
        ...blocks(spec.ingress).flatMap((rule) => blocks(rule.from).map((peer) => ({ direction: 'ingress from', peer }))),
        ...blocks(spec.egress).flatMap((rule) => blocks(rule.to).map((peer) => ({ direction: 'egress to', peer }))),
      ];
      const open = peers.flatMap(({ direction, peer }) => {
        const cidr = block(peer.ip_block)?.cidr;
        return typeof cidr === 'string' && ANYWHERE.has(cidr) ? [`${direction} ${cidr}`] : [];
      });
      if (open.length === 0) return [];
      return [{
        path: r.path,
        message: `NetworkPolicy '${objectName(r)}' in namespace '${namespaceOf(r)}' allows ${[...new Set(open)].join(', ')}; list the CIDR blocks the workload needs (its pools, its miners' network) instead.`,
      }];
    }),
};
