/**
 * The allow policy of one workload. Each namespace denies everything by default
 * (WorkloadNamespace); each workload then allows exactly what it needs, for its own pods only:
 * - always: DNS, egress to the cluster DNS pods (`k8s-app: kube-dns` in `kube-system`) on 53 UDP/TCP;
 * - ingress from pods of its own namespace on its ports (`fromOwnNamespace`), and from listed
 *   CIDR blocks on its ports (e.g. the miners' network);
 * - egress to listed CIDR blocks and ports (e.g. the mining pools);
 * - with `betweenOwnPods`, traffic between the workload's own pods on any port.
 *
 * No rule names another namespace except kube-system for DNS, so a mining namespace cannot
 * reach an AI namespace and an AI namespace cannot reach a mining one: the receiving side's
 * default-deny ingress refuses every pod that its own rules do not admit.
 */
import { Construct } from 'constructs';
import type { TerraformResource } from 'cdktf';
import {
  NetworkPolicyV1,
  type NetworkPolicyV1SpecEgress,
  type NetworkPolicyV1SpecIngress,
} from '@cdktf/provider-kubernetes/lib/network-policy-v1';
import { dependOn } from './depends-on';
import { LABEL_NAMESPACE_NAME, LABEL_PART_OF } from './labels';

export interface PortRule {
  readonly port: number;
  readonly protocol?: 'TCP' | 'UDP';
}

export interface CidrRule extends PortRule {
  readonly cidr: string;
}

export interface WorkloadNetworkPolicyProps {
  readonly name: string;
  readonly namespace: string;
  /** Labels that select the workload's pods. */
  readonly podLabels: Readonly<Record<string, string>>;
  /** Ports other pods of the same namespace may reach. @default - none */
  readonly fromOwnNamespace?: readonly PortRule[];
  /** CIDR blocks that may reach these ports. @default - none */
  readonly ingressFromCidrs?: { readonly cidrs: readonly string[]; readonly ports: readonly PortRule[] };
  /** Whether the workload's pods may reach each other on any port (e.g. a multi-pod training job). @default false */
  readonly betweenOwnPods?: boolean;
  /** CIDR blocks and ports the pods may reach, beyond DNS. @default - DNS only */
  readonly egressTo?: readonly CidrRule[];
  readonly dependsOn: readonly TerraformResource[];
}

export const DNS_EGRESS: NetworkPolicyV1SpecEgress = {
  to: [
    {
      namespaceSelector: { matchLabels: { [LABEL_NAMESPACE_NAME]: 'kube-system' } },
      podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
    },
  ],
  ports: [
    { port: '53', protocol: 'UDP' },
    { port: '53', protocol: 'TCP' },
  ],
};

function ports(rules: readonly PortRule[]) {
  return rules.map((r) => ({ port: String(r.port), protocol: r.protocol ?? 'TCP' }));
}

export class WorkloadNetworkPolicy extends Construct {
  public readonly policy: NetworkPolicyV1;

  public constructor(scope: Construct, id: string, props: WorkloadNetworkPolicyProps) {
    super(scope, id);
    const ingress: NetworkPolicyV1SpecIngress[] = [];
    if (props.fromOwnNamespace && props.fromOwnNamespace.length > 0) {
      ingress.push({ from: [{ podSelector: {} }], ports: ports(props.fromOwnNamespace) });
    }
    if (props.ingressFromCidrs && props.ingressFromCidrs.cidrs.length > 0) {
      ingress.push({ from: props.ingressFromCidrs.cidrs.map((cidr) => ({ ipBlock: { cidr } })), ports: ports(props.ingressFromCidrs.ports) });
    }
    const ownPods = [{ podSelector: { matchLabels: { ...props.podLabels } } }];
    if (props.betweenOwnPods) ingress.push({ from: ownPods });
    // One rule per distinct port, listing its CIDR blocks, in a stable order.
    const byPort = new Map<string, string[]>();
    for (const rule of props.egressTo ?? []) {
      const key = `${rule.protocol ?? 'TCP'}/${rule.port}`;
      const cidrs = byPort.get(key) ?? [];
      if (!cidrs.includes(rule.cidr)) cidrs.push(rule.cidr);
      byPort.set(key, cidrs);
    }
    const egress: NetworkPolicyV1SpecEgress[] = [DNS_EGRESS];
    if (props.betweenOwnPods) egress.push({ to: ownPods });
    for (const key of [...byPort.keys()].sort()) {
      const [protocol, port] = key.split('/');
      egress.push({ to: byPort.get(key)!.sort().map((cidr) => ({ ipBlock: { cidr } })), ports: [{ port, protocol }] });
    }
    this.policy = new NetworkPolicyV1(this, 'policy', {
      metadata: { name: props.name, namespace: props.namespace, labels: { [LABEL_PART_OF]: 'hybrid-campus' } },
      spec: {
        podSelector: { matchLabels: { ...props.podLabels } },
        policyTypes: ['Ingress', 'Egress'],
        ingress: ingress.length > 0 ? ingress : undefined,
        egress,
      },
    });
    dependOn(this.policy, props.dependsOn);
  }
}
