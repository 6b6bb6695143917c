/**
 * The dispatch report: what `campus dispatch` prints, as plain rounded data. Text, Markdown and
 * SVG are rendered from it, and its JSON form (format "hybrid-campus/dispatch",
 * formatVersion 1, documented in the README) is what `campus diff` compares.
 *
 * Rounding: MWh and MW to 3 decimals (the kWh and kW), USD and USD/MWh to 2, hours to 2,
 * J/TH to 3. Every figure is rounded once, from the simulation's exact sums.
 */
import type { DispatchFigures, SiteDispatch } from '../../domain/dispatch/simulate';
import { monthOfIndex } from '../../domain/dispatch/price-series';
import { round } from '../../domain/units';

export const DISPATCH_FORMAT = 'hybrid-campus/dispatch';
export const DISPATCH_FORMAT_VERSION = 1;

/** Everything the figures depend on besides the campus, with a sha256 over it (see inputs.ts). */
export interface DispatchInputs {
  /** sha256 of the canonical JSON of the other fields: equal inputs, equal hash. */
  readonly sha256: string;
  readonly prices: {
    readonly settlementPoint: string;
    readonly intervalMinutes: number;
    readonly intervals: number;
    /** First and last interval start, UTC, ISO 8601. */
    readonly firstIntervalStart: string;
    readonly lastIntervalStart: string;
    /** sha256 of each price file's bytes, in the order given. */
    readonly fileSha256: readonly string[];
  };
  readonly hashprice:
    | { readonly kind: 'constant'; readonly usdPerPhDay: number }
    | { readonly kind: 'series'; readonly fileSha256: string };
  readonly poolFeeFraction: number;
  readonly minOnIntervals: number;
  readonly minOffIntervals: number;
  /** "HH:MM-HH:MM" local, June-September; null without 4CP avoidance. */
  readonly fourCpWindow: string | null;
  readonly holdReserves: boolean;
  readonly shiftYears: number;
}

/** The figures as the JSON carries them: those of the simulation, rounded (see `figuresReport`). */
export type FiguresReport = DispatchFigures;

export interface GroupReport {
  readonly id: string;
  readonly label: string;
  readonly efficiencyJTh: number | null;
  readonly breakEvenUsdPerMwh: number | null;
  readonly fourCpAvoidedMw: number | null;
  readonly figures: FiguresReport;
}

export interface MonthReport {
  /** 'YYYY-MM', local to the price series. */
  readonly month: string;
  readonly campusState: string | null;
  readonly figures: FiguresReport;
}

export interface SiteDispatchReport {
  readonly site: string;
  /** sha256 of the site's campus-model.json. */
  readonly campusModelSha256: string;
  readonly meanHashpriceUsdPerPhDay: number;
  readonly figures: FiguresReport;
  readonly fourCpAvoidedMw: number | null;
  readonly aiValueUsdPerMwYear: number | null;
  /** The power AI revenue does not pay for, at the series' mean price, USD per MW-year (0 for colocation rent). */
  readonly aiPowerCostUsdPerMwYear: number | null;
  readonly meanPriceUsdPerMwh: number;
  readonly reserveShortIntervals: number;
  readonly intervalsWithoutCampus: number;
  readonly groups: readonly GroupReport[];
  readonly months: readonly MonthReport[];
}

export interface DispatchReport {
  readonly format: typeof DISPATCH_FORMAT;
  readonly formatVersion: typeof DISPATCH_FORMAT_VERSION;
  readonly inputs: DispatchInputs;
  readonly sites: readonly SiteDispatchReport[];
  /** Sorted prices of the series, for the price-duration chart: not in the JSON. */
  readonly durationCurve?: Float64Array;
}

const orNull = (value: number | null, decimals: number) => (value === null ? null : round(value, decimals));

export function figuresReport(f: DispatchFigures): FiguresReport {
  return {
    availableMwh: round(f.availableMwh, 3),
    minedMwh: round(f.minedMwh, 3),
    gridMwh: round(f.gridMwh, 3),
    hoursAvailable: round(f.hoursAvailable, 2),
    hoursMined: round(f.hoursMined, 2),
    hoursCurtailed: round(f.hoursCurtailed, 2),
    revenueUsd: round(f.revenueUsd, 2),
    powerCostUsd: round(f.powerCostUsd, 2),
    grossMarginUsd: round(f.grossMarginUsd, 2),
    averagePricePaidUsdPerMwh: orNull(f.averagePricePaidUsdPerMwh, 2),
    reserveMwh: round(f.reserveMwh, 3),
    valueUsdPerMwYear: orNull(f.valueUsdPerMwYear, 2),
  };
}

export function siteReport(site: SiteDispatch, campusModelSha256: string): SiteDispatchReport {
  return {
    site: site.site,
    campusModelSha256,
    meanHashpriceUsdPerPhDay: round(site.meanHashpriceUsdPerPhDay, 4),
    figures: figuresReport(site.figures),
    fourCpAvoidedMw: orNull(site.fourCpAvoidedMw, 3),
    aiValueUsdPerMwYear: orNull(site.aiValueUsdPerMwYear, 2),
    aiPowerCostUsdPerMwYear: orNull(site.aiPowerCostUsdPerMwYear, 2),
    meanPriceUsdPerMwh: round(site.meanPriceUsdPerMwh, 4),
    reserveShortIntervals: site.reserveShortIntervals,
    intervalsWithoutCampus: site.intervalsWithoutCampus,
    groups: site.groups.map((g) => ({
      id: g.id,
      label: g.label,
      efficiencyJTh: orNull(g.efficiencyJTh, 3),
      breakEvenUsdPerMwh: orNull(g.breakEvenUsdPerMwh, 2),
      fourCpAvoidedMw: orNull(g.fourCpAvoidedMw, 3),
      figures: figuresReport(g.figures),
    })),
    months: site.months.map((m) => ({ month: monthOfIndex(m.monthIndex), campusState: m.state, figures: figuresReport(m.figures) })),
  };
}

/** The JSON text: the report without the chart data, two-space indented, ending in a newline. */
export function renderDispatchJson(report: DispatchReport): string {
  const { durationCurve: _omit, ...doc } = report;
  return `${JSON.stringify(doc, null, 2)}\n`;
}
