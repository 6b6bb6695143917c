import { Testing } from 'cdktf';
import { JobV1 } from '@cdktf/provider-kubernetes/lib/job-v1';
import { GPU_SYSTEMS } from '../../catalog/hardware-catalog';
import { GpuHall } from '../../constructs/plant/gpu-hall';
import { TrainingJob } from '../../constructs/workloads/training-job';
import { errorOf, smallCampus } from './helpers';
import { INFERENCE, byName, campusWithHall } from './workload-helpers';

const TRAINING = { image: 'registry.example.com/ai/trainer:2025.06', gpusPerPod: 8, cpuMillicores: 32_000, memoryMib: 131_072 } as const;
const SELECTOR = { 'app.kubernetes.io/name': 'pretrain', 'hybrid-campus/gpu-hall': 'hall-1' };

describe('TrainingJob', () => {
  test('a Job of GPU pods on the hall, with the firm priority class and no restarts in place', () => {
    const { campus, hall } = campusWithHall();
    hall.addTrainingJob('pretrain', { ...TRAINING, parallelism: 4, backoffLimit: 1 });
    const synthesized = Testing.synth(campus, true);
    expect(synthesized).toHaveResourceWithProperties(JobV1, {
      metadata: expect.objectContaining({ name: 'pretrain', namespace: 'site-hall-1' }),
      wait_for_completion: false,
    });
    const job = byName(campus, 'kubernetes_job_v1').pretrain as {
      spec: { parallelism: number; completions: number; backoff_limit: number; template: { spec: Record<string, unknown> } };
    };
    expect([job.spec.parallelism, job.spec.completions, job.spec.backoff_limit]).toEqual([4, 4, 1]);
    const pod = job.spec.template.spec as { restart_policy: string; priority_class_name: string; toleration: unknown; container: { resources: unknown }[] };
    expect(pod.restart_policy).toBe('Never');
    expect(pod.priority_class_name).toBe('site-ai-firm');
    expect(pod.toleration).toEqual([{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }]);
    expect(pod.container[0].resources).toEqual({
      requests: { cpu: '32000m', memory: '131072Mi', 'nvidia.com/gpu': '8' },
      limits: { cpu: '32000m', memory: '131072Mi', 'nvidia.com/gpu': '8' },
    });
  });

  test('a multi-pod job may talk between its own pods and to its egress endpoints, nothing else', () => {
    const { campus, hall } = campusWithHall();
    hall.addTrainingJob('pretrain', { ...TRAINING, parallelism: 2, egress: [{ cidr: '198.51.100.0/24', port: 443 }, { cidr: '192.0.2.0/24', port: 443 }] });
    const policy = byName(campus, 'kubernetes_network_policy_v1').pretrain as { spec: { ingress: unknown; egress: unknown[] } };
    expect(policy.spec.ingress).toEqual([{ from: [{ pod_selector: { match_labels: SELECTOR } }] }]);
    expect(policy.spec.egress.slice(1)).toEqual([
      { to: [{ pod_selector: { match_labels: SELECTOR } }] },
      { to: [{ ip_block: { cidr: '192.0.2.0/24' } }, { ip_block: { cidr: '198.51.100.0/24' } }], ports: [{ port: '443', protocol: 'TCP' }] },
    ]);
  });

  test('a single-pod job gets DNS only', () => {
    const { campus, hall } = campusWithHall();
    hall.addTrainingJob('pretrain', TRAINING);
    const policy = byName(campus, 'kubernetes_network_policy_v1').pretrain as { spec: { ingress?: unknown; egress: unknown[] } };
    expect(policy.spec.ingress).toBeUndefined();
    expect(policy.spec.egress).toHaveLength(1);
  });

  test('refuses a bad retry count', () => {
    const { hall } = campusWithHall();
    expect(errorOf(() => hall.addTrainingJob('pretrain', { ...TRAINING, backoffLimit: -1 }))).toBe(
      'CampusConfigError: [site/hall-1/pretrain] invalid property: backoffLimit = -1: must be 0 or more (retries)',
    );
  });
});

describe('GPU requests per hall (checked at synth)', () => {
  test('workloads that fit the hall pass', () => {
    const { campus, hall } = campusWithHall();
    hall.addInferenceService('llm', { ...INFERENCE, replicas: 4 }); // 32
    hall.addTrainingJob('pretrain', { ...TRAINING, parallelism: 4 }); // 32
    expect(hall.gpusRequested).toBe(64);
    expect(() => Testing.synth(campus, true)).not.toThrow();
  });

  test('workloads that request more GPUs than the hall has installed fail synth, naming each workload', () => {
    const { campus, hall } = campusWithHall();
    hall.addInferenceService('llm', { ...INFERENCE, replicas: 4 }); // 32
    new TrainingJob(campus, 'pretrain', { ...TRAINING, hall: 'hall-1', parallelism: 5 }); // 40
    expect(errorOf(() => Testing.synth(campus, true))).toBe(
      'Error: Validation failed with the following errors:\n' +
        "  [site/hall-1] GPU requests: the workloads in hall 'hall-1' request 72 GPUs (inference 'llm': 4 replicas x 8 GPUs = 32; " +
        "training 'pretrain': 5 pods x 8 GPUs = 40), but the hall has 64 GPUs installed (8 systems x 8 GPUs): 8 too many. " +
        'Lower replicas, parallelism or gpusPerPod, or move a workload to another hall.\n\n' +
        "If you wish to ignore these validations, pass 'skipValidation: true' to your App configuration.\n",
    );
  });

  test("in a tenant hall, the limit is the tenant's allocation", () => {
    const { campus, bus, air } = smallCampus();
    const hall = new GpuHall(campus, 'hall-2', { system: GPU_SYSTEMS.NVIDIA_DGX_H100, count: 8, bus, cooling: air, tenant: 'acme', tenantNamespace: { gpuAllocation: 16 } });
    hall.addTrainingJob('finetune', { ...TRAINING, parallelism: 3 });
    expect(errorOf(() => Testing.synth(campus, true))).toContain(
      "[site/hall-2] GPU requests: the workloads in hall 'hall-2' request 24 GPUs (training 'finetune': 3 pods x 8 GPUs = 24), " +
        "but tenant 'acme' is allocated 16 GPUs (tenantNamespace.gpuAllocation; the hall has 64 installed): 8 too many.",
    );
  });
});

describe('TrainingJob bounds', () => {
  test('a retry count past 1,000 or a pod count past 1,000,000,000 is refused with the field and the bound', () => {
    const { hall } = campusWithHall();
    expect(errorOf(() => hall.addTrainingJob('retries', { ...TRAINING, backoffLimit: 1e15 }))).toBe(
      'CampusConfigError: [site/hall-1/retries] invalid property: backoffLimit = 1000000000000000: must be at most 1,000 (retries before the Job fails)',
    );
    expect(errorOf(() => hall.addTrainingJob('many', { ...TRAINING, completions: 2e9 }))).toBe(
      'CampusConfigError: [site/hall-1/many] invalid property: completions = 2000000000: must be at most 1,000,000,000 (pods that must succeed); check the figure',
    );
  });
});
