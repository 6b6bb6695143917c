/**
 * rules.json, written beside power-budget.json when a campus has rule packs enabled.
 *
 * Format "hybrid-campus/rules", version 1: the packs and rules that ran, every finding (with
 * `suppressed: { reason, origin }` when a suppression accepts it), every suppression that is
 * itself an error (`suppressionProblems`: it matches nothing, names a rule of no enabled pack or
 * one that cannot be suppressed; each fails synth as an error finding does) and counts. Status
 * is "fail" when an unsuppressed error finding or a suppression problem is left. Findings are
 * sorted by construct path, rule id (numbers as numbers), target and message; nothing depends
 * on the clock or the machine. As with power-budget.json, adding a field keeps the version;
 * renaming, removing or re-meaning one bumps RULES_FORMAT_VERSION.
 */
import type { RuleRunResult } from './run-rules';

export const RULES_FORMAT = 'hybrid-campus/rules';
export const RULES_FORMAT_VERSION = 1;
export const RULES_FILE_NAME = 'rules.json';

export function renderRulesJson(campus: string, result: RuleRunResult): string {
  const open = result.findings.filter((f) => !f.suppressed);
  const doc = {
    format: RULES_FORMAT,
    version: RULES_FORMAT_VERSION,
    campus,
    status: open.some((f) => f.level === 'error') || result.suppressionProblems.length > 0 ? 'fail' : 'pass',
    summary: {
      errors: open.filter((f) => f.level === 'error').length,
      warnings: open.filter((f) => f.level === 'warning').length,
      suppressed: result.findings.length - open.length,
      suppressionProblems: result.suppressionProblems.length,
    },
    packs: result.packs.map((p) => ({ name: p.name, description: p.description, rules: p.rules.map((r) => r.id) })),
    rules: result.rules.map((r) => ({
      id: r.id,
      level: r.level,
      statement: r.statement,
      source: r.source,
      ...(r.helpUri !== undefined ? { helpUri: r.helpUri } : {}),
      suppressible: r.suppressible !== false,
    })),
    findings: result.findings.map((f) => ({
      ruleId: f.ruleId,
      level: f.level,
      path: f.path,
      ...(f.target !== undefined ? { target: f.target } : {}),
      message: f.message,
      ...(f.suppressed ? { suppressed: { reason: f.suppressed.reason, origin: f.suppressed.origin } } : {}),
    })),
    suppressionProblems: result.suppressionProblems.map((p) => ({ path: p.path, message: p.message })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
