/**
 * A Kubernetes namespace for a campus's workloads, secure by default: Pod Security Admission
 * `restricted` is enforced and a NetworkPolicy denies all ingress and egress until a workload
 * allows what it needs (each workload adds its own allow policy, see workload-network-policy.ts).
 */
import { Construct } from 'constructs';
import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { NetworkPolicyV1 } from '@cdktf/provider-kubernetes/lib/network-policy-v1';
import { CampusConfigError } from '../../domain/config-error';
import { DNS_1123_LABEL } from '../props';
import { LABEL_CAMPUS, LABEL_PART_OF, LABEL_PSA_ENFORCE, LABEL_WORKLOAD_CLASS, type WorkloadClass } from './labels';
import { dependOn } from './depends-on';

export interface WorkloadNamespaceProps {
  readonly campusName: string;
  readonly workloadClass: WorkloadClass;
  /**
   * The namespace name.
   * @default `${campusName}-${workloadClass}`
   */
  readonly name?: string;
  /**
   * More labels, e.g. the hall or tenant the namespace belongs to. They cannot replace the
   * campus, class and Pod Security labels.
   * @default - none
   */
  readonly labels?: Readonly<Record<string, string>>;
  /**
   * What to shorten when the name is too long, for the error message.
   * @default `the campus id '${campusName}'`
   */
  readonly shorten?: string;
}

export class WorkloadNamespace extends Construct {
  /** The namespace name, a literal (no token), so dependents stay cheap to synthesize. */
  public readonly name: string;
  public readonly workloadClass: WorkloadClass;
  public readonly namespace: NamespaceV1;
  public readonly defaultDeny: NetworkPolicyV1;

  public constructor(scope: Construct, id: string, props: WorkloadNamespaceProps) {
    super(scope, id);
    this.name = props.name ?? `${props.campusName}-${props.workloadClass}`;
    this.workloadClass = props.workloadClass;
    if (this.name.length > 63 || !DNS_1123_LABEL.test(this.name)) {
      throw new CampusConfigError(
        `[${this.node.path}] namespace name '${this.name}' (${this.name.length} characters) is not a valid Kubernetes ` +
          `namespace name (a DNS-1123 label of at most 63 characters). Shorten ${props.shorten ?? `the campus id '${props.campusName}'`}.`,
      );
    }
    const labels = {
      ...props.labels,
      [LABEL_PART_OF]: 'hybrid-campus',
      [LABEL_CAMPUS]: props.campusName,
      [LABEL_WORKLOAD_CLASS]: props.workloadClass,
      [LABEL_PSA_ENFORCE]: 'restricted',
    };
    this.namespace = new NamespaceV1(this, 'namespace', { metadata: { name: this.name, labels } });
    this.defaultDeny = new NetworkPolicyV1(this, 'default-deny', {
      metadata: { name: 'default-deny', namespace: this.name, labels: { [LABEL_PART_OF]: 'hybrid-campus' } },
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
    });
    dependOn(this.defaultDeny, [this.namespace]);
  }
}
