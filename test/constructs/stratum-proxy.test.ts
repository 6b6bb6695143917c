import { Testing } from 'cdktf';
import { DeploymentV1 } from '@cdktf/provider-kubernetes/lib/deployment-v1';
import { PriorityClassV1 } from '@cdktf/provider-kubernetes/lib/priority-class-v1';
import { SecretV1 } from '@cdktf/provider-kubernetes/lib/secret-v1';
import { ServiceV1 } from '@cdktf/provider-kubernetes/lib/service-v1';
import { MiningPod } from '../../constructs/plant/mining-pod';
import { StratumProxy, type StratumProxyProps } from '../../constructs/workloads/stratum-proxy';
import { S21, errorOf, smallCampus } from './helpers';
import { byName } from './workload-helpers';

function site(id = 'site') {
  const s = smallCampus({}, id);
  const pods = [1, 2].map((i) => new MiningPod(s.campus, `pod-${i}`, { model: S21, count: 10, bus: s.bus, cooling: s.air }));
  return { ...s, pods };
}

const PROXY: Omit<StratumProxyProps, 'pods'> = {
  image: 'registry.example.com/mining/stratum-proxy:1.4.2',
  pools: [
    { url: 'stratum+tcp://btc.pool.example:3333', egressCidrs: ['203.0.113.0/24'] },
    { url: 'stratum+ssl://backup.pool.example:4444', egressCidrs: ['198.51.100.0/24', '203.0.113.0/24'] },
  ],
  minerCidrs: ['10.50.0.0/16'],
};

