/**
 * How an AI workload finds the GPU hall it runs in, and what it registers there, so the hall can
 * check that its workloads fit its GPUs. Type-only use of GpuHall keeps the import graph acyclic.
 */
import type { IConstruct } from 'constructs';
import { z } from 'zod';
import { CampusConfigError } from '../../domain/config-error';
import { type CampusScope, requireSameCampus } from '../plant/campus-scope';
import type { GpuHall } from '../plant/gpu-hall';
import { kubernetesNameSchema } from '../props';

/** An AI workload placed in a hall, as the hall's GPU check sees it. */
export type { HallWorkload } from '../plant/gpu-hall';

export function isGpuHall(x: unknown): x is GpuHall {
  return typeof x === 'object' && x !== null && (x as { partKind?: unknown }).partKind === 'gpu-hall';
}

/** The `hall` prop: a GpuHall construct, or the id of one in the same campus. */
export const hallRefSchema = z.union([kubernetesNameSchema, z.custom<GpuHall>(isGpuHall)], {
  error: 'must be a GpuHall construct or the id of a GpuHall in this campus',
});

/**
 * The hall a workload is placed in. Refuses a hall id that no GpuHall of the campus has, a hall
 * of another campus, and a tenant hall without a namespace.
 */
export function resolveHall(workload: IConstruct, campus: CampusScope, hall: GpuHall | string): GpuHall {
  let resolved: GpuHall;
  if (typeof hall === 'string') {
    const halls = campus.partsOfKind('gpu-hall') as unknown as GpuHall[];
    const found = halls.find((h) => h.node.id === hall);
    if (!found) {
      const known = halls.length > 0 ? `its halls: ${halls.map((h) => h.node.id).join(', ')}` : 'it has no GPU hall yet';
      throw new CampusConfigError(
        `[${workload.node.path}] hall = "${hall}": campus '${campus.campusName}' has no GPU hall '${hall}' (${known}). ` +
          `Declare the hall before its workloads, or use one of those ids.`,
      );
    }
    resolved = found;
  } else {
    requireSameCampus(workload, campus, 'hall', hall, 'GpuHall');
    resolved = hall;
  }
  if (!resolved.namespace) {
    throw new CampusConfigError(
      `[${workload.node.path}] hall '${resolved.node.id}' is leased to tenant '${resolved.tenant}' and has no namespace on this ` +
        `cluster (its contract gives the tenant none), so no workload can be placed there. Give the hall ` +
        `tenantNamespace: { gpuAllocation: <GPUs> } if the contract provides a namespace, or place the workload in a self-operated hall.`,
    );
  }
  return resolved;
}
