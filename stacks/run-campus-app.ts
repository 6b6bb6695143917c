/**
 * The entry point for a campus app: builds it, checks every campus before anything is
 * written, synthesizes, and prints a power-budget summary per site.
 *
 * cdktf writes stacks one after another and validates each just before writing it, so a
 * failure in the second campus would leave the first one's files behind. This runner validates
 * every stack first, and on any failure writes nothing (and removes the campuses' old output,
 * so no stale power-budget.json survives a refused synth). Errors are printed as one line per
 * problem, never as a stack trace.
 *
 * Opt-in for pull-request diffs: with HYBRID_CAMPUS_WRITE_BUDGET_ON_FAILURE=1 (or the
 * `writeBudgetOnFailure` option) a refused synth still writes each campus's power-budget.json,
 * with `status: "fail"` and its failing checks, and its rules.json when it has rule packs, so
 * `campus diff` can show what newly fails. It
 * writes no cdk.tf.json and no manifest, so nothing deployable comes out of a failing campus,
 * and it still prints the errors and returns 1.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { CampusConfigError } from '../domain/config-error';
import { POWER_BUDGET_FILE_NAME, renderPowerBudget } from '../report/power-budget-file';
import { renderSummary } from '../report/summary';
import { RULES_FILE_NAME } from '../rules/rules-file';
import { Campus } from './campus';

export interface RunCampusAppOptions {
  /** Where the summary goes. @default process.stdout */
  readonly stdout?: (text: string) => void;
  /** Where errors go. @default process.stderr */
  readonly stderr?: (text: string) => void;
  /** Props for the App (e.g. outdir in tests). @default cdktf's defaults, read from the CLI's environment */
  readonly app?: App;
  /**
   * When a check fails, still write each campus's power-budget.json (and nothing else).
   * @default true when the environment variable HYBRID_CAMPUS_WRITE_BUDGET_ON_FAILURE is "1"
   */
  readonly writeBudgetOnFailure?: boolean;
}

/** The environment variable that turns on `writeBudgetOnFailure`. */
export const WRITE_BUDGET_ON_FAILURE_ENV = 'HYBRID_CAMPUS_WRITE_BUDGET_ON_FAILURE';

/** Whether a refused synth should still write power-budget.json: the option, else the environment variable. */
export function writeBudgetOnFailureEnabled(options: RunCampusAppOptions, env: NodeJS.ProcessEnv = process.env): boolean {
  return options.writeBudgetOnFailure ?? env[WRITE_BUDGET_ON_FAILURE_ENV] === '1';
}

/**
 * Every validation error of every stack in the app, as "[construct path] message", on the tree
 * app.synth() writes: every stack prepared (its backend, cross-stack references), then each
 * campus's aspects (once: the synth does not visit them again), then every construct's
 * validations and the campuses' rule packs. For a check outside synth (tests, tools); the runner
 * makes the same check inside app.synth(), after its own prepare (`checkPreparedApp`).
 */
export function collectValidationErrors(app: App): string[] {
  const stacks = stacksOf(app);
  for (const stack of stacks) stack.prepareStack();
  return checkPreparedApp(stacks);
}

/** Every stack of the app, in app.synth()'s order. */
function stacksOf(app: App): TerraformStack[] {
  return app.node.findAll().filter(TerraformStack.isStack);
}

/**
 * The check of `collectValidationErrors` on an app whose stacks app.synth() has just prepared:
 * each campus's aspects (once), then every construct's validations and the campuses' rule packs,
 * judged on the prepared stack's Terraform JSON. When an aspect visited anything, every stack is
 * prepared again before the validations: what an aspect adds or edits (a cross-stack reference
 * in particular) is then prepared before it is judged and written, which bare cdktf, whose
 * aspects run after its one prepare, does not do. What a validation adds or edits is written as
 * bare cdktf writes it (its validations, too, run after its prepare).
 */
function checkPreparedApp(stacks: readonly TerraformStack[]): string[] {
  let visited = false;
  for (const stack of stacks) if (Campus.isCampus(stack) && stack.invokeAspectsOnce()) visited = true;
  if (visited) for (const stack of stacks) stack.prepareStack();
  return stacks.flatMap((stack) => [
    ...stack.node.findAll().flatMap((c) => c.node.validate().map((message) => `[${c.node.path}] ${message}`)),
    // Rule packs and suppressions (stacks/campus.ts): judged on the stack's Terraform JSON.
    ...(Campus.isCampus(stack) ? stack.preparedRuleErrors() : []),
  ]);
}

