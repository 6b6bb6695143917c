/**
 * `campus dispatch` end to end, on synthesized examples: campus-model.json as synth writes it,
 * the command's outputs, determinism, bad input, and `campus diff` over two dispatch reports.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdktf';
import { runCli } from '../../cli/campus';
import { parseCommandLine, UsageError } from '../../cli/parse-command-line';
import { phasedConversion } from '../../examples/phased-conversion';
import { InputError } from '../../report/input-error';
import { parseCampusModel, renderCampusModel } from '../../report/dispatch/campus-model-file';
import { synthVariant, tempDir } from '../report/synth-examples';

const ROOT = path.join(__dirname, '..', '..');
const GENERATED = path.join(ROOT, 'examples', 'prices', 'generated-2024-06-07.csv');

function campus(args: string[]): { status: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const status = runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { status, stdout, stderr };
}

/** A plain price file: one price per day from `from` (YYYY-MM-DD, UTC) for `days` days. */
function dailyPrices(from: string, days: number, price: (day: number) => number): string {
  const file = path.join(tempDir(), 'daily.csv');
  const start = Date.parse(`${from}T00:00:00Z`);
  const rows = Array.from({ length: days }, (_, d) => `${new Date(start + d * 86_400_000).toISOString().slice(0, 19)}Z,${price(d)}`);
  fs.writeFileSync(file, `interval_start,price_usd_per_mwh\n${rows.join('\n')}\n`);
  return file;
}

describe('campus-model.json', () => {
  test('synth writes the campus model it checked; reading it back gives the same model', () => {
    const file = path.join(synthVariant('phased'), 'stacks', 'permian-phased', 'campus-model.json');
    const text = fs.readFileSync(file, 'utf8');
    const doc = parseCampusModel(file, text);
    const { campus: built } = phasedConversion(Testing.app());
    expect(doc.model).toEqual(JSON.parse(JSON.stringify(built.toModel())));
    expect(doc.site).toBe('permian-phased');
    // Deterministic: sorted keys, the same text from the same model.
    expect(renderCampusModel(built.toModel())).toBe(text);
    expect(Object.keys(JSON.parse(text))).toEqual(['format', 'formatVersion', 'model', 'site']);
  });

  const valid = () => JSON.parse(renderCampusModel(phasedConversion(Testing.app()).campus.toModel()));
  test.each([
    ['not JSON', () => '{', 'm.json: not valid JSON; re-run cdktf synth to rewrite it'],
    ['another format', () => JSON.stringify({ format: 'x' }), 'm.json: not a hybrid-campus campus model (format is "x", expected "hybrid-campus/campus-model")'],
    ['a later version', () => JSON.stringify({ ...valid(), formatVersion: 2 }), 'm.json: formatVersion 2 is not supported (this campus understands 1); re-run cdktf synth with this version'],
    [
      'a negative pod power',
      () => {
        const doc = valid();
        doc.model.miningPods[3].itKw = -5;
        return JSON.stringify(doc);
      },
      'm.json: invalid campus model: model.miningPods[3].itKw: must be 0 or more; re-run cdktf synth to rewrite it',
    ],
    [
      'an unknown field',
      () => {
        const doc = valid();
        doc.model.buses[0].extra = 1;
        return JSON.stringify(doc);
      },
      'm.json: invalid campus model: model.buses[0]: Unrecognized key: "extra"; re-run cdktf synth to rewrite it',
    ],
    [
      'a site that is not the model',
      () => JSON.stringify({ ...valid(), site: 'other' }),
      'm.json: invalid campus model: model.name "permian-phased" differs from site "other"; re-run cdktf synth to rewrite it',
    ],
  ])('%s', (_name, text, message) => {
    expect(() => parseCampusModel('m.json', text())).toThrow(new InputError(message));
  });
});

