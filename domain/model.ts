/**
 * The campus as plain data: what the budget engine reads.
 *
 * Constructs build one `CampusModel` per campus; tests and other tools can build one by hand.
 * Every power figure is in kW and every part is referred to by name. `path` is where the part
 * was declared (the construct path), used only to point error messages at it.
 */

import type { EconomicsInputs } from './economics';
import type { Dated, Day, Month, TimelinePoint } from './timeline';

/** Where a feed's power comes from. On-site generation offsets grid import (site check). */
export type FeedSource = 'utility' | 'transformer' | 'onsite-generation';

/** How many feeds a bus can lose and still carry its firm load. */
export type Redundancy = 'N' | 'N+1' | '2N';

export type CoolingType = 'air' | 'hydro' | 'immersion' | 'direct-to-chip' | 'chiller';

/** What a piece of hardware needs from its cooling system. */
export type CoolingRequirement = 'air' | 'hydro' | 'immersion' | 'direct-to-chip' | 'unspecified';

export interface FeedModel extends Dated {
  readonly name: string;
  readonly source: FeedSource;
  /** Nameplate (or contracted) rating in kW, before max utilization. */
  readonly ratingKw: number;
  /** Fraction of the rating that may be drawn continuously (0 < x <= 1). */
  readonly maxUtilization: number;
  /** How the rating was given, for reports, e.g. "34.5 kV x 2000 A x 3-phase x PF 0.95". */
  readonly ratingBasis: string;
  /** For a 2N bus: the side (A or B) the feed belongs to. */
  readonly side?: 'A' | 'B';
}

export interface BusModel extends Dated {
  readonly name: string;
  readonly path: string;
  readonly redundancy: Redundancy;
  readonly feeds: readonly FeedModel[];
}

/** How a cooling system's own electrical draw is computed (see cooling-power.ts). */
export type CoolingPowerModel =
  | { readonly model: 'pue'; readonly pue: number }
  | { readonly model: 'cop'; readonly cop: number }
  | { readonly model: 'fixed'; readonly powerKw: number };

export interface CoolingModel extends Dated {
  readonly name: string;
  readonly path: string;
  readonly type: CoolingType;
  /** Heat the system can reject, in kW. */
  readonly capacityKw: number;
  readonly power: CoolingPowerModel;
  /** Name of the bus the cooling system draws its own power from. */
  readonly bus: string;
}

/** Fields shared by every IT load (mining pods and GPU halls). */
export interface ItLoadModel extends Dated {
  readonly name: string;
  readonly path: string;
  /** Name of the bus that feeds the load. */
  readonly bus: string;
  /** Name of the cooling system that removes its heat. */
  readonly cooling: string;
  /** Electrical draw in kW; all of it becomes heat for the cooling system. */
  readonly itKw: number;
  /** Firm loads must stay up in a contingency; interruptible loads are shed first. */
  readonly firm: boolean;
  readonly coolingRequirement: CoolingRequirement;
  /** Human label of the hardware, e.g. "Antminer S21 XP". */
  readonly hardware: string;
  /**
   * Facility overhead in proportion to IT (electrical losses, UPS, lighting), drawn from the
   * load's own bus whenever the load runs: overhead kW = IT kW x this fraction. Not heat for the
   * load's cooling system. @default 0
   */
  readonly facilityOverheadFraction?: number;
}

export interface MiningPodModel extends ItLoadModel {
  readonly kind: 'mining-pod';
  readonly hardwareId: string;
  readonly count: number;
  /** Unpowered spare units kept on site; they draw nothing. */
  readonly spares: number;
  /** Rated power of one miner, W (the catalog figure). */
  readonly minerPowerW: number;
  /** Rated hashrate of one miner at `minerPowerW`, TH/s (the catalog figure). */
  readonly minerHashrateThs: number;
  /** Hashrate of the powered miners at `itKw`, in TH/s. */
  readonly hashrateThs: number;
  /** Rated efficiency of the model, J/TH. */
  readonly efficiencyJTh: number;
  /** How fast the pod can curtail to zero, in seconds (demand response). */
  readonly curtailSeconds: number;
  /** Shedding priority: lower is shed first (see shedding-order.ts). */
  readonly priority: number;
  /**
   * Per-miner power control (mining-caps.ts). Absent: miners run at their rated power.
   * `fixed`: at `capW`; `auto`: the engine picks a cap in [minW, maxW] that fills the headroom.
   */
  readonly powerControl?:
    | { readonly mode: 'fixed'; readonly capW: number }
    | { readonly mode: 'auto'; readonly minW: number; readonly maxW: number };
  /** Measured hashrate per miner at given power (W -> TH/s), interpolated linearly. Absent: the rated J/TH. */
  readonly hashrateCurve?: readonly { readonly powerW: number; readonly hashrateThs: number }[];
}

