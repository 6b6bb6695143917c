/**
 * Reads and validates power-budget.json files for `campus report` and `campus diff`.
 *
 * A target is a cdktf output folder (every `stacks/<site>/power-budget.json` in it), a stack
 * folder holding a power-budget.json, or one power-budget.json file. Every problem becomes an
 * InputError with one line that names the file.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { ZodError } from 'zod';
import { POWER_BUDGET_FILE_NAME, POWER_BUDGET_FORMAT, POWER_BUDGET_FORMAT_VERSION } from '../domain/power-budget-file';
import { powerBudgetSchema, type PowerBudget } from './budget-schema';
import { InputError } from './input-error';

export interface LoadedBudget {
  /** The file it was read from, as given (relative paths stay relative). */
  readonly file: string;
  readonly budget: PowerBudget;
}

function show(value: unknown): string {
  return value === undefined ? 'missing' : JSON.stringify(value);
}

function firstIssue(error: ZodError): string {
  const issue = error.issues[0];
  const where = issue.path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('').replace(/^\./, '');
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : '';
  return `${where || '(document)'}: ${issue.message}${more}`;
}

/**
 * Parses one power-budget.json document. Checks, in order: valid JSON, the format name, the
 * format version, then every field the reports read.
 */
export function parseBudget(file: string, text: string): PowerBudget {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new InputError(`${file}: not valid JSON; re-run cdktf synth to rewrite it`);
  }
  const header = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  if (header.format !== POWER_BUDGET_FORMAT) {
    throw new InputError(`${file}: not a hybrid-campus power budget (format is ${show(header.format)}, expected "${POWER_BUDGET_FORMAT}")`);
  }
  if (header.formatVersion !== POWER_BUDGET_FORMAT_VERSION) {
    const version = header.formatVersion;
    const upgrade = typeof version === 'number' && version > POWER_BUDGET_FORMAT_VERSION ? '; upgrade hybrid-campus' : '';
    throw new InputError(
      `${file}: formatVersion ${show(version)} is not supported (this campus understands ${POWER_BUDGET_FORMAT_VERSION})${upgrade}`,
    );
  }
  const parsed = powerBudgetSchema.safeParse(data);
  if (!parsed.success) throw new InputError(`${file}: invalid power budget: ${firstIssue(parsed.error)}`);
  return parsed.data;
}

function budgetFilesIn(dir: string): string[] {
  const direct = path.join(dir, POWER_BUDGET_FILE_NAME);
  if (fs.existsSync(direct)) return [direct];
  const stacks = path.join(dir, 'stacks');
  if (!fs.existsSync(stacks)) return [];
  return fs
    .readdirSync(stacks, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((site) => path.join(stacks, site, POWER_BUDGET_FILE_NAME))
    .filter((file) => fs.existsSync(file));
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
  }
}

/**
 * Whether `target` holds any power budget: false for a missing path or a folder without
 * power-budget.json (the base of the first pull request that adds a campus).
 */
export function hasBudgets(target: string): boolean {
  if (!fs.existsSync(target)) return false;
  return !fs.statSync(target).isDirectory() || budgetFilesIn(target).length > 0;
}

/**
 * Loads every power budget at `target` (a cdktf output folder, a stack folder or a file),
 * sorted by site name. Throws an InputError for a missing path, a folder without budgets,
 * a bad file, or a site that appears twice.
 */
export function loadBudgets(target: string): LoadedBudget[] {
  if (!fs.existsSync(target)) throw new InputError(`${target}: no such file or directory`);
  const files = fs.statSync(target).isDirectory() ? budgetFilesIn(target) : [target];
  if (files.length === 0) {
    throw new InputError(
      `${target}: no ${POWER_BUDGET_FILE_NAME} found (expected ${path.join(target, 'stacks', '<site>', POWER_BUDGET_FILE_NAME)}); run cdktf synth first`,
    );
  }
  const loaded = files.map((file) => ({ file, budget: parseBudget(file, readText(file)) }));
  loaded.sort((a, b) => (a.budget.site.name < b.budget.site.name ? -1 : a.budget.site.name > b.budget.site.name ? 1 : 0));
  for (let i = 1; i < loaded.length; i++) {
    if (loaded[i].budget.site.name === loaded[i - 1].budget.site.name) {
      throw new InputError(`${target}: site '${loaded[i].budget.site.name}' appears twice (${loaded[i - 1].file} and ${loaded[i].file})`);
    }
  }
  return loaded;
}