/** The one line of a CampusConfigError: its message without the creation stack cdktf appends when a token throws it. */
function misuseLine(error: CampusConfigError): string {
  const at = error.message.indexOf('\nObject creation stack:');
  return at === -1 ? error.message : error.message.slice(0, at);
}

/** What app.synth() with the check inside it came to (`synthChecked`). */
type SynthOutcome =
  | { readonly kind: 'written' }
  | { readonly kind: 'refused'; readonly errors: readonly string[] }
  | { readonly kind: 'misuse'; readonly error: CampusConfigError };

/**
 * Runs app.synth() with every campus checked before anything is written: the check runs inside
 * app.synth(), when the first stack is about to synthesize, after app.synth() has prepared every
 * stack (so each resource is prepared as often as bare cdktf prepares it, unless a campus has an
 * aspect: `checkPreparedApp`) and before any stack's aspects, validation or files. A check that
 * fails throws out of app.synth(), so no stack is written. Each stack's synthesizer is wrapped
 * for the call (an own property, whatever the stack defines) and its own definition put back
 * after it, unless something replaced the wrapper meanwhile. A stack whose synthesizer cannot be
 * wrapped (an own property that is neither configurable nor writable) makes the whole app checked
 * before app.synth(), with its own prepare (`collectValidationErrors`).
 *
 * The outcome is kept here, not read from what app.synth() throws: an App subclass may catch or
 * wrap the error. An app.synth() that returns without synthesizing any stack is checked after it.
 * A stack synthesized from inside the check (a validation calling Testing.fullSynth, say) is
 * synthesized without a second check.
 */
function synthChecked(app: App): SynthOutcome {
  const stacks = stacksOf(app);
  if (stacks.some((stack) => !wrappable(stack))) {
    const early = judged(() => collectValidationErrors(app));
    if (early.kind !== 'written') return early;
    app.synth();
    return early;
  }
  let outcome: SynthOutcome | undefined;
  let checking = false;
  const installed: Array<{ readonly stack: TerraformStack; readonly own: PropertyDescriptor | undefined; readonly wrapper: TerraformStack['synthesizer'] }> = [];
  class Refusal extends Error {}
  try {
    for (const stack of stacks) {
      const inner = stack.synthesizer;
      const wrapper: TerraformStack['synthesizer'] = {
        synthesize: (session) => {
          if (outcome === undefined && !checking) {
            checking = true;
            try {
              outcome = judged(() => checkPreparedApp(stacks));
            } finally {
              checking = false;
            }
          }
          if (outcome !== undefined && outcome.kind !== 'written') {
            // Caught by synthCampusApp, which prints the details; an App subclass that logs it shows this.
            const what = outcome.kind === 'refused' ? `${outcome.errors.length} check${outcome.errors.length === 1 ? '' : 's'} failed` : misuseLine(outcome.error);
            throw new Refusal(`hybrid-campus: synth refused: ${what}; runCampusApp prints the details and writes no stack`);
          }
          inner.synthesize(session);
        },
      };
      const own = Object.getOwnPropertyDescriptor(stack, 'synthesizer');
      installed.push({ stack, own, wrapper });
      if (own && !own.configurable) stack.synthesizer = wrapper;
      else Object.defineProperty(stack, 'synthesizer', { value: wrapper, writable: true, configurable: true, enumerable: true });
    }
    try {
      app.synth();
    } catch (error) {
      if (outcome !== undefined && outcome.kind !== 'written') return outcome;
      // Misuse found while app.synth() prepared the stacks (a token that throws it), before the check.
      if (outcome === undefined && error instanceof CampusConfigError) return { kind: 'misuse', error };
      throw error;
    }
  } finally {
    for (const { stack, own, wrapper } of installed) {
      // A synthesizer set on the stack meanwhile (by a validation, say) stays.
      if (Object.getOwnPropertyDescriptor(stack, 'synthesizer')?.value !== wrapper) continue;
      if (own && !own.configurable) stack.synthesizer = own.value;
      else if (own) Object.defineProperty(stack, 'synthesizer', own);
      else delete (stack as { synthesizer?: unknown }).synthesizer;
    }
  }
  if (outcome !== undefined) return outcome;
  // app.synth() synthesized no stack (an App subclass, or an app without stacks): checked now.
  return judged(() => collectValidationErrors(app));
}

