/**
 * hybrid-campus/report: read power-budget.json files and render reports and diffs, as the
 * `campus` command does, from your own scripts. Only reads files; pulls in no cdktf.
 *
 * ```ts
 * import { buildReport, loadBudgets, renderReportText } from 'hybrid-campus/report';
 * const budgets = loadBudgets('cdktf.out').map((l) => l.budget);
 * process.stdout.write(renderReportText(buildReport(budgets)));
 * ```
 */
export { powerBudgetSchema, POWER_BUDGET_SCHEMA_FILE_NAME } from './budget-schema';
export type {
  PowerBudget,
  BusBudget,
  ScenarioBudget,
  LoadByClass,
  CheckResult,
  CheckStatus,
  MiningPodLoad,
  GpuHallLoad,
  TimelineEntry,
} from './budget-schema';
export { InputError } from './input-error';
export { loadBudgets, parseBudget, type LoadedBudget } from './load-budget';
export {
  buildReport,
  renderReportJson,
  REPORT_FORMAT,
  REPORT_FORMAT_VERSION,
  type CampusReport,
  type SiteReport,
  type BusReport,
  type ScenarioRow,
  type TimelineRow,
  type CappedPodRow,
} from './report';
export { renderReportText } from './report-text';
export { renderReportMarkdown } from './report-markdown';
export {
  diffBudgets,
  renderDiffJson,
  DIFF_FORMAT,
  DIFF_FORMAT_VERSION,
  type CampusDiff,
  type SiteDiff,
  type BusDiff,
  type ScenarioDiff,
  type SiteFigures,
  type ScenarioFigures,
  type Change,
  type DiffResult,
} from './diff';
export { renderDiffText } from './diff-text';
export { renderDiffMarkdown, DIFF_MARKER, GITHUB_COMMENT_LIMIT } from './diff-markdown';
export { POWER_BUDGET_FILE_NAME, POWER_BUDGET_FORMAT, POWER_BUDGET_FORMAT_VERSION } from './power-budget-file';
