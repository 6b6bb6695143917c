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

/** Findings in head and not in base (appeared), and in base and not in head (disappeared), in file order. */
export function diffRuleFindings(base: SiteRules | undefined, head: SiteRules | undefined): { readonly appeared: RuleFindingRow[]; readonly disappeared: RuleFindingRow[] } {
  const baseKeys = new Set((base?.findings ?? []).map(key));
  const headKeys = new Set((head?.findings ?? []).map(key));
  return {
    appeared: (head?.findings ?? []).filter((f) => !baseKeys.has(key(f))),
    disappeared: (base?.findings ?? []).filter((f) => !headKeys.has(key(f))),
  };
}

/** One line: "WARNING HC-K8S-9 [path] message" or "SUPPRESSED HC-K8S-9 [path] message (reason: ...)". */
export function findingLine(f: RuleFindingRow): string {
  return f.suppressed
    ? `SUPPRESSED ${f.level} ${f.ruleId} [${f.path}] ${f.message} (reason: ${f.suppressed.reason})`
    : `${f.level.toUpperCase()} ${f.ruleId} [${f.path}] ${f.message}`;
}

/** "rules: 0 errors, 1 warning, 5 suppressed". */
export function rulesSummaryLine(rules: SiteRules): string {
  const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const problems = rules.suppressionProblems.length > 0 ? `, ${n(rules.suppressionProblems.length, 'bad suppression')}` : '';
  return `rules: ${n(rules.summary.errors, 'error')}, ${n(rules.summary.warnings, 'warning')}, ${rules.summary.suppressed} suppressed${problems}`;
}
