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

/** Every validation error of every stack in the app, as "[construct path] message". */
export function collectValidationErrors(app: App): string[] {
  const stacks = app.node.findAll().filter(TerraformStack.isStack);
  // The tree app.synth() writes, in its order: every stack prepared (its backend, cross-stack
  // references), then each campus's aspects (once: the synth does not visit them again), so an
  // aspect's validation on what preparing adds is judged here, before anything is written.
  for (const stack of stacks) stack.prepareStack();
  for (const stack of stacks) if (Campus.isCampus(stack)) stack.invokeAspectsOnce();
  return stacks.flatMap((stack) => [
    ...stack.node.findAll().flatMap((c) => c.node.validate().map((message) => `[${c.node.path}] ${message}`)),
    // Rule packs and suppressions (stacks/campus.ts): judged on the stack's Terraform JSON, kept for writing it.
    ...(Campus.isCampus(stack) ? stack.ruleErrors() : []),
  ]);
}

/** Synthesizes an already built app; returns the process exit code. */
export function synthCampusApp(app: App, options: RunCampusAppOptions = {}): number {
  const out = options.stdout ?? ((t: string) => process.stdout.write(t));
  const err = options.stderr ?? ((t: string) => process.stderr.write(t));
  const campuses = app.node.findAll().filter(Campus.isCampus);
  // Misuse found only when the app is judged (e.g. two rules with one id): one message, nothing written.
  const checked = unlessConfigError(err, () => collectValidationErrors(app));
  if (!checked.ok) return 1;
  const errors = checked.value;
  if (errors.length > 0) {
    const writeBudgets = writeBudgetOnFailureEnabled(options);
    let rulesWritten = false;
    for (const campus of campuses) {
      const dir = path.join(app.outdir, 'stacks', campus.node.id);
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
  app.synth();
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
  if (!unlessConfigError(err, () => build(app)).ok) return 1;
  return synthCampusApp(app, options);
}

/** Runs `fn`; a CampusConfigError it throws is printed as one message (`ok: false`), any other error propagates. */
function unlessConfigError<T>(err: (text: string) => void, fn: () => T): { readonly ok: true; readonly value: T } | { readonly ok: false } {
  try {
    return { ok: true, value: fn() };
  } catch (error) {
    if (!(error instanceof CampusConfigError)) throw error;
    err(`hybrid-campus: ${error.message}\n`);
    return { ok: false };
  }
}