describe('campus dispatch', () => {
  test('a phased campus: mining falls at each retirement, from the same budget engine synth ran', () => {
    const out = synthVariant('phased');
    const prices = dailyPrices('2026-01-01', 2 * 365 + 181, () => 0);
    const result = campus(['dispatch', out, '--prices', prices, '--hashprice-usd-per-ph-day', '39.53', '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    const site = report.sites.find((s: { site: string }) => s.site === 'permian-phased');
    const perDay = (month: string) => {
      const m = site.months.find((x: { month: string }) => x.month === month);
      const days = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5)), 0)).getUTCDate();
      return [m.campusState, m.figures.minedMwh / days];
    };
    // 100, 70, 40 and 0 pods of 286 S21 at 3,500 W (hardware-catalog.json), 24 h a day at price 0.
    const podMwhPerDay = (286 * 3.5 * 24) / 1000;
    expect(perDay('2026-06')).toEqual(['before 2026-07', expect.closeTo(100 * podMwhPerDay, 6)]);
    expect(perDay('2026-07')).toEqual(['from 2026-07', expect.closeTo(70 * podMwhPerDay, 6)]);
    expect(perDay('2027-04')).toEqual(['from 2027-04', expect.closeTo(40 * podMwhPerDay, 6)]);
    expect(perDay('2028-01')).toEqual(['from 2028-01', 0]);
    expect(site.aiValueUsdPerMwYear).toBeCloseTo(104.17 * 12 * 1000, 6);
  });

  test('text, md, json and svg are byte-identical from run to run and from another folder', () => {
    const out = synthVariant('phased');
    const args = ['--prices', GENERATED, '--hashprice-usd-per-ph-day', '39.53', '--pool-fee', '0.02', '--4cp-window', '15:00-18:00', '--shift-years', '2', '--min-on-intervals', '4'];
    // Each format's output, kept for the checks below (each made once more than it is compared).
    const written = new Map<string, string>();
    for (const format of ['text', 'md', 'json', 'svg']) {
      const a = campus(['dispatch', out, ...args, '--format', format]);
      const b = campus(['dispatch', out, ...args, '--format', format]);
      expect(a.status).toBe(0);
      expect(b.stdout).toBe(a.stdout);
      written.set(format, a.stdout);
    }
    // A copy of the output elsewhere, and the price file at another path: the same JSON.
    const copy = tempDir();
    fs.cpSync(out, copy, { recursive: true });
    const prices = path.join(tempDir(), 'p.csv');
    fs.copyFileSync(GENERATED, prices);
    const moved = campus(['dispatch', copy, ...args.map((a) => (a === GENERATED ? prices : a)), '--format', 'json']);
    expect(moved.stdout).toBe(written.get('json'));
    const text = campus(['dispatch', out, ...args]).stdout;
    expect(text).toContain('Options: pool fee 2.00%; minimum on 4 / off 1 intervals; 4CP window 15:00-18:00 (June-September); demand-response reserves held; campus dates shifted +2 years\n');
    expect(text).toContain('  2024-06  before 2026-07');
    expect(text).toContain('  2024-07  from 2026-07');
    const svg = written.get('svg')!;
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('>Bitmain Antminer S21 ');
  });

  test('the real bin: the same bytes under another time zone and locale', () => {
    const out = synthVariant('phased');
    const run = (env: Record<string, string>) =>
      spawnSync(process.execPath, [path.join(ROOT, 'bin', 'campus.js'), 'dispatch', out, '--prices', GENERATED, '--hashprice-usd-per-ph-day', '39.53', '--4cp-window', '15:00-18:00', '--shift-years', '2', '--format', 'json'], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, ...env },
      });
    const utc = run({ TZ: 'UTC', LANG: 'C', LC_ALL: 'C' });
    const tokyo = run({ TZ: 'Asia/Tokyo', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' });
    expect(utc.status).toBe(0);
    expect(tokyo.stdout).toBe(utc.stdout);
    expect(JSON.parse(utc.stdout).inputs.prices.firstIntervalStart).toBe('2024-06-01T05:00:00Z');
  });

  test('bad input: one line, exit 3', () => {
    const out = synthVariant('phased');
    expect(campus(['dispatch', tempDir(), '--prices', GENERATED, '--hashprice-usd-per-ph-day', '40'])).toEqual({
      status: 3,
      stdout: '',
      stderr: expect.stringMatching(/^campus: .*: no stack with both power-budget\.json and campus-model\.json \(expected .*stacks\/<site>\); run cdktf synth with this version of hybrid-campus first\n$/),
    });
    expect(campus(['dispatch', out, '--prices', '/nonexistent/p.csv', '--hashprice-usd-per-ph-day', '40'])).toEqual({
      status: 3,
      stdout: '',
      stderr: 'campus: /nonexistent/p.csv: no such file (the price file)\n',
    });
    const hashprice = path.join(tempDir(), 'h.csv');
    fs.writeFileSync(hashprice, 'date,hashprice_usd_per_ph_day\n2024-06-02,40\n');
    expect(campus(['dispatch', out, '--prices', GENERATED, '--hashprice-file', hashprice]).stderr).toBe(
      `campus: ${hashprice}: starts on 2024-06-02, after the first price interval's day 2024-06-01; add a row for 2024-06-01 or earlier\n`,
    );
  });

  test.each([
    [['dispatch', '--hashprice-usd-per-ph-day', '40'], 'dispatch needs --prices <file> (repeat it for several files)'],
    [['dispatch', '--prices', 'p.csv'], 'dispatch needs one of --hashprice-usd-per-ph-day <usd> or --hashprice-file <file>'],
    [['dispatch', '--prices', 'p.csv', '--hashprice-usd-per-ph-day', '40', '--hashprice-file', 'h.csv'], 'dispatch needs one of --hashprice-usd-per-ph-day <usd> or --hashprice-file <file>'],
    [['dispatch', '--prices', 'p.csv', '--hashprice-usd-per-ph-day', '0'], "--hashprice-usd-per-ph-day must be a positive number of USD per PH/s per day, e.g. 39.53 (got '0')"],
    [['dispatch', '--prices', 'p.csv', '--hashprice-usd-per-ph-day', '40', '--pool-fee', '2'], "--pool-fee must be a fraction from 0 to below 1, e.g. 0.02 for 2% (got '2')"],
    [['dispatch', '--prices', 'p.csv', '--hashprice-usd-per-ph-day', '40', '--4cp-window', '15:00-15:00'], "--4cp-window must be a daily window HH:MM-HH:MM in the prices' local time, start and end different (a start after the end crosses midnight), e.g. 15:00-18:00 (got '15:00-15:00')"],
    [['dispatch', '--prices', 'p.csv', '--hashprice-usd-per-ph-day', '40', '--4cp-window', '24:00-01:00'], "--4cp-window must be a daily window HH:MM-HH:MM in the prices' local time, start and end different (a start after the end crosses midnight), e.g. 15:00-18:00 (got '24:00-01:00')"],
    [['dispatch', '--prices', 'p.csv', '--hashprice-usd-per-ph-day', '40', '--min-on-intervals', '1.5'], "--min-on-intervals must be a whole number of intervals, 1 or more (got '1.5')"],
    [['dispatch', '--prices', 'p.csv', '--hashprice-usd-per-ph-day', '40', '--shift-years', 'x'], "--shift-years must be a whole number of years, e.g. 3 (got 'x')"],
    [['dispatch', '--prices', 'p.csv', '--hashprice-usd-per-ph-day', '40', '--format', 'png'], "--format must be text, md, json or svg (got 'png')"],
    [['dispatch', 'a', 'b', '--prices', 'p.csv', '--hashprice-usd-per-ph-day', '40'], 'dispatch takes at most one path (got 2)'],
    [['report', '--prices', 'p.csv'], "unknown option --prices for 'report'; run campus --help"],
  ])('usage: %j', (args, message) => {
    expect(() => parseCommandLine(args)).toThrow(new UsageError(message));
  });

  test('options parse into the request, --prices repeatable', () => {
    expect(parseCommandLine(['dispatch', '--prices', 'a.csv', '--prices', 'b.csv', '--hashprice-file', 'h.csv', '--settlement-point', 'HB_WEST', '--no-reserves', '--4cp-window', '14:30-24:00'])).toEqual({
      command: 'dispatch',
      target: 'cdktf.out',
      format: 'text',
      priceFiles: ['a.csv', 'b.csv'],
      settlementPoint: 'HB_WEST',
      hashpriceFile: 'h.csv',
      poolFeeFraction: 0,
      minOnIntervals: 1,
      minOffIntervals: 1,
      fourCpWindow: { startMinute: 870, endMinute: 1440 },
      holdReserves: false,
      shiftYears: 0,
    });
  });
});

