/**
 * A stratum proxy for a mining pod or a group of pods, in the campus's mining namespace: the
 * miners connect to it, it connects to the pools. Creates
 * - a Deployment of the proxy image, with the pool URLs, worker name and listen port in its
 *   environment (`POOL_URLS`, comma-separated in failover order, `WORKER_NAME`, `LISTEN_PORT`)
 *   and the pool credentials (`POOL_USERNAME`, `POOL_PASSWORD`) from a Secret; Kubernetes
 *   expands `$(NAME)` in `args`, so any proxy's command line can be built from them;
 * - the Secret `<id>-pool-credentials`, filled from two sensitive Terraform variables,
 *   `<id>_pool_username` and `<id>_pool_password` (with `-` as `_`): only `${var....}`
 *   references are written into cdk.tf.json, the values come at deploy time (TF_VAR_...);
 * - a Service (LoadBalancer by default, with externalTrafficPolicy Local so the NetworkPolicy
 *   sees the miners' own addresses);
 * - a NetworkPolicy: ingress on the proxy port from the miners' CIDR blocks only, egress to DNS
 *   and to the pools' CIDR blocks on the pools' ports only.
 */
import { isIPv4, isIPv6 } from 'net';
import { TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { z } from 'zod';
import { DeploymentV1 } from '@cdktf/provider-kubernetes/lib/deployment-v1';
import { SecretV1 } from '@cdktf/provider-kubernetes/lib/secret-v1';
import { ServiceV1 } from '@cdktf/provider-kubernetes/lib/service-v1';
import { CampusConfigError } from '../../domain/config-error';
import { inServiceAt } from '../../domain/timeline';
import { deployedWhen } from '../plant/deployed-when';
import { parseStratumUrl, type StratumEndpoint } from './kubernetes-values';
import { requireSameCampus } from '../plant/campus-scope';
import { type WorkloadCampus, requireWorkloadCampus } from './workload-campus';
import {
  ANNOTATION_MINING_PODS,
  LABEL_CAMPUS,
  LABEL_COMPONENT,
  LABEL_MINING_POD,
  LABEL_NAME,
  LABEL_PART_OF,
  LABEL_POD_GROUP,
  LABEL_WORKLOAD_CLASS,
} from './labels';
import { MiningPod } from '../plant/mining-pod';
import { argsSchema, cidrListSchema, constructOf, mebibytes, millicores, checkServiceId, parseProps, portSchema, positiveInteger, checkConstructArgs } from '../props';
import { pinnedImageSchema } from './image-schema';
import { securePodSpec } from './secure-pod';
import { WorkloadNetworkPolicy } from './workload-network-policy';
import { dependOn } from './depends-on';

/** One pool the proxy connects to. */
export interface StratumPoolProps {
  /** The pool URL with its port, e.g. "stratum+tcp://btc.pool.example:3333". */
  readonly url: string;
  /**
   * The pool's addresses as CIDR blocks: a NetworkPolicy cannot select a host name, so the
   * proxy may reach the pool's port on these blocks only. Ask the pool for its ranges.
   */
  readonly egressCidrs: readonly string[];
}

export interface StratumProxyProps {
  /** The mining pods whose miners connect to this proxy (one pod, or a group). */
  readonly pods: readonly MiningPod[];
  /** The proxy image, pinned: a tag other than `latest`, or a digest. */
  readonly image: string;
  /** The pools, in failover order. */
  readonly pools: readonly StratumPoolProps[];
  /** The miners' network(s), the only sources allowed to reach the proxy port. */
  readonly minerCidrs: readonly string[];
  /**
   * The worker name the proxy reports to the pools. `{campus}` and `{proxy}` are replaced by
   * the campus and proxy ids.
   * @default '{campus}.{proxy}'
   */
  readonly workerName?: string;
  /**
   * The port the miners connect to (container and Service).
   * @default 3333
   */
  readonly port?: number;
  /**
   * Proxy pods.
   * @default 2 - one can restart while the other serves
   */
  readonly replicas?: number;
  /**
   * CPU per pod in millicores, as request and limit.
   * @default 500
   */
  readonly cpuMillicores?: number;
  /**
   * Memory per pod in MiB, as request and limit.
   * @default 256
   */
  readonly memoryMib?: number;
  /**
   * How the miners reach the proxy.
   * @default 'LoadBalancer'
   */
  readonly serviceType?: 'LoadBalancer' | 'NodePort' | 'ClusterIP';
  /**
   * Container arguments; `$(POOL_URLS)`, `$(WORKER_NAME)`, `$(POOL_USERNAME)`... are expanded by Kubernetes.
   * @default - the image's own command and arguments
   */
  readonly args?: readonly string[];
}

const WORKER_NAME = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Why a pool URL's host is not a host name, an IPv4 address or a bracketed IPv6 address (e.g.
 * "..", "[:]"), or undefined when it is one.
 */
