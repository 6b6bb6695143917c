/**
 * The entry point for a campus app: builds it, checks every campus before anything is
 * written, synthesizes, and prints a power-budget summary per site.
 *
 * cdktf writes stacks one after another and validates each just before writing it, so a
 * failure in the second campus would leave the first one's files behind. This runner
 * synthesizes every stack into a staging folder inside the output folder, collecting each
 * stack's validation errors (cdktf's own validation, where cdktf runs it: after the aspects, on
 * the tree it writes) instead of stopping at the first, and moves the files into place only
 * when no stack was refused. On any failure it writes nothing (and removes the campuses' old
 * output, so no stale power-budget.json survives a refused synth). Errors are printed as one
 * line per problem, never as a stack trace.
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
import { App, Manifest, TerraformStack, type ISynthesisSession } from 'cdktf';
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
  // Inside the output folder, so that moving a file into place is a rename on one file system.
  fs.mkdirSync(app.outdir, { recursive: true });
  const staging = fs.mkdtempSync(path.join(app.outdir, STAGING_PREFIX));
  let errors: string[];
  try {
    errors = synthesizeInto(app, staging);
    if (errors.length === 0) moveInto(staging, app.outdir);
  } catch (error) {
    // Misuse found only when the app is judged (e.g. two rules with one id): one message, nothing written.
    printConfigError(err, error);
    return 1;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
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
  out(campuses.map((c) => renderSummary(c.evaluate())).join('\n'));
  return 0;
}

/** The name of the staging folder's prefix inside the output folder (removed before the runner returns). */
const STAGING_PREFIX = '.hybrid-campus-synth-';

/**
 * The synth: what app.synth() does (cdktf/lib/app.js), writing into `staging`, with every
 * stack's validation errors collected; returns them (and the app's own), empty when every stack
 * was written. Each resource is resolved twice, as by app.synth(): once by the prepare, once for
 * cdk.tf.json (which the rules judge).
 *
 * Before the prepare, the check (as this runner has always done): every stack gets its backend,
 * each campus's aspects run (once; the synth does not visit a construct again), and every
 * construct's validations run. So what an aspect or a validation adds or edits there, a
 * cross-stack reference among it, is prepared before it is written, and an aspect sees the
 * backend that preparing would add. The synth then validates again where cdktf does, on the
 * tree it writes: its errors decide, the check's only if the synth found none.
 */
function synthesizeInto(app: App, staging: string): string[] {
  const stacks = app.node.findAll().filter(TerraformStack.isStack);
  for (const stack of stacks) stack.ensureBackendExists();
  for (const stack of stacks) if (Campus.isCampus(stack)) stack.invokeAspectsOnce();
  const checkErrors = stacks.flatMap(constructErrors);
  const session: ISynthesisSession = { outdir: staging, skipValidation: false, manifest: new Manifest(app.manifest.version, staging, app.hclOutput) };
  for (const stack of stacks) stack.prepareStack();
  const errors = stacks.flatMap((stack) => synthesizeStack(stack, session));
  // app.synth()'s last check, the App's own validations.
  errors.push(...app.node.validate().map((message) => `[(app)] ${message}`));
  if (errors.length === 0 && checkErrors.length === 0) session.manifest.writeToFile();
  return errors.length > 0 ? errors : checkErrors;
}

/** Every construct's validation errors in `stack`, as cdktf's runAllValidations words them: "[construct path] message". */
function constructErrors(stack: TerraformStack): string[] {
  return stack.node.findAll().flatMap((c) => c.node.validate().map((message) => `[${c.node.path}] ${message}`));
}

/** Thrown by a stack's validation to stop its synthesis (nothing more of it is written) once its errors are collected. */
const REFUSED = Symbol('stack refused');

/**
 * Runs the stack's synthesizer into the session; returns the errors its validation found, in
 * which case the stack writes nothing more. A stack class with a validation of its own (neither
 * cdktf's nor a campus's) is run as app.synth() runs it: its error propagates.
 */
function synthesizeStack(stack: TerraformStack, session: ISynthesisSession): string[] {
  const validate = Campus.isCampus(stack)
    ? () => stack.validationErrors()
    : stack.runAllValidations === TerraformStack.prototype.runAllValidations
      ? () => constructErrors(stack)
      : undefined;
  if (!validate) {
    stack.synthesizer.synthesize(session);
    return [];
  }
  let errors: string[] = [];
  // The stack synthesizer calls runAllValidations after the aspects, before writing anything of the stack.
  Object.defineProperty(stack, 'runAllValidations', {
    configurable: true,
    value: () => {
      errors = validate();
      if (errors.length > 0) throw REFUSED;
    },
  });
  try {
    stack.synthesizer.synthesize(session);
  } catch (error) {
    if (error !== REFUSED) throw error;
  } finally {
    delete (stack as { runAllValidations?: unknown }).runAllValidations;
  }
  return errors;
}

/**
 * Moves every file the synth wrote from `staging` to the same place in `outdir`, replacing a
 * file there and keeping the others (as app.synth() writes over an output folder), manifest.json
 * last. An asset's folder (stacks/<stack>/assets/<asset>) is replaced whole, as cdktf's
 * TerraformAsset removes its previous versions.
 */
function moveInto(staging: string, outdir: string): void {
  const move = (rel: string): void => {
    const from = path.join(staging, rel);
    const to = path.join(outdir, rel);
    if (fs.statSync(from).isDirectory() && !ASSET_FOLDER.test(rel.split(path.sep).join('/'))) {
      if (fs.existsSync(to) && !fs.statSync(to).isDirectory()) fs.rmSync(to);
      fs.mkdirSync(to, { recursive: true });
      for (const name of fs.readdirSync(from).sort()) move(path.join(rel, name));
      return;
    }
    fs.rmSync(to, { recursive: true, force: true });
    fs.renameSync(from, to);
  };
  for (const name of fs.readdirSync(staging).sort()) if (name !== Manifest.fileName) move(name);
  move(Manifest.fileName);
}

/** An asset's folder in the output, replaced whole when a synth writes it. */
const ASSET_FOLDER = /^stacks\/[^/]+\/assets\/[^/]+$/;

/**
 * Builds the app with `build` and synthesizes it. Bad props (a CampusConfigError) are printed
 * as one message naming the construct, field, value and fix; other errors propagate.
 */
export function runCampusApp(build: (app: App) => void, options: RunCampusAppOptions = {}): number {
  const err = options.stderr ?? ((t: string) => process.stderr.write(t));
  const app = options.app ?? new App();
  // `build` is called here, not through a helper: cdktf captures a stack trace for each token
  // the build creates (every resource makes dozens), and each frame on the stack costs.
  try {
    build(app);
  } catch (error) {
    printConfigError(err, error);
    return 1;
  }
  return synthCampusApp(app, options);
}

/** Prints a CampusConfigError as one message; rethrows any other error. */
function printConfigError(err: (text: string) => void, error: unknown): void {
  if (!(error instanceof CampusConfigError)) throw error;
  err(`hybrid-campus: ${error.message}\n`);
}
