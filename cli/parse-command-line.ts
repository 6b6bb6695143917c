/**
 * Parses `campus` arguments with node's util.parseArgs, and turns every mistake into a
 * UsageError with a message of our own (node's wording differs between versions).
 */
import { parseArgs } from 'util';
import type { DispatchRequest } from '../report/dispatch/run-dispatch';

export type OutputFormat = 'text' | 'md' | 'json';

/** dispatch also draws the price-duration curve. */
export type DispatchFormat = OutputFormat | 'svg';

/** What `campus dispatch` was asked: report/dispatch/run-dispatch.ts `DispatchRequest`, plus the format. */
export interface DispatchCommand extends DispatchRequest {
  readonly command: 'dispatch';
  readonly format: DispatchFormat;
}

export type Command =
  | { readonly command: 'help' }
  | { readonly command: 'version' }
  | { readonly command: 'report'; readonly target: string; readonly format: OutputFormat }
  | { readonly command: 'diff'; readonly base: string; readonly head: string; readonly format: OutputFormat; readonly allowEmptyBase: boolean }
  | DispatchCommand;

/** A mistake on the command line; the CLI prints it and exits with EXIT_USAGE. */
export class UsageError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

const OPTIONS = {
  format: { type: 'string' },
  base: { type: 'string' },
  head: { type: 'string' },
  'allow-empty-base': { type: 'boolean' },
  prices: { type: 'string' },
  'settlement-point': { type: 'string' },
  'hashprice-usd-per-ph-day': { type: 'string' },
  'hashprice-file': { type: 'string' },
  'pool-fee': { type: 'string' },
  'min-on-intervals': { type: 'string' },
  'min-off-intervals': { type: 'string' },
  '4cp-window': { type: 'string' },
  'no-reserves': { type: 'boolean' },
  'shift-years': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

const ALLOWED: Record<string, readonly string[]> = {
  report: ['format', 'help'],
  diff: ['format', 'base', 'head', 'allow-empty-base', 'help'],
  dispatch: [
    'format',
    'prices',
    'settlement-point',
    'hashprice-usd-per-ph-day',
    'hashprice-file',
    'pool-fee',
    'min-on-intervals',
    'min-off-intervals',
    '4cp-window',
    'no-reserves',
    'shift-years',
    'help',
  ],
  '': ['help', 'version'],
};

const FORMATS: readonly OutputFormat[] = ['text', 'md', 'json'];

/** The default folder `campus report` reads. */
export const DEFAULT_REPORT_DIR = 'cdktf.out';

/** Parses the arguments after `campus`. */
export function parseCommandLine(args: readonly string[]): Command {
  const { tokens } = parseArgs({ args: [...args], options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  const positionals = tokens.filter((t) => t.kind === 'positional').map((t) => t.value);
  const command = positionals[0] ?? '';
  if (!(command in ALLOWED)) throw new UsageError(`unknown command '${command}'; run campus --help`);
  const values: Record<string, string | boolean> = {};
  const priceFiles: string[] = [];
  for (const t of tokens) {
    if (t.kind === 'option-terminator') throw new UsageError(`'--' is not supported; run campus --help`);
    if (t.kind !== 'option') continue;
    if (!ALLOWED[command].includes(t.name)) {
      throw new UsageError(`unknown option ${t.rawName}${command ? ` for '${command}'` : ''}; run campus --help`);
    }
    if (OPTIONS[t.name as keyof typeof OPTIONS].type === 'string') {
      if (t.value === undefined || t.value === '' || (!t.inlineValue && t.value.startsWith('-'))) throw new UsageError(`option ${t.rawName} needs a value`);
      values[t.name] = t.value;
      if (t.name === 'prices') priceFiles.push(t.value);
    } else {
      if (t.value !== undefined) throw new UsageError(`option ${t.rawName} takes no value`);
      values[t.name] = true;
    }
  }
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };
  if (command === '') throw new UsageError('missing command (report, diff or dispatch); run campus --help');
  if (command === 'dispatch') return dispatchCommand(positionals.slice(1), values, priceFiles);
  const format = (values.format ?? 'text') as OutputFormat;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be text, md or json (got '${values.format}')`);
  const rest = positionals.slice(1);
  if (command === 'report') {
    if (rest.length > 1) throw new UsageError(`report takes at most one path (got ${rest.length})`);
    return { command, target: rest[0] ?? DEFAULT_REPORT_DIR, format };
  }
  if (rest.length > 0) throw new UsageError(`diff takes no positional arguments (got '${rest[0]}'); use --base and --head`);
  if (typeof values.base !== 'string' || typeof values.head !== 'string') throw new UsageError('diff needs --base <dir|file> and --head <dir|file>');
  return { command: 'diff', base: values.base, head: values.head, format, allowEmptyBase: values['allow-empty-base'] === true };
}

function numberOption(values: Record<string, string | boolean>, name: string, what: string, check: (n: number) => boolean): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const n = /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(raw as string) ? Number(raw) : NaN;
  if (!check(n)) throw new UsageError(`--${name} must be ${what} (got '${raw}')`);
  return n;
}

/** "HH:MM-HH:MM" to minutes after midnight, [start, end); end 24:00 allowed; a start after the end crosses midnight. */
function parseWindow(raw: string): { startMinute: number; endMinute: number } {
  const m = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(raw);
  const start = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  const end = m ? Number(m[3]) * 60 + Number(m[4]) : NaN;
  if (!m || Number(m[2]) > 59 || Number(m[4]) > 59 || start === end || start >= 1440 || end > 1440) {
    throw new UsageError(`--4cp-window must be a daily window HH:MM-HH:MM in the prices' local time, start and end different (a start after the end crosses midnight), e.g. 15:00-18:00 (got '${raw}')`);
  }
  return { startMinute: start, endMinute: end };
}

function dispatchCommand(rest: readonly string[], values: Record<string, string | boolean>, priceFiles: readonly string[]): DispatchCommand {
  const format = (values.format ?? 'text') as DispatchFormat;
  if (!['text', 'md', 'json', 'svg'].includes(format)) throw new UsageError(`--format must be text, md, json or svg (got '${values.format}')`);
  if (rest.length > 1) throw new UsageError(`dispatch takes at most one path (got ${rest.length})`);
  if (priceFiles.length === 0) throw new UsageError('dispatch needs --prices <file> (repeat it for several files)');
  const hashprice = numberOption(values, 'hashprice-usd-per-ph-day', 'a positive number of USD per PH/s per day, e.g. 39.53', (n) => n > 0 && Number.isFinite(n));
  const hashpriceFile = values['hashprice-file'] as string | undefined;
  if ((hashprice === undefined) === (hashpriceFile === undefined)) {
    throw new UsageError('dispatch needs one of --hashprice-usd-per-ph-day <usd> or --hashprice-file <file>');
  }
  const intervals = (name: string) => numberOption(values, name, 'a whole number of intervals, 1 or more', (n) => Number.isInteger(n) && n >= 1 && n <= 1_000_000) ?? 1;
  return {
    command: 'dispatch',
    target: rest[0] ?? DEFAULT_REPORT_DIR,
    format,
    priceFiles,
    ...(values['settlement-point'] !== undefined ? { settlementPoint: values['settlement-point'] as string } : {}),
    ...(hashprice !== undefined ? { hashpriceUsdPerPhDay: hashprice } : { hashpriceFile }),
    poolFeeFraction: numberOption(values, 'pool-fee', 'a fraction from 0 to below 1, e.g. 0.02 for 2%', (n) => n >= 0 && n < 1) ?? 0,
    minOnIntervals: intervals('min-on-intervals'),
    minOffIntervals: intervals('min-off-intervals'),
    ...(values['4cp-window'] !== undefined ? { fourCpWindow: parseWindow(values['4cp-window'] as string) } : {}),
    holdReserves: values['no-reserves'] !== true,
    shiftYears: numberOption(values, 'shift-years', 'a whole number of years, e.g. 3', (n) => Number.isInteger(n) && Math.abs(n) <= 100) ?? 0,
  };
}
