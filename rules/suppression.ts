/**
 * Suppressions: a reviewed decision that a finding of a rule is accepted, with the reason on
 * record. One names the rule id, the construct it applies to (the finding's construct or one
 * of its ancestors), optionally a narrower target, and the reason.
 *
 * In code: `RuleSuppressions.of(construct).add({ ruleId, reason, target? })`. In a file:
 * rule-suppressions.json (suppressions-file.ts). Either way the reason must be at least one
 * sentence: REASON_MIN_CHARACTERS or more characters, ending with ".", "?" or ")", of REASON_MIN_WORDS (4) words or more.
 */
import type { IConstruct } from 'constructs';
import { CampusConfigError, showValue } from '../domain/config-error';

/** The shortest accepted reason, in characters (after trimming): about one short sentence. */
export const REASON_MIN_CHARACTERS = 20;
/** The fewest words (separated by spaces) in an accepted reason: a sentence, not one long token. */
export const REASON_MIN_WORDS = 4;

/** Why `reason` is not accepted as a reason, or undefined when it is. */
export function reasonProblem(reason: unknown): string | undefined {
  if (typeof reason !== 'string' || reason.trim() === '') return 'a suppression needs a reason';
  const text = reason.trim();
  if (text.length < REASON_MIN_CHARACTERS) return `is ${text.length} characters; a reason is at least one sentence of ${REASON_MIN_CHARACTERS} characters or more`;
  // A sentence may end in a question or a closing parenthesis, e.g. "(tracked in OPS-123)".
  if (!/[.?)]$/.test(text)) return 'does not end with ".", "?" or ")"; write the reason as a full sentence';
  const words = text.split(/\s+/).length;
  if (words < REASON_MIN_WORDS) return `has ${words} word${words === 1 ? '' : 's'}; a reason is a sentence of at least ${REASON_MIN_WORDS} words`;
  return undefined;
}

const RULE_ID = /^[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9]+)*$/;

/** Why `ruleId` is not a rule id, or undefined. */
export function ruleIdProblem(ruleId: unknown): string | undefined {
  if (typeof ruleId !== 'string' || !RULE_ID.test(ruleId)) return 'must be a rule id such as "HC-K8S-9"';
  return undefined;
}

export interface RuleSuppressionProps {
  /** The id of the rule whose findings are accepted, e.g. "HC-K8S-9". */
  readonly ruleId: string;
  /** Why: at least one sentence (20 characters or more, 4 words or more, ending with ".", "?" or ")"), kept in rules.json and rules.sarif. */
  readonly reason: string;
  /**
   * Accept only findings with this target (e.g. "container 'stratum-proxy'"), as rules.json shows it.
   * @default every finding of the rule at the construct and below it
   */
  readonly target?: string;
}

/** A suppression as the rule runner applies it. */
export interface RuleSuppression extends RuleSuppressionProps {
  /** Absolute construct path: it covers findings at this path and below it. */
  readonly path: string;
  /** Where it was written, for messages: "code" or "rule-suppressions.json suppressions[2]". */
  readonly origin: string;
}

const SUPPRESSIONS = Symbol.for('hybrid-campus.rule-suppressions');

/** The suppressions written in code on one construct. */
export class RuleSuppressions {
  /** The suppressions of `construct` (created on first use). */
  public static of(construct: IConstruct): RuleSuppressions {
    const holder = construct as unknown as Record<symbol, RuleSuppressions | undefined>;
    let s = holder[SUPPRESSIONS];
    if (!s) {
      s = new RuleSuppressions(construct);
      Object.defineProperty(construct, SUPPRESSIONS, { value: s });
    }
    return s;
  }

  private readonly list: RuleSuppression[] = [];

  private constructor(private readonly construct: IConstruct) {}

  /** Accepts findings of a rule at this construct and below it. A bad rule id or reason throws at once. */
  public add(props: RuleSuppressionProps): this {
    const where = `[${this.construct.node.path}] suppression`;
    const p = (props ?? {}) as Partial<RuleSuppressionProps>;
    const idProblem = ruleIdProblem(p.ruleId);
    if (idProblem) throw new CampusConfigError(`${where}: ruleId = ${showValue(p.ruleId)}: ${idProblem}.`);
    const problem = reasonProblem(p.reason);
    if (problem) {
      throw new CampusConfigError(`${where} of ${p.ruleId}: reason = ${showValue(p.reason)}: ${problem}. Say why the finding is accepted, e.g. "Placeholder image for the example; pin a digest in production."`);
    }
    if (p.target !== undefined && (typeof p.target !== 'string' || p.target.trim() === '')) {
      throw new CampusConfigError(`${where} of ${p.ruleId}: target = ${showValue(p.target)}: must be a non-empty string as rules.json shows it, e.g. "container 'app'", or left out.`);
    }
    this.list.push({ ruleId: p.ruleId!, reason: p.reason!.trim(), ...(p.target !== undefined ? { target: p.target } : {}), path: this.construct.node.path, origin: 'code' });
    return this;
  }

  /** The suppressions added so far. */
  public get all(): readonly RuleSuppression[] {
    return [...this.list];
  }
}

/** Every code suppression on `root` and the constructs below it. */
export function codeSuppressions(root: IConstruct): RuleSuppression[] {
  return root.node.findAll().flatMap((c) => (c as unknown as Record<symbol, RuleSuppressions | undefined>)[SUPPRESSIONS]?.all ?? []);
}
