/**
 * `campus diff` over two dispatch reports (`campus dispatch --format json`): how a change moves
 * the dispatch figures of each site. Only reports dispatched with the same inputs (the same
 * `inputs.sha256`: price files, hashprice, pool fee and options) are compared; otherwise the
 * figures would move for reasons other than the change, and the diff says which inputs differ.
 */
import * as fs from 'fs';
import { z } from 'zod';
import { fixed } from '../format';
import { InputError } from '../input-error';
import { markdownTable } from '../markdown-table';
import { textTable } from '../text-table';
import { DISPATCH_FORMAT, DISPATCH_FORMAT_VERSION, type DispatchInputs } from './dispatch-report';
import { readInputFile } from './read-file';

const nullableNumber = z.number().nullable();
const figuresSchema = z.object({
  minedMwh: z.number(),
  hoursMined: z.number(),
  hoursCurtailed: z.number(),
  averagePricePaidUsdPerMwh: nullableNumber,
  grossMarginUsd: z.number(),
  valueUsdPerMwYear: nullableNumber,
});
const reportSchema = z.object({
  format: z.literal(DISPATCH_FORMAT),
  formatVersion: z.literal(DISPATCH_FORMAT_VERSION),
  inputs: z.looseObject({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  sites: z.array(z.object({ site: z.string(), figures: figuresSchema, fourCpAvoidedMw: nullableNumber, aiValueUsdPerMwYear: nullableNumber, aiPowerCostUsdPerMwYear: nullableNumber.optional() })),
});
type ParsedReport = z.infer<typeof reportSchema>;

/** Whether a path is a dispatch report (a file whose JSON names the dispatch format). */
export function isDispatchReportFile(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) return false;
    const head = fs.readFileSync(file, 'utf8').slice(0, 200);
    return head.includes(`"format": "${DISPATCH_FORMAT}"`);
  } catch {
    return false;
  }
}

export function parseDispatchReport(file: string, text: string): ParsedReport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new InputError(`${file}: not valid JSON; write it again with campus dispatch --format json`);
  }
  const parsed = reportSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('').replace(/^\./, '') || '(document)';
    throw new InputError(`${file}: invalid dispatch report (format ${DISPATCH_FORMAT} ${DISPATCH_FORMAT_VERSION}): ${where}: ${issue.message}`);
  }
  return parsed.data;
}

export interface DispatchFigureChange {
  readonly figure: string;
  readonly base: number | null;
  readonly head: number | null;
}

export interface DispatchSiteDiff {
  readonly site: string;
  readonly status: 'added' | 'removed' | 'changed' | 'unchanged';
  readonly changes: readonly DispatchFigureChange[];
}

export interface DispatchDiff {
  readonly inputsSha256: string;
  readonly sites: readonly DispatchSiteDiff[];
  readonly changed: boolean;
}

const FIGURES: readonly { readonly figure: string; readonly of: (s: ParsedReport['sites'][number]) => number | null }[] = [
  { figure: 'MWh mined', of: (s) => s.figures.minedMwh },
  { figure: 'hours mined', of: (s) => s.figures.hoursMined },
  { figure: 'hours curtailed', of: (s) => s.figures.hoursCurtailed },
  { figure: 'avg price $/MWh', of: (s) => s.figures.averagePricePaidUsdPerMwh },
  { figure: 'gross margin $', of: (s) => s.figures.grossMarginUsd },
  { figure: '4CP MW avoided', of: (s) => s.fourCpAvoidedMw },
  { figure: 'mining $/MW-year', of: (s) => s.figures.valueUsdPerMwYear },
  { figure: 'AI $/MW-year', of: (s) => s.aiValueUsdPerMwYear },
  { figure: 'AI power $/MW-year', of: (s) => s.aiPowerCostUsdPerMwYear ?? null },
];

