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
import { POWER_BUDGET_FILE_NAME, POWER_BUDGET_FORMAT } from './power-budget-file';
import { POWER_BUDGET_SCHEMAS, READABLE_FORMAT_VERSIONS, normalizeBudget, type PowerBudget, type ReadableFormatVersion } from './budget-schema';
import { budgetConsistencyProblems } from './budget-consistency';
import { InputError } from './input-error';
import { attachRules } from './rules-findings';

/** The largest power-budget.json read, in bytes; synth writes far less (format version 3: about 4.3 MB for 10,000 auto-capped pods over 200 dates). */
export const MAX_BUDGET_BYTES = 64 * 1024 * 1024;

export interface LoadedBudget {
  /** The file it was read from, as given (relative paths stay relative). */
  readonly file: string;
  readonly budget: PowerBudget;
}

function show(value: unknown): string {
  if (value === undefined) return 'missing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function firstIssue(error: ZodError): string {
  const issue = error.issues[0];
  const where = issue.path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('').replace(/^\./, '');
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : '';
  return `${where || '(document)'}: ${issue.message}${more}`;
}

/** "1 and 2", "1, 2 and 3". */
function versionList(versions: readonly number[]): string {
  return versions.length === 1 ? String(versions[0]) : `${versions.slice(0, -1).join(', ')} and ${versions[versions.length - 1]}`;
}

function isReadable(version: unknown): version is ReadableFormatVersion {
  return (READABLE_FORMAT_VERSIONS as readonly unknown[]).includes(version);
}

/**
 * Parses one power-budget.json document of any readable format version (budget-schema.ts) into
 * the normalized shape. Checks, in order: valid JSON, the format name, the format version, then
 * every field the reports read.
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
  const version = header.formatVersion;
  if (!isReadable(version)) {
    const newest = Math.max(...READABLE_FORMAT_VERSIONS);
    const upgrade = typeof version === 'number' && version > newest ? '; upgrade hybrid-campus' : '';
    throw new InputError(
      `${file}: formatVersion ${show(version)} is not supported (this campus understands ${versionList(READABLE_FORMAT_VERSIONS)})${upgrade}`,
    );
  }
  const parsed = POWER_BUDGET_SCHEMAS[version].safeParse(data);
  if (!parsed.success) throw new InputError(`${file}: invalid power budget (formatVersion ${version}): ${firstIssue(parsed.error)}`);
  const problems = budgetConsistencyProblems(data);
  if (problems.length > 0) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    throw new InputError(`${file}: the power budget does not add up: ${problems[0]}${more}; it was edited or is corrupt, re-run cdktf synth`);
  }
  return normalizeBudget(parsed.data);
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

/**
 * Reads a file that must be a regular file of at most MAX_BUDGET_BYTES. Opened without blocking
 * and checked before reading, so a FIFO without a writer or a device (/dev/zero, through a
 * symlink) is refused at once instead of hanging.
 */
function readText(file: string): string {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) {
      throw new InputError(`${file}: is not a regular file (${kindOf(stat)}); give a power-budget.json file or a cdktf output folder`);
    }
    if (stat.size > MAX_BUDGET_BYTES) {
      throw new InputError(`${file}: is ${stat.size} bytes, more than the ${MAX_BUDGET_BYTES} bytes a power budget may have; is it the right file?`);
    }
    const buffer = Buffer.alloc(Math.min(stat.size, MAX_BUDGET_BYTES) + 1);
    let length = 0;
    for (;;) {
      const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length === buffer.length) {
        throw new InputError(`${file}: grew while being read, past ${buffer.length - 1} bytes; read it again when it is complete`);
      }
    }
    return buffer.subarray(0, length).toString('utf8');
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a file';
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
  // readText refuses anything that is not a regular file.
  if (files.length === 0) {
    throw new InputError(
      `${target}: no ${POWER_BUDGET_FILE_NAME} found (expected ${path.join(target, 'stacks', '<site>', POWER_BUDGET_FILE_NAME)}); run cdktf synth first`,
    );
  }
  const loaded = files.map((file) => {
    const budget = parseBudget(file, readText(file));
    // The site's rule findings (rules.json beside it), when synth ran rule packs.
    attachRules(budget, file);
    return { file, budget };
  });
  loaded.sort((a, b) => (a.budget.site.name < b.budget.site.name ? -1 : a.budget.site.name > b.budget.site.name ? 1 : 0));
  for (let i = 1; i < loaded.length; i++) {
    if (loaded[i].budget.site.name === loaded[i - 1].budget.site.name) {
      throw new InputError(`${target}: site '${loaded[i].budget.site.name}' appears twice (${loaded[i - 1].file} and ${loaded[i].file})`);
    }
  }
  return loaded;
}
