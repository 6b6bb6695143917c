import { Testing } from 'cdktf';
import { DeploymentV1 } from '@cdktf/provider-kubernetes/lib/deployment-v1';
import { PodDisruptionBudgetV1 } from '@cdktf/provider-kubernetes/lib/pod-disruption-budget-v1';
import { PriorityClassV1 } from '@cdktf/provider-kubernetes/lib/priority-class-v1';
import { ServiceV1 } from '@cdktf/provider-kubernetes/lib/service-v1';
import { GPU_SYSTEMS } from '../../catalog/hardware-catalog';
import { GpuHall } from '../../constructs/plant/gpu-hall';
import { InferenceService } from '../../constructs/workloads/inference-service';
import { errorOf, smallCampus } from './helpers';
import { INFERENCE, byName, campusWithHall } from './workload-helpers';

const SELECTOR = { 'app.kubernetes.io/name': 'llm', 'hybrid-campus/gpu-hall': 'hall-1' };
const LABELS = {
  ...SELECTOR,
  'app.kubernetes.io/component': 'inference',
  'app.kubernetes.io/part-of': 'hybrid-campus',
  'hybrid-campus/campus': 'site',
  'hybrid-campus/workload-class': 'ai',
};

describe('InferenceService', () => {
  test('a Deployment of GPU pods placed on the hall, secure by default', () => {
    const { campus, hall } = campusWithHall();
    hall.addInferenceService('llm', { ...INFERENCE, replicas: 3, env: { B: '2', A: '1' }, args: ['--port', '8000'] });
    const synthesized = Testing.synth(campus, true);
    expect(synthesized).toHaveResourceWithProperties(DeploymentV1, {
      metadata: { name: 'llm', namespace: 'site-hall-1', labels: LABELS },
      wait_for_rollout: false,
    });
    const deployment = byName(campus, 'kubernetes_deployment_v1').llm as { spec: unknown };
    expect(deployment.spec).toEqual({
      replicas: '3',
      selector: { match_labels: SELECTOR },
      // No surge pod: it would ask for GPUs beyond the hall's quota.
      strategy: { type: 'RollingUpdate', rolling_update: { max_surge: '0', max_unavailable: '1' } },
      template: {
        metadata: { labels: LABELS },
        spec: {
          automount_service_account_token: false,
          enable_service_links: false,
          priority_class_name: 'site-ai-firm',
          security_context: { run_as_non_root: true, run_as_user: '65532', run_as_group: '65532', fs_group: '65532', seccomp_profile: { type: 'RuntimeDefault' } },
          affinity: {
            node_affinity: {
              required_during_scheduling_ignored_during_execution: {
                node_selector_term: [
                  {
                    match_expressions: [
                      { key: 'hybrid-campus/campus', operator: 'In', values: ['site'] },
                      { key: 'hybrid-campus/gpu-hall', operator: 'In', values: ['hall-1'] },
                    ],
                  },
                ],
              },
            },
          },
          toleration: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }],
          container: [
            {
              name: 'main',
              image: 'registry.example.com/ai/server:2.3.1',
              image_pull_policy: 'IfNotPresent',
              args: ['--port', '8000'],
              env: [
                { name: 'A', value: '1' },
                { name: 'B', value: '2' },
              ],
              port: [{ name: 'http', container_port: 8000, protocol: 'TCP' }],
              resources: {
                requests: { cpu: '16000m', memory: '65536Mi', 'nvidia.com/gpu': '8' },
                limits: { cpu: '16000m', memory: '65536Mi', 'nvidia.com/gpu': '8' },
              },
              security_context: {
                run_as_non_root: true,
                read_only_root_filesystem: true,
                allow_privilege_escalation: false,
                privileged: false,
                capabilities: { drop: ['ALL'] },
                seccomp_profile: { type: 'RuntimeDefault' },
              },
              volume_mount: [{ name: 'scratch', mount_path: '/tmp' }],
            },
          ],
          volume: [{ name: 'scratch', empty_dir: { size_limit: '1024Mi' } }],
        },
      },
    });
  });

  test('a ClusterIP Service and a PodDisruptionBudget select the same pods', () => {
    const { campus, hall } = campusWithHall();
    hall.addInferenceService('llm', { ...INFERENCE, port: 9000, maxUnavailable: 2, replicas: 4 });
    const synthesized = Testing.synth(campus, true);
    expect(synthesized).toHaveResourceWithProperties(ServiceV1, {
      metadata: { name: 'llm', namespace: 'site-hall-1', labels: LABELS },
      spec: { type: 'ClusterIP', selector: SELECTOR, port: [{ name: 'http', port: 9000, target_port: 'http', protocol: 'TCP' }] },
    });
    expect(synthesized).toHaveResourceWithProperties(PodDisruptionBudgetV1, {
      metadata: { name: 'llm', namespace: 'site-hall-1', labels: LABELS },
      spec: { max_unavailable: '2', selector: { match_labels: SELECTOR } },
    });
  });

  test('the firm AI priority class ranks above the mining one', () => {
    const { campus, hall } = campusWithHall();
    hall.addInferenceService('llm', INFERENCE);
    const synthesized = Testing.synth(campus, true);
    expect(synthesized).toHaveResourceWithProperties(PriorityClassV1, {
      metadata: expect.objectContaining({ name: 'site-ai-firm' }),
      value: 1_000_000,
      preemption_policy: 'PreemptLowerPriority',
      global_default: false,
    });
  });

  test('its NetworkPolicy admits only its own namespace (and clientCidrs) on its port, and DNS out', () => {
    const { campus, hall } = campusWithHall();
    hall.addInferenceService('llm', { ...INFERENCE, clientCidrs: ['10.70.0.0/24'] });
    const policy = byName(campus, 'kubernetes_network_policy_v1').llm as { spec: unknown };
    expect(policy.spec).toEqual({
      pod_selector: { match_labels: SELECTOR },
      policy_types: ['Ingress', 'Egress'],
      ingress: [
        { from: [{ pod_selector: {} }], ports: [{ port: '8000', protocol: 'TCP' }] },
        { from: [{ ip_block: { cidr: '10.70.0.0/24' } }], ports: [{ port: '8000', protocol: 'TCP' }] },
      ],
      egress: [
        {
          to: [{ namespace_selector: { match_labels: { 'kubernetes.io/metadata.name': 'kube-system' } }, pod_selector: { match_labels: { 'k8s-app': 'kube-dns' } } }],
          ports: [
            { port: '53', protocol: 'UDP' },
            { port: '53', protocol: 'TCP' },
          ],
        },
      ],
    });
  });

  test('can be placed by hall id, and in a tenant hall that has a namespace', () => {
    const { campus, bus, air } = smallCampus();
    new GpuHall(campus, 'hall-2', { system: GPU_SYSTEMS.NVIDIA_DGX_H100, count: 2, bus, cooling: air, tenant: 'acme', tenantNamespace: { gpuAllocation: 16 } });
    const service = new InferenceService(campus, 'llm', { ...INFERENCE, hall: 'hall-2', replicas: 2 });
    expect(service.namespace).toBe('site-tenant-acme');
    expect(Testing.synth(campus, true)).toHaveResourceWithProperties(DeploymentV1, {
      metadata: expect.objectContaining({ name: 'llm', namespace: 'site-tenant-acme' }),
    });
  });

  describe('refuses', () => {
    test('a hall id the campus does not have', () => {
      const { campus } = campusWithHall();
      expect(errorOf(() => new InferenceService(campus, 'llm', { ...INFERENCE, hall: 'hall-9' }))).toBe(
        "CampusConfigError: [site/llm] hall = \"hall-9\": campus 'site' has no GPU hall 'hall-9' (its halls: hall-1). Declare the hall before its workloads, or use one of those ids.",
      );
    });

    test('a hall id in a campus without halls', () => {
      const { campus } = smallCampus();
      expect(errorOf(() => new InferenceService(campus, 'llm', { ...INFERENCE, hall: 'hall-1' }))).toBe(
        "CampusConfigError: [site/llm] hall = \"hall-1\": campus 'site' has no GPU hall 'hall-1' (it has no GPU hall yet). Declare the hall before its workloads, or use one of those ids.",
      );
    });

    test('something that is not a hall', () => {
      const { campus, bus } = campusWithHall();
      expect(errorOf(() => new InferenceService(campus, 'llm', { ...INFERENCE, hall: bus as never }))).toBe(
        'CampusConfigError: [site/llm] invalid property: hall = PowerBus at site/bus: must be a GpuHall construct or the id of a GpuHall in this campus',
      );
    });

    test('a hall of another campus', () => {
      const { hall } = campusWithHall('site-a');
      const { campus } = smallCampus({}, 'site-b');
      expect(errorOf(() => new InferenceService(campus, 'llm', { ...INFERENCE, hall }))).toBe(
        "CampusConfigError: [site-b/llm] hall = GpuHall 'hall-1' (site-a/hall-1) belongs to campus 'site-a', not to campus 'site-b'. Use a GpuHall declared in campus 'site-b'.",
      );
    });

    test('a tenant hall without a namespace', () => {
      const { campus, bus, air } = smallCampus();
      const hall = new GpuHall(campus, 'hall-2', { system: GPU_SYSTEMS.NVIDIA_DGX_H100, count: 2, bus, cooling: air, tenant: 'acme' });
      expect(errorOf(() => hall.addInferenceService('llm', INFERENCE))).toBe(
        "CampusConfigError: [site/hall-2/llm] hall 'hall-2' is leased to tenant 'acme' and has no namespace on this cluster (its contract gives the tenant none), " +
          'so no workload can be placed there. Give the hall tenantNamespace: { gpuAllocation: <GPUs> } if the contract provides a namespace, or place the workload in a self-operated hall.',
      );
    });

    test('an image that is not pinned', () => {
      const { hall } = campusWithHall();
      expect(errorOf(() => hall.addInferenceService('llm', { ...INFERENCE, image: 'vllm/vllm-openai:latest' }))).toBe(
        'CampusConfigError: [site/hall-1/llm] invalid property: image = "vllm/vllm-openai:latest": is not pinned: "latest" moves; use a version tag (e.g. "vllm/vllm-openai:1.2.3") or a digest ("vllm/vllm-openai@sha256:...")',
      );
    });

    test('an id that is not a Kubernetes name', () => {
      const { hall } = campusWithHall();
      expect(errorOf(() => hall.addInferenceService('LLM_1', INFERENCE))).toBe(
        'CampusConfigError: [site/hall-1/LLM_1] invalid property: id = "LLM_1": must be a Kubernetes DNS-1123 label: lower-case letters, digits and "-", starting and ending with a letter or digit',
      );
    });

    test('an id that cannot name a Service', () => {
      const { hall } = campusWithHall();
      expect(errorOf(() => hall.addInferenceService('7b-chat', INFERENCE))).toBe(
        'CampusConfigError: [site/hall-1/7b-chat] invalid property: id = "7b-chat": names a Kubernetes Service, which must start with a letter (a DNS-1035 label); e.g. "svc-7b-chat"',
      );
    });

    test('bad quantities, ports and CIDR blocks', () => {
      const { hall } = campusWithHall();
      expect(
        errorOf(() =>
          hall.addInferenceService('llm', { ...INFERENCE, gpusPerPod: 0, cpuMillicores: 0.5, memoryMib: -1, port: 70_000, clientCidrs: ['10.0.0.0/33'] }),
        ),
      ).toBe(
        'CampusConfigError: [site/hall-1/llm] 5 invalid properties: gpusPerPod = 0: must be at least 1 (GPUs per pod); ' +
          'cpuMillicores = 0.5: must be a whole number (CPU per pod in millicores, 1000 = one core); memoryMib = -1: must be at least 1 (memory per pod in MiB); ' +
          'port = 70000: must be a port number from 1 to 65535; clientCidrs[0] = "10.0.0.0/33": must be a CIDR block, e.g. "10.20.0.0/16" or "2001:db8::/48"',
      );
    });

    test('a disruption budget larger than the replicas', () => {
      const { hall } = campusWithHall();
      expect(errorOf(() => hall.addInferenceService('llm', { ...INFERENCE, replicas: 1, maxUnavailable: 2 }))).toBe(
        'CampusConfigError: [site/hall-1/llm] invalid property: maxUnavailable = 2: must be at most replicas (1)',
      );
    });

    test('two workloads with the same name in one namespace', () => {
      const { campus, hall } = campusWithHall();
      hall.addInferenceService('llm', INFERENCE);
      expect(errorOf(() => new InferenceService(campus, 'llm', { ...INFERENCE, hall }))).toBe(
        "CampusConfigError: [site/llm] the Kubernetes Deployment 'llm' in namespace 'site-hall-1' is already defined by site/hall-1/llm. Give one of them another id.",
      );
    });
  });

  test('refuses more GPUs per pod than one server of the hall has', () => {
    const { campus } = smallCampus();
    const hall = new GpuHall(campus, 'hall-b200', { system: GPU_SYSTEMS.NVIDIA_DGX_B200, count: 4, bus: campus.node.findChild('bus') as never, cooling: campus.node.findChild('air') as never });
    expect(errorOf(() => hall.addInferenceService('big', { image: 'registry.example.com/ai/server:1.0', gpusPerPod: 16, cpuMillicores: 1_000, memoryMib: 1_024, port: 8000 }))).toBe(
      'CampusConfigError: [site/hall-b200/big] invalid property: gpusPerPod = 16: a pod runs on one DGX B200 (8x B200, 1,440 GB) server, which has 8 GPUs; ask for at most 8 GPUs per pod and run more pods.',
    );
  });
});
