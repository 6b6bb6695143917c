import { Testing } from 'cdktf';
import { GPU_SYSTEMS } from '../../catalog/hardware-catalog';
import { GpuHall } from '../../constructs/plant/gpu-hall';
import type { Campus } from '../../stacks/campus';
import { smallCampus } from './helpers';

/** A small campus with a self-operated hall of 8 DGX H100 (64 GPUs). */
export function campusWithHall(id = 'site') {
  const site = smallCampus({}, id);
  const hall = new GpuHall(site.campus, 'hall-1', { system: GPU_SYSTEMS.NVIDIA_DGX_H100, count: 8, bus: site.bus, cooling: site.air });
  return { ...site, hall };
}

export const INFERENCE = { image: 'registry.example.com/ai/server:2.3.1', gpusPerPod: 8, cpuMillicores: 16_000, memoryMib: 65_536 } as const;

/** The synthesized resources of one type, by their metadata.name. */
export function byName(campus: Campus, type: string, validate = true): Record<string, Record<string, unknown>> {
  const resources = JSON.parse(Testing.synth(campus, validate)).resource[type] ?? {};
  return Object.fromEntries(
    Object.values(resources as Record<string, { metadata: { name: string } }>).map((r) => [r.metadata.name, r as unknown as Record<string, unknown>]),
  );
}
