import { ASIC_MODELS, GPU_SYSTEMS } from '../../catalog/hardware-catalog';
import type { GpuSystem } from '../../catalog/hardware-model';
import { GpuHall } from '../../constructs/plant/gpu-hall';
import { errorOf, smallCampus } from './helpers';

describe('GpuHall', () => {
  test('draws count x system power + overhead, is firm and self-operated by default', () => {
    const { campus, bus, air } = smallCampus();
    const hall = new GpuHall(campus, 'hall-1', { system: GPU_SYSTEMS.NVIDIA_DGX_B200, count: 32, overheadKw: 40, bus, cooling: air });
    // 32 x 14,300 W = 457.6 kW, + 40 kW
    expect(hall.itKw).toBeCloseTo(497.6, 9);
    expect(hall.gpus).toBe(256);
    expect(hall.toModel()).toMatchObject({
      kind: 'gpu-hall',
      firm: true,
      operator: { kind: 'self' },
      coolingRequirement: 'air',
      hardwareId: 'nvidia-dgx-b200',
      systemKind: 'gpu-server',
      gpus: 256,
      overheadKw: 40,
    });
  });

  test('a leased hall names its tenant and still counts in the budget', () => {
    const { campus, bus, air } = smallCampus();
    const hall = new GpuHall(campus, 'hall-2', { system: GPU_SYSTEMS.NVIDIA_DGX_H100, count: 10, bus, cooling: air, tenant: 'acme-ai' });
    expect(hall.toModel().operator).toEqual({ kind: 'tenant', tenant: 'acme-ai' });
    expect(campus.evaluate().current.budget.buses[0].scenarios[0].load.firmItKw).toBe(102);
  });

  test('refuses an infinite overhead and a tenant that is not a Kubernetes name', () => {
    const { campus, bus, air } = smallCampus();
    expect(
      errorOf(() => new GpuHall(campus, 'h', { system: GPU_SYSTEMS.NVIDIA_DGX_B200, count: 1, bus, cooling: air, overheadKw: Infinity, tenant: 'Acme AI' })),
    ).toBe(
      'CampusConfigError: [site/h] 2 invalid properties: overheadKw = Infinity: must be a finite number (network and storage draw in kW); tenant = "Acme AI": must be a Kubernetes DNS-1123 label: lower-case letters, digits and "-", starting and ending with a letter or digit',
    );
  });

  test('refuses an ASIC model as GPU system', () => {
    const { campus, bus, air } = smallCampus();
    expect(errorOf(() => new GpuHall(campus, 'h', { system: ASIC_MODELS.BITMAIN_ANTMINER_S21 as unknown as GpuSystem, count: 1, bus, cooling: air }))).toContain(
      'is a model of kind "asic" (\'bitmain-antminer-s21\'), but a GPU server or rack model is needed: pick one from GPU_SYSTEMS or build one with defineGpuSystem()',
    );
  });

  test('refuses unknown properties', () => {
    const { campus, bus, air } = smallCampus();
    expect(errorOf(() => new GpuHall(campus, 'h', { system: GPU_SYSTEMS.NVIDIA_DGX_B200, count: 1, bus, cooling: air, racks: 3 } as never))).toBe(
      'CampusConfigError: [site/h] invalid property: racks = 3: is not a known property; check its spelling or remove it',
    );
  });
});
