/**
 * `campus dispatch --format text` and `--format md`: per site, a table of pod groups and the
 * site total, the value of a MW of headroom as mining against AI, and a table by month.
 */
import { fixed } from '../format';
import { markdownTable } from '../markdown-table';
import { textTable } from '../text-table';
import type { DispatchReport, FiguresReport, SiteDispatchReport } from './dispatch-report';

const na = (value: number | null, decimals: number) => (value === null ? 'n/a' : fixed(value, decimals));
const usd = (value: number | null) => (value === null ? 'n/a' : `${value < 0 ? '-' : ''}$${fixed(Math.abs(value), 0)}`);

const GROUP_HEADER = ['pod group', 'J/TH', 'break-even $/MWh', 'MWh mined', 'hours mined', 'hours curtailed', 'avg price $/MWh', 'gross margin', '4CP MW avoided', 'mining $/MW-year'];
const GROUP_RIGHT = [false, true, true, true, true, true, true, true, true, true];
const MONTH_HEADER = ['month', 'campus state', 'MWh mined', 'hours mined', 'hours curtailed', 'avg price $/MWh', 'gross margin'];
const MONTH_RIGHT = [false, false, true, true, true, true, true];

function figureCells(f: FiguresReport): string[] {
  return [fixed(f.minedMwh, 1), fixed(f.hoursMined, 1), fixed(f.hoursCurtailed, 1), na(f.averagePricePaidUsdPerMwh, 2), usd(f.grossMarginUsd)];
}

function groupRows(site: SiteDispatchReport): string[][] {
  return [
    ...site.groups.map((g) => [g.label, na(g.efficiencyJTh, 2), na(g.breakEvenUsdPerMwh, 2), ...figureCells(g.figures), na(g.fourCpAvoidedMw, 3), usd(g.figures.valueUsdPerMwYear)]),
    ['site total', '', '', ...figureCells(site.figures), na(site.fourCpAvoidedMw, 3), usd(site.figures.valueUsdPerMwYear)],
  ];
}

function monthRows(site: SiteDispatchReport): string[][] {
  return site.months.map((m) => [m.month, m.campusState === null ? 'no campus' : m.campusState || 'as declared', ...figureCells(m.figures)]);
}

function headline(report: DispatchReport): string[] {
  const i = report.inputs;
  const hp = i.hashprice.kind === 'constant' ? `hashprice $${fixed(i.hashprice.usdPerPhDay, 2)}/PH/day` : 'hashprice from a dated series';
  const options = [
    `pool fee ${fixed(i.poolFeeFraction * 100, 2)}%`,
    `minimum on ${i.minOnIntervals} / off ${i.minOffIntervals} intervals`,
    i.fourCpWindow ? `4CP window ${i.fourCpWindow} (June-September)` : 'no 4CP window',
    i.holdReserves ? 'demand-response reserves held' : 'demand-response reserves not held',
    ...(i.shiftYears !== 0 ? [`campus dates shifted ${i.shiftYears > 0 ? '+' : ''}${i.shiftYears} years`] : []),
  ];
  return [
    `Prices: ${i.prices.settlementPoint || 'series'}, ${fixed(i.prices.intervals, 0)} intervals of ${i.prices.intervalMinutes} min, ${i.prices.firstIntervalStart} to ${i.prices.lastIntervalStart} (starts, UTC); ${hp}`,
    `Options: ${options.join('; ')}`,
    `Inputs sha256: ${i.sha256}`,
  ];
}

function comparison(site: SiteDispatchReport): string {
  const mining = site.figures.valueUsdPerMwYear;
  const ai = site.aiValueUsdPerMwYear;
  const base = `One MW of headroom per year: mining ${usd(mining)} (gross margin at these prices)`;
  if (ai === null) return `${base}; AI: no AI economics inputs in the campus`;
  // Compared on one basis, a margin after power: AI revenue less the power it does not pay for
  // (self-operated GPU-hour halls, at the series' mean price; colocation rent excludes it).
  const power = site.aiPowerCostUsdPerMwYear ?? 0;
  const aiMargin = ai - power;
  const aiText = power > 0 ? `AI ${usd(aiMargin)} (revenue ${usd(ai)} from the campus's economics inputs, less ${usd(power)} of power at the mean price ${fixed(site.meanPriceUsdPerMwh, 2)} $/MWh)` : `AI ${usd(ai)} (colocation revenue from the campus's economics inputs; the tenant pays its power)`;
  const verdict = mining === null ? '' : aiMargin > mining ? `; AI earns ${usd(aiMargin - mining)} more per MW-year` : `; mining earns ${usd(mining - aiMargin)} more per MW-year`;
  return `${base}; ${aiText}${verdict}`;
}

function notes(site: SiteDispatchReport): string[] {
  const out: string[] = [];
  if (site.figures.reserveMwh > 0) out.push(`${fixed(site.figures.reserveMwh, 1)} MWh mined above break-even to hold demand-response reserves`);
  if (site.reserveShortIntervals > 0) {
    out.push(`${fixed(site.reserveShortIntervals, 0)} intervals where a demand-response reserve could not be held (its pods shed in a 4CP window, or too few eligible pods may run)`);
  }
  if (site.intervalsWithoutCampus > 0) out.push(`${site.intervalsWithoutCampus} intervals fall in months no state of the campus covers; nothing mines in them`);
  // valueUsdPerMwYear = margin x 8,760 / MWh allowed (simulate.ts): from less than a year it is an extrapolation.
  if (site.figures.hoursAvailable > 0 && site.figures.hoursAvailable < 8760) {
    out.push(`$/MW-year figures scale ${fixed(site.figures.hoursAvailable, 1)} hours of mining capacity to 8,760: they carry those hours' prices and season, not a whole year's`);
  }
  return out;
}

export function renderDispatchText(report: DispatchReport): string {
  const lines = [...headline(report)];
  for (const site of report.sites) {
    lines.push('', `Site ${site.site}`, ...textTable([GROUP_HEADER, ...groupRows(site)], GROUP_RIGHT).map((l) => `  ${l}`), `  ${comparison(site)}`);
    lines.push(...notes(site).map((n) => `  Note: ${n}`));
    lines.push('', ...textTable([MONTH_HEADER, ...monthRows(site)], MONTH_RIGHT).map((l) => `  ${l}`));
  }
  return `${lines.join('\n')}\n`;
}

export function renderDispatchMarkdown(report: DispatchReport): string {
  const lines = ['## Mining dispatch', '', ...headline(report).map((l) => `${l}  `)];
  for (const site of report.sites) {
    lines.push('', `### ${site.site}`, '', ...markdownTable(GROUP_HEADER, groupRows(site), GROUP_RIGHT), '', comparison(site));
    for (const n of notes(site)) lines.push('', `> ${n}`);
    lines.push('', '<details><summary>By month</summary>', '', ...markdownTable(MONTH_HEADER, monthRows(site), MONTH_RIGHT), '', '</details>');
  }
  return `${lines.join('\n')}\n`;
}
