/**
 * Runs packs of rules over a campus's subjects and applies its suppressions: every finding,
 * suppressed or not, and every suppression that is itself wrong (matches nothing, or names a
 * rule its pack does not let anyone suppress). Plain data in, plain data out.
 */
import { CampusConfigError } from '../domain/config-error';
import type { Rule, RuleLevel, RulePack, RuleSubjects } from './rule';
import type { RuleSuppression } from './suppression';

export interface RuleFinding {
  readonly ruleId: string;
  readonly level: RuleLevel;
  readonly path: string;
  readonly target?: string;
  readonly message: string;
  /** Set when a suppression accepts the finding. */
  readonly suppressed?: { readonly reason: string; readonly origin: string };
}

/** A suppression that is itself an error. */
export interface SuppressionProblem {
  readonly path: string;
  readonly message: string;
}

export interface RuleRunResult {
  /** The packs that ran, in the order they were enabled. */
  readonly packs: readonly RulePack[];
  /** Every rule that ran, by id. */
  readonly rules: readonly Rule[];
  /** Every finding, sorted by path, rule id, target and message. */
  readonly findings: readonly RuleFinding[];
  readonly suppressionProblems: readonly SuppressionProblem[];
}

/** Compares rule ids with their numbers as numbers: HC-K8S-9 before HC-K8S-10. */
export function compareRuleIds(a: string, b: string): number {
  const pa = a.split(/(\d+)/);
  const pb = b.split(/(\d+)/);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i] === pb[i]) continue;
    const na = Number(pa[i]);
    const nb = Number(pb[i]);
    if (i % 2 === 1 && Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
    return pa[i] < pb[i] ? -1 : 1;
  }
  return pa.length - pb.length;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether a suppression written at `suppressionPath` covers a finding at `path`. */
function covers(suppressionPath: string, path: string): boolean {
  return path === suppressionPath || path.startsWith(`${suppressionPath}/`);
}

/** The rules of the packs, each once; two different rules with one id are an error. */
export function rulesOf(packs: readonly RulePack[]): Rule[] {
  const byId = new Map<string, { rule: Rule; pack: string }>();
  for (const pack of packs) {
    for (const rule of pack.rules) {
      const seen = byId.get(rule.id);
      if (seen && seen.rule !== rule) {
        throw new CampusConfigError(`rule id ${rule.id} is used by two different rules (packs '${seen.pack}' and '${pack.name}'); give each rule an id of its own.`);
      }
      byId.set(rule.id, { rule, pack: pack.name });
    }
  }
  return [...byId.values()].map((v) => v.rule).sort((a, b) => compareRuleIds(a.id, b.id));
}

export function runRules(packs: readonly RulePack[], subjects: RuleSubjects, suppressions: readonly RuleSuppression[]): RuleRunResult {
  const rules = rulesOf(packs);
  const raw = rules.flatMap((rule) => rule.check(subjects).map((v) => ({ rule, violation: v })));
  raw.sort(
    (a, b) =>
      compareText(a.violation.path, b.violation.path) ||
      compareRuleIds(a.rule.id, b.rule.id) ||
      compareText(a.violation.target ?? '', b.violation.target ?? '') ||
      compareText(a.violation.message, b.violation.message),
  );
  const used = new Set<RuleSuppression>();
  const problems: SuppressionProblem[] = [];
  const findings: RuleFinding[] = raw.map(({ rule, violation }) => {
    const base: RuleFinding = {
      ruleId: rule.id,
      level: rule.level,
      path: violation.path,
      ...(violation.target !== undefined ? { target: violation.target } : {}),
      message: violation.message,
    };
    const match = suppressions.filter((s) => s.ruleId === rule.id && covers(s.path, violation.path) && (s.target === undefined || s.target === violation.target));
    if (match.length === 0) return base;
    if (rule.suppressible === false) return base;
    for (const s of match) used.add(s);
    return { ...base, suppressed: { reason: match[0].reason, origin: match[0].origin } };
  });
  const ruleById = new Map(rules.map((r) => [r.id, r]));
  for (const s of suppressions) {
    const rule = ruleById.get(s.ruleId);
    const what = `suppression of ${s.ruleId}${s.target !== undefined ? ` for target "${s.target}"` : ''} (${s.origin})`;
    if (!rule) {
      problems.push({ path: s.path, message: `${what}: rule ${s.ruleId} is in no enabled pack (enabled: ${rules.map((r) => r.id).join(', ') || 'none'}); fix the rule id or remove the suppression.` });
    } else if (rule.suppressible === false) {
      problems.push({ path: s.path, message: `${what}: rule ${s.ruleId} cannot be suppressed (its pack marks it not suppressible); fix the finding instead and remove the suppression.` });
    } else if (!used.has(s)) {
      problems.push({ path: s.path, message: `${what}: matches no finding at this construct or below it; remove the suppression, or fix its path or target.` });
    }
  }
  problems.sort((a, b) => compareText(a.path, b.path) || compareText(a.message, b.message));
  return { packs, rules, findings, suppressionProblems: problems };
}
