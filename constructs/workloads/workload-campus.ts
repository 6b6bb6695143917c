/**
 * What the workloads need from their campus on top of what the plant needs (`CampusScope`):
 * the shared namespaces and PriorityClasses of each class of workloads. Implemented by `Campus`.
 * The plant knows nothing of it, so it imports nothing from the workloads.
 */
import type { IConstruct } from 'constructs';
import { type CampusScope, requireCampus } from '../plant/campus-scope';
import type { WorkloadClass } from './labels';
import type { WorkloadNamespace } from './workload-namespace';

export interface WorkloadCampus extends CampusScope {
  /** The namespace for a class of workloads, created on first use. */
  workloadNamespace(workloadClass: WorkloadClass): WorkloadNamespace;
  /** The name of the PriorityClass for a class of workloads, created on first use. */
  priorityClassName(workloadClass: WorkloadClass): string;
}

/** The campus a workload is declared in; throws a clear error when there is none. */
export function requireWorkloadCampus(part: IConstruct, kind: string): WorkloadCampus {
  return requireCampus(part, kind) as WorkloadCampus;
}
