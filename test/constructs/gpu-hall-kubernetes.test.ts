import { Testing } from 'cdktf';
import { LimitRangeV1 } from '@cdktf/provider-kubernetes/lib/limit-range-v1';
import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { PriorityClassV1 } from '@cdktf/provider-kubernetes/lib/priority-class-v1';
import { ResourceQuotaV1 } from '@cdktf/provider-kubernetes/lib/resource-quota-v1';
import { GPU_SYSTEMS } from '../../catalog/hardware-catalog';
import { GpuHall } from '../../constructs/plant/gpu-hall';
import { errorOf, smallCampus } from './helpers';

const H100 = GPU_SYSTEMS.NVIDIA_DGX_H100; // 8 GPUs per system

function namespaces(synthesized: string): string[] {
  const resources = JSON.parse(synthesized).resource;
  return (Object.values(resources.kubernetes_namespace_v1 ?? {}) as { metadata: { name: string } }[]).map((n) => n.metadata.name).sort();
}

describe('GpuHall on Kubernetes', () => {
  test('a self-operated hall gets its own restricted namespace, labelled with campus, hall and class', () => {
    const { campus, bus, air } = smallCampus();
    new GpuHall(campus, 'hall-1', { system: H100, count: 8, bus, cooling: air });
    const synthesized = Testing.synth(campus, true);
    expect(synthesized).toHaveResourceWithProperties(NamespaceV1, {
      metadata: {
        name: 'site-hall-1',
        labels: {
          'app.kubernetes.io/part-of': 'hybrid-campus',
          'hybrid-campus/campus': 'site',
          'hybrid-campus/gpu-hall': 'hall-1',
          'hybrid-campus/workload-class': 'ai',
          'pod-security.kubernetes.io/enforce': 'restricted',
        },
      },
    });
  });

  test('caps GPU requests in the namespace at the GPUs installed, and sets container defaults', () => {
    const { campus, bus, air } = smallCampus();
    new GpuHall(campus, 'hall-1', { system: H100, count: 8, bus, cooling: air });
    const synthesized = Testing.synth(campus, true);
    expect(synthesized).toHaveResourceWithProperties(ResourceQuotaV1, {
      metadata: { name: 'gpu-quota', namespace: 'site-hall-1', labels: { 'app.kubernetes.io/part-of': 'hybrid-campus' } },
      spec: { hard: { 'requests.nvidia.com/gpu': '64' } },
    });
    expect(synthesized).toHaveResourceWithProperties(LimitRangeV1, {
      metadata: expect.objectContaining({ name: 'container-defaults', namespace: 'site-hall-1' }),
      spec: { limit: [{ type: 'Container', default_request: { cpu: '250m', memory: '256Mi' }, default: { cpu: '1000m', memory: '1024Mi' } }] },
    });
  });

  test('a leased hall without tenantNamespace gets nothing on the cluster', () => {
    const { campus, bus, air } = smallCampus();
    const hall = new GpuHall(campus, 'hall-2', { system: H100, count: 8, bus, cooling: air, tenant: 'acme' });
    const synthesized = Testing.synth(campus, true);
    expect(namespaces(synthesized)).toEqual(['site-ai']);
    expect(synthesized).not.toHaveResource(ResourceQuotaV1);
    expect(hall.namespace).toBeUndefined();
  });

  test("a leased hall with tenantNamespace gets the tenant's namespace and a quota of its allocation", () => {
    const { campus, bus, air } = smallCampus();
    new GpuHall(campus, 'hall-2', { system: H100, count: 8, bus, cooling: air, tenant: 'acme', tenantNamespace: { gpuAllocation: 48 } });
    const synthesized = Testing.synth(campus, true);
    expect(namespaces(synthesized)).toEqual(['site-ai', 'site-tenant-acme']);
    expect(synthesized).toHaveResourceWithProperties(NamespaceV1, {
      metadata: {
        name: 'site-tenant-acme',
        labels: {
          'app.kubernetes.io/part-of': 'hybrid-campus',
          'hybrid-campus/campus': 'site',
          'hybrid-campus/gpu-hall': 'hall-2',
          'hybrid-campus/tenant': 'acme',
          'hybrid-campus/workload-class': 'ai',
          'pod-security.kubernetes.io/enforce': 'restricted',
        },
      },
    });
    expect(synthesized).toHaveResourceWithProperties(ResourceQuotaV1, {
      metadata: expect.objectContaining({ namespace: 'site-tenant-acme' }),
      spec: { hard: { 'requests.nvidia.com/gpu': '48' } },
    });
  });

  test('priority classes are created only for workloads (none for a hall alone)', () => {
    const { campus, bus, air } = smallCampus();
    new GpuHall(campus, 'hall-1', { system: H100, count: 8, bus, cooling: air });
    expect(Testing.synth(campus, true)).not.toHaveResource(PriorityClassV1);
  });

  test('refuses tenantNamespace on a self-operated hall', () => {
    const { campus, bus, air } = smallCampus();
    expect(errorOf(() => new GpuHall(campus, 'hall-1', { system: H100, count: 8, bus, cooling: air, tenantNamespace: { gpuAllocation: 8 } }))).toBe(
      'CampusConfigError: [site/hall-1] invalid property: tenantNamespace = {"gpuAllocation":8}: is only for a hall leased to a tenant; set tenant, or remove tenantNamespace (a self-operated hall always gets its own namespace).',
    );
  });

  test('refuses an allocation above the GPUs installed', () => {
    const { campus, bus, air } = smallCampus();
    expect(
      errorOf(() => new GpuHall(campus, 'hall-2', { system: H100, count: 8, bus, cooling: air, tenant: 'acme', tenantNamespace: { gpuAllocation: 65 } })),
    ).toBe('CampusConfigError: [site/hall-2] invalid property: tenantNamespace.gpuAllocation = 65: is more than the 64 GPUs installed in the hall (8 x 8); allocate at most 64.');
  });

  test('refuses an allocation that is not a positive whole number', () => {
    const { campus, bus, air } = smallCampus();
    expect(
      errorOf(() => new GpuHall(campus, 'hall-2', { system: H100, count: 8, bus, cooling: air, tenant: 'acme', tenantNamespace: { gpuAllocation: 0.5 } })),
    ).toBe('CampusConfigError: [site/hall-2] invalid property: tenantNamespace.gpuAllocation = 0.5: must be a whole number (GPUs allocated to the tenant)');
  });

  test('refuses a second namespace for the same tenant', () => {
    const { campus, bus, air } = smallCampus();
    new GpuHall(campus, 'hall-2', { system: H100, count: 1, bus, cooling: air, tenant: 'acme', tenantNamespace: { gpuAllocation: 8 } });
    expect(
      errorOf(() => new GpuHall(campus, 'hall-3', { system: H100, count: 1, bus, cooling: air, tenant: 'acme', tenantNamespace: { gpuAllocation: 8 } })),
    ).toBe(
      "CampusConfigError: [site/hall-3] tenant 'acme' already has a namespace, from hall 'hall-2' (site/hall-2); a tenant gets one. Remove tenantNamespace here, or give it on one hall only.",
    );
  });

  test('refuses a hall whose namespace name would be too long', () => {
    const campusId = 'c'.repeat(40);
    const hallId = 'h'.repeat(23);
    const { campus, bus, air } = smallCampus({}, campusId);
    expect(errorOf(() => new GpuHall(campus, hallId, { system: H100, count: 1, bus, cooling: air }))).toBe(
      `CampusConfigError: [${campusId}/${hallId}/kubernetes/namespace] namespace name '${campusId}-${hallId}' (64 characters) is not a valid Kubernetes namespace name ` +
        `(a DNS-1123 label of at most 63 characters). Shorten the campus id '${campusId}' or the hall id '${hallId}'.`,
    );
  });

  test('refuses a hall whose namespace would be a class namespace', () => {
    const { campus, bus, air } = smallCampus();
    expect(errorOf(() => new GpuHall(campus, 'ai', { system: H100, count: 1, bus, cooling: air }))).toBe(
      "CampusConfigError: [site/ai/kubernetes] the Kubernetes Namespace 'site-ai' in the cluster is already defined by site/kubernetes/namespace-ai. Give one of them another id.",
    );
  });
});