/**
 * A lease: the critical-IT power a tenant contracted for, and optionally a cap on the gross
 * power (IT + its cooling share + facility overhead) the lease allows.
 */
export interface LeaseModel {
  readonly tenant: string;
  readonly contractedItKw: number;
  readonly grossCapKw?: number;
}

export interface GpuHallModel extends ItLoadModel {
  readonly kind: 'gpu-hall';
  readonly hardwareId: string;
  /** Whether each installed system is a server (e.g. DGX B200) or a whole rack (e.g. GB300 NVL72). */
  readonly systemKind: 'gpu-server' | 'gpu-rack';
  readonly count: number;
  readonly gpus: number;
  readonly systemPowerW: number;
  /** Network and storage draw in kW, included in itKw. */
  readonly overheadKw: number;
  /** `self` for a self-operated hall, otherwise the tenant's name (colocation). */
  readonly operator: { readonly kind: 'self' } | { readonly kind: 'tenant'; readonly tenant: string };
  /** The tenant's contract, for a leased hall. @default none */
  readonly lease?: LeaseModel;
}

/**
 * A load stated in MW rather than as hardware: a leased hall known as "168 MW critical IT", a
 * third-party load known as "72.5 MW gross".
 * - `it`: `powerKw` is IT; its heat goes to `cooling` and facility overhead applies, like a hall.
 * - `gross`: `powerKw` already includes its cooling and overhead; it names no cooling system.
 */
export interface BlockLoadModel extends Dated {
  readonly kind: 'block-load';
  readonly name: string;
  readonly path: string;
  readonly bus: string;
  readonly basis: 'it' | 'gross';
  readonly powerKw: number;
  /** Required with basis `it`. */
  readonly cooling?: string;
  /** What its hardware needs from the cooling system. @default none: any cooling type */
  readonly coolingRequirement?: CoolingRequirement;
  readonly firm: boolean;
  /** Only with basis `it`. @default 0 */
  readonly facilityOverheadFraction?: number;
  /** For a leased block. @default none */
  readonly lease?: LeaseModel;
  /** Words for reports, e.g. "tenant T, 168 MW critical IT". */
  readonly description: string;
}

export interface AuxiliaryLoadModel extends Dated {
  readonly kind: 'auxiliary';
  readonly name: string;
  readonly path: string;
  readonly bus: string;
  readonly powerKw: number;
  /** Firm auxiliary load (offices, security, controls) keeps running in a contingency. @default true */
  readonly firm?: boolean;
}

/** A demand-response commitment: MW that must be sheddable within a response time. */
export interface DemandResponseCommitment extends Dated {
  /** Program name, e.g. "ERCOT ERS-10". */
  readonly program: string;
  /** The reduction of grid import the site must deliver when called, in kW. */
  readonly sheddableKw: number;
  /** The program's required response time, in seconds. */
  readonly responseTimeS: number;
  /**
   * Calendar months (1-12) the commitment applies in, from `fromMonth` to `toMonth` inclusive,
   * wrapping over the new year (e.g. 11 to 2). Undefined: all year.
   */
  readonly season?: { readonly fromMonth: number; readonly toMonth: number };
  /** Free-text time window, e.g. "weekdays 14:00-20:00 CT"; carried to plans, not checked. */
  readonly window?: string;
  /**
   * Commitments that share a group are never called at the same time (only one of them at
   * once), so they may count the same megawatts. @default none: called together with every
   * other commitment in force, so their MW add up
   */
  readonly exclusiveGroup?: string;
}

/** How the site is served: at transmission voltage (60 kV and above in ERCOT) or from the distribution system. */
export type VoltageClass = 'transmission' | 'distribution';

/**
 * The site's disclosure of on-site backup generation to ERCOT (Texas SB 6, 2025): in an energy
 * emergency ERCOT may direct the site to deploy that generation or to curtail its load.
 */
export interface BackupGenerationDisclosure {
  /** Whether the site can run its backup generation when ERCOT directs it in an energy emergency. */
  readonly deployableInEmergency: boolean;
  /** Whether the site can curtail its load instead when ERCOT directs it in an energy emergency. */
  readonly curtailableInEmergency: boolean;
}

/**
 * The site's interconnection: the day it was interconnected and the site load that
 * interconnection covers. Load added later beyond `loadKw` is interconnected later (Texas SB 6
 * judges it by that later date).
 */
