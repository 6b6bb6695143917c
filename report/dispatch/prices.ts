/**
 * Reads price series files into a PriceSeries (domain/dispatch/price-series.ts). Three formats,
 * told apart by their header line:
 * - ERCOT real-time settlement point prices, 15-minute CSV (report NP6-905-CD): `DeliveryDate`,
 *   `DeliveryHour`, `DeliveryInterval`, `SettlementPointName`, `SettlementPointType`,
 *   `SettlementPointPrice`, `DSTFlag`;
 * - a sheet of ERCOT's yearly archive (report NP6-785-ER) saved as CSV: `Delivery Date`,
 *   `Delivery Hour`, `Delivery Interval`, `Repeated Hour Flag`, `Settlement Point Name`,
 *   `Settlement Point Type`, `Settlement Point Price`;
 * - a plain CSV `interval_start,price_usd_per_mwh`, ISO 8601 starts with an offset.
 *
 * ERCOT dates and hours are Central Prevailing Time, hour ending 1-24, intervals 1-4 of 15
 * minutes (shared/reference/ercot-large-loads.md, "Prices for dispatch studies"). The hour
 * repeated when daylight time ends (hour ending 2 on the first Sunday of November) appears twice,
 * its second occurrence flagged Y; the hour skipped when it starts (hour ending 3 on the second
 * Sunday of March) does not exist, and a row for it is an error. Every bad row is an InputError
 * naming the file and line; nothing is skipped silently (rows of other settlement points are
 * checked too, then left out because they are for another point).
 */
import type { PriceSeries } from '../../domain/dispatch/price-series';
import { InputError } from '../input-error';
import { centralToUtcMs, daysFromCivil, dstDays, isCalendarDate } from './central-time';
import { csvLines } from './csv';

export interface TextFile {
  /** The path as given, for messages. */
  readonly file: string;
  readonly text: string;
}

export type PriceFormat = 'ercot-15min' | 'ercot-archive' | 'plain';

const ERCOT_15MIN = ['DeliveryDate', 'DeliveryHour', 'DeliveryInterval', 'SettlementPointName', 'SettlementPointType', 'SettlementPointPrice', 'DSTFlag'] as const;
const ERCOT_ARCHIVE = ['Delivery Date', 'Delivery Hour', 'Delivery Interval', 'Repeated Hour Flag', 'Settlement Point Name', 'Settlement Point Type', 'Settlement Point Price'] as const;
const PLAIN = ['interval_start', 'price_usd_per_mwh'] as const;

const MS_PER_MINUTE = 60_000;
const ERCOT_INTERVAL_MINUTES = 15;

interface Row {
  readonly file: string;
  readonly line: number;
  readonly utcMs: number;
  readonly price: number;
  readonly localMonthIndex: number;
  readonly localDay: number;
  readonly localMinute: number;
  /** How the row names its interval, for messages. */
  readonly label: string;
  /** What to do when this row starts at the same time as another, if more than "give it once". */
  readonly duplicateHint?: string;
}

function show(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
}

function fail(file: string, line: number, message: string): never {
  throw new InputError(`${file}: line ${line}: ${message}`);
}

function parsePrice(file: string, line: number, column: string, value: string): number {
  const price = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(price)) fail(file, line, `${column} ${show(value)} is not a price in USD/MWh (a number, e.g. 23.45 or -1.5)`);
  return price;
}

/** MM/DD/YYYY (as ERCOT writes it) or YYYY-MM-DD. */
function parseDate(file: string, line: number, column: string, value: string): { year: number; month: number; day: number } {
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const date = m ? { year: Number(m[3]), month: Number(m[1]), day: Number(m[2]) } : (m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)) ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : undefined;
  if (!date || !isCalendarDate(date.year, date.month, date.day)) fail(file, line, `${column} ${show(value)} is not a date written MM/DD/YYYY or YYYY-MM-DD`);
  return date;
}

function wholeNumber(file: string, line: number, column: string, value: string, min: number, max: number): number {
  const n = /^\d{1,2}$/.test(value) ? Number(value) : NaN;
  if (!(n >= min && n <= max)) fail(file, line, `${column} ${show(value)} must be a whole number ${min} to ${max}`);
  return n;
}

