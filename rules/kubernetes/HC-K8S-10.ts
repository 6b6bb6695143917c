/**
 * HC-K8S-10: no NetworkPolicy opens a workload to, or from, the whole internet.
 *
 * Open means: a peer whose ipBlock CIDR has prefix length 0 (0.0.0.0/0, ::/0, ::0/0,
 * 10.0.0.0/0: a /0 block covers every address whatever its address part), or a rule with no
 * peers at all (an ingress rule without `from`, an egress rule without `to`), which Kubernetes
 * reads as every source or destination.
 */
import type { Rule } from '../rule';
import { block, blocks, isNetworkPolicy, namespaceOf, objectName } from './kubernetes-resources';

/** "addr/len": the prefix length as a number, or undefined when the text is no CIDR block. */
export function cidrPrefixLength(cidr: string): number | undefined {
  const m = /^\s*([0-9A-Fa-f:.]+)\/(\d{1,3})\s*$/.exec(cidr);
  if (!m) return undefined;
  const address = m[1];
  const ipv4 = /^\d{1,3}(\.\d{1,3}){3}$/.test(address) && address.split('.').every((o) => Number(o) <= 255);
  const ipv6 = address.includes(':') && /^[0-9A-Fa-f:.]+$/.test(address) && (address.match(/::/g) ?? []).length <= 1;
  const length = Number(m[2]);
  if (ipv4 && length <= 32) return length;
  if (ipv6 && length <= 128) return length;
  return undefined;
}

export const HC_K8S_10: Rule = {
  id: 'HC-K8S-10',
  statement: 'No NetworkPolicy allows traffic from or to anywhere: no /0 CIDR block (0.0.0.0/0, ::/0 in any spelling) and no rule without peers.',
  source: 'NSA/CISA Kubernetes Hardening Guide v1.2 (2022), "Network separation and hardening"; hybrid-campus house policy (name the pools and networks a workload needs)',
  helpUri: 'https://kubernetes.io/docs/concepts/services-networking/network-policies/',
  level: 'error',
  check: ({ resources }) =>
    resources.filter(isNetworkPolicy).flatMap((r) => {
      const spec = block(r.config.spec) ?? {};
      const open: string[] = [];
      const judge = (direction: string, peers: unknown, field: string) => {
        const list = blocks(peers);
        if (list.length === 0) {
          open.push(`${direction} anywhere (a rule with no ${field})`);
          return;
        }
        for (const peer of list) {
          const cidr = block(peer.ip_block)?.cidr;
          if (typeof cidr === 'string' && cidrPrefixLength(cidr) === 0) open.push(`${direction} ${cidr.trim()}`);
        }
      };
      for (const rule of blocks(spec.ingress)) judge('ingress from', rule.from, 'from');
      for (const rule of blocks(spec.egress)) judge('egress to', rule.to, 'to');
      if (open.length === 0) return [];
      return [{
        path: r.path,
        message: `NetworkPolicy '${objectName(r)}' in namespace '${namespaceOf(r)}' allows ${[...new Set(open)].join(', ')}; list the CIDR blocks the workload needs (its pools, its miners' network) instead.`,
      }];
    }),
};
