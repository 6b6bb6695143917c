/**
 * What a rule is, what it judges and what it returns (rule packs, in the style of cdk-nag).
 *
 * A rule is a small pure function over plain data: the campus model and its evaluation at every
 * date, or the synthesized Terraform resources of the campus's stack. It never sees the cdktf
 * construct tree. One rule per file, the file named by the rule's stable id (e.g. `HC-K8S-3.ts`,
 * `TXLL-2.ts`).
 */
import type { TimelineEvaluation } from '../domain/evaluate';
import type { CampusModel } from '../domain/model';

export type RuleLevel = 'error' | 'warning';

/** One synthesized Terraform resource, as it appears in the stack's cdk.tf.json. */
export interface SynthesizedResource {
  /** Terraform resource type, e.g. "kubernetes_deployment_v1". */
  readonly type: string;
  /** Terraform logical name (the key under the type in cdk.tf.json). */
  readonly name: string;
  /** Construct path of the construct that made it (cdk.tf.json's `//.metadata.path`). */
  readonly path: string;
  /** The resource's arguments as synthesized (tokens resolved), without the `//` metadata. */
  readonly config: Readonly<Record<string, unknown>>;
}

/** One Terraform variable of the campus's stack (cdk.tf.json's `variable`). */
export interface SynthesizedVariable {
  /** The variable's name, as `${var.<name>}` references it. */
  readonly name: string;
  /** Whether Terraform treats the value as sensitive (kept out of plans and logs). */
  readonly sensitive: boolean;
  /**
   * Whether the variable has a `default`: a default is written into cdk.tf.json, so a value
   * read from it is a literal in the repository.
   * @default false
   */
  readonly hasDefault?: boolean;
}

/** What every rule may read. */
export interface RuleSubjects {
  /** The campus as declared, every date included (with its rule facts, when declared). */
  readonly campus: CampusModel;
  /** The budget and check results at every state of the timeline (the one load model). */
  readonly timeline: TimelineEvaluation;
  /** Every resource of the campus's stack, in cdk.tf.json order. */
  readonly resources: readonly SynthesizedResource[];
  /**
   * Every Terraform variable of the stack (for rules that tell a value read from a sensitive
   * variable from a literal).
   * @default none
   */
  readonly variables?: readonly SynthesizedVariable[];
}

/** One breach of a rule, before suppressions are applied. */
export interface RuleViolation {
  /** Construct path the finding is about (a part of the campus, or the campus itself). */
  readonly path: string;
  /**
   * A narrower target inside that construct, when there is one: a container name, a resource's
   * Terraform address, a date ("from 2027-01"). Suppressions may name it.
   */
  readonly target?: string;
  /** One sentence: what was found, the value with units, and what to do. */
  readonly message: string;
}

export interface Rule {
  /** Stable id, e.g. "HC-K8S-3" or "TXLL-2"; never reused for another requirement. */
  readonly id: string;
  /** The requirement, in one line. */
  readonly statement: string;
  /** Where the requirement comes from: a standard, a protocol section, a house policy. */
  readonly source: string;
  /** `error` fails synth; `warning` becomes an annotation. */
  readonly level: RuleLevel;
  /**
   * Where a reader learns more about the requirement (shown as the rule's help link in SARIF
   * viewers such as GitHub code scanning).
   * @default none - the statement and source are the help text
   */
  readonly helpUri?: string;
  /** False when a pack forbids suppressing the rule. @default true */
  readonly suppressible?: boolean;
  /** Every breach in `subjects`; an empty list when the rule holds. Pure: no I/O, no clock. */
  readonly check: (subjects: RuleSubjects) => readonly RuleViolation[];
}

/** A named list of rules, enabled per campus or for the whole app. */
export interface RulePack {
  /** Stable name, e.g. "hybrid-campus/kubernetes-baseline" or "hybrid-campus/ercot-large-loads". */
  readonly name: string;
  readonly description: string;
  readonly rules: readonly Rule[];
}