export interface InterconnectionFact {
  /** The day the site is (or was) interconnected to the grid. */
  readonly date: Day;
  /** The site load that interconnection covers, kW. @default unknown: a rule that needs it says so */
  readonly loadKw?: number;
}

/**
 * ERCOT's approval of the site's energization: the day and the site load it approved. Load beyond
 * `approvedKw` is not covered by it (NOGRR282 / NPRR1308 exempt only what was approved by the cutoff).
 */
export interface EnergizationApprovalFact {
  /** The day ERCOT approved the site's energization. */
  readonly date: Day;
  /** The site load that approval covers, kW. @default unknown: a rule that needs it says so */
  readonly approvedKw?: number;
}

/**
 * How the utility's remote-disconnect equipment curtails the site in firm load shed (Texas SB 6):
 * - `{ wholeSite: true }`: it opens the site's point of interconnection, so every load drops,
 *   firm included;
 * - `{ remoteDisconnectLoads }`: it drops the named loads only, which must be the loads of the
 *   curtailment plan (the interruptible mining pods).
 */
export type FirmLoadShedFact = { readonly wholeSite: true } | { readonly remoteDisconnectLoads: readonly string[] };

/**
 * Facts about the site's grid connection that the load model cannot compute and the ERCOT
 * large-load rules (rules/ercot) need. Every fact is optional: a rule that needs one that is not
 * given reports which fact to declare, and never assumes a value. Dates are days, 'YYYY-MM-DD'.
 * A dated approval carries the load it covers: a later phase beyond it is not covered.
 */
export interface GridFacts {
  /** The site's interconnection: its day and the load it covers. @default unknown: rules that need it say so */
  readonly interconnection?: InterconnectionFact;
  /** The voltage the site takes service at. @default unknown: rules that need it say so */
  readonly voltageClass?: VoltageClass;
  /** ERCOT's approval of the site's energization: its day and the load it approved. @default unknown: rules that need it say so */
  readonly energizationApproval?: EnergizationApprovalFact;
  /** The disclosure of on-site backup generation (SB 6). @default none: no disclosure made */
  readonly backupGeneration?: BackupGenerationDisclosure;
  /** Curtailment in firm load shed (SB 6): what the utility's remote-disconnect equipment drops. @default none: not declared */
  readonly firmLoadShed?: FirmLoadShedFact;
  /**
   * 4CP response: the calendar months among June to September (6-9) in which the site curtails
   * its interruptible load in the predicted four coincident peak intervals.
   * @default none: no 4CP curtailment declared
   */
  readonly fourCpCurtailment?: { readonly months: readonly number[] };
}

/** A step of the interconnect approval: from `from` on, the limit is `limitKw`. */
export interface InterconnectStep {
  readonly from: Month;
  readonly limitKw: number;
}

export interface CampusModel {
  readonly name: string;
  readonly path: string;
  /** Grid region or ISO label, e.g. "ERCOT". */
  readonly gridRegion: string;
  /**
   * What the utility or ISO approved the site to draw from the grid, in kW: from the start, or
   * in the state this model describes (campusAt resolves `interconnectSteps`).
   */
  readonly interconnectLimitKw: number;
  /** Later approvals, sorted by month: from each `from` on, the limit is its `limitKw`. @default none */
  readonly interconnectSteps?: readonly InterconnectStep[];
  /** Utilization above which a scenario is reported as a warning (0 < x <= 1). */
  readonly warnUtilization: number;
  readonly buses: readonly BusModel[];
  readonly coolingSystems: readonly CoolingModel[];
  readonly miningPods: readonly MiningPodModel[];
  readonly gpuHalls: readonly GpuHallModel[];
  readonly auxiliaryLoads: readonly AuxiliaryLoadModel[];
  /** Loads stated in MW. @default none */
  readonly blockLoads?: readonly BlockLoadModel[];
  /** Demand-response commitments. @default none */
  readonly commitments?: readonly DemandResponseCommitment[];
  /** Inputs for the optional revenue figures (economics.ts). @default none: no economics */
  readonly economics?: EconomicsInputs;
  /** Facts about the grid connection for the ERCOT large-load rules. @default none: rules that need a fact say which */
  readonly gridFacts?: GridFacts;
  /** Set with `period`: the buses and cooling systems of the campus that are not in service then. */
  readonly notInService?: readonly { readonly name: string; readonly inService?: string; readonly retire?: string }[];
  /** Set on the campus as it stands in one state of its timeline (see timeline.ts). */
  readonly period?: TimelinePoint;
}
