/**
 * Checks that a power-budget document that passed its schema also makes sense, before a report
 * or diff shows it: a file edited by hand or corrupted can have every field of the right type
 * and still be wrong. Written synth output always passes.
 *
 * The rules are generic, over the parsed JSON, so they carry over to a new formatVersion with
 * few changes: they look for field names, not positions.
 * - text holds no control characters (a site name with a newline or a terminal escape sequence);
 * - powers (fields ending in `Kw`, except headroom), utilizations and counts are not negative;
 * - a load by class adds up: firm IT + interruptible IT + cooling + auxiliary = total;
 * - headroom = capacity - total load (per scenario), interconnect - grid import (site);
 * - a status is at least as bad as what it sums up: the document's status and the checks and
 *   timeline states it lists, a timeline state's status and its failures and warnings.
 */

/** Figures are rounded to the watt (3 decimals in kW); sums of rounded figures may differ by a few watts. */
export const SUM_TOLERANCE_KW = 0.01;

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const SEVERITY: Readonly<Record<string, number>> = { pass: 0, warn: 1, fail: 2 };
const LOAD_PARTS = ['firmItKw', 'interruptibleItKw', 'coolingKw', 'auxiliaryKw'] as const;
/** Load classes added in formatVersion 2; counted when present. */
const LOAD_PARTS_V2 = ['grossKw', 'overheadKw'] as const;

type Json = unknown;
type Visitor = (value: Json, at: string, key: string | number | undefined) => void;

/** Visits every value, children before their parent: a field's own problem comes before a sum it is part of. */
function walk(value: Json, visit: Visitor, at = '', key?: string | number): void {
  if (Array.isArray(value)) value.forEach((v, i) => walk(v, visit, `${at}[${i}]`, i));
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) walk(v, visit, at === '' ? k : `${at}.${k}`, k);
  }
  visit(value, at, key);
}

const kw = (n: number) => n.toFixed(3);
const isRecord = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: Json): v is number => typeof v === 'number' && Number.isFinite(v);

/** Escapes control characters for a message. */
function escaped(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text).replace(/[\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The problems of a parsed power-budget document, each "<where>: <what is wrong>", in document
 * order. Empty for a sound document.
 */
export function budgetConsistencyProblems(doc: Json): string[] {
  const problems: string[] = [];
  walk(doc, (value, at, key) => {
    const where = at === '' ? '(document)' : at;
    if (typeof value === 'string' && CONTROL.test(value)) {
      problems.push(`${where} = ${escaped(value)} holds a control character (a line break or terminal escape sequence); power budgets written by cdktf synth never do`);
    }
    if (typeof key === 'string' && CONTROL.test(key)) problems.push(`${where}: a key holds a control character`);
    if (typeof key === 'string' && num(value) && value < 0 && (/Kw$/.test(key) ? !/headroom/i.test(key) : /^(utilization|count|gpus|spares)$/.test(key))) {
      problems.push(`${where} is ${value}, but it cannot be negative`);
    }
    if (!isRecord(value)) return;
    const load = value;
    if (LOAD_PARTS.every((k) => num(load[k])) && num(load.totalKw)) {
      const v2 = LOAD_PARTS_V2.filter((k) => num(load[k]));
      const sum = [...LOAD_PARTS, ...v2].reduce((t, k) => t + (load[k] as number), 0);
      if (Math.abs(sum - load.totalKw) > SUM_TOLERANCE_KW) {
        const parts = v2.length > 0 ? 'firm IT + interruptible IT + gross blocks + cooling + facility overhead + auxiliary' : 'firm IT + interruptible IT + cooling + auxiliary';
        problems.push(`${where}.totalKw is ${kw(load.totalKw)}, but ${parts} add up to ${kw(sum)}`);
      }
    }
    const total = isRecord(value.load) ? value.load.totalKw : undefined;
    if (num(value.capacityKw) && num(total) && num(value.headroomKw) && Math.abs(value.capacityKw - total - value.headroomKw) > SUM_TOLERANCE_KW) {
      problems.push(`${where}.headroomKw is ${kw(value.headroomKw)}, but capacity ${kw(value.capacityKw)} - load ${kw(total)} = ${kw(value.capacityKw - total)}`);
    }
    if (num(value.interconnectLimitKw) && num(value.gridImportKw) && num(value.headroomKw) && Math.abs(value.interconnectLimitKw - value.gridImportKw - value.headroomKw) > SUM_TOLERANCE_KW) {
      problems.push(`${where}.headroomKw is ${kw(value.headroomKw)}, but interconnect ${kw(value.interconnectLimitKw)} - grid import ${kw(value.gridImportKw)} = ${kw(value.interconnectLimitKw - value.gridImportKw)}`);
    }
    if (typeof value.status === 'string' && value.status in SEVERITY) {
      const own = SEVERITY[value.status];
      const listed: { what: string; status: Json }[] = [];
      for (const field of ['checks', 'timeline']) {
        const list = value[field];
        if (Array.isArray(list)) list.forEach((entry, i) => isRecord(entry) && listed.push({ what: `${field}[${i}]`, status: entry.status }));
      }
      if (Array.isArray(value.failures) && value.failures.length > 0) listed.push({ what: 'failures[0]', status: 'fail' });
      if (Array.isArray(value.warnings) && value.warnings.length > 0) listed.push({ what: 'warnings[0]', status: 'warn' });
      const worse = listed.find((l) => typeof l.status === 'string' && (SEVERITY[l.status] ?? -1) > own);
      if (worse) {
        const prefix = where === '(document)' ? '' : `${where}.`;
        problems.push(`${prefix}status is "${value.status}", but ${prefix}${worse.what} is "${worse.status}"`);
      }
    }
  });
  return problems;
}
