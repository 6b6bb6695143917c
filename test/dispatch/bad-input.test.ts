/**
 * The remaining bad-input messages of campus dispatch and the dispatch diff, each with its exact text.
 */
import * as fs from 'fs';
import * as path from 'path';
import { csvLines } from '../../report/dispatch/csv';
import { parseDispatchReport, diffDispatchFiles } from '../../report/dispatch/dispatch-diff';
import { parsePrices } from '../../report/dispatch/prices';
import { readInputFile } from '../../report/dispatch/read-file';
import { loadCampusModels, runDispatch } from '../../report/dispatch/run-dispatch';
import { renderCampusModel } from '../../report/dispatch/campus-model-file';
import { synthVariant, tempDir } from '../report/synth-examples';
import { bus, campus, cooling, feed, pod } from '../domain/fixtures';
import { errorOf } from '../report/error-of';


describe('dispatch inputs', () => {
  test('files that are not regular files, or missing', () => {
    const dir = tempDir();
    expect(errorOf(() => readInputFile(dir, 'price file'))).toBe(`${dir}: is not a regular file; give the price file as a file`);
    expect(errorOf(() => readInputFile(path.join(dir, 'none.csv'), 'price file'))).toBe(`${path.join(dir, 'none.csv')}: no such file (the price file)`);
  });

  test('the synth folder: missing, a file, a site twice', () => {
    const dir = tempDir();
    expect(errorOf(() => loadCampusModels(path.join(dir, 'nope')))).toBe(`${path.join(dir, 'nope')}: no such file or directory`);
    const file = path.join(dir, 'f.json');
    fs.writeFileSync(file, '{}');
    expect(errorOf(() => loadCampusModels(file))).toBe(`${file}: is not a folder; give the cdktf output folder (e.g. cdktf.out) or a stack folder`);
    // Two stack folders holding the same site.
    const out = tempDir();
    const site = path.join(synthVariant('phased'), 'stacks', 'permian-phased');
    for (const name of ['a', 'b']) fs.cpSync(site, path.join(out, 'stacks', name), { recursive: true });
    expect(errorOf(() => loadCampusModels(out))).toBe(
      `${out}: site 'permian-phased' appears twice (${path.join(out, 'stacks', 'a', 'campus-model.json')} and ${path.join(out, 'stacks', 'b', 'campus-model.json')})`,
    );
  });

  test('CSV: an unclosed quote; an empty settlement point name', () => {
    expect(csvLines('a,"b\n')).toEqual([{ line: 1, problem: 'a quoted field is not closed' }]);
    const header = 'DeliveryDate,DeliveryHour,DeliveryInterval,SettlementPointName,SettlementPointType,SettlementPointPrice,DSTFlag';
    expect(errorOf(() => parsePrices([{ file: 'a.csv', text: `${header}\n03/11/2024,1,1,,HU,1,N\n` }]))).toBe('a.csv: line 2: SettlementPointName is empty');
    expect(errorOf(() => parsePrices([{ file: 'a.csv', text: `${header}\n03/11/2024,1,"1\n` }]))).toBe('a.csv: line 2: a quoted field is not closed');
  });
});

test('a campus model that fails synth\'s checks is refused, not dispatched', () => {
  // 2 MW of mining on a 1 MW feed: synth refuses it, so no cap was ever checked.
  const model = campus({ buses: [bus('bus', [feed('grid', 1_000)])], coolingSystems: [cooling('air', 'bus', { model: 'pue', pue: 1.1 })], miningPods: [pod('pod-a', 'bus', 'air', 2_000)] });
  const dir = tempDir();
  const file = path.join(dir, 'campus-model.json');
  fs.writeFileSync(file, renderCampusModel(model));
  fs.writeFileSync(path.join(dir, 'power-budget.json'), '{}');
  const prices = path.join(dir, 'prices.csv');
  fs.writeFileSync(prices, 'interval_start,price_usd_per_mwh\n2024-06-01T00:00:00Z,0\n2024-06-01T00:15:00Z,0\n');
  expect(errorOf(() => runDispatch({ target: dir, priceFiles: [prices], hashpriceUsdPerPhDay: 40, poolFeeFraction: 0, minOnIntervals: 1, minOffIntervals: 1, holdReserves: true, shiftYears: 0 }))).toBe(
    `${file}: the campus fails synth's checks ([site/bus] normal operation: bus 'bus' load 2.200 MW (firm IT 0.000 MW, interruptible IT 2.000 MW, cooling 0.200 MW, auxiliary 0.000 MW) exceeds its usable capacity 1.000 MW (1 feed x max utilization) by 1.200 MW. Add or uprate a feed on 'bus', or move or remove load on it.); synth would refuse it, so it cannot be dispatched: fix the campus and run cdktf synth again`,
  );
});

test('a workbook or zip given as prices', () => {
  const file = path.join(tempDir(), 'rpt.xlsx');
  fs.writeFileSync(file, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]));
  expect(errorOf(() => runDispatch({ target: synthVariant('phased'), priceFiles: [file], hashpriceUsdPerPhDay: 40, poolFeeFraction: 0, minOnIntervals: 1, minOffIntervals: 1, holdReserves: true, shiftYears: 0 }))).toBe(
    `${file}: is a zip archive or an .xlsx workbook, not a CSV; unzip ERCOT's download, and save each sheet of the NP6-785-ER workbook as CSV (README, "What a megawatt earns")`,
  );
});

describe('dispatch reports for diff', () => {
  test('not JSON, or not a dispatch report', () => {
    expect(errorOf(() => parseDispatchReport('d.json', '{'))).toBe('d.json: not valid JSON; write it again with campus dispatch --format json');
    expect(errorOf(() => parseDispatchReport('d.json', JSON.stringify({ format: 'hybrid-campus/dispatch', formatVersion: 1, inputs: { sha256: 'x' }, sites: [] })))).toBe(
      'd.json: invalid dispatch report (format hybrid-campus/dispatch 1): inputs.sha256: Invalid string: must match pattern /^[0-9a-f]{64}$/',
    );
  });

  test('one side a dispatch report, the other a folder', () => {
    const file = path.join(tempDir(), 'd.json');
    fs.writeFileSync(file, JSON.stringify({ format: 'hybrid-campus/dispatch', formatVersion: 1, inputs: { sha256: 'a'.repeat(64) }, sites: [] }, null, 2));
    const dir = tempDir();
    expect(errorOf(() => diffDispatchFiles(file, dir))).toBe(`${dir}: is not a regular file; give the head dispatch report as a file`);
  });
});
