/**
 * hybrid-campus: CDK for Terraform constructs for hybrid Bitcoin-mining + AI campuses.
 */
export * from './domain';
export * from './report/power-budget-file';
export * from './report/summary';
export * from './report/timeline-chart';
export * from './constructs/kubernetes-values';
export * from './constructs/curtailment-plan-document';
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
export { PowerBus, type PowerBusProps, type FeedProps } from './constructs/power-bus';
export { CoolingSystem, type CoolingSystemProps } from './constructs/cooling-system';
export { MiningPod, DEFAULT_CURTAIL_SECONDS, type MiningPodProps, type PowerCapProps } from './constructs/mining-pod';
export { Conversion, type ConversionProps, type ConvertedHallProps } from './constructs/conversion';
export { deployedWhen, isDeployedIn } from './constructs/deployed-when';
export { GpuHall, type GpuHallProps, type TenantNamespaceProps } from './constructs/gpu-hall';
export { AuxiliaryLoad, type AuxiliaryLoadProps } from './constructs/auxiliary-load';
export { BlockLoad, LoadPower, type BlockLoadProps } from './constructs/block-load';
export { type LeaseProps } from './constructs/lease';
export { KubernetesAccess, type KubernetesAccessProps } from './constructs/kubernetes-access';
export { WorkloadNamespace, type WorkloadNamespaceProps } from './constructs/workload-namespace';
export { InferenceService, type InferenceServiceProps } from './constructs/inference-service';
export { TrainingJob, type TrainingJobProps } from './constructs/training-job';
export { type AiContainerProps } from './constructs/ai-workload';
export { StratumProxy, type StratumProxyProps, type StratumPoolProps } from './constructs/stratum-proxy';
export { CurtailmentPlan, CURTAILMENT_PLAN_MOUNT_PATH, type CurtailmentPlanProps, type CurtailmentControllerProps } from './constructs/curtailment-plan';
export { HallNamespace, HALL_CONTAINER_DEFAULTS, type HallNamespaceProps } from './constructs/hall-namespace';
export { WorkloadNetworkPolicy, type WorkloadNetworkPolicyProps, type PortRule, type CidrRule } from './constructs/workload-network-policy';
export { WORKLOAD_USER_ID, SCRATCH_PATH } from './constructs/secure-pod';
export { WORKLOAD_PRIORITY } from './stacks/campus';
export * from './constructs/labels';
