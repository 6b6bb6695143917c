/**
 * The public API: every name the package root (index.ts) exports, values and types. The README
 * documents each of them; everything else is internal. A change to the public API shows up as a
 * diff of these lists: add or remove a name here only with the README.
 */
import * as path from 'path';
import * as ts from 'typescript';
import * as api from '../index';

const VALUES = [
  'ASIC_MODELS',
  'AuxiliaryLoad',
  'BlockLoad',
  'Campus',
  'CampusBackend',
  'CampusConfigError',
  'CampusRules',
  'Conversion',
  'CoolingSystem',
  'CurtailmentPlan',
  'ERCOT_LARGE_LOADS',
  'GPU_SYSTEMS',
  'GpuHall',
  'HallNamespace',
  'InferenceService',
  'KUBERNETES_BASELINE',
  'KubernetesAccess',
  'LoadPower',
  'MiningPod',
  'PowerBus',
  'REFERENCE_ECONOMICS',
  'RuleSuppressions',
  'StratumProxy',
  'TrainingJob',
  'WorkloadNamespace',
  'defineAsicModel',
  'defineGpuSystem',
  'runCampusApp',
  'synthCampusApp',
];

const TYPES = [
  'AiContainerProps',
  'AiEconomicsInputs',
  'AsicModel',
  'AuxiliaryLoadProps',
  'AzurermStateProps',
  'BlockLoadProps',
  'CampusProps',
  'CampusRulesProps',
  'CidrRule',
  'CloudStateProps',
  'ConversionProps',
  'ConvertedHallProps',
  'CoolingRequirement',
  'CoolingSystemProps',
  'CoolingType',
  'CurtailmentControllerProps',
  'CurtailmentPlanProps',
  'DemandResponseProps',
  'EconomicsInputs',
  'EnergizationApprovalProps',
  'FeedProps',
  'FeedSource',
  'GcsStateProps',
  'GpuHallProps',
  'GpuSystem',
  'GridFactsProps',
  'HallNamespaceProps',
  'HardwareModel',
  'HardwareSource',
  'InferenceServiceProps',
  'InterconnectionProps',
  'InterconnectStepProps',
  'KubernetesAccessProps',
  'KubernetesStateProps',
  'LeaseProps',
  'MiningEconomicsInputs',
  'MiningPodProps',
  'PortRule',
  'PowerBusProps',
  'PowerCapProps',
  'Redundancy',
  'Rule',
  'RuleLevel',
  'RulePack',
  'RuleSubjects',
  'RuleSuppressionProps',
  'RuleViolation',
  'RunCampusAppOptions',
  'S3StateProps',
  'StratumPoolProps',
  'StratumProxyProps',
  'SynthesizedResource',
  'SynthesizedVariable',
  'TenantNamespaceProps',
  'TrainingJobProps',
  'WorkloadClass',
  'WorkloadNamespaceProps',
];

test('the package root exports these values, and no other', () => {
  expect(Object.keys(api).sort()).toEqual([...VALUES].sort());
});

test('the package root exports these names (values and types), and no other', () => {
  const file = path.resolve(__dirname, '../index.ts');
  const program = ts.createProgram([file], { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, skipLibCheck: true, noEmit: true });
  const checker = program.getTypeChecker();
  const exported = checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(file)!)!);
  const isValue = (s: ts.Symbol) => ((s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s).flags & ts.SymbolFlags.Value) !== 0;
  expect(exported.filter(isValue).map((s) => s.name).sort()).toEqual([...VALUES].sort());
  expect(exported.filter((s) => !isValue(s)).map((s) => s.name).sort()).toEqual([...TYPES].sort());
});

test('every exported name is documented in the README', () => {
  const readme = require('fs').readFileSync(path.resolve(__dirname, '../README.md'), 'utf8') as string;
  const undocumented = [...VALUES].filter((name) => !new RegExp(`(?<![A-Za-z0-9_])${name}(?![A-Za-z0-9_])`).test(readme));
  expect(undocumented).toEqual([]);
});
