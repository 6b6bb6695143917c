/**
 * `campus dispatch`: finds every stack of a cdktf output folder with both power-budget.json and
 * campus-model.json, rebuilds each campus model, reads the price and hashprice inputs, and
 * simulates (domain/dispatch). Only reads files.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { prepareFleet, type SiteFleet } from '../../domain/dispatch/fleet';
import { evaluateTimeline } from '../../domain/evaluate';
import { constantHashprice, type HashpriceSchedule, type PriceSeries } from '../../domain/dispatch/price-series';
import { simulateDispatch, type DispatchOptions } from '../../domain/dispatch/simulate';
import { InputError } from '../input-error';
import { POWER_BUDGET_FILE_NAME } from '../power-budget-file';
import { CAMPUS_MODEL_FILE_NAME, parseCampusModel, type CampusModelDocument } from './campus-model-file';
import { DISPATCH_FORMAT, DISPATCH_FORMAT_VERSION, siteReport, type DispatchInputs, type DispatchReport } from './dispatch-report';
import { checkHashpriceCovers, parseHashprice } from './hashprice';
import { parsePrices } from './prices';
import { readInputFile } from './read-file';

/** What `campus dispatch` is asked: the inputs to read, and the simulation's options but the hashprice, which is read from them. */
export interface DispatchRequest extends Omit<DispatchOptions, 'hashprice'> {
  /** A cdktf output folder, or one stack folder. */
  readonly target: string;
  readonly priceFiles: readonly string[];
  readonly settlementPoint?: string;
  /** Exactly one of the two. */
  readonly hashpriceUsdPerPhDay?: number;
  readonly hashpriceFile?: string;
}

export interface LoadedModel {
  readonly file: string;
  readonly sha256: string;
  readonly document: CampusModelDocument;
}

