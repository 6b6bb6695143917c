/**
 * Reads a dated hashprice series: a CSV `date,hashprice_usd_per_ph_day`, one row per date
 * (YYYY-MM-DD, strictly increasing); each value holds from its date (local to the price series)
 * until the next row. The first date must be on or before the first price interval's day.
 */
import type { HashpriceSchedule } from '../../domain/dispatch/price-series';
import { InputError } from '../input-error';
import { daysFromCivil, isCalendarDate } from './central-time';
import { csvLines } from './csv';
import type { TextFile } from './prices';

export function parseHashprice(input: TextFile): HashpriceSchedule {
  const { file } = input;
  const lines = csvLines(input.text);
  const fail = (line: number, message: string): never => {
    throw new InputError(`${file}: line ${line}: ${message}`);
  };
  if (lines.length === 0) throw new InputError(`${file}: is empty; expected the header date,hashprice_usd_per_ph_day and one row per date`);
  const head = lines[0];
  if ('problem' in head) return fail(head.line, head.problem);
  if (head.fields.join(',') !== 'date,hashprice_usd_per_ph_day') fail(head.line, `the header must be date,hashprice_usd_per_ph_day (got ${JSON.stringify(head.fields.join(','))})`);
  if (lines.length === 1) throw new InputError(`${file}: has a header and no hashprice rows`);
  const fromDay: number[] = [];
  const usdPerPhDay: number[] = [];
  for (const l of lines.slice(1)) {
    if ('problem' in l) return fail(l.line, l.problem);
    if (l.fields.length !== 2) fail(l.line, `has ${l.fields.length} fields, expected 2 (date,hashprice_usd_per_ph_day)`);
    const [date, value] = l.fields;
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    if (!m || !isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) fail(l.line, `date ${JSON.stringify(date)} must be a date written YYYY-MM-DD`);
    const day = daysFromCivil(Number(m![1]), Number(m![2]), Number(m![3]));
    if (fromDay.length > 0 && day <= fromDay[fromDay.length - 1]) fail(l.line, `date ${date} is not after the row before; give dates in increasing order, once each`);
    const usd = /^(\d+(\.\d*)?|\.\d+)$/.test(value) ? Number(value) : NaN;
    if (!(usd > 0) || !Number.isFinite(usd)) fail(l.line, `hashprice_usd_per_ph_day ${JSON.stringify(value)} must be a positive number of USD per PH/s per day, e.g. 39.53`);
    fromDay.push(day);
    usdPerPhDay.push(usd);
  }
  return { fromDay, usdPerPhDay };
}

/** An InputError when the schedule starts after the first price day (`firstDay`, local days since 1970). */
export function checkHashpriceCovers(file: string, schedule: HashpriceSchedule, firstDay: number): void {
  if (schedule.fromDay[0] > firstDay) {
    const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
    throw new InputError(`${file}: starts on ${iso(schedule.fromDay[0])}, after the first price interval's day ${iso(firstDay)}; add a row for ${iso(firstDay)} or earlier`);
  }
}
