/**
 * Central Prevailing Time (America/Chicago), computed from the US daylight-saving rule without
 * the machine's time zone: since 2007 (Energy Policy Act of 2005), daylight time starts on the
 * second Sunday of March at 02:00 standard time (clocks go to 03:00) and ends on the first Sunday
 * of November at 02:00 daylight time (clocks go back to 01:00). CST is UTC-6, CDT UTC-5.
 * ERCOT's delivery dates and hours are in this time (shared/reference/ercot-large-loads.md,
 * "Prices for dispatch studies": the DST flag marks the repeated hour).
 */

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Whether a year/month/day exists in the Gregorian calendar. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}

/** Day of month of the n-th Sunday (n >= 1) of a month. */
function nthSunday(year: number, month: number, n: number): number {
  // 1970-01-01 was a Thursday: weekday = (days + 4) mod 7, Sunday = 0.
  const weekday = (((daysFromCivil(year, month, 1) + 4) % 7) + 7) % 7;
  return 1 + ((7 - weekday) % 7) + 7 * (n - 1);
}

/** The first year the rule above applies. */
export const FIRST_DST_RULE_YEAR = 2007;

/** Daylight-saving change days of a year (day of month): start in March, end in November. */
export function dstDays(year: number): { readonly startMarchDay: number; readonly endNovemberDay: number } {
  return { startMarchDay: nthSunday(year, 3, 2), endNovemberDay: nthSunday(year, 11, 1) };
}

/**
 * UTC milliseconds of a Central Prevailing wall-clock time, or a problem in words: a time in the
 * hour skipped when daylight time starts, a repeated-hour flag outside the repeated hour, or a
 * year before the rule. `repeated` selects the second (standard-time) occurrence of the hour
 * repeated when daylight time ends.
 */
export function centralToUtcMs(year: number, month: number, day: number, minuteOfDay: number, repeated: boolean): number | string {
  if (year < FIRST_DST_RULE_YEAR) return `${year} is before ${FIRST_DST_RULE_YEAR}, when the current US daylight-saving rule began; give prices from ${FIRST_DST_RULE_YEAR} on`;
  const { startMarchDay, endNovemberDay } = dstDays(year);
  const isStart = month === 3 && day === startMarchDay;
  const isEnd = month === 11 && day === endNovemberDay;
  const inRepeatedHour = isEnd && minuteOfDay >= 60 && minuteOfDay < 120;
  if (repeated && !inRepeatedHour) {
    return `the repeated-hour flag is Y outside the hour repeated when daylight time ends (01:00-02:00 on the first Sunday of November, ${year}-11-${String(endNovemberDay).padStart(2, '0')})`;
  }
  let daylight: boolean;
  if (isStart) {
    if (minuteOfDay >= 120 && minuteOfDay < 180) return `${year}-03-${String(day).padStart(2, '0')} has no 02:00-03:00 (clocks go from 02:00 to 03:00 when daylight time starts)`;
    daylight = minuteOfDay >= 180;
  } else if (isEnd) {
    daylight = minuteOfDay < 60 || (inRepeatedHour && !repeated);
  } else {
    daylight = (month > 3 && month < 11) || (month === 3 && day > startMarchDay) || (month === 11 && day < endNovemberDay);
  }
  const offsetMinutes = daylight ? -300 : -360;
  return daysFromCivil(year, month, day) * MS_PER_DAY + (minuteOfDay - offsetMinutes) * MS_PER_MINUTE;
}