function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Stack folders of `target` holding both files, sorted by folder name. */
function modelFilesIn(target: string): string[] {
  const both = (dir: string) => fs.existsSync(path.join(dir, CAMPUS_MODEL_FILE_NAME)) && fs.existsSync(path.join(dir, POWER_BUDGET_FILE_NAME));
  if (both(target)) return [path.join(target, CAMPUS_MODEL_FILE_NAME)];
  const stacks = path.join(target, 'stacks');
  if (!fs.existsSync(stacks) || !fs.statSync(stacks).isDirectory()) return [];
  return fs
    .readdirSync(stacks, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .map((site) => path.join(stacks, site))
    .filter(both)
    .map((dir) => path.join(dir, CAMPUS_MODEL_FILE_NAME));
}

/** Every campus model at `target`, sorted by site. */
export function loadCampusModels(target: string): LoadedModel[] {
  if (!fs.existsSync(target)) throw new InputError(`${target}: no such file or directory`);
  if (!fs.statSync(target).isDirectory()) throw new InputError(`${target}: is not a folder; give the cdktf output folder (e.g. cdktf.out) or a stack folder`);
  const files = modelFilesIn(target);
  if (files.length === 0) {
    throw new InputError(
      `${target}: no stack with both ${POWER_BUDGET_FILE_NAME} and ${CAMPUS_MODEL_FILE_NAME} (expected ${path.join(target, 'stacks', '<site>')}); run cdktf synth with this version of hybrid-campus first`,
    );
  }
  const loaded = files.map((file) => {
    const bytes = readInputFile(file, 'campus model');
    return { file, sha256: sha256(bytes), document: parseCampusModel(file, bytes.toString('utf8')) };
  });
  loaded.sort((a, b) => (a.document.site < b.document.site ? -1 : a.document.site > b.document.site ? 1 : 0));
  for (let i = 1; i < loaded.length; i++) {
    if (loaded[i].document.site === loaded[i - 1].document.site) throw new InputError(`${target}: site '${loaded[i].document.site}' appears twice (${loaded[i - 1].file} and ${loaded[i].file})`);
  }
  return loaded;
}

function isoUtc(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

export function windowText(window: { readonly startMinute: number; readonly endMinute: number }): string {
  const t = (m: number) => `${pad2(Math.floor(m / 60))}:${pad2(m % 60)}`;
  return `${t(window.startMinute)}-${t(window.endMinute)}`;
}

/**
 * The fleet of a campus model, evaluated as synth evaluates it. A model that fails synth's checks
 * in some state (a hand-edited campus-model.json, or one written by another version) is refused:
 * its caps were never checked, and dispatching it would draw more than the campus allows.
 */
export function checkedFleet(model: LoadedModel): SiteFleet {
  const { document } = model;
  const evaluation = evaluateTimeline(document.model, document.asOf !== undefined ? { asOf: document.asOf } : {});
  const failures = evaluation.failures;
  if (failures.length > 0) {
    const first = failures[0];
    const more = failures.length > 1 ? ` and ${failures.length - 1} more` : '';
    throw new InputError(
      `${model.file}: the campus fails synth's checks ([${first.path}] ${first.message}${more}); synth would refuse it, so it cannot be dispatched: fix the campus and run cdktf synth again`,
    );
  }
  return prepareFleet(evaluation);
}

/** Reads the inputs, simulates every site and returns the report. */
export function runDispatch(request: DispatchRequest): DispatchReport {
  const models = loadCampusModels(request.target);
  const priceBytes = request.priceFiles.map((file) => ({ file, bytes: readInputFile(file, 'price file') }));
  for (const { file, bytes } of priceBytes) {
    // A zip archive (PK\x03\x04): ERCOT's .zip downloads, or the NP6-785-ER workbook itself.
    if (bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50) {
      throw new InputError(
        `${file}: is a zip archive or an .xlsx workbook, not a CSV; unzip ERCOT's download, and save each sheet of the NP6-785-ER workbook as CSV (README, "What a megawatt earns")`,
      );
    }
  }
  const prices: PriceSeries = parsePrices(
    priceBytes.map((p) => ({ file: p.file, text: p.bytes.toString('utf8') })),
    request.settlementPoint,
  );
  let hashprice: HashpriceSchedule;
  let hashpriceInput: DispatchInputs['hashprice'];
  if (request.hashpriceFile !== undefined) {
    const bytes = readInputFile(request.hashpriceFile, 'hashprice file');
    hashprice = parseHashprice({ file: request.hashpriceFile, text: bytes.toString('utf8') });
    checkHashpriceCovers(request.hashpriceFile, hashprice, prices.localDay[0]);
    hashpriceInput = { kind: 'series', fileSha256: sha256(bytes) };
  } else {
    hashprice = constantHashprice(request.hashpriceUsdPerPhDay!);
    hashpriceInput = { kind: 'constant', usdPerPhDay: request.hashpriceUsdPerPhDay! };
  }
  const options: DispatchOptions = {
    hashprice,
    poolFeeFraction: request.poolFeeFraction,
    minOnIntervals: request.minOnIntervals,
    minOffIntervals: request.minOffIntervals,
    ...(request.fourCpWindow ? { fourCpWindow: request.fourCpWindow } : {}),
    holdReserves: request.holdReserves,
    shiftYears: request.shiftYears,
  };
  const n = prices.priceUsdPerMwh.length;
  const unhashed: Omit<DispatchInputs, 'sha256'> = {
    prices: {
      settlementPoint: prices.settlementPoint,
      intervalMinutes: prices.intervalMinutes,
      intervals: n,
      firstIntervalStart: isoUtc(prices.startUtcMs[0]),
      lastIntervalStart: isoUtc(prices.startUtcMs[n - 1]),
      fileSha256: priceBytes.map((p) => sha256(p.bytes)),
    },
    hashprice: hashpriceInput,
    poolFeeFraction: request.poolFeeFraction,
    minOnIntervals: request.minOnIntervals,
    minOffIntervals: request.minOffIntervals,
    fourCpWindow: request.fourCpWindow ? windowText(request.fourCpWindow) : null,
    holdReserves: request.holdReserves,
    shiftYears: request.shiftYears,
  };
  const inputs: DispatchInputs = { sha256: sha256(JSON.stringify(unhashed)), ...unhashed };
  const sites = models.map((m) => siteReport(simulateDispatch(checkedFleet(m), prices, options), m.sha256));
  const durationCurve = Float64Array.from(prices.priceUsdPerMwh).sort().reverse();
  return { format: DISPATCH_FORMAT, formatVersion: DISPATCH_FORMAT_VERSION, inputs, sites, durationCurve };
}
