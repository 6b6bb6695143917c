// Run by the smoke tests in the fresh project after synth: the package export
// "hybrid-campus/report" type-checks (with the project's tsconfig) and reads the budgets.
import { buildReport, loadBudgets, renderReportText, type PowerBudget } from 'hybrid-campus/report';

const budgets: PowerBudget[] = loadBudgets('cdktf.out').map((l) => l.budget);
process.stdout.write(renderReportText(buildReport(budgets)));
