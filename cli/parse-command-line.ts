/**
 * Parses `campus` arguments with node's util.parseArgs, and turns every mistake into a
 * UsageError with a message of our own (node's wording differs between versions).
 */
import { parseArgs } from 'util';

export type OutputFormat = 'text' | 'md' | 'json';

export type Command =
  | { readonly command: 'help' }
  | { readonly command: 'version' }
  | { readonly command: 'report'; readonly target: string; readonly format: OutputFormat }
  | { readonly command: 'diff'; readonly base: string; readonly head: string; readonly format: OutputFormat; readonly allowEmptyBase: boolean };

/** A mistake on the command line; the CLI prints it and exits with EXIT_USAGE. */
export class UsageError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

const OPTIONS = {
  format: { type: 'string' },
  base: { type: 'string' },
  head: { type: 'string' },
  'allow-empty-base': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

const ALLOWED: Record<string, readonly string[]> = {
  report: ['format', 'help'],
  diff: ['format', 'base', 'head', 'allow-empty-base', 'help'],
  '': ['help', 'version'],
};

const FORMATS: readonly OutputFormat[] = ['text', 'md', 'json'];

/** The default folder `campus report` reads. */
export const DEFAULT_REPORT_DIR = 'cdktf.out';

/** Parses the arguments after `campus`. */
export function parseCommandLine(args: readonly string[]): Command {
  const { tokens } = parseArgs({ args: [...args], options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  const positionals = tokens.filter((t) => t.kind === 'positional').map((t) => t.value);
  const command = positionals[0] ?? '';
  if (!(command in ALLOWED)) throw new UsageError(`unknown command '${command}'; run campus --help`);
  const values: Record<string, string | boolean> = {};
  for (const t of tokens) {
    if (t.kind === 'option-terminator') throw new UsageError(`'--' is not supported; run campus --help`);
    if (t.kind !== 'option') continue;
    if (!ALLOWED[command].includes(t.name)) {
      throw new UsageError(`unknown option ${t.rawName}${command ? ` for '${command}'` : ''}; run campus --help`);
    }
    if (OPTIONS[t.name as keyof typeof OPTIONS].type === 'string') {
      if (t.value === undefined || t.value === '' || (!t.inlineValue && t.value.startsWith('-'))) throw new UsageError(`option ${t.rawName} needs a value`);
      values[t.name] = t.value;
    } else {
      if (t.value !== undefined) throw new UsageError(`option ${t.rawName} takes no value`);
      values[t.name] = true;
    }
  }
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };
  if (command === '') throw new UsageError('missing command (report or diff); run campus --help');
  const format = (values.format ?? 'text') as OutputFormat;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be text, md or json (got '${values.format}')`);
  const rest = positionals.slice(1);
  if (command === 'report') {
    if (rest.length > 1) throw new UsageError(`report takes at most one path (got ${rest.length})`);
    return { command, target: rest[0] ?? DEFAULT_REPORT_DIR, format };
  }
  if (rest.length > 0) throw new UsageError(`diff takes no positional arguments (got '${rest[0]}'); use --base and --head`);
  if (typeof values.base !== 'string' || typeof values.head !== 'string') throw new UsageError('diff needs --base <dir|file> and --head <dir|file>');
  return { command: 'diff', base: values.base, head: values.head, format, allowEmptyBase: values['allow-empty-base'] === true };
}