function flag(file: string, line: number, column: string, value: string): boolean {
  if (value !== 'Y' && value !== 'N') fail(file, line, `${column} ${show(value)} must be Y (the repeated hour's second occurrence) or N`);
  return value === 'Y';
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function formatOf(file: string, header: readonly string[]): PriceFormat {
  const has = (cols: readonly string[]) => cols.every((c) => header.includes(c));
  if (has(ERCOT_15MIN)) return 'ercot-15min';
  if (has(ERCOT_ARCHIVE)) return 'ercot-archive';
  if (has(PLAIN)) return 'plain';
  throw new InputError(
    `${file}: line 1: not a price file header (${show(header.join(','))}); expected ERCOT's 15-minute columns (${ERCOT_15MIN.join(',')}), ` +
      `the NP6-785-ER archive's (${ERCOT_ARCHIVE.join(',')}) or ${PLAIN.join(',')}`,
  );
}

function readErcot(input: TextFile, format: 'ercot-15min' | 'ercot-archive', header: readonly string[], lines: ReturnType<typeof csvLines>, point: string | undefined): { rows: Row[]; points: Set<string> } {
  const cols = format === 'ercot-15min' ? ERCOT_15MIN : ERCOT_ARCHIVE;
  const [cDate, cHour, cInterval, cName, , cPrice, cFlag] = format === 'ercot-15min' ? cols : [cols[0], cols[1], cols[2], cols[4], cols[5], cols[6], cols[3]];
  const at = (name: string) => header.indexOf(name);
  const iDate = at(cDate), iHour = at(cHour), iInterval = at(cInterval), iName = at(cName), iPrice = at(cPrice), iFlag = at(cFlag);
  const rows: Row[] = [];
  const points = new Set<string>();
  const { file } = input;
  for (const l of lines.slice(1)) {
    if ('problem' in l) fail(file, l.line, l.problem);
    if (l.fields.length !== header.length) fail(file, l.line, `has ${l.fields.length} fields, the header has ${header.length}`);
    const f = l.fields;
    const date = parseDate(file, l.line, cDate, f[iDate]);
    const hour = wholeNumber(file, l.line, cHour, f[iHour], 1, 24);
    const interval = wholeNumber(file, l.line, cInterval, f[iInterval], 1, 4);
    const repeated = flag(file, l.line, cFlag, f[iFlag]);
    const name = f[iName];
    if (name === '') fail(file, l.line, `${cName} is empty`);
    const price = parsePrice(file, l.line, cPrice, f[iPrice]);
    points.add(name);
    // Hour ending `hour`, interval `interval`: starts (hour - 1) h + (interval - 1) x 15 min after midnight.
    const minute = (hour - 1) * 60 + (interval - 1) * ERCOT_INTERVAL_MINUTES;
    const utcMs = centralToUtcMs(date.year, date.month, date.day, minute, repeated);
    const label = `${date.year}-${pad(date.month)}-${pad(date.day)} hour ending ${hour} interval ${interval}${repeated ? ' (repeated hour)' : ''}`;
    if (typeof utcMs === 'string') fail(file, l.line, `${label}: ${utcMs}`);
    if (point !== undefined && name !== point) continue;
    // Both occurrences of the repeated hour unflagged: they read as one interval given twice.
    const unflaggedRepeat = !repeated && date.month === 11 && date.day === dstDays(date.year).endNovemberDay && hour === 2;
    rows.push({
      ...(unflaggedRepeat ? { duplicateHint: `; on the day daylight time ends, hour ending 2 comes twice and its second occurrence must have ${cFlag} Y` } : {}),
      file,
      line: l.line,
      utcMs,
      price,
      localMonthIndex: date.year * 12 + date.month - 1,
      localDay: daysFromCivil(date.year, date.month, date.day),
      localMinute: minute,
      label,
    });
  }
  return { rows, points };
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})$/;

function readPlain(input: TextFile, header: readonly string[], lines: ReturnType<typeof csvLines>): Row[] {
  const { file } = input;
  const iStart = header.indexOf('interval_start');
  const iPrice = header.indexOf('price_usd_per_mwh');
  const rows: Row[] = [];
  for (const l of lines.slice(1)) {
    if ('problem' in l) fail(file, l.line, l.problem);
    if (l.fields.length !== header.length) fail(file, l.line, `has ${l.fields.length} fields, the header has ${header.length}`);
    const start = l.fields[iStart];
    const m = ISO.exec(start);
    const [year, month, day, hh, mm, ss] = m ? [1, 2, 3, 4, 5, 6].map((k) => Number(m[k] ?? 0)) : [];
    if (!m || !isCalendarDate(year, month, day) || hh > 23 || mm > 59 || ss !== 0) {
      fail(file, l.line, `interval_start ${show(start)} must be an ISO 8601 time with an offset and whole minutes, e.g. 2024-07-01T15:00:00-05:00`);
    }
    if (m[7] !== 'Z' && (Number(m[7].slice(1, 3)) > 14 || Number(m[7].slice(4, 6)) > 59)) {
      fail(file, l.line, `interval_start ${show(start)} has the offset ${m[7]}; an offset is at most 14:00 either side of UTC, e.g. -05:00`);
    }
    const offset = m[7] === 'Z' ? 0 : (m[7][0] === '-' ? -1 : 1) * (Number(m[7].slice(1, 3)) * 60 + Number(m[7].slice(4, 6)));
    const localDay = daysFromCivil(year, month, day);
    const localMinute = hh * 60 + mm;
    rows.push({
      file,
      line: l.line,
      utcMs: (localDay * 1440 + localMinute - offset) * MS_PER_MINUTE,
      price: parsePrice(file, l.line, 'price_usd_per_mwh', l.fields[iPrice]),
      localMonthIndex: year * 12 + month - 1,
      localDay,
      localMinute,
      label: start,
    });
  }
  return rows;
}

