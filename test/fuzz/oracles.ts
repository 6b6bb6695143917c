/**
 * The fuzz suite's oracles: whether a refusal's message is readable, and whether an accepted
 * app's output is sound. run-case.ts classifies each case with them; oracles.test.ts checks that
 * they catch what they are meant to catch. Apart from run-case.ts, so that their test loads
 * neither the library's constructs nor the case generator.
 */
import * as fs from 'fs';
import * as path from 'path';
import { loadBudgets } from '../../report/load-budget';

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
