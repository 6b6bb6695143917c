/**
 * The valid two-campus app every generated case starts from, as a table of steps.
 *
 * Each step creates one construct (or defines one hardware model) through the PUBLIC API
 * (index.ts), in order. A generated case changes exactly one step: its props, its id or its
 * scope (see mutations.ts). Adding a construct or a prop family to the fuzz suite is one more
 * entry in STEPS: give it a key, how to create it from (scope, id, props, earlier results),
 * its scope, its id and its valid props. Every field of the props (found by walking them) is
 * then mutated like all the others.
 */
import type { App } from 'cdktf';
import type { Construct } from 'constructs';
import {
  ASIC_MODELS,
  AuxiliaryLoad,
  BlockLoad,
  LoadPower,
  Campus,
  Conversion,
  CoolingSystem,
  CurtailmentPlan,
  defineAsicModel,
  defineGpuSystem,
  GPU_SYSTEMS,
  GpuHall,
  InferenceService,
  MiningPod,
  PowerBus,
  REFERENCE_ECONOMICS,
  StratumProxy,
  TrainingJob,
} from '../../index';

/** What the earlier steps produced, by step key. */
export type Built = Record<string, unknown>;

export interface Step {
  /** Unique key of the step, e.g. "a.pod-1". */
  readonly key: string;
  /** The family (construct or function) the step exercises; mutations are counted per family. */
  readonly family: string;
  /** The key of the step whose result is the scope, or "app". Undefined for plain functions. */
  readonly scope?: string;
  /** The construct id. Undefined for plain functions (hardware definitions). */
  readonly id?: string;
  /** The valid props, built from earlier results (constructs are referenced, never copied). */
  readonly props: (built: Built) => unknown;
  /** Creates it. `scope` and `id` are passed as given, so a case can make them wrong. */
  readonly create: (scope: unknown, id: unknown, props: unknown, built: Built) => unknown;
  /**
   * Fields whose mutation to another valid-looking value may be fine (so an acceptance is not
   * "accepted although invalid" by itself; the output oracles still run).
   */
  readonly lenient?: readonly string[];
  /** Steps that must be built before this one, beyond those its scope and props refer to. */
  readonly after?: readonly string[];
  /** The step calls a method of its scope (e.g. hall.addInferenceService), so its scope is not mutated. */
  readonly method?: boolean;
}

const IMAGE = 'registry.example.com/ai/inference-server:2.3.1';

// Loose casts: a case passes values of the wrong type on purpose, as JavaScript users can.
/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