export function poolHostProblem(host: string): string | undefined {
  const fix = 'write a host name (e.g. pool.example), an IPv4 address or an IPv6 address in brackets (e.g. [2001:db8::1])';
  if (host.startsWith('[')) return isIPv6(host.slice(1, -1)) ? undefined : `has host ${host}, which is not an IPv6 address; ${fix}`;
  if (/^[0-9.]+$/.test(host) && /[0-9]/.test(host)) return isIPv4(host) ? undefined : `has host ${host}, which is not an IPv4 address; ${fix}`;
  const labels = host.split('.');
  const label = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
  if (host.length > 253 || labels.some((l) => !label.test(l))) return `has host ${host}, which is not a valid host name; ${fix}`;
  return undefined;
}

const schema = z.strictObject({
  pods: z.array(constructOf(MiningPod, 'MiningPod')).min(1, { error: 'must list at least one MiningPod' }),
  image: pinnedImageSchema,
  pools: z
    .array(
      z.strictObject({
        url: z.string({ error: 'must be a string, e.g. "stratum+tcp://pool.example:3333"' }).transform((url, ctx) => {
          const parsed = parseStratumUrl(url);
          const problem = typeof parsed === 'string' ? parsed : poolHostProblem(parsed.host);
          if (problem !== undefined) {
            ctx.addIssue({ code: 'custom', message: problem });
            return z.NEVER;
          }
          return parsed as StratumEndpoint;
        }),
        egressCidrs: cidrListSchema("the pool's addresses").min(1, { error: 'must list at least one CIDR block of the pool' }),
      }, { error: 'must be a pool { url, egressCidrs }, e.g. { url: "stratum+tcp://pool.example:3333", egressCidrs: ["203.0.113.0/24"] }' }),
      { error: 'must be a list of pools, e.g. [{ url: "stratum+tcp://pool.example:3333", egressCidrs: ["203.0.113.0/24"] }]' },
    )
    .min(1, { error: 'must list at least one pool' }),
  minerCidrs: cidrListSchema("the miners' network").min(1, { error: "must list at least one CIDR block: the miners' network" }),
  workerName: z.string({ error: 'must be a string, e.g. "{campus}.{proxy}"' }).max(1_000, { error: 'must have at most 1,000 characters (pools take 64)' }).default('{campus}.{proxy}'),
  port: portSchema.default(3333),
  replicas: positiveInteger('proxy pods').default(2),
  cpuMillicores: millicores('CPU per pod').default(500),
  memoryMib: mebibytes('memory per pod').default(256),
  serviceType: z.enum(['LoadBalancer', 'NodePort', 'ClusterIP'], { error: 'must be "LoadBalancer", "NodePort" or "ClusterIP"' }).default('LoadBalancer'),
  args: argsSchema.optional(),
});

export class StratumProxy extends Construct {
  public readonly campus: WorkloadCampus;
  public readonly namespace: string;
  public readonly pods: readonly MiningPod[];
  public readonly pools: readonly StratumEndpoint[];
  public readonly workerName: string;
  public readonly deployment: DeploymentV1;
  public readonly service: ServiceV1;
  public readonly credentials: SecretV1;
  public readonly usernameVariable: TerraformVariable;
  public readonly passwordVariable: TerraformVariable;
  public readonly networkPolicy: WorkloadNetworkPolicy;

