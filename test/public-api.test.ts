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
  // Whether a name is a value or a type is decided by the repository's own declarations: the
  // program reads the repository's files only (packages' typings, the default lib and @types
  // are read as empty files, which keeps this test under a second instead of seven). The
  // expectation below that every name resolves to a declaration in the repository keeps that
  // sound: a name re-exported from a package would resolve to nothing and fail it.
  const options: ts.CompilerOptions = { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, skipLibCheck: true, noEmit: true, noLib: true, types: [] };
  const host = ts.createCompilerHost(options);
  const readSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, languageVersion, ...rest) =>
    name.split(path.sep).join('/').includes('/node_modules/') ? ts.createSourceFile(name, '', languageVersion) : readSourceFile(name, languageVersion, ...rest);
  const program = ts.createProgram([file], options, host);
  const checker = program.getTypeChecker();
  const exported = checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(file)!)!);
  const resolved = (s: ts.Symbol) => (s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s);
  const root = path.resolve(__dirname, '..');
  const declaredIn = (s: ts.Symbol) => (resolved(s).declarations ?? []).map((d) => path.relative(root, d.getSourceFile().fileName).split(path.sep)[0]);
  expect(exported.filter((s) => declaredIn(s).length === 0 || declaredIn(s).includes('node_modules')).map((s) => s.name)).toEqual([]);
  const isValue = (s: ts.Symbol) => (resolved(s).flags & ts.SymbolFlags.Value) !== 0;
  expect(exported.filter(isValue).map((s) => s.name).sort()).toEqual([...VALUES].sort());
  expect(exported.filter((s) => !isValue(s)).map((s) => s.name).sort()).toEqual([...TYPES].sort());
});

test('every exported name is documented in the README', () => {
  const readme = require('fs').readFileSync(path.resolve(__dirname, '../README.md'), 'utf8') as string;
  const undocumented = [...VALUES].filter((name) => !new RegExp(`(?<![A-Za-z0-9_])${name}(?![A-Za-z0-9_])`).test(readme));
  expect(undocumented).toEqual([]);
});

test('no wildcard re-export from a package: `export *` and `export type *` reach the repository only', () => {
  // The names test above reads packages' typings as empty files, so a wildcard re-export from a
  // package would add no name there: it is refused here, following index.ts's wildcards.
  const options: ts.CompilerOptions = { module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10 };
  const host = ts.createCompilerHost(options);
  const fromPackages: string[] = [];
  const seen = new Set<string>();
  const follow = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = ts.createSourceFile(file, require('fs').readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022);
    for (const statement of source.statements) {
      if (!ts.isExportDeclaration(statement) || statement.exportClause || !statement.moduleSpecifier) continue;
      const specifier = (statement.moduleSpecifier as ts.StringLiteral).text;
      const target = ts.resolveModuleName(specifier, file, options, host).resolvedModule?.resolvedFileName;
      if (!target || target.split(path.sep).join('/').includes('/node_modules/')) fromPackages.push(`${path.relative(path.resolve(__dirname, '..'), file)}: a wildcard re-export of package ${specifier}`);
      else follow(target);
    }
  };
  follow(path.resolve(__dirname, '../index.ts'));
  expect(fromPackages).toEqual([]);
});