export const STEPS: readonly Step[] = [
  // Custom hardware, through the define functions.
  {
    key: 'asic',
    family: 'defineAsicModel',
    props: () => ({
      id: 'acme-x1',
      vendor: 'Acme',
      model: 'X1',
      powerW: 3_300,
      hashrateThs: 250,
      efficiencyJTh: 13.2,
      cooling: 'air',
      powerRangeW: { minW: 2_000, maxW: 3_300 },
      source: { citation: 'Acme X1 datasheet rev 2', quality: 'vendor datasheet', derivedFields: ['efficiencyJTh'], notes: 'test model' },
    }),
    create: (_s, _i, props) => defineAsicModel(props as Any),
  },
  {
    key: 'gpu',
    family: 'defineGpuSystem',
    props: () => ({
      kind: 'gpu-server',
      id: 'acme-g8',
      vendor: 'Acme',
      model: 'G8 (8 GPUs)',
      powerW: 12_000,
      gpus: 8,
      cooling: 'air',
      source: { citation: 'Acme G8 datasheet', quality: 'vendor datasheet' },
    }),
    create: (_s, _i, props) => defineGpuSystem(props as Any),
  },

  // Campus A: N+1 bus with electrical feeds and a genset, air and direct-to-chip cooling,
  // plain, auto-capped and fixed-capped pods, a server hall with workloads, a rack hall,
  // a conversion, a stratum proxy and a curtailment plan with its controller.
  {
    key: 'a',
    family: 'Campus',
    scope: 'app',
    id: 'site-a',
    props: () => ({
      gridRegion: 'ERCOT',
      interconnectLimitMw: 60,
      warnUtilization: 0.95,
      defaultKubeconfigPath: '~/.kube/site-a',
      demandResponse: [
        // The genset covers most of the bus, so shedding mining cuts only ~0.13 MW of grid import (none from 2029-01).
        { program: 'ERCOT ERS-10', sheddableMw: 0.1, responseTimeS: 600, season: { fromMonth: 6, toMonth: 9 }, window: 'weekdays 14:00-20:00', inService: '2026-01', retire: '2029-01' },
      ],
      economics: { mining: REFERENCE_ECONOMICS.mining, ai: { gpuHourUsd: 2.95, utilization: 0.7, coloUsdPerKwMonth: 104.17 } },
    }),
    create: (scope, id, props) => new Campus(scope as Construct, id as string, props as Any),
    lenient: ['warnUtilization', 'defaultKubeconfigPath', 'window', 'sheddableMw', 'responseTimeS', 'fromMonth', 'toMonth', 'interconnectLimitMw', 'hashpriceUsdPerPhDay', 'powerPriceUsdPerMwh', 'gpuHourUsd', 'utilization', 'coloUsdPerKwMonth'],
  },
  {
    key: 'a.bus',
    family: 'PowerBus',
    scope: 'a',
    id: 'bus-1',
    props: () => ({
      redundancy: 'N+1',
      feeds: [
        { name: 'xfmr-1', source: 'transformer', voltageKv: 34.5, currentA: 600, phases: 3, powerFactor: 0.98, maxUtilization: 0.8 },
        { name: 'xfmr-2', source: 'transformer', voltageKv: 34.5, currentA: 600, phases: 3, powerFactor: 0.98 },
        { name: 'genset', source: 'onsite-generation', capacityMw: 5, inService: '2026-01' },
      ],
    }),
    create: (scope, id, props) => new PowerBus(scope as Construct, id as string, props as Any),
    // A feed name is any DNS-1123 label, digits-only ones included (feeds become no Kubernetes object).
    lenient: ['maxUtilization', 'currentA', 'voltageKv', 'powerFactor', 'capacityMw', 'phases', 'name'],
  },
  {
    key: 'a.air',
    family: 'CoolingSystem',
    scope: 'a',
    id: 'air-1',
    props: (b) => ({ type: 'air', capacityKw: 20_000, pue: 1.1, bus: b['a.bus'] }),
    create: (scope, id, props) => new CoolingSystem(scope as Construct, id as string, props as Any),
    lenient: ['pue', 'capacityKw'],
  },
  {
    key: 'a.dlc',
    family: 'CoolingSystem',
    scope: 'a',
    id: 'dlc-1',
    props: (b) => ({ type: 'direct-to-chip', capacityKw: 5_000, cop: 8, bus: b['a.bus'], inService: '2026-01' }),
    create: (scope, id, props) => new CoolingSystem(scope as Construct, id as string, props as Any),
    lenient: ['cop', 'capacityKw'],
  },
  {
    key: 'a.pod-1',
    family: 'MiningPod',
    scope: 'a',
    id: 'pod-1',
    props: (b) => ({ model: ASIC_MODELS.BITMAIN_ANTMINER_S21_XP, count: 280, spares: 4, bus: b['a.bus'], cooling: b['a.air'], curtailSeconds: 30, priority: 1 }),
    create: (scope, id, props) => new MiningPod(scope as Construct, id as string, props as Any),
    lenient: ['count', 'spares', 'curtailSeconds', 'priority'],
  },
  {
    key: 'a.pod-2',
    family: 'MiningPod',
    scope: 'a',
    id: 'pod-2',
    props: (b) => ({
      model: b.asic,
      count: 200,
      bus: b['a.bus'],
      cooling: b['a.air'],
      interruptible: true,
      powerCap: { mode: 'auto', minW: 2_200, maxW: 3_300 },
      hashrateCurve: [
        { powerW: 2_000, hashrateThs: 170 },
        { powerW: 3_300, hashrateThs: 250 },
      ],
    }),
    create: (scope, id, props) => new MiningPod(scope as Construct, id as string, props as Any),
    lenient: ['count', 'minW', 'maxW', 'hashrateThs', 'interruptible'],
  },
  {
    key: 'a.pod-3',
    family: 'MiningPod',
    scope: 'a',
    id: 'pod-3',
    props: (b) => ({ model: ASIC_MODELS.CANAAN_AVALON_A16, count: 100, bus: b['a.bus'], cooling: b['a.air'], powerCap: { mode: 'fixed', minW: 3_000, capW: 3_500 }, inService: '2026-03', retire: '2029-01' }),
    create: (scope, id, props) => new MiningPod(scope as Construct, id as string, props as Any),
    lenient: ['count', 'minW', 'capW'],
  },
  {
    key: 'a.pod-4',
    family: 'MiningPod',
    scope: 'a',
    id: 'pod-4',
    props: (b) => ({ model: ASIC_MODELS.BITMAIN_ANTMINER_S19_XP, count: 100, bus: b['a.bus'], cooling: b['a.air'] }),
    create: (scope, id, props) => new MiningPod(scope as Construct, id as string, props as Any),
    lenient: ['count'],
  },
  {
    key: 'a.hall-1',
    family: 'GpuHall',
    scope: 'a',
    id: 'hall-1',
    props: (b) => ({ system: b.gpu, count: 40, overheadKw: 50, bus: b['a.bus'], cooling: b['a.air'], firm: true }),
    create: (scope, id, props) => new GpuHall(scope as Construct, id as string, props as Any),
    lenient: ['count', 'overheadKw', 'firm'],
  },
  {
    key: 'a.hall-2',
    family: 'GpuHall',
    scope: 'a',
    id: 'hall-2',
    props: (b) => ({ system: GPU_SYSTEMS.NVIDIA_GB300_NVL72_RACK, count: 10, bus: b['a.bus'], cooling: b['a.dlc'], inService: '2026-06' }),
    create: (scope, id, props) => new GpuHall(scope as Construct, id as string, props as Any),
    lenient: ['count'],
  },
  {
    key: 'a.chat',
    family: 'InferenceService',
    scope: 'a.hall-1',
    id: 'chat',
    props: () => ({
      image: IMAGE,
      replicas: 4,
      gpusPerPod: 8,
      cpuMillicores: 32_000,
      memoryMib: 262_144,
      port: 8000,
      maxUnavailable: 2,
      clientCidrs: ['10.70.0.0/24', '2001:db8::/48'],
      args: ['--model', '/models/llm'],
      env: { MODEL: 'llm', LOG_LEVEL: 'info' },
      scratchMib: 2_048,
    }),
    create: (scope, id, props) => (scope as GpuHall).addInferenceService(id as string, props as Any),
    method: true,
    lenient: ['replicas', 'gpusPerPod', 'cpuMillicores', 'memoryMib', 'port', 'maxUnavailable', 'scratchMib', 'args', 'MODEL', 'LOG_LEVEL', 'env'],
  },
  {
    key: 'a.rack-inference',
    family: 'InferenceService',
    scope: 'a',
    id: 'rack-inference',
    after: ['a.hall-2'],
    props: () => ({ hall: 'hall-2', image: IMAGE, replicas: 2, gpusPerPod: 4, cpuMillicores: 16_000, memoryMib: 65_536 }),
    create: (scope, id, props) => new InferenceService(scope as Construct, id as string, props as Any),
    lenient: ['replicas', 'gpusPerPod', 'cpuMillicores', 'memoryMib'],
  },
  {
    key: 'a.train',
    family: 'TrainingJob',
    scope: 'a.hall-1',
    id: 'finetune',
    props: () => ({
      image: 'registry.example.com/ai/trainer:2025.06',
      parallelism: 4,
      completions: 8,
      backoffLimit: 3,
      gpusPerPod: 8,
      cpuMillicores: 64_000,
      memoryMib: 524_288,
      egress: [{ cidr: '198.51.100.0/24', port: 443, protocol: 'TCP' }],
    }),
    create: (scope, id, props) => (scope as GpuHall).addTrainingJob(id as string, props as Any),
    method: true,
    lenient: ['parallelism', 'completions', 'backoffLimit', 'gpusPerPod', 'cpuMillicores', 'memoryMib', 'port', 'protocol'],
  },
  {
    key: 'a.train-2',
    family: 'TrainingJob',
    scope: 'a',
    id: 'eval',
    props: (b) => ({ hall: b['a.hall-2'], image: 'registry.example.com/ai/eval@sha256:' + 'a'.repeat(64), gpusPerPod: 4, cpuMillicores: 8_000, memoryMib: 32_768 }),
    create: (scope, id, props) => new TrainingJob(scope as Construct, id as string, props as Any),
    lenient: ['gpusPerPod', 'cpuMillicores', 'memoryMib'],
  },
  {
    key: 'a.conversion',
    family: 'Conversion',
    scope: 'a',
    id: 'phase-1',
    props: (b) => ({
      pods: [b['a.pod-4']],
      retire: '2028-01',
      hall: { id: 'hall-3', system: GPU_SYSTEMS.NVIDIA_GB300_NVL72_RACK, count: 2, overheadKw: 20, inService: '2028-02', cooling: b['a.dlc'] },
    }),
    create: (scope, id, props) => new Conversion(scope as Construct, id as string, props as Any),
    lenient: ['count', 'overheadKw', 'inService', 'retire'],
  },
  {
    key: 'a.proxy',
    family: 'StratumProxy',
    scope: 'a',
    id: 'proxy-1',
    props: (b) => ({
      pods: [b['a.pod-1'], b['a.pod-2']],
      image: 'registry.example.com/mining/stratum-proxy:1.4.2',
      pools: [
        { url: 'stratum+tcp://btc.pool.example:3333', egressCidrs: ['203.0.113.0/24'] },
        { url: 'stratum+ssl://[2001:db8::1]:3334', egressCidrs: ['2001:db8::/64'] },
      ],
      minerCidrs: ['10.50.0.0/16'],
      workerName: '{campus}.{proxy}',
      port: 3333,
      replicas: 2,
      cpuMillicores: 500,
      memoryMib: 256,
      serviceType: 'LoadBalancer',
      args: ['--pools', '$(POOL_URLS)'],
    }),
    create: (scope, id, props) => new StratumProxy(scope as Construct, id as string, props as Any),
    lenient: ['port', 'replicas', 'cpuMillicores', 'memoryMib', 'args', 'workerName'],
  },
  {
    key: 'a.plan',
    family: 'CurtailmentPlan',
    scope: 'a',
    id: 'curtailment-plan',
    props: () => ({
      controller: {
        image: 'registry.example.com/mining/curtailment-controller:0.9.0',
        egress: [{ cidr: '10.50.0.0/16', port: 4028 }, { cidr: '198.51.100.10/32', port: 443, protocol: 'TCP' }],
        cpuMillicores: 200,
        memoryMib: 128,
        args: ['--plan', '/etc/hybrid-campus/curtailment-plan.json'],
      },
    }),
    create: (scope, id, props) => new CurtailmentPlan(scope as Construct, id as string, props as Any),
    lenient: ['cpuMillicores', 'memoryMib', 'port', 'args'],
  },
  {
    key: 'a.aux',
    family: 'AuxiliaryLoad',
    scope: 'a',
    id: 'office',
    props: (b) => ({ powerKw: 300, bus: b['a.bus'], inService: '2026-01' }),
    create: (scope, id, props) => new AuxiliaryLoad(scope as Construct, id as string, props as Any),
    lenient: ['powerKw'],
  },
  {
    key: 'a.block',
    family: 'BlockLoad',
    scope: 'a',
    id: 'colo',
    props: (b) => ({ power: LoadPower.grossMw(0.2), bus: b['a.bus'], firm: false, tenant: 'acme', lease: { contractedItMw: 0.15, grossCapMw: 0.25 } }),
    create: (scope, id, props) => new BlockLoad(scope as Construct, id as string, props as Any),
    lenient: ['power', 'lease', 'tenant'],
  },

  // Campus B: a 2N bus with sided feeds, hydro, immersion and chiller cooling, a leased hall
  // with a tenant namespace and a plan over chosen pods.
  {
    key: 'b',
    family: 'Campus',
    scope: 'app',
    id: 'site-b',
    props: () => ({ gridRegion: 'NYISO', interconnectLimitMw: 40 }),
    create: (scope, id, props) => new Campus(scope as Construct, id as string, props as Any),
    lenient: ['interconnectLimitMw'],
  },
  {
    key: 'b.bus',
    family: 'PowerBus',
    scope: 'b',
    id: 'bus-2n',
    props: () => ({
      redundancy: '2N',
      feeds: [
        { name: 'utility-a', source: 'utility', capacityMw: 20, side: 'A' },
        { name: 'utility-b', source: 'utility', capacityMw: 20, side: 'B' },
      ],
    }),
    create: (scope, id, props) => new PowerBus(scope as Construct, id as string, props as Any),
    lenient: ['capacityMw', 'name'],
  },
  {
    key: 'b.hydro',
    family: 'CoolingSystem',
    scope: 'b',
    id: 'hydro',
    props: (b) => ({ type: 'hydro', capacityKw: 3_000, pue: 1.05, bus: b['b.bus'] }),
    create: (scope, id, props) => new CoolingSystem(scope as Construct, id as string, props as Any),
    lenient: ['pue', 'capacityKw'],
  },
  {
    key: 'b.tank',
    family: 'CoolingSystem',
    scope: 'b',
    id: 'tank-cooling',
    props: (b) => ({ type: 'immersion', capacityKw: 720, fixedPowerKw: 25, bus: b['b.bus'] }),
    create: (scope, id, props) => new CoolingSystem(scope as Construct, id as string, props as Any),
    lenient: ['fixedPowerKw', 'capacityKw'],
  },
  {
    key: 'b.chiller',
    family: 'CoolingSystem',
    scope: 'b',
    id: 'chiller',
    props: (b) => ({ type: 'chiller', capacityKw: 2_000, cop: 5.9, bus: b['b.bus'] }),
    create: (scope, id, props) => new CoolingSystem(scope as Construct, id as string, props as Any),
    lenient: ['cop', 'capacityKw'],
  },
  {
    key: 'b.hydro-pod',
    family: 'MiningPod',
    scope: 'b',
    id: 'hydro-01',
    props: (b) => ({ model: ASIC_MODELS.BITMAIN_ANTMINER_S21E_XP_HYD_3U, count: 100, bus: b['b.bus'], cooling: b['b.hydro'], interruptible: false }),
    create: (scope, id, props) => new MiningPod(scope as Construct, id as string, props as Any),
    lenient: ['count', 'interruptible'],
  },
  {
    key: 'b.tank-pod',
    family: 'MiningPod',
    scope: 'b',
    id: 'tank-01',
    props: (b) => ({ model: ASIC_MODELS.BITMAIN_ANTMINER_S21_XP_IMMERSION, count: 118, bus: b['b.bus'], cooling: b['b.tank'] }),
    create: (scope, id, props) => new MiningPod(scope as Construct, id as string, props as Any),
    lenient: ['count'],
  },
  {
    key: 'b.leased',
    family: 'GpuHall',
    scope: 'b',
    id: 'hall-l',
    props: (b) => ({ system: GPU_SYSTEMS.NVIDIA_DGX_B200, count: 20, bus: b['b.bus'], cooling: b['b.chiller'], tenant: 'acme-ai', tenantNamespace: { gpuAllocation: 160 } }),
    create: (scope, id, props) => new GpuHall(scope as Construct, id as string, props as Any),
    lenient: ['count', 'gpuAllocation'],
  },
  {
    key: 'b.proxy',
    family: 'StratumProxy',
    scope: 'b',
    id: 'proxy-b',
    props: (b) => ({
      pods: [b['b.hydro-pod'], b['b.tank-pod']],
      image: 'registry.example.com/mining/stratum-proxy@sha256:' + '4f'.repeat(32),
      pools: [{ url: 'stratum2+tcp://pool.example:3336/9bXiEd8boQVhq7WddEcERUL5tyyJVFYdU8th3HfbNXK3Yw6GRXh', egressCidrs: ['198.51.100.64/26'] }],
      minerCidrs: ['10.60.0.0/20', '10.61.0.0/20'],
      workerName: 'nyiso.{proxy}',
      serviceType: 'NodePort',
    }),
    create: (scope, id, props) => new StratumProxy(scope as Construct, id as string, props as Any),
    lenient: ['workerName'],
  },
  {
    key: 'b.plan',
    family: 'CurtailmentPlan',
    scope: 'b',
    id: 'plan',
    props: (b) => ({ pods: [b['b.tank-pod']] }),
    create: (scope, id, props) => new CurtailmentPlan(scope as Construct, id as string, props as Any),
  },
  {
    key: 'b.aux',
    family: 'AuxiliaryLoad',
    scope: 'b',
    id: 'core',
    props: (b) => ({ powerKw: 200, bus: b['b.bus'] }),
    create: (scope, id, props) => new AuxiliaryLoad(scope as Construct, id as string, props as Any),
    lenient: ['powerKw'],
  },
];