/** Whether the runner can put its wrapper in place of `stack`'s synthesizer and put the stack's own back. */
function wrappable(stack: TerraformStack): boolean {
  const own = Object.getOwnPropertyDescriptor(stack, 'synthesizer');
  return own === undefined || own.configurable === true || own.writable === true;
}

/** The outcome of a check: its errors, or the misuse (a CampusConfigError) it threw. */
function judged(check: () => string[]): SynthOutcome {
  try {
    const errors = check();
    return errors.length > 0 ? { kind: 'refused', errors } : { kind: 'written' };
  } catch (error) {
    if (!(error instanceof CampusConfigError)) throw error;
    return { kind: 'misuse', error };
  }
}

/** Synthesizes an already built app; returns the process exit code. */
export function synthCampusApp(app: App, options: RunCampusAppOptions = {}): number {
  const out = options.stdout ?? ((t: string) => process.stdout.write(t));
  const err = options.stderr ?? ((t: string) => process.stderr.write(t));
  const campuses = app.node.findAll().filter(Campus.isCampus);
  // The check runs inside app.synth() (synthChecked). Misuse found only when the app is judged
  // (e.g. two rules with one id): one message, and the campuses' old output removed.
  const outcome = synthChecked(app);
  if (outcome.kind === 'misuse') {
    for (const campus of campuses) fs.rmSync(campusDir(app, campus), { recursive: true, force: true });
    err(`hybrid-campus: ${misuseLine(outcome.error)}\n`);
    return 1;
  }
  const errors = outcome.kind === 'refused' ? outcome.errors : [];
  if (errors.length > 0) {
    const writeBudgets = writeBudgetOnFailureEnabled(options);
    let rulesWritten = false;
    for (const campus of campuses) {
      const dir = campusDir(app, campus);
      fs.rmSync(dir, { recursive: true, force: true });
      if (writeBudgets) {
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, POWER_BUDGET_FILE_NAME), renderPowerBudget(campus.evaluate()));
        // With rule packs, the findings too (the errors that refused the synth among them).
        const rules = campus.renderRules();
        if (rules !== undefined) {
          fs.writeFileSync(path.join(dir, RULES_FILE_NAME), rules);
          rulesWritten = true;
        }
      }
    }
    out(campuses.map((c) => renderSummary(c.evaluate())).join('\n'));
    const files = rulesWritten ? `${POWER_BUDGET_FILE_NAME} and ${RULES_FILE_NAME} were` : `${POWER_BUDGET_FILE_NAME} was`;
    const written = writeBudgets ? `only ${files} written (${WRITE_BUDGET_ON_FAILURE_ENV}), no Terraform stack.` : 'nothing was written.';
    err(
      `hybrid-campus: synth refused: ${errors.length} check${errors.length === 1 ? '' : 's'} failed, ${written}\n` +
        errors.map((e) => `  ${e}\n`).join(''),
    );
    return 1;
  }
  out(campuses.map((c) => renderSummary(c.evaluate())).join('\n'));
  return 0;
}

/**
 * Builds the app with `build` and synthesizes it. Bad props (a CampusConfigError) are printed
 * as one message naming the construct, field, value and fix; other errors propagate.
 */
export function runCampusApp(build: (app: App) => void, options: RunCampusAppOptions = {}): number {
  const err = options.stderr ?? ((t: string) => process.stderr.write(t));
  const app = options.app ?? new App();
  // `build` is called here, not through a helper: cdktf captures a stack trace for every token the
  // app makes (kept for resolution errors), and each frame between the app and the provider's
  // classes is captured and formatted for each of them.
  try {
    build(app);
  } catch (error) {
    if (!(error instanceof CampusConfigError)) throw error;
    err(`hybrid-campus: ${misuseLine(error)}\n`);
    return 1;
  }
  return synthCampusApp(app, options);
}

/** A campus's output folder, as cdktf writes it. */
function campusDir(app: App, campus: Campus): string {
  return path.join(app.outdir, 'stacks', campus.node.id);
}
