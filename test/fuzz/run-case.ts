/**
 * Runs one generated case the way `cdktf synth` runs a campus app (runCampusApp, writing into a
 * fresh output folder) and classifies what happened:
 *
 * - `clear-error`: refused with a message of the project's form, naming where ("[path] ...");
 * - `accepted`: a change that may be valid was accepted, and the output is sound;
 * - `crash`: something other than a CampusConfigError reached the user (a TypeError, another
 *   library's error), i.e. runCampusApp threw;
 * - `unreadable`: refused, but the message does not say where, shows `[object Object]` or a
 *   generic zod text, holds raw control characters or is huge;
 * - `accepted-invalid`: a change that is certainly invalid was accepted, or the output of an
 *   accepted app is unsound (NaN, a budget `campus report` cannot read, a bad Kubernetes name);
 * - `polluted`: Object.prototype or Array.prototype changed;
 * - `half-written`: a refused app left files behind;
 * - `hang`: the case ran over the time limit (decided by the worker pool, not here).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { runCampusApp } from '../../index';
import { loadBudgets } from '../../report/load-budget';
import { buildApp, STEPS } from './campus-spec';
import { applyCase, type FuzzCase } from './mutations';
import type { CaseResult } from './outcomes';

/** The longest line a refusal may print (a message lists at most a few problems). */
export const MAX_MESSAGE_LINE = 4_000;

// Raw control characters other than the newline between lines.
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

const GENERIC = [
  '[object Object]',
  'Invalid input',
  ', received ',
  'Too small:',
  'Too big:',
  'Invalid option',
  'Unrecognized key',
  'Cannot read properties',
  'is not a function',
  'is not iterable',
  'TypeError',
  'RangeError',
  'Maximum call stack',
];

