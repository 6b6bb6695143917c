/**
 * hybrid-campus: CDK for Terraform constructs for hybrid Bitcoin-mining + AI campuses.
 *
 * The public API is what the README documents, and nothing else: the campus stack and its app
 * entry, the state backends, the physical plant (buses, cooling, pods, halls, loads,
 * conversions), the Kubernetes workloads, the hardware catalog and the reference economics,
 * with their props types. Everything else (the budget engine, renderers, helpers) is internal.
 * `hybrid-campus/report` (report/index.ts) reads power-budget.json files.
 * test/public-api.test.ts lists these exports, so a change to the API is a visible diff.
 */

// The campus (the stack), its app entry and its state backends.
export {
  Campus,
  type CampusProps,
  type CampusRulesProps,
  type DemandResponseProps,
  type EnergizationApprovalProps,
  type GridFactsProps,
  type InterconnectionProps,
  type InterconnectStepProps,
} from './stacks/campus';
export { runCampusApp, synthCampusApp, type RunCampusAppOptions } from './stacks/run-campus-app';
export {
  CampusBackend,
  type S3StateProps,
  type GcsStateProps,
  type AzurermStateProps,
  type KubernetesStateProps,
  type CloudStateProps,
} from './stacks/campus-backend';

// The physical plant.
export { PowerBus, type PowerBusProps, type FeedProps } from './constructs/plant/power-bus';
export { CoolingSystem, type CoolingSystemProps } from './constructs/plant/cooling-system';
export { MiningPod, type MiningPodProps, type PowerCapProps } from './constructs/plant/mining-pod';
export { GpuHall, type GpuHallProps, type TenantNamespaceProps } from './constructs/plant/gpu-hall';
export { Conversion, type ConversionProps, type ConvertedHallProps } from './constructs/plant/conversion';
export { BlockLoad, LoadPower, type BlockLoadProps } from './constructs/plant/block-load';
export { AuxiliaryLoad, type AuxiliaryLoadProps } from './constructs/plant/auxiliary-load';
export { type LeaseProps } from './constructs/plant/lease';
export type { FeedSource, Redundancy, CoolingType, CoolingRequirement } from './domain/model';

// The Kubernetes workloads, which attach to the plant. gpu-hall-workloads gives GpuHall its
// namespace, addInferenceService and addTrainingJob (a module augmentation).
import './constructs/workloads/gpu-hall-workloads';
export { KubernetesAccess, type KubernetesAccessProps } from './constructs/workloads/kubernetes-access';
export { WorkloadNamespace, type WorkloadNamespaceProps } from './constructs/workloads/workload-namespace';
export { HallNamespace, type HallNamespaceProps } from './constructs/workloads/hall-namespace';
export { InferenceService, type InferenceServiceProps } from './constructs/workloads/inference-service';
export { TrainingJob, type TrainingJobProps } from './constructs/workloads/training-job';
export { type AiContainerProps } from './constructs/workloads/ai-workload';
export { StratumProxy, type StratumProxyProps, type StratumPoolProps } from './constructs/workloads/stratum-proxy';
export { CurtailmentPlan, type CurtailmentPlanProps, type CurtailmentControllerProps } from './constructs/workloads/curtailment-plan';
export type { CidrRule, PortRule } from './constructs/workloads/workload-network-policy';
export type { WorkloadClass } from './constructs/workloads/labels';

// Rule packs, suppressions and the bundled packs (rules/).
export type { Rule, RuleLevel, RulePack, RuleSubjects, RuleViolation, SynthesizedResource, SynthesizedVariable } from './rules/rule';
export { CampusRules } from './rules/campus-rules';
export { RuleSuppressions, type RuleSuppressionProps } from './rules/suppression';
export { KUBERNETES_BASELINE } from './rules/kubernetes/pack';
export { ERCOT_LARGE_LOADS } from './rules/ercot';

// The hardware catalog and the reference economics.
export { ASIC_MODELS, GPU_SYSTEMS } from './catalog/hardware-catalog';
export { defineAsicModel, defineGpuSystem, type AsicModel, type GpuSystem, type HardwareModel, type HardwareSource } from './catalog/hardware-model';
export { CampusConfigError } from './domain/config-error';
export { REFERENCE_ECONOMICS, type EconomicsInputs, type MiningEconomicsInputs, type AiEconomicsInputs } from './domain/economics';
