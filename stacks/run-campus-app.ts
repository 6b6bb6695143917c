/**
 * The entry point for a campus app: builds it, checks every campus before anything is
 * written, synthesizes, and prints a power-budget summary per site.
 *
 * cdktf writes stacks one after another and validates each just before writing it, so a
 * failure in the second campus would leave the first one's files behind. This runner validates
 * every stack first, and on any failure writes nothing (and removes the campuses' old output,
 * so no stale power-budget.json survives a refused synth). Errors are printed as one line per
 * problem, never as a stack trace.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { CampusConfigError } from '../domain/config-error';
import { renderSummary } from '../domain/summary';
import { Campus } from './campus';

export interface RunCampusAppOptions {
  /** Where the summary goes. @default process.stdout */
  readonly stdout?: (text: string) => void;
  /** Where errors go. @default process.stderr */
  readonly stderr?: (text: string) => void;
  /** Props for the App (e.g. outdir in tests). @default cdktf's defaults, read from the CLI's environment */
  readonly app?: App;
}

/** Every validation error of every stack in the app, as "[construct path] message". */
export function collectValidationErrors(app: App): string[] {
  return app.node
    .findAll()
    .filter(TerraformStack.isStack)
    .flatMap((stack) => stack.node.findAll().flatMap((c) => c.node.validate().map((message) => `[${c.node.path}] ${message}`)));
}

/** Synthesizes an already built app; returns the process exit code. */
export function synthCampusApp(app: App, options: RunCampusAppOptions = {}): number {
  const out = options.stdout ?? ((t: string) => process.stdout.write(t));
  const err = options.stderr ?? ((t: string) => process.stderr.write(t));
  const campuses = app.node.findAll().filter(Campus.isCampus);
  const errors = collectValidationErrors(app);
  if (errors.length > 0) {
    for (const campus of campuses) {
      fs.rmSync(path.join(app.outdir, 'stacks', campus.node.id), { recursive: true, force: true });
    }
    out(campuses.map((c) => renderSummary(c.evaluate())).join('\n'));
    err(
      `hybrid-campus: synth refused: ${errors.length} check${errors.length === 1 ? '' : 's'} failed, nothing was written.\n` +
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
  try {
    build(app);
  } catch (error) {
    if (error instanceof CampusConfigError) {
      err(`hybrid-campus: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  return synthCampusApp(app, options);
}
