/**
 * The `campus` command: `campus report` and `campus diff` over the power-budget.json files
 * that `cdktf synth` writes, and `campus dispatch` over its campus-model.json files and a price
 * series (`campus diff` also compares two dispatch reports). bin/campus.js loads this file (through scripts/register-ts.js in a checkout of
 * hybrid-campus, compiled from dist/ in an installed package) and calls `main`.
 */
import { escapeText } from '../domain/config-error';
import { InputError } from '../report/input-error';
import { hasBudgets, loadBudgets } from '../report/load-budget';
import { buildReport, renderReportJson } from '../report/report';
import { renderReportMarkdown } from '../report/report-markdown';
import { renderReportText } from '../report/report-text';
import { diffBudgets, renderDiffJson } from '../report/diff';
import { renderDiffMarkdown } from '../report/diff-markdown';
import { renderDiffText } from '../report/diff-text';
import { runDispatch } from '../report/dispatch/run-dispatch';
import { renderDispatchMarkdown, renderDispatchText } from '../report/dispatch/render-text';
import { renderDispatchJson } from '../report/dispatch/dispatch-report';
import { priceDurationSvg } from '../report/dispatch/price-duration-svg';
import { diffDispatchFiles, isDispatchReportFile, renderDispatchDiffJson, renderDispatchDiffMarkdown, renderDispatchDiffText } from '../report/dispatch/dispatch-diff';
import { EXIT_BAD_INPUT, EXIT_CHANGED, EXIT_OK, EXIT_USAGE, exitCodeForDiff } from './exit-codes';
import { parseCommandLine, UsageError, type Command } from './parse-command-line';
import { USAGE } from './usage';
import { packageVersion } from './version';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

function execute(command: Command, io: CliIo): number {
  switch (command.command) {
    case 'help':
      io.stdout(USAGE);
      return EXIT_OK;
    case 'version':
      io.stdout(`${packageVersion()}\n`);
      return EXIT_OK;
    case 'report': {
      const budgets = loadBudgets(command.target).map((l) => l.budget);
      const render = { text: () => renderReportText(buildReport(budgets)), md: () => renderReportMarkdown(budgets), json: () => renderReportJson(buildReport(budgets)) };
      io.stdout(render[command.format]());
      return EXIT_OK;
    }
    case 'diff': {
      if (isDispatchReportFile(command.base) || isDispatchReportFile(command.head)) {
        const diff = diffDispatchFiles(command.base, command.head);
        const render = { text: renderDispatchDiffText, md: renderDispatchDiffMarkdown, json: renderDispatchDiffJson };
        io.stdout(render[command.format](diff));
        return diff.changed ? EXIT_CHANGED : EXIT_OK;
      }
      const base = command.allowEmptyBase && !hasBudgets(command.base) ? [] : loadBudgets(command.base).map((l) => l.budget);
      const head = loadBudgets(command.head).map((l) => l.budget);
      const diff = diffBudgets(base, head);
      const render = { text: renderDiffText, md: renderDiffMarkdown, json: renderDiffJson };
      io.stdout(render[command.format](diff));
      return exitCodeForDiff(diff.result);
    }
    case 'dispatch': {
      const report = runDispatch(command);
      const render = {
        text: () => renderDispatchText(report),
        md: () => renderDispatchMarkdown(report),
        json: () => renderDispatchJson(report),
        svg: () => priceDurationSvg(report, report.durationCurve!),
      };
      io.stdout(render[command.format]());
      return EXIT_OK;
    }
  }
}

/**
 * Runs `campus` with the arguments after the command name and returns the exit code. Bad input
 * and usage errors print one line ("campus: ...") on stderr, never a stack trace.
 */
export function runCli(args: readonly string[], io: CliIo): number {
  try {
    return execute(parseCommandLine(args), io);
  } catch (error) {
    // One line, whatever the paths and names in the message hold (line breaks, terminal escapes).
    if (error instanceof UsageError) {
      io.stderr(`campus: ${escapeText(error.message)}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof InputError) {
      io.stderr(`campus: ${escapeText(error.message)}\n`);
      return EXIT_BAD_INPUT;
    }
    throw error;
  }
}

/** The bin's entry: process arguments in, exit code out. */
export function main(argv: readonly string[] = process.argv.slice(2)): number {
  return runCli(argv, { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) });
}