describe('campus diff over dispatch reports', () => {
  const dispatched = new Map<string, string>();
  /** The dispatch report of a variant, written to a file once per set of arguments (the tests only read it). */
  function dispatchJson(variant: 'examples' | 'more-mining', extra: string[] = []): string {
    const key = JSON.stringify([variant, extra]);
    const made = dispatched.get(key);
    if (made !== undefined) return made;
    const file = path.join(tempDir(), 'dispatch.json');
    const result = campus(['dispatch', synthVariant(variant), '--prices', GENERATED, '--hashprice-usd-per-ph-day', '39.53', '--format', 'json', ...extra]);
    expect(result.status).toBe(0);
    fs.writeFileSync(file, result.stdout);
    dispatched.set(key, file);
    return file;
  }

  test('same inputs: the figures a change moves, exit 1; no change, exit 0', () => {
    const base = dispatchJson('examples');
    const head = dispatchJson('more-mining');
    const diff = campus(['diff', '--base', base, '--head', head]);
    expect(diff.status).toBe(1);
    expect(diff.stdout).toMatch(/^Dispatch diff \(same inputs, sha256 [0-9a-f]{64}\)\n/);
    expect(diff.stdout).toContain('Site ercot-300: changed');
    expect(diff.stdout).toContain('Site nyiso-retrofit: unchanged');
    const json = JSON.parse(campus(['diff', '--base', base, '--head', head, '--format', 'json']).stdout);
    const mined = json.sites[0].changes.find((c: { figure: string }) => c.figure === 'MWh mined');
    expect(mined.head).toBeGreaterThan(mined.base);
    expect(campus(['diff', '--base', base, '--head', base])).toEqual({ status: 0, stdout: expect.stringContaining('No change in the dispatch figures.'), stderr: '' });
  });

  test('different inputs: refused, naming what differs', () => {
    const base = dispatchJson('examples');
    const head = dispatchJson('more-mining', ['--pool-fee', '0.02']);
    expect(campus(['diff', '--base', base, '--head', head])).toEqual({
      status: 3,
      stdout: '',
      stderr: `campus: ${base} and ${head} were dispatched with different inputs (poolFeeFraction differ); run campus dispatch on both with the same --prices, hashprice, pool fee and options to compare them\n`,
    });
  });
});