/**
 * Builds the base app into `app`. With `target`, that step is built first, with the scope, id
 * and props `target.apply` gives it; the steps it needs (its scope, the constructs its props or
 * the case's values refer to, and `after`) are built on demand just before it, unchanged. Then
 * every other step is built in table order. A case that is refused at its target so costs only
 * what the target needs, and a case that is accepted builds and synthesizes the whole app.
 */
export function buildApp(app: App, target?: { readonly step: Step; readonly apply: (step: Step, built: Built) => { scope: unknown; id: unknown; props: unknown } }): Built {
  const built: Built = { app };
  const building = new Set<string>();
  const byKey = new Map(STEPS.map((s) => [s.key, s]));
  const lazy: Built = new Proxy(built, {
    get: (t, key) => {
      if (typeof key === 'string' && !(key in t) && byKey.has(key)) buildStep(byKey.get(key)!);
      return t[key as string];
    },
  });
  function buildStep(step: Step): void {
    if (step.key in built || building.has(step.key)) return;
    building.add(step.key);
    for (const dep of step.after ?? []) void lazy[dep];
    const normal = () => ({ scope: step.scope === undefined ? undefined : lazy[step.scope], id: step.id, props: step.props(lazy) });
    const { scope, id, props } = step === target?.step ? target.apply(step, lazy) : normal();
    built[step.key] = step.create(scope, id, props, lazy);
  }
  if (target) buildStep(target.step);
  for (const step of STEPS) buildStep(step);
  return built;
}
