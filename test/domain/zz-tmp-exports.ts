import fc from "fast-check";
import type { AuxiliaryLoadModel, BlockLoadModel, BusModel, CampusModel, CoolingModel, DemandResponseCommitment, FeedModel, FeedSource, GpuHallModel, InterconnectStep, MiningPodModel, Redundancy } from "../../domain/model";
import { bus, campus, cooling, feed, hall, pod } from "./fixtures";
const MONTHS = ['2027-01', '2027-07', '2028-01'] as const;

interface FeedSpec {
  readonly ratingKw: number;
  readonly maxUtilization: number;
  readonly source: FeedSource;
  readonly side: 'A' | 'B';
  readonly inService?: string;
}

interface BusSpec {
  readonly redundancy: Redundancy;
  /** For 2N: whether every feed names its side. */
  readonly sided: boolean;
  readonly feeds: readonly FeedSpec[];
  readonly inService?: string;
}

interface CoolingSpec {
  readonly bus: number;
  readonly power: CoolingModel['power'];
  readonly capacityKw: number;
  readonly inService?: string;
}

interface LoadSpec {
  readonly kind: 'pod' | 'auto-pod' | 'hall' | 'aux' | 'block-it' | 'block-gross';
  readonly bus: number;
  readonly cooling: number;
  readonly powerKw: number;
  readonly firm: boolean;
  /** Auxiliary: firm left undefined (default firm) when true and this is set. */
  readonly firmUndefined: boolean;
  readonly overheadFraction: number;
  readonly curtailSeconds: number | undefined;
  readonly priority: number;
  /** Auto pods: miners and per-miner range. */
  readonly count: number;
  readonly minW: number;
  readonly extraW: number;
  readonly inService?: string;
}

interface CommitmentSpec {
  /** Fraction of the campus's interruptible IT committed, so that verdicts are mixed. */
  readonly fraction: number;
  readonly responseTimeS: number;
  readonly exclusiveGroup: string | undefined;
  readonly inService?: string;
}

interface CampusSpec {
  readonly buses: readonly BusSpec[];
  readonly cooling: readonly CoolingSpec[];
  readonly loads: readonly LoadSpec[];
  readonly commitments: readonly CommitmentSpec[];
  readonly interconnectKw: number;
  readonly steps: readonly { readonly from: string; readonly limitKw: number }[];
}

interface GenOptions {
  /** Which load kinds to draw. */
  readonly kinds: readonly LoadSpec['kind'][];
  /** Service dates on parts, and interconnect steps. */
  readonly dates?: boolean;
  readonly commitments?: boolean;
  readonly maxLoads?: number;
}

const RATED_KINDS: LoadSpec['kind'][] = ['pod', 'hall', 'aux', 'block-it', 'block-gross'];
const ALL_KINDS: LoadSpec['kind'][] = [...RATED_KINDS, 'auto-pod'];

function maybeDate(dates: boolean | undefined): fc.Arbitrary<string | undefined> {
  if (!dates) return fc.constant(undefined);
  return fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom(...MONTHS) });
}

const coolingPowerArb: fc.Arbitrary<CoolingModel['power']> = fc.oneof(
  fc.double({ min: 1, max: 1.6, noNaN: true }).map((pue) => ({ model: 'pue' as const, pue })),
  fc.double({ min: 2, max: 8, noNaN: true }).map((cop) => ({ model: 'cop' as const, cop })),
  fc.integer({ min: 10, max: 3_000 }).map((powerKw) => ({ model: 'fixed' as const, powerKw })),
);

function feedArb(dates?: boolean): fc.Arbitrary<FeedSpec> {
  return fc.record({
    ratingKw: fc.integer({ min: 500, max: 40_000 }),
    maxUtilization: fc.constantFrom(1, 0.8),
    source: fc.constantFrom<FeedSource>('utility', 'utility', 'transformer', 'onsite-generation'),
    side: fc.constantFrom<'A' | 'B'>('A', 'B'),
    inService: maybeDate(dates),
  });
}

