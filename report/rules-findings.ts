/**
 * The rule findings of a site for `campus report` and `campus diff`: rules.json (format
 * "hybrid-campus/rules", rules/rules-file.ts), read from beside the site's power-budget.json
 * when synth wrote one (a campus with rule packs enabled). Held per loaded budget, so the
 * report and diff functions keep taking power budgets.
 */
import * as fs from 'fs';
import * as path from 'path';
import { z } from 'zod';
import type { PowerBudget } from './budget-schema';
import { InputError } from './input-error';
import { RULES_FILE_NAME, RULES_FORMAT, RULES_FORMAT_VERSION } from '../rules/rules-file';

export interface RuleFindingRow {
  readonly ruleId: string;
  readonly level: 'error' | 'warning';
  readonly path: string;
  readonly target?: string;
  readonly message: string;
  readonly suppressed?: { readonly reason: string; readonly origin: string };
}

export interface SiteRules {
  readonly status: 'pass' | 'fail';
  /** `suppressionProblems` is 0 in a rules.json written before it was counted. */
  readonly summary: { readonly errors: number; readonly warnings: number; readonly suppressed: number; readonly suppressionProblems: number };
  readonly findings: readonly RuleFindingRow[];
  /** Suppressions that are themselves errors (each fails synth); none in a rules.json written before they were listed. */
  readonly suppressionProblems: readonly { readonly path: string; readonly message: string }[];
}

/** What fails synth among a site's rules: unsuppressed error findings and suppression problems. */
export function failingRules(rules: SiteRules): number {
  return rules.summary.errors + rules.suppressionProblems.length;
}

const findingSchema = z.object({
  ruleId: z.string(),
  level: z.enum(['error', 'warning']),
  path: z.string(),
  target: z.string().optional(),
  message: z.string(),
  suppressed: z.object({ reason: z.string(), origin: z.string() }).optional(),
});

const rulesSchema = z.object({
  format: z.literal(RULES_FORMAT),
  version: z.literal(RULES_FORMAT_VERSION),
  status: z.enum(['pass', 'fail']),
  summary: z.object({
    errors: z.number().int().min(0),
    warnings: z.number().int().min(0),
    suppressed: z.number().int().min(0),
    suppressionProblems: z.number().int().min(0).optional(),
  }),
  findings: z.array(findingSchema),
  suppressionProblems: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

const RULES = new WeakMap<PowerBudget, SiteRules>();

/** The site's rule findings, when its rules.json was read. */
export function rulesOf(budget: PowerBudget): SiteRules | undefined {
  return RULES.get(budget);
}

/** Parses one rules.json; a bad file is one InputError naming it and the field. */
export function parseRules(file: string, text: string): SiteRules {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new InputError(`${file}: not valid JSON; re-run cdktf synth to rewrite it`);
  }
  const parsed = rulesSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('').replace(/^\./, '');
    throw new InputError(`${file}: invalid rules file (format "${RULES_FORMAT}" version ${RULES_FORMAT_VERSION}): ${where || '(document)'}: ${issue.message}; re-run cdktf synth to rewrite it`);
  }
  const { status, summary, findings, suppressionProblems = [] } = parsed.data;
  return { status, summary: { ...summary, suppressionProblems: suppressionProblems.length }, findings, suppressionProblems };
}

/** Reads the rules.json beside `budgetFile`, if there is one, and keeps it with `budget`. */
export function attachRules(budget: PowerBudget, budgetFile: string): void {
  const file = path.join(path.dirname(budgetFile), RULES_FILE_NAME);
  if (!fs.existsSync(file)) return;
  RULES.set(budget, parseRules(file, fs.readFileSync(file, 'utf8')));
}

/** A finding's identity across runs: rule, construct, target, and whether it is suppressed. */
function key(f: RuleFindingRow): string {
  return [f.ruleId, f.path, f.target ?? '', f.suppressed ? 'suppressed' : 'open'].join('\u0000');
}

/** A finding whose identity is the same on both sides but whose level or message changed. */
export interface ChangedRuleFinding {
  readonly base: RuleFindingRow;
  readonly head: RuleFindingRow;
}

export interface RuleFindingsDiff {
  readonly appeared: RuleFindingRow[];
  readonly disappeared: RuleFindingRow[];
  readonly changed: ChangedRuleFinding[];
}

/**
 * Head's findings against base's, as multisets by identity (rule, construct, target, whether
 * suppressed): under one identity, findings equal in level and message pair first, the rest pair
 * in file order as changed (level or message), and what is left over appeared (head) or
 * disappeared (base). Two identical findings against one are one appeared, not none.
 */
export function diffRuleFindings(base: SiteRules | undefined, head: SiteRules | undefined): RuleFindingsDiff {
  const baseRows = base?.findings ?? [];
  const headRows = head?.findings ?? [];
  // Indices into the findings, grouped by identity (a file may hold one finding twice).
  const group = (rows: readonly RuleFindingRow[]) => {
    const byKey = new Map<string, number[]>();
    rows.forEach((f, i) => byKey.set(key(f), [...(byKey.get(key(f)) ?? []), i]));
    return byKey;
  };
  const baseByKey = group(baseRows);
  const headByKey = group(headRows);
  const appeared = new Set<number>();
  const disappeared = new Set<number>();
  const changedAt = new Map<number, number>(); // head index -> base index
  for (const k of new Set([...baseByKey.keys(), ...headByKey.keys()])) {
    const b = [...(baseByKey.get(k) ?? [])];
    const restHead: number[] = [];
    for (const hi of headByKey.get(k) ?? []) {
      const j = b.findIndex((bi) => baseRows[bi].level === headRows[hi].level && baseRows[bi].message === headRows[hi].message);
      if (j >= 0) b.splice(j, 1);
      else restHead.push(hi);
    }
    const pairs = Math.min(b.length, restHead.length);
    for (let i = 0; i < pairs; i++) changedAt.set(restHead[i], b[i]);
    for (const hi of restHead.slice(pairs)) appeared.add(hi);
    for (const bi of b.slice(pairs)) disappeared.add(bi);
  }
  return {
    appeared: headRows.filter((_, i) => appeared.has(i)),
    disappeared: baseRows.filter((_, i) => disappeared.has(i)),
    changed: headRows.flatMap((f, i) => (changedAt.has(i) ? [{ base: baseRows[changedAt.get(i)!], head: f }] : [])),
  };
}

/** One line: "WARNING HC-K8S-9 [path] message" or "SUPPRESSED HC-K8S-9 [path] message (reason: ...)". */
export function findingLine(f: RuleFindingRow): string {
  return f.suppressed
    ? `SUPPRESSED ${f.level} ${f.ruleId} [${f.path}] ${f.message} (reason: ${f.suppressed.reason})`
    : `${f.level.toUpperCase()} ${f.ruleId} [${f.path}] ${f.message}`;
}

/** One line for a finding whose level or message changed: "<base line> -> <head line>". */
export function changedFindingLine(c: ChangedRuleFinding): string {
  return `${findingLine(c.base)} -> ${findingLine(c.head)}`;
}

/** "rules: 0 errors, 1 warning, 5 suppressed". */
export function rulesSummaryLine(rules: SiteRules): string {
  const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const problems = rules.suppressionProblems.length > 0 ? `, ${n(rules.suppressionProblems.length, 'bad suppression')}` : '';
  return `rules: ${n(rules.summary.errors, 'error')}, ${n(rules.summary.warnings, 'warning')}, ${rules.summary.suppressed} suppressed${problems}`;
}
