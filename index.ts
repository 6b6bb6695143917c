/**
 * hybrid-campus: CDK for Terraform constructs for hybrid Bitcoin-mining + AI campuses.
 */
export * from './domain';
export * from './report/power-budget-file';
export * from './report/summary';
export * from './report/timeline-chart';
export * from './constructs/workloads/kubernetes-values';
export * from './constructs/workloads/curtailment-plan-document';
export * from './catalog';
export { Campus, DATE_CONTEXT_KEY, DEFAULT_WARN_UTILIZATION, TIMELINE_SVG_FILE_NAME, type CampusProps, type DemandResponseProps, type InterconnectStepProps } from './stacks/campus';
export {
  CampusBackend,
  type S3StateProps,
  type GcsStateProps,
  type AzurermStateProps,
  type KubernetesStateProps,
  type CloudStateProps,
} from './stacks/campus-backend';
export { runCampusApp, synthCampusApp, collectValidationErrors, type RunCampusAppOptions } from './stacks/run-campus-app';
export { PowerBus, type PowerBusProps, type FeedProps } from './constructs/plant/power-bus';
export { CoolingSystem, type CoolingSystemProps } from './constructs/plant/cooling-system';
export { MiningPod, DEFAULT_CURTAIL_SECONDS, type MiningPodProps, type PowerCapProps } from './constructs/plant/mining-pod';
export { Conversion, type ConversionProps, type ConvertedHallProps } from './constructs/plant/conversion';
export { deployedWhen, isDeployedIn } from './constructs/plant/deployed-when';
export { GpuHall, type GpuHallProps, type TenantNamespaceProps } from './constructs/plant/gpu-hall';
export { AuxiliaryLoad, type AuxiliaryLoadProps } from './constructs/plant/auxiliary-load';
export { BlockLoad, LoadPower, type BlockLoadProps } from './constructs/plant/block-load';
export { type LeaseProps } from './constructs/plant/lease';
export { KubernetesAccess, type KubernetesAccessProps } from './constructs/workloads/kubernetes-access';
export { WorkloadNamespace, type WorkloadNamespaceProps } from './constructs/workloads/workload-namespace';
export { InferenceService, type InferenceServiceProps } from './constructs/workloads/inference-service';
export { TrainingJob, type TrainingJobProps } from './constructs/workloads/training-job';
export { type AiContainerProps } from './constructs/workloads/ai-workload';
export { StratumProxy, type StratumProxyProps, type StratumPoolProps } from './constructs/workloads/stratum-proxy';
export { CurtailmentPlan, CURTAILMENT_PLAN_MOUNT_PATH, type CurtailmentPlanProps, type CurtailmentControllerProps } from './constructs/workloads/curtailment-plan';
export { HallNamespace, HALL_CONTAINER_DEFAULTS, type HallNamespaceProps } from './constructs/workloads/hall-namespace';
export { WorkloadNetworkPolicy, type WorkloadNetworkPolicyProps, type PortRule, type CidrRule } from './constructs/workloads/workload-network-policy';
export { WORKLOAD_USER_ID, SCRATCH_PATH } from './constructs/workloads/secure-pod';
export { WORKLOAD_PRIORITY } from './stacks/campus';
export * from './constructs/workloads/labels';