/** The first settlement points of a set, for messages. */
function listPoints(points: ReadonlySet<string>): string {
  const sorted = [...points].sort();
  return sorted.length > 8 ? `${sorted.slice(0, 8).join(', ')} and ${sorted.length - 8} more` : sorted.join(', ');
}

/**
 * Reads one or more price files (e.g. a year's monthly sheets) into one series of consecutive
 * intervals. `settlementPoint` picks the rows of ERCOT files; it may be left out when every
 * ERCOT file holds a single point.
 */
export function parsePrices(files: readonly TextFile[], settlementPoint?: string): PriceSeries {
  if (files.length === 0) throw new InputError('no price file given; pass --prices <file>');
  const rows: Row[] = [];
  let plainIntervalMinutes: number | undefined;
  let point = settlementPoint ?? '';
  let anyErcot = false;
  for (const input of files) {
    const lines = csvLines(input.text);
    if (lines.length === 0) throw new InputError(`${input.file}: is empty; expected a header line and price rows`);
    const first = lines[0];
    if ('problem' in first) fail(input.file, first.line, first.problem);
    const header = first.fields;
    const format = formatOf(input.file, header);
    if (lines.length === 1) throw new InputError(`${input.file}: has a header and no price rows`);
    if (format === 'plain') {
      rows.push(...readPlain(input, header, lines));
      plainIntervalMinutes ??= 0;
      continue;
    }
    anyErcot = true;
    const { rows: fileRows, points } = readErcot(input, format, header, lines, settlementPoint);
    if (settlementPoint === undefined) {
      if (points.size > 1) {
        throw new InputError(`${input.file}: holds prices for ${points.size} settlement points (${listPoints(points)}); choose one with --settlement-point, e.g. --settlement-point HB_WEST`);
      }
      const only = [...points][0];
      if (point !== '' && only !== point) throw new InputError(`${input.file}: is for settlement point ${only}, another file is for ${point}; give files for one point`);
      point = only;
      rows.push(...fileRows);
    } else {
      if (fileRows.length === 0) throw new InputError(`${input.file}: has no rows for settlement point ${settlementPoint} (it has ${listPoints(points)})`);
      rows.push(...fileRows);
    }
  }
  if (anyErcot && plainIntervalMinutes !== undefined) throw new InputError(`${files[0].file}: ERCOT and plain price files cannot be mixed; convert them to one format`);

  // Time order; the same start twice or a gap is an error naming both rows.
  rows.sort((a, b) => a.utcMs - b.utcMs || (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  let intervalMinutes = anyErcot ? ERCOT_INTERVAL_MINUTES : 0;
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1];
    const b = rows[i];
    const minutes = (b.utcMs - a.utcMs) / MS_PER_MINUTE;
    if (minutes === 0) fail(b.file, b.line, `${b.label} starts at the same time as ${a.file} line ${a.line} (${a.label}); give each interval once${b.duplicateHint ?? ''}`);
    // Months, days and 4CP windows are read in local time, so it may not go back a day (only a
    // plain file whose rows are written in different offsets can do that).
    if (b.localDay < a.localDay) {
      fail(b.file, b.line, `${b.label} starts after ${a.file} line ${a.line} (${a.label}) but on an earlier local day; write every row in the market's local offset (months, days and 4CP windows are read in it)`);
    }
    if (intervalMinutes === 0) {
      if (!Number.isInteger(minutes) || minutes > 1440) fail(b.file, b.line, `${b.label} is ${minutes} minutes after the row before; intervals must be whole minutes, at most a day`);
      intervalMinutes = minutes;
    }
    if (minutes !== intervalMinutes) {
      fail(b.file, b.line, `${b.label} starts ${minutes} minutes after ${a.file} line ${a.line} (${a.label}); expected consecutive ${intervalMinutes}-minute intervals (a missing or extra row?)`);
    }
  }
  if (intervalMinutes === 0) throw new InputError(`${files[0].file}: has one price row; a plain price file needs two or more to tell the interval length`);

  return {
    intervalMinutes,
    startUtcMs: Float64Array.from(rows, (r) => r.utcMs),
    priceUsdPerMwh: Float64Array.from(rows, (r) => r.price),
    localMonthIndex: Int32Array.from(rows, (r) => r.localMonthIndex),
    localDay: Int32Array.from(rows, (r) => r.localDay),
    localMinuteOfDay: Int32Array.from(rows, (r) => r.localMinute),
    settlementPoint: point,
  };
}