/** The input fields that differ, in words, for the refusal. */
function differingInputs(base: Record<string, unknown>, head: Record<string, unknown>): string[] {
  const keys = [...new Set([...Object.keys(base), ...Object.keys(head)])].filter((k) => k !== 'sha256').sort();
  return keys.filter((k) => JSON.stringify(base[k]) !== JSON.stringify(head[k]));
}

/** Compares two dispatch reports read from files. */
export function diffDispatchFiles(baseFile: string, headFile: string): DispatchDiff {
  const base = parseDispatchReport(baseFile, readInputFile(baseFile, 'base dispatch report').toString('utf8'));
  const head = parseDispatchReport(headFile, readInputFile(headFile, 'head dispatch report').toString('utf8'));
  if (base.inputs.sha256 !== head.inputs.sha256) {
    const fields = differingInputs(base.inputs as unknown as Record<string, unknown>, head.inputs as unknown as Record<string, unknown>);
    throw new InputError(
      `${baseFile} and ${headFile} were dispatched with different inputs (${fields.length > 0 ? fields.join(', ') : 'sha256'} differ); ` +
        `run campus dispatch on both with the same --prices, hashprice, pool fee and options to compare them`,
    );
  }
  return diffDispatchReports(base, head);
}

export function diffDispatchReports(base: ParsedReport, head: ParsedReport): DispatchDiff {
  const names = [...new Set([...base.sites.map((s) => s.site), ...head.sites.map((s) => s.site)])].sort();
  const sites = names.map((name): DispatchSiteDiff => {
    const b = base.sites.find((s) => s.site === name);
    const h = head.sites.find((s) => s.site === name);
    const changes = FIGURES.map((f) => ({ figure: f.figure, base: b ? f.of(b) : null, head: h ? f.of(h) : null }));
    const status = !b ? 'added' : !h ? 'removed' : changes.some((c) => c.base !== c.head) ? 'changed' : 'unchanged';
    return { site: name, status, changes };
  });
  return { inputsSha256: head.inputs.sha256, sites, changed: sites.some((s) => s.status !== 'unchanged') };
}

function cell(value: number | null): string {
  return value === null ? 'n/a' : fixed(value, 2);
}

function delta(c: DispatchFigureChange): string {
  if (c.base === null || c.head === null) return 'n/a';
  const text = fixed(c.head - c.base, 2);
  return c.head - c.base > 0 && text !== '0.00' ? `+${text}` : text;
}

function rows(site: DispatchSiteDiff): string[][] {
  return site.changes.map((c) => [c.figure, cell(c.base), cell(c.head), delta(c)]);
}

const HEADER = ['figure', 'base', 'head', 'change'];
const RIGHT = [false, true, true, true];

export function renderDispatchDiffText(diff: DispatchDiff): string {
  const lines = [`Dispatch diff (same inputs, sha256 ${diff.inputsSha256})`];
  if (!diff.changed) lines.push('No change in the dispatch figures.');
  for (const site of diff.sites) {
    lines.push('', `Site ${site.site}: ${site.status}`);
    if (site.status !== 'unchanged') lines.push(...textTable([HEADER, ...rows(site)], RIGHT).map((l) => `  ${l}`));
  }
  return `${lines.join('\n')}\n`;
}

export function renderDispatchDiffMarkdown(diff: DispatchDiff): string {
  const lines = ['## Mining dispatch: what this change moves', '', `Same inputs (sha256 \`${diff.inputsSha256}\`).`];
  if (!diff.changed) lines.push('', 'No change in the dispatch figures.');
  for (const site of diff.sites) {
    lines.push('', `### ${site.site}: ${site.status}`);
    if (site.status !== 'unchanged') lines.push('', ...markdownTable(HEADER, rows(site), RIGHT));
  }
  return `${lines.join('\n')}\n`;
}

export function renderDispatchDiffJson(diff: DispatchDiff): string {
  return `${JSON.stringify({ format: 'hybrid-campus/dispatch-diff', formatVersion: 1, ...diff }, null, 2)}\n`;
}

export type { DispatchInputs };