function loadArb(kinds: readonly LoadSpec['kind'][], dates?: boolean): fc.Arbitrary<LoadSpec> {
  return fc.record({
    kind: fc.constantFrom(...kinds),
    bus: fc.nat(),
    cooling: fc.nat(),
    powerKw: fc.integer({ min: 10, max: 30_000 }),
    firm: fc.boolean(),
    firmUndefined: fc.boolean(),
    overheadFraction: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.2, noNaN: true })),
    curtailSeconds: fc.constantFrom(undefined, 2, 10, 60, 600),
    priority: fc.integer({ min: 0, max: 2 }),
    count: fc.integer({ min: 10, max: 1_000 }),
    minW: fc.integer({ min: 500, max: 2_500 }),
    extraW: fc.integer({ min: 0, max: 2_000 }),
    inService: maybeDate(dates),
  });
}

function campusArb(options: GenOptions): fc.Arbitrary<CampusSpec> {
  const { dates } = options;
  return fc.record({
    buses: fc.array(
      fc.record({
        redundancy: fc.constantFrom<Redundancy>('N', 'N+1', '2N'),
        sided: fc.boolean(),
        feeds: fc.array(feedArb(dates), { minLength: 1, maxLength: 4 }),
        inService: maybeDate(dates),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    cooling: fc.array(
      fc.record({ bus: fc.nat(), power: coolingPowerArb, capacityKw: fc.integer({ min: 500, max: 80_000 }), inService: maybeDate(dates) }),
      { minLength: 1, maxLength: 3 },
    ),
    loads: fc.array(loadArb(options.kinds, dates), { minLength: 1, maxLength: options.maxLoads ?? 6 }),
    commitments: options.commitments
      ? fc.array(
          fc.record({
            fraction: fc.double({ min: 0, max: 1.2, noNaN: true }),
            responseTimeS: fc.constantFrom(2, 10, 60, 600),
            exclusiveGroup: fc.constantFrom(undefined, undefined, 'g1', 'g2'),
            inService: maybeDate(dates),
          }),
          { maxLength: 4 },
        )
      : fc.constant([]),
    interconnectKw: fc.integer({ min: 1_000, max: 150_000 }),
    steps: dates
      ? fc.uniqueArray(fc.record({ from: fc.constantFrom(...MONTHS), limitKw: fc.integer({ min: 1_000, max: 150_000 }) }), {
          maxLength: 2,
          selector: (s) => s.from,
        })
      : fc.constant([]),
  });
}

function dated<T>(part: T, inService: string | undefined): T {
  return inService === undefined ? part : { ...part, inService };
}

function busName(i: number): string {
  return `bus-${i}`;
}

function buildFeeds(b: BusSpec, i: number): FeedModel[] {
  const sides = b.redundancy === '2N' && b.sided;
  return b.feeds.map((f, j) =>
    dated(
      feed(`${f.source === 'onsite-generation' ? 'gen' : 'feed'}-${i}-${j}`, f.ratingKw, {
        source: f.source,
        maxUtilization: f.maxUtilization,
        ...(sides ? { side: f.side } : {}),
      }),
      f.inService,
    ),
  );
}

function buildLoad(l: LoadSpec, name: string, busCount: number, coolingCount: number): {
  pod?: MiningPodModel;
  hall?: GpuHallModel;
  aux?: AuxiliaryLoadModel;
  block?: BlockLoadModel;
} {
  const b = busName(l.bus % busCount);
  const c = `cool-${l.cooling % coolingCount}`;
  const overhead = l.overheadFraction > 0 ? { facilityOverheadFraction: l.overheadFraction } : {};
  switch (l.kind) {
    case 'pod':
      return {
        pod: dated(pod(name, b, c, l.powerKw, { firm: l.firm, curtailSeconds: l.curtailSeconds ?? 60, priority: l.priority, ...overhead }), l.inService),
      };
    case 'auto-pod': {
      const maxW = l.minW + l.extraW;
      return {
        pod: dated(
          pod(name, b, c, (l.count * maxW) / 1000, {
            firm: l.firm,
            curtailSeconds: l.curtailSeconds ?? 60,
            priority: l.priority,
            count: l.count,
            minerPowerW: maxW,
            minerHashrateThs: maxW / 17.5,
            hashrateThs: (l.count * maxW) / 17.5,
            efficiencyJTh: 17.5,
            powerControl: { mode: 'auto', minW: l.minW, maxW },
            ...overhead,
          }),
          l.inService,
        ),
      };
    }
    case 'hall':
      return { hall: dated(hall(name, b, c, l.powerKw, { firm: l.firm, ...overhead }), l.inService) };
    case 'aux':
      return {
        aux: dated(
          { kind: 'auxiliary', name, path: `site/${name}`, bus: b, powerKw: l.powerKw, ...(l.firm && l.firmUndefined ? {} : { firm: l.firm }) },
          l.inService,
        ),
      };
    case 'block-it':
    case 'block-gross':
      return {
        block: dated(
          {
            kind: 'block-load',
            name,
            path: `site/${name}`,
            bus: b,
            basis: l.kind === 'block-it' ? 'it' : 'gross',
            powerKw: l.powerKw,
            ...(l.kind === 'block-it' ? { cooling: c, ...overhead } : {}),
            coolingRequirement: 'unspecified',
            firm: l.firm,
            ...(l.curtailSeconds !== undefined ? { curtailSeconds: l.curtailSeconds } : {}),
            description: `block ${name}`,
          },
          l.inService,
        ),
      };
  }
}

function build(spec: CampusSpec): CampusModel {
  const nb = spec.buses.length;
  const nc = spec.cooling.length;
  const buses: BusModel[] = spec.buses.map((b, i) => dated(bus(busName(i), buildFeeds(b, i), b.redundancy), b.inService));
  const coolingSystems = spec.cooling.map((c, i) => dated(cooling(`cool-${i}`, busName(c.bus % nb), c.power, c.capacityKw), c.inService));
  const miningPods: MiningPodModel[] = [];
  const gpuHalls: GpuHallModel[] = [];
  const auxiliaryLoads: AuxiliaryLoadModel[] = [];
  const blockLoads: BlockLoadModel[] = [];
  spec.loads.forEach((l, i) => {
    const built = buildLoad(l, `${l.kind}-${i}`, nb, nc);
    if (built.pod) miningPods.push(built.pod);
    if (built.hall) gpuHalls.push(built.hall);
    if (built.aux) auxiliaryLoads.push(built.aux);
    if (built.block) blockLoads.push(built.block);
  });
  const interruptibleKw = spec.loads.filter((l) => !l.firm && l.kind !== 'aux').reduce((t, l) => t + l.powerKw, 0);
  const commitments: DemandResponseCommitment[] = spec.commitments.map((c, i) =>
    dated(
      {
        program: `program-${i}`,
        sheddableKw: Math.round(c.fraction * interruptibleKw),
        responseTimeS: c.responseTimeS,
        ...(c.exclusiveGroup ? { exclusiveGroup: c.exclusiveGroup } : {}),
      },
      c.inService,
    ),
  );
  const steps: InterconnectStep[] = spec.steps.map((s) => ({ from: s.from, limitKw: s.limitKw }));
  return campus({
    interconnectLimitKw: spec.interconnectKw,
    ...(steps.length > 0 ? { interconnectSteps: steps } : {}),
    buses,
    coolingSystems,
    miningPods,
    gpuHalls,
    auxiliaryLoads,
    blockLoads,
    commitments,
  });
}

export const campusArbForDebug = campusArb({ kinds: ALL_KINDS, commitments: true }); export const buildForDebug = build;
