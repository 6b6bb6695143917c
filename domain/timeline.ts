/**
 * Time: when parts come into service and retire, and the campus as it stands at each date.
 *
 * Dates are months, written 'YYYY-MM' (e.g. '2027-01'); month precision is enough for
 * construction phases. A part is in service from its `inService` month (or from the start, if
 * it has none) until the month before its `retire` month: `retire` is the first month it is out.
 *
 * The timeline is the list of states the campus passes through. A new state starts at every
 * month where some part comes into service or retires. If parts are in service before the
 * first such month (parts without an inService date), that earlier state is checked too; it is
 * the campus "before <first month>". Nothing here reads the clock: the timeline depends only on
 * the dates in the model.
 */

/** A month, 'YYYY-MM'. */
export type Month = string;

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export function isMonth(value: unknown): value is Month {
  return typeof value === 'string' && MONTH_PATTERN.test(value);
}

/** A calendar day, 'YYYY-MM-DD' (facts such as an approval date; the timeline itself is in months). */
export type Day = string;

export const DAY_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Whether `value` is a day written 'YYYY-MM-DD' that exists in the Gregorian calendar (no 2025-02-30). */
export function isDay(value: unknown): value is Day {
  if (typeof value !== 'string' || !DAY_PATTERN.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return d <= days;
}

/** Anything with optional service dates. */
export interface Dated {
  readonly inService?: Month;
  readonly retire?: Month;
}

/** In service during `month`; with no month given, parts are judged as planned (all of them). */
export function inServiceAt(part: Dated, month: Month | undefined): boolean {
  if (month === undefined) return true;
  return (part.inService === undefined || part.inService <= month) && (part.retire === undefined || part.retire > month);
}

/** The months at which the set of parts in service changes, sorted. */
export function changeMonths(parts: readonly Dated[]): Month[] {
  const months = new Set<Month>();
  for (const p of parts) {
    if (p.inService !== undefined) months.add(p.inService);
    if (p.retire !== undefined) months.add(p.retire);
  }
  return [...months].sort();
}

/** One state of the campus: from `from` (inclusive) until `until` (exclusive). */
export interface TimelinePoint {
  /** The month this state starts; undefined for the state before the first change. */
  readonly from?: Month;
  /** The month the next state starts; undefined for the last state, which lasts. */
  readonly until?: Month;
  /** The month used to select parts in service: `from`, or the month before `until` for the first state. */
  readonly at?: Month;
  /** "from 2027-01", "before 2027-01", or "" for a campus without dates. */
  readonly label: string;
}

/** The month before a month. */
export function previousMonth(month: Month): Month {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${String(y - 1).padStart(4, '0')}-12` : `${String(y).padStart(4, '0')}-${String(m - 1).padStart(2, '0')}`;
}

/** The month after a month. */
export function nextMonth(month: Month): Month {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${String(y + 1).padStart(4, '0')}-01` : `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * The states to check, in time order. A campus without dates has one state with an empty label.
 * The state before the first change is included only when one of `anchors` (the parts that make
 * a campus: buses, cooling, loads; by default all parts) is in service then; an undated
 * commitment or feed alone does not make a state worth checking.
 */
export function timelinePoints(parts: readonly Dated[], anchors: readonly Dated[] = parts): TimelinePoint[] {
  const months = changeMonths(parts);
  if (months.length === 0) return [{ label: '' }];
  const points: TimelinePoint[] = [];
  const before = previousMonth(months[0]);
  if (anchors.some((p) => inServiceAt(p, before))) {
    points.push({ until: months[0], at: before, label: `before ${months[0]}` });
  }
  months.forEach((from, i) => {
    points.push({ from, until: months[i + 1], at: from, label: `from ${from}` });
  });
  return points;
}

/** The calendar months (1-12) a state covers; all twelve when it lasts a year or more or has no end. */
export function monthsCovered(point: TimelinePoint): Set<number> {
  const all = new Set(Array.from({ length: 12 }, (_, i) => i + 1));
  if (point.from === undefined || point.until === undefined) return all;
  const covered = new Set<number>();
  for (let m = point.from; m < point.until && covered.size < 12; m = nextMonth(m)) covered.add(Number(m.slice(5)));
  return covered;
}