describe('StratumProxy', () => {
  test('a Deployment with pools, worker name and credentials from the Secret, in the mining namespace', () => {
    const { campus, pods } = site();
    new StratumProxy(campus, 'proxy-a', { ...PROXY, pods, workerName: 'farm.{campus}-{proxy}' });
    const deployment = byName(campus, 'kubernetes_deployment_v1')['proxy-a'] as {
      metadata: unknown;
      spec: { replicas: string; template: { spec: { priority_class_name: string; container: Record<string, unknown>[] } } };
    };
    expect(deployment.metadata).toEqual({
      name: 'proxy-a',
      namespace: 'site-mining',
      labels: {
        'app.kubernetes.io/name': 'proxy-a',
        'app.kubernetes.io/component': 'stratum-proxy',
        'hybrid-campus/pod-group': 'proxy-a',
        'hybrid-campus/campus': 'site',
        'hybrid-campus/workload-class': 'mining',
        'app.kubernetes.io/part-of': 'hybrid-campus',
      },
      annotations: { 'hybrid-campus/mining-pods': 'pod-1,pod-2' },
    });
    expect(deployment.spec.replicas).toBe('2');
    expect(deployment.spec.template.spec.priority_class_name).toBe('site-mining');
    const container = deployment.spec.template.spec.container[0];
    expect(container.env).toEqual([
      { name: 'LISTEN_PORT', value: '3333' },
      { name: 'POOL_URLS', value: 'stratum+tcp://btc.pool.example:3333,stratum+ssl://backup.pool.example:4444' },
      { name: 'WORKER_NAME', value: 'farm.site-proxy-a' },
      { name: 'POOL_USERNAME', value_from: { secret_key_ref: { name: 'proxy-a-pool-credentials', key: 'username' } } },
      { name: 'POOL_PASSWORD', value_from: { secret_key_ref: { name: 'proxy-a-pool-credentials', key: 'password' } } },
    ]);
    expect(container.resources).toEqual({ requests: { cpu: '500m', memory: '256Mi' }, limits: { cpu: '500m', memory: '256Mi' } });
    expect(Testing.synth(campus, true)).toHaveResourceWithProperties(PriorityClassV1, {
      metadata: expect.objectContaining({ name: 'site-mining' }),
      value: 1_000,
      preemption_policy: 'Never',
    });
  });

  test('a proxy for one pod is labelled with that pod', () => {
    const { campus, pods } = site();
    new StratumProxy(campus, 'proxy-1', { ...PROXY, pods: [pods[0]] });
    expect(Testing.synth(campus, true)).toHaveResourceWithProperties(DeploymentV1, {
      metadata: expect.objectContaining({ labels: expect.objectContaining({ 'hybrid-campus/mining-pod': 'pod-1' }) }),
    });
  });

  test('the Secret is filled from sensitive Terraform variables: only references reach cdk.tf.json', () => {
    const { campus, pods } = site();
    new StratumProxy(campus, 'proxy-a', { ...PROXY, pods });
    const synthesized = Testing.synth(campus, true);
    expect(synthesized).toHaveResourceWithProperties(SecretV1, {
      metadata: expect.objectContaining({ name: 'proxy-a-pool-credentials', namespace: 'site-mining' }),
      type: 'Opaque',
      data: { username: '${var.proxy_a_pool_username}', password: '${var.proxy_a_pool_password}' },
    });
    const variables = JSON.parse(synthesized).variable;
    expect(variables.proxy_a_pool_username).toEqual({
      type: 'string',
      sensitive: true,
      description: "Pool account (username) of the stratum proxy 'proxy-a' of campus 'site'. Set TF_VAR_proxy_a_pool_username.",
    });
    expect(variables.proxy_a_pool_password).toEqual({
      type: 'string',
      sensitive: true,
      description: "Pool password of the stratum proxy 'proxy-a' of campus 'site'. Set TF_VAR_proxy_a_pool_password.",
    });
  });

  test('a LoadBalancer Service that keeps the miners\u2019 source addresses and admits only their network', () => {
    const { campus, pods } = site();
    new StratumProxy(campus, 'proxy-a', { ...PROXY, pods, port: 3400 });
    expect(Testing.synth(campus, true)).toHaveResourceWithProperties(ServiceV1, {
      spec: {
        type: 'LoadBalancer',
        external_traffic_policy: 'Local',
        load_balancer_source_ranges: ['10.50.0.0/16'],
        selector: { 'app.kubernetes.io/name': 'proxy-a', 'app.kubernetes.io/component': 'stratum-proxy' },
        port: [{ name: 'stratum', port: 3400, target_port: 'stratum', protocol: 'TCP' }],
      },
      wait_for_load_balancer: false,
    });
  });

  test('refuses a /0 block, which would open the proxy to every address', () => {
    const { campus, pods } = site();
    expect(errorOf(() => new StratumProxy(campus, 'proxy-a', { ...PROXY, pods, minerCidrs: ['0.0.0.0/0'] }))).toBe(
      'CampusConfigError: [site/proxy-a] invalid property: minerCidrs[0] = "0.0.0.0/0": opens to every address (a /0 block, which also contains the pod network); give the narrow block of the miners or the pool',
    );
  });

  test('its NetworkPolicy admits the miners on the proxy port and lets it reach DNS and the pools only', () => {
    const { campus, pods } = site();
    new StratumProxy(campus, 'proxy-a', { ...PROXY, pods });
    const policy = byName(campus, 'kubernetes_network_policy_v1')['proxy-a'] as { spec: { ingress: unknown; egress: unknown[] } };
    expect(policy.spec.ingress).toEqual([{ from: [{ ip_block: { cidr: '10.50.0.0/16' } }], ports: [{ port: '3333', protocol: 'TCP' }] }]);
    expect(policy.spec.egress.slice(1)).toEqual([
      { to: [{ ip_block: { cidr: '203.0.113.0/24' } }], ports: [{ port: '3333', protocol: 'TCP' }] },
      { to: [{ ip_block: { cidr: '198.51.100.0/24' } }, { ip_block: { cidr: '203.0.113.0/24' } }], ports: [{ port: '4444', protocol: 'TCP' }] },
    ]);
  });

  describe('refuses', () => {
    test('a pool URL without a port and a pool without addresses', () => {
      const { campus, pods } = site();
      expect(errorOf(() => new StratumProxy(campus, 'proxy-a', { ...PROXY, pods, pools: [{ url: 'stratum+tcp://btc.pool.example', egressCidrs: [] }] }))).toBe(
        'CampusConfigError: [site/proxy-a] 2 invalid properties: pools[0].url = "stratum+tcp://btc.pool.example": is not a stratum pool URL with a port; ' +
          'write stratum+tcp://host:port, stratum+ssl://host:port or stratum2+tcp://host:port; pools[0].egressCidrs = []: must list at least one CIDR block of the pool',
      );
    });

    test('no pods, no pools and no miner network', () => {
      const { campus } = site();
      expect(errorOf(() => new StratumProxy(campus, 'proxy-a', { ...PROXY, pods: [], pools: [], minerCidrs: [] }))).toBe(
        'CampusConfigError: [site/proxy-a] 3 invalid properties: pods = []: must list at least one MiningPod; pools = []: must list at least one pool; ' +
          "minerCidrs = []: must list at least one CIDR block: the miners' network",
      );
    });

    test('a worker name pools do not take', () => {
      const { campus, pods } = site();
      expect(errorOf(() => new StratumProxy(campus, 'proxy-a', { ...PROXY, pods, workerName: '{campus} {proxy}' }))).toBe(
        'CampusConfigError: [site/proxy-a] invalid property: workerName = "{campus} {proxy}": gives worker name "site proxy-a", but pools take 1 to 64 letters, ' +
          'digits, ".", "_" or "-"; use only those around {campus} and {proxy}.',
      );
    });

    test('an unpinned image', () => {
      const { campus, pods } = site();
      expect(errorOf(() => new StratumProxy(campus, 'proxy-a', { ...PROXY, pods, image: 'stratum-proxy' }))).toBe(
        'CampusConfigError: [site/proxy-a] invalid property: image = "stratum-proxy": is not pinned: add a tag other than "latest" (e.g. "stratum-proxy:1.2.3") or a digest ("stratum-proxy@sha256:...")',
      );
    });

    test('a pod of another campus', () => {
      const { pods } = site('site-a');
      const other = site('site-b');
      expect(errorOf(() => new StratumProxy(other.campus, 'proxy-a', { ...PROXY, pods: [other.pods[0], pods[1]] }))).toBe(
        "CampusConfigError: [site-b/proxy-a] pods[1] = MiningPod 'pod-2' (site-a/pod-2) belongs to campus 'site-a', not to campus 'site-b'. Use a MiningPod declared in campus 'site-b'.",
      );
    });
  });
});