  public constructor(scope: Construct, id: string, props: StratumProxyProps) {
    super(scope, checkConstructArgs('StratumProxy', scope, id));
    this.campus = requireWorkloadCampus(this, 'StratumProxy');
    const p = parseProps(this, schema, props);
    checkServiceId(this);
    p.pods.forEach((pod, i) => requireSameCampus(this, this.campus, `pods[${i}]`, pod, 'MiningPod'));
    this.workerName = p.workerName.replace(/\{campus\}/g, this.campus.campusName).replace(/\{proxy\}/g, id);
    if (!WORKER_NAME.test(this.workerName)) {
      throw new CampusConfigError(
        `[${this.node.path}] invalid property: workerName = ${JSON.stringify(p.workerName)}: gives worker name ${JSON.stringify(this.workerName)}, ` +
          `but pools take 1 to 64 letters, digits, ".", "_" or "-"; use only those around {campus} and {proxy}.`,
      );
    }
    this.pods = p.pods;
    deployedWhen(this, (month) => this.pods.some((pod) => inServiceAt(pod, month)));
    this.pools = p.pools.map((pool) => pool.url);
    const ns = this.campus.workloadNamespace('mining');
    this.namespace = ns.name;
    const secretName = `${id}-pool-credentials`;
    for (const kind of ['Deployment', 'Service', 'NetworkPolicy']) this.campus.claimKubernetesName(kind, this.namespace, id, this);
    this.campus.claimKubernetesName('Secret', this.namespace, secretName, this);

    const variablePrefix = id.replace(/-/g, '_');
    this.usernameVariable = new TerraformVariable(this, 'pool-username', {
      type: 'string',
      sensitive: true,
      description: `Pool account (username) of the stratum proxy '${id}' of campus '${this.campus.campusName}'. Set TF_VAR_${variablePrefix}_pool_username.`,
    });
    this.usernameVariable.overrideLogicalId(`${variablePrefix}_pool_username`);
    this.passwordVariable = new TerraformVariable(this, 'pool-password', {
      type: 'string',
      sensitive: true,
      description: `Pool password of the stratum proxy '${id}' of campus '${this.campus.campusName}'. Set TF_VAR_${variablePrefix}_pool_password.`,
    });
    this.passwordVariable.overrideLogicalId(`${variablePrefix}_pool_password`);

    const podNames = [...new Set(p.pods.map((pod) => pod.node.id))].sort();
    const selector = { [LABEL_NAME]: id, [LABEL_COMPONENT]: 'stratum-proxy' };
    const labels: Record<string, string> = {
      ...selector,
      [LABEL_POD_GROUP]: id,
      [LABEL_CAMPUS]: this.campus.campusName,
      [LABEL_WORKLOAD_CLASS]: 'mining',
      [LABEL_PART_OF]: 'hybrid-campus',
    };
    if (podNames.length === 1) labels[LABEL_MINING_POD] = podNames[0];
    const metadata = { name: id, namespace: this.namespace, labels, annotations: { [ANNOTATION_MINING_PODS]: podNames.join(',') } };
    const dependsOn = [ns.namespace];

    this.credentials = new SecretV1(this, 'pool-credentials', {
      metadata: { name: secretName, namespace: this.namespace, labels },
      type: 'Opaque',
      data: { username: this.usernameVariable.stringValue, password: this.passwordVariable.stringValue },
    });
    dependOn(this.credentials, dependsOn);
    const fromSecret = (name: string, key: string) => ({ name, valueFrom: { secretKeyRef: { name: secretName, key } } });
    this.deployment = new DeploymentV1(this, 'deployment', {
      metadata,
      spec: {
        replicas: String(p.replicas),
        selector: { matchLabels: selector },
        template: {
          metadata: { labels },
          spec: securePodSpec({
            containerName: 'stratum-proxy',
            image: p.image,
            args: p.args,
            env: [
              { name: 'LISTEN_PORT', value: String(p.port) },
              { name: 'POOL_URLS', value: this.pools.map((pool) => pool.url).join(',') },
              { name: 'WORKER_NAME', value: this.workerName },
              fromSecret('POOL_USERNAME', 'username'),
              fromSecret('POOL_PASSWORD', 'password'),
            ],
            ports: [{ name: 'stratum', containerPort: p.port, protocol: 'TCP' }],
            cpuMillicores: p.cpuMillicores,
            memoryMib: p.memoryMib,
            scratchMib: 64,
            priorityClassName: this.campus.priorityClassName('mining'),
          }),
        },
      },
      waitForRollout: false,
    });
    dependOn(this.deployment, [...dependsOn, this.credentials]);
    this.service = new ServiceV1(this, 'service', {
      metadata,
      spec: {
        type: p.serviceType,
        externalTrafficPolicy: p.serviceType === 'ClusterIP' ? undefined : 'Local',
        // A cloud load balancer admits only the miners' network too, not just the NetworkPolicy.
        loadBalancerSourceRanges: p.serviceType === 'LoadBalancer' ? [...p.minerCidrs] : undefined,
        selector,
        port: [{ name: 'stratum', port: p.port, targetPort: 'stratum', protocol: 'TCP' }],
      },
      waitForLoadBalancer: false,
    });
    dependOn(this.service, dependsOn);
    this.networkPolicy = new WorkloadNetworkPolicy(this, 'network-policy', {
      name: id,
      namespace: this.namespace,
      podLabels: selector,
      ingressFromCidrs: { cidrs: p.minerCidrs, ports: [{ port: p.port }] },
      egressTo: p.pools.flatMap((pool) => pool.egressCidrs.map((cidr) => ({ cidr, port: pool.url.port }))),
      dependsOn,
    });
  }
}
