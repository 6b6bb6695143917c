/**
 * hybrid-campus: CDK for Terraform constructs for hybrid Bitcoin-mining + AI campuses.
 */
export * from './domain';
export * from './catalog';
export { Campus, DEFAULT_WARN_UTILIZATION, type CampusProps } from './stacks/campus';
export { runCampusApp, synthCampusApp, collectValidationErrors, type RunCampusAppOptions } from './stacks/run-campus-app';
export { PowerBus, type PowerBusProps, type FeedProps } from './constructs/power-bus';
export { CoolingSystem, type CoolingSystemProps } from './constructs/cooling-system';
export { MiningPod, type MiningPodProps } from './constructs/mining-pod';
export { GpuHall, type GpuHallProps } from './constructs/gpu-hall';
export { AuxiliaryLoad, type AuxiliaryLoadProps } from './constructs/auxiliary-load';
export { KubernetesAccess, type KubernetesAccessProps } from './constructs/kubernetes-access';
export { WorkloadNamespace, type WorkloadNamespaceProps } from './constructs/workload-namespace';
export * from './constructs/labels';