/** Why a refusal's message is not readable, or undefined when it is. */
export function unreadableReason(stderr: string): string | undefined {
  if (!stderr.startsWith('hybrid-campus: ')) return 'does not start with "hybrid-campus: "';
  if (stderr.length > 100_000) return `is ${stderr.length} characters long`;
  if (!stderr.endsWith('\n')) return 'does not end with a newline';
  const lines = stderr.slice(0, -1).split('\n');
  if (lines.some((l) => l.length > MAX_MESSAGE_LINE)) return `has a line of ${Math.max(...lines.map((l) => l.length))} characters`;
  if (CONTROL.test(stderr)) return 'holds raw control characters';
  // What the user wrote is shown in quotes; look for generic texts outside them.
  const unquoted = stderr.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  const generic = GENERIC.find((g) => unquoted.includes(g) && !(g === '[object Object]' && !/(?<!")\[object Object\]/.test(stderr)));
  if (generic) return `holds ${JSON.stringify(generic)}`;
  if (lines[0].startsWith('hybrid-campus: synth refused: ')) {
    const bad = lines.slice(1).find((l) => !/^ {2}\[[^\]\n]+\] \S/.test(l));
    return lines.length < 2 ? 'lists no problem' : bad !== undefined ? `has a line that does not say where: ${bad.slice(0, 200)}` : undefined;
  }
  if (lines.length > 1) return 'is split over several lines';
  // The subject may hold an escaped bracket ("\]") when it quotes what the user wrote.
  return /^hybrid-campus: \[(?:[^\]\n\\]|\\.)+\] \S/.test(lines[0]) ? undefined : 'does not say where ("[construct path] ...")';
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** Problems in Terraform JSON: Kubernetes names and label values, embedded JSON documents. */
function terraformProblems(doc: unknown, where: string): string[] {
  const problems: string[] = [];
  const visit = (value: unknown, at: string): void => {
    if (Array.isArray(value)) return value.forEach((v, i) => visit(v, `${at}[${i}]`));
    if (typeof value !== 'object' || value === null) return;
    const record = value as Record<string, unknown>;
    for (const [key, v] of Object.entries(record)) {
      if (key === 'args' || key === 'env') continue; // what the user passes to the container, as given
      if (typeof v === 'string' && /^-?(NaN|Infinity)(m|Mi)?$/.test(v)) problems.push(`${where}: ${at}.${key} = ${JSON.stringify(v)} is not a figure`);
      if (key === 'metadata' && typeof v === 'object' && v !== null) {
        const m = v as { name?: unknown; namespace?: unknown; labels?: Record<string, unknown> };
        if (typeof m.name === 'string' && !(m.name.length <= 253 && DNS_SUBDOMAIN.test(m.name))) problems.push(`${where}: ${at}.metadata.name ${JSON.stringify(m.name)} is not a Kubernetes name`);
        if (typeof m.namespace === 'string' && !(m.namespace.length <= 63 && DNS_LABEL.test(m.namespace))) problems.push(`${where}: ${at}.metadata.namespace ${JSON.stringify(m.namespace)} is not a namespace name`);
        for (const [k, lv] of Object.entries(m.labels ?? {})) {
          if (typeof lv !== 'string' || lv.length > 63 || !LABEL_VALUE.test(lv)) problems.push(`${where}: ${at}.metadata.labels.${k} = ${JSON.stringify(lv)} is not a label value`);
        }
      }
      if (key.endsWith('.json') && typeof v === 'string') {
        try {
          JSON.parse(v);
        } catch {
          problems.push(`${where}: ${at}.${key} is not valid JSON`);
        }
      }
      visit(v, `${at}.${key}`);
    }
  };
  visit(doc, '');
  return problems;
}

/** Problems in an accepted app's output. */
export function outputProblems(outdir: string, stdout: string, stderr: string): string[] {
  const problems: string[] = [];
  if (CONTROL.test(stdout)) problems.push('the summary holds raw control characters');
  if (/\b(NaN|Infinity)\s*(MW|kW|W|%)/.test(stdout)) problems.push('the summary shows NaN or Infinity as a figure');
  if (CONTROL.test(stderr)) problems.push('stderr holds raw control characters');
  const stacks = path.join(outdir, 'stacks');
  const sites = fs.existsSync(stacks) ? fs.readdirSync(stacks).sort() : [];
  if (sites.length === 0) problems.push('no stack was written');
  for (const site of sites) {
    const dir = path.join(stacks, site);
    const tf = path.join(dir, 'cdk.tf.json');
    const budget = path.join(dir, 'power-budget.json');
    if (!fs.existsSync(tf) || !fs.existsSync(budget)) {
      problems.push(`${site}: cdk.tf.json or power-budget.json is missing`);
      continue;
    }
    // JSON cannot hold NaN (JSON.stringify writes null, which campus report refuses); figures
    // rendered as text can ("NaN", "NaNm", "InfinityMi").
    problems.push(...terraformProblems(JSON.parse(fs.readFileSync(tf, 'utf8')), `${site}/cdk.tf.json`));
    try {
      loadBudgets(budget);
    } catch (error) {
      problems.push(`campus report cannot read ${site}/power-budget.json: ${(error as Error).message.slice(0, 300)}`);
    }
  }
  return problems;
}

function prototypeShape(): string {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype]
    .map((p) => Object.getOwnPropertyNames(p).sort().join(','))
    .join('|');
}
const PROTOTYPES = prototypeShape();

function firstLine(text: string, max = 300): string {
  const line = text.split('\n')[0];
  return line.length > max ? `${line.slice(0, max)}...` : line;
}

/** Runs case `c` (the case's step index is into STEPS) and classifies the result. */
export function runCase(c: FuzzCase): CaseResult {
  const target = STEPS[c.step];
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'hybrid-campus-fuzz-'));
  let stdout = '';
  let stderr = '';
  try {
    let rc: number;
    try {
      rc = runCampusApp((app) => void buildApp(app, { step: target, apply: (step, built) => applyCase(c, step, built) }), {
        app: new App({ outdir, stackTraces: false }),
        stdout: (t) => void (stdout += t),
        stderr: (t) => void (stderr += t),
        writeBudgetOnFailure: false,
      });
    } catch (error) {
      const e = error as Error;
      const frame = (e?.stack ?? '').split('\n').find((l) => l.includes(' at ')) ?? '';
      let text: string;
      try {
        text = `${e?.name}: ${firstLine(String(e?.message))} ${frame.trim()}`;
      } catch {
        text = 'an error that cannot be shown';
      }
      return { outcome: 'crash', detail: text };
    }
    if (prototypeShape() !== PROTOTYPES) return { outcome: 'polluted', detail: 'a prototype gained or lost a property' };
    if ((Object.prototype as Record<string, unknown>).polluted !== undefined) return { outcome: 'polluted', detail: 'Object.prototype.polluted' };
    if (rc !== 0) {
      const stacks = path.join(outdir, 'stacks');
      if (fs.existsSync(stacks) && fs.readdirSync(stacks).some((d) => fs.readdirSync(path.join(stacks, d)).length > 0)) {
        return { outcome: 'half-written', detail: firstLine(stderr) };
      }
      const reason = unreadableReason(stderr);
      return reason ? { outcome: 'unreadable', detail: `${reason}: ${firstLine(stderr)}` } : { outcome: 'clear-error', detail: firstLine(stderr) };
    }
    const problems = outputProblems(outdir, stdout, stderr);
    if (problems.length > 0) return { outcome: 'accepted-invalid', detail: problems.slice(0, 3).join('; ') };
    if (c.expect === 'invalid') return { outcome: 'accepted-invalid', detail: 'accepted, although the change is invalid' };
    return { outcome: 'accepted', detail: '' };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** A one-line description of a case. */
export function describeCase(c: FuzzCase): string {
  const step = STEPS[c.step];
  return `${step.family} ${step.key} (${c.kind}): ${c.label}`;
}
