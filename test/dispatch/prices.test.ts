import * as fs from 'fs';
import * as path from 'path';
import { centralToUtcMs, daysFromCivil, dstDays } from '../../report/dispatch/central-time';
import { parsePrices, type TextFile } from '../../report/dispatch/prices';
import { checkHashpriceCovers, parseHashprice } from '../../report/dispatch/hashprice';
import { errorOf } from '../report/error-of';

const FIXTURES = path.join(__dirname, 'fixtures');

function fixture(name: string): TextFile {
  return { file: name, text: fs.readFileSync(path.join(FIXTURES, name), 'utf8') };
}


const iso = (ms: number) => new Date(ms).toISOString();

/** Wall time in America/Chicago of a UTC instant, by Intl (the reference the rule is checked against). */
const chicago = new Intl.DateTimeFormat('en-US', { timeZone: 'America/Chicago', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
function wallTime(ms: number): string {
  const p = Object.fromEntries(chicago.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

describe('Central Prevailing Time', () => {
  test('DST days of 2024 and 2025', () => {
    expect(dstDays(2024)).toEqual({ startMarchDay: 10, endNovemberDay: 3 });
    expect(dstDays(2025)).toEqual({ startMarchDay: 9, endNovemberDay: 2 });
  });

  test('every 15-minute wall time of 2024 maps back to itself through Intl with timeZone America/Chicago', () => {
    for (let day = daysFromCivil(2024, 1, 1); day < daysFromCivil(2025, 1, 1); day++) {
      const date = new Date(day * 86_400_000);
      const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
      for (let minute = 0; minute < 1440; minute += 15) {
        const utc = centralToUtcMs(y, m, d, minute, false);
        if (typeof utc === 'string') continue;
        const expected = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')} ${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
        if (wallTime(utc) !== expected) throw new Error(`${expected} -> ${iso(utc)} -> ${wallTime(utc)}`);
      }
    }
  });

  test('the spring day has no 02:00-03:00; the fall day has 01:00-02:00 twice', () => {
    expect(centralToUtcMs(2024, 3, 10, 120, false)).toBe('2024-03-10 has no 02:00-03:00 (clocks go from 02:00 to 03:00 when daylight time starts)');
    expect(iso(centralToUtcMs(2024, 3, 10, 105, false) as number)).toBe('2024-03-10T07:45:00.000Z');
    expect(iso(centralToUtcMs(2024, 3, 10, 180, false) as number)).toBe('2024-03-10T08:00:00.000Z');
    expect(iso(centralToUtcMs(2024, 11, 3, 60, false) as number)).toBe('2024-11-03T06:00:00.000Z');
    expect(iso(centralToUtcMs(2024, 11, 3, 60, true) as number)).toBe('2024-11-03T07:00:00.000Z');
    expect(iso(centralToUtcMs(2024, 11, 3, 120, false) as number)).toBe('2024-11-03T08:00:00.000Z');
    expect(centralToUtcMs(2024, 11, 3, 120, true)).toBe(
      'the repeated-hour flag is Y outside the hour repeated when daylight time ends (01:00-02:00 on the first Sunday of November, 2024-11-03)',
    );
    expect(centralToUtcMs(2006, 7, 1, 0, false)).toBe('2006 is before 2007, when the current US daylight-saving rule began; give prices from 2007 on');
  });
});

describe('price files', () => {
  test('ERCOT 15-minute CSV on the spring DST day: hour ending 3 is absent, the series is contiguous in UTC', () => {
    const s = parsePrices([fixture('ercot-15min-spring.csv')], 'HB_WEST');
    expect(s.settlementPoint).toBe('HB_WEST');
    expect(s.intervalMinutes).toBe(15);
    expect([...s.priceUsdPerMwh]).toEqual([21.5, 21.25, 20.75, -1.5, 19, 19.25, 19.5, 19.75]);
    expect(iso(s.startUtcMs[0])).toBe('2024-03-10T07:00:00.000Z');
    expect(iso(s.startUtcMs[3])).toBe('2024-03-10T07:45:00.000Z');
    expect(iso(s.startUtcMs[4])).toBe('2024-03-10T08:00:00.000Z');
    expect([...s.localMinuteOfDay]).toEqual([60, 75, 90, 105, 180, 195, 210, 225]);
    expect(s.localMonthIndex[0]).toBe(2024 * 12 + 2);
  });

  test('the NP6-785-ER archive sheet as CSV on the fall DST day: the repeated hour comes after the first, in standard time', () => {
    const s = parsePrices([fixture('ercot-archive-fall.csv')]);
    expect(s.settlementPoint).toBe('HB_WEST');
    expect([...s.priceUsdPerMwh]).toEqual([25.1, 25.2, 25.3, 25.4, 24.1, 24.2, 24.3, 24.4, 23.1, 23.2, 23.3, 23.4, 22.1, 22.2, 22.3, 22.4]);
    expect(iso(s.startUtcMs[4])).toBe('2024-11-03T06:00:00.000Z');
    expect(iso(s.startUtcMs[8])).toBe('2024-11-03T07:00:00.000Z');
    expect(iso(s.startUtcMs[12])).toBe('2024-11-03T08:00:00.000Z');
    // Local times: 01:00-01:45 twice.
    expect([...s.localMinuteOfDay.slice(4, 12)]).toEqual([60, 75, 90, 105, 60, 75, 90, 105]);
  });

  test('a plain CSV with offsets across the fall change', () => {
    const s = parsePrices([fixture('plain.csv')]);
    expect(s.intervalMinutes).toBe(15);
    expect(s.settlementPoint).toBe('');
    expect([...s.priceUsdPerMwh]).toEqual([10, 11, 12, 13, 14, 15, 16]);
    expect(iso(s.startUtcMs[5])).toBe('2024-11-03T07:00:00.000Z');
  });

  test('the generated example series says it is generated and reads as 61 days of 15-minute intervals', () => {
    const file = path.join(__dirname, '..', '..', 'examples', 'prices', 'generated-2024-06-07.csv');
    const text = fs.readFileSync(file, 'utf8');
    expect(text.startsWith('# GENERATED price series for hybrid-campus tests and examples: not market data.\n')).toBe(true);
    const s = parsePrices([{ file, text }]);
    expect(s.priceUsdPerMwh.length).toBe(61 * 96);
  });

  const spring = fixture('ercot-15min-spring.csv').text;
  const header = spring.split('\n')[0];
  const archiveHeader = fixture('ercot-archive-fall.csv').text.split('\n')[0];
  test.each([
    ['no settlement point with two in the file', [{ file: 'a.csv', text: spring }], undefined, 'a.csv: holds prices for 2 settlement points (HB_NORTH, HB_WEST); choose one with --settlement-point, e.g. --settlement-point HB_WEST'],
    ['an unknown settlement point', [{ file: 'a.csv', text: spring }], 'HB_HOUSTON', 'a.csv: has no rows for settlement point HB_HOUSTON (it has HB_NORTH, HB_WEST)'],
    ['a row in the skipped hour', [{ file: 'a.csv', text: `${header}\n"03/10/2024","3","1","HB_WEST","HU","20.00","N"\n` }], 'HB_WEST', 'a.csv: line 2: 2024-03-10 hour ending 3 interval 1: 2024-03-10 has no 02:00-03:00 (clocks go from 02:00 to 03:00 when daylight time starts)'],
    ['a bad price', [{ file: 'a.csv', text: `${header}\n"03/11/2024","1","1","HB_WEST","HU","n/a","N"\n` }], 'HB_WEST', 'a.csv: line 2: SettlementPointPrice "n/a" is not a price in USD/MWh (a number, e.g. 23.45 or -1.5)'],
    ['a bad hour', [{ file: 'a.csv', text: `${header}\n"03/11/2024","25","1","HB_WEST","HU","1","N"\n` }], 'HB_WEST', 'a.csv: line 2: DeliveryHour "25" must be a whole number 1 to 24'],
    ['a bad interval', [{ file: 'a.csv', text: `${header}\n"03/11/2024","1","5","HB_WEST","HU","1","N"\n` }], 'HB_WEST', 'a.csv: line 2: DeliveryInterval "5" must be a whole number 1 to 4'],
    ['a bad date', [{ file: 'a.csv', text: `${header}\n"02/30/2024","1","1","HB_WEST","HU","1","N"\n` }], 'HB_WEST', 'a.csv: line 2: DeliveryDate "02/30/2024" is not a date written MM/DD/YYYY or YYYY-MM-DD'],
    ['a bad flag', [{ file: 'a.csv', text: `${header}\n"03/11/2024","1","1","HB_WEST","HU","1","maybe"\n` }], 'HB_WEST', 'a.csv: line 2: DSTFlag "maybe" must be Y (the repeated hour\'s second occurrence) or N'],
    ['a flag outside the repeated hour', [{ file: 'a.csv', text: `${archiveHeader}\n11/03/2024,3,1,Y,HB_WEST,HU,1\n` }], undefined, 'a.csv: line 2: 2024-11-03 hour ending 3 interval 1 (repeated hour): the repeated-hour flag is Y outside the hour repeated when daylight time ends (01:00-02:00 on the first Sunday of November, 2024-11-03)'],
    ['a short row', [{ file: 'a.csv', text: `${header}\n"03/11/2024","1","1"\n` }], 'HB_WEST', 'a.csv: line 2: has 3 fields, the header has 7'],
    ['an unclosed quote', [{ file: 'a.csv', text: `${header}\n"03/11/2024,"1"\n` }], 'HB_WEST', 'a.csv: line 2: text after a closing quote'],
    ['a gap', [{ file: 'a.csv', text: `${header}\n"03/11/2024","1","1","HB_WEST","HU","1","N"\n"03/11/2024","1","3","HB_WEST","HU","1","N"\n` }], 'HB_WEST', 'a.csv: line 3: 2024-03-11 hour ending 1 interval 3 starts 30 minutes after a.csv line 2 (2024-03-11 hour ending 1 interval 1); expected consecutive 15-minute intervals (a missing or extra row?)'],
    ['a repeated interval', [{ file: 'a.csv', text: `${header}\n"03/11/2024","1","1","HB_WEST","HU","1","N"\n"03/11/2024","1","1","HB_WEST","HU","2","N"\n` }], 'HB_WEST', 'a.csv: line 3: 2024-03-11 hour ending 1 interval 1 starts at the same time as a.csv line 2 (2024-03-11 hour ending 1 interval 1); give each interval once'],
    ['the repeated hour without its flag', [{ file: 'a.csv', text: `${archiveHeader}\n11/03/2024,2,1,N,HB_WEST,HU,1\n11/03/2024,2,1,N,HB_WEST,HU,2\n` }], undefined, 'a.csv: line 3: 2024-11-03 hour ending 2 interval 1 starts at the same time as a.csv line 2 (2024-11-03 hour ending 2 interval 1); give each interval once; on the day daylight time ends, hour ending 2 comes twice and its second occurrence must have Repeated Hour Flag Y'],
    ['an unknown header', [{ file: 'a.csv', text: 'time,price\n1,2\n' }], undefined, 'a.csv: line 1: not a price file header ("time,price"); expected ERCOT\'s 15-minute columns (DeliveryDate,DeliveryHour,DeliveryInterval,SettlementPointName,SettlementPointType,SettlementPointPrice,DSTFlag), the NP6-785-ER archive\'s (Delivery Date,Delivery Hour,Delivery Interval,Repeated Hour Flag,Settlement Point Name,Settlement Point Type,Settlement Point Price) or interval_start,price_usd_per_mwh'],
    ['an empty file', [{ file: 'a.csv', text: '\n' }], undefined, 'a.csv: is empty; expected a header line and price rows'],
    ['a header only', [{ file: 'a.csv', text: 'interval_start,price_usd_per_mwh\n' }], undefined, 'a.csv: has a header and no price rows'],
    ['a plain start without offset', [{ file: 'a.csv', text: 'interval_start,price_usd_per_mwh\n2024-06-01T00:00:00,1\n' }], undefined, 'a.csv: line 2: interval_start "2024-06-01T00:00:00" must be an ISO 8601 time with an offset and whole minutes, e.g. 2024-07-01T15:00:00-05:00'],
    ['a plain offset beyond 14 hours', [{ file: 'a.csv', text: 'interval_start,price_usd_per_mwh\n2024-06-01T00:00:00+25:00,1\n2024-06-01T00:15:00+25:00,1\n' }], undefined, 'a.csv: line 2: interval_start "2024-06-01T00:00:00+25:00" has the offset +25:00; an offset is at most 14:00 either side of UTC, e.g. -05:00'],
    ['a plain offset with 60 minutes', [{ file: 'a.csv', text: 'interval_start,price_usd_per_mwh\n2024-06-01T00:00:00-05:60,1\n' }], undefined, 'a.csv: line 2: interval_start "2024-06-01T00:00:00-05:60" has the offset -05:60; an offset is at most 14:00 either side of UTC, e.g. -05:00'],
    ['plain rows whose offsets send local time back a day', [{ file: 'a.csv', text: 'interval_start,price_usd_per_mwh\n2024-07-01T00:00:00+00:00,1\n2024-06-30T19:15:00-05:00,2\n' }], undefined, 'a.csv: line 3: 2024-06-30T19:15:00-05:00 starts after a.csv line 2 (2024-07-01T00:00:00+00:00) but on an earlier local day; write every row in the market\'s local offset (months, days and 4CP windows are read in it)'],
    ['a single plain row', [{ file: 'a.csv', text: 'interval_start,price_usd_per_mwh\n2024-06-01T00:00:00Z,1\n' }], undefined, 'a.csv: has one price row; a plain price file needs two or more to tell the interval length'],
    ['uneven plain intervals', [{ file: 'a.csv', text: 'interval_start,price_usd_per_mwh\n2024-06-01T00:00:00Z,1\n2024-06-01T01:00:00Z,1\n2024-06-01T01:30:00Z,1\n' }], undefined, 'a.csv: line 4: 2024-06-01T01:30:00Z starts 30 minutes after a.csv line 3 (2024-06-01T01:00:00Z); expected consecutive 60-minute intervals (a missing or extra row?)'],
    ['mixed formats', [{ file: 'a.csv', text: 'interval_start,price_usd_per_mwh\n2024-06-01T00:00:00Z,1\n' }, { file: 'b.csv', text: `${header}\n"03/11/2024","1","1","HB_WEST","HU","1","N"\n` }], 'HB_WEST', 'a.csv: ERCOT and plain price files cannot be mixed; convert them to one format'],
  ])('%s', (_name, files, point, message) => {
    expect(errorOf(() => parsePrices(files, point))).toBe(message);
  });

  test('no file', () => {
    expect(errorOf(() => parsePrices([]))).toBe('no price file given; pass --prices <file>');
  });

  test('two files for different single points', () => {
    const west = fixture('ercot-archive-fall.csv').text;
    expect(errorOf(() => parsePrices([{ file: 'a.csv', text: west }, { file: 'b.csv', text: west.replace(/HB_WEST/g, 'HB_NORTH') }]))).toBe(
      'b.csv: is for settlement point HB_NORTH, another file is for HB_WEST; give files for one point',
    );
  });
});

describe('hashprice series', () => {
  test('reads dates and values, each from its date on', () => {
    const schedule = parseHashprice(fixture('hashprice.csv'));
    expect(schedule).toEqual({ fromDay: [daysFromCivil(2024, 6, 1), daysFromCivil(2024, 6, 2)], usdPerPhDay: [50, 40.5] });
    expect(() => checkHashpriceCovers('h.csv', schedule, daysFromCivil(2024, 6, 1))).not.toThrow();
    expect(errorOf(() => checkHashpriceCovers('h.csv', schedule, daysFromCivil(2024, 5, 31)))).toBe(
      'h.csv: starts on 2024-06-01, after the first price interval\'s day 2024-05-31; add a row for 2024-05-31 or earlier',
    );
  });

  test.each([
    ['date,price\n2024-06-01,1\n', 'h.csv: line 1: the header must be date,hashprice_usd_per_ph_day (got "date,price")'],
    ['date,hashprice_usd_per_ph_day\n', 'h.csv: has a header and no hashprice rows'],
    ['', 'h.csv: is empty; expected the header date,hashprice_usd_per_ph_day and one row per date'],
    ['date,hashprice_usd_per_ph_day\n06/01/2024,1\n', 'h.csv: line 2: date "06/01/2024" must be a date written YYYY-MM-DD'],
    ['date,hashprice_usd_per_ph_day\n2024-06-02,1\n2024-06-01,1\n', 'h.csv: line 3: date 2024-06-01 is not after the row before; give dates in increasing order, once each'],
    ['date,hashprice_usd_per_ph_day\n2024-06-01,0\n', 'h.csv: line 2: hashprice_usd_per_ph_day "0" must be a positive number of USD per PH/s per day, e.g. 39.53'],
    ['date,hashprice_usd_per_ph_day\n2024-06-01,1,2\n', 'h.csv: line 2: has 3 fields, expected 2 (date,hashprice_usd_per_ph_day)'],
  ])('%j', (text, message) => {
    expect(errorOf(() => parseHashprice({ file: 'h.csv', text }))).toBe(message);
  });
});
