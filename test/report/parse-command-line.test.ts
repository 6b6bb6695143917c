import { DEFAULT_REPORT_DIR, parseCommandLine, UsageError } from '../../cli/parse-command-line';

function usageError(args: string[]): string {
  try {
    parseCommandLine(args);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('expected a UsageError');
}

describe('campus command line', () => {
  test('report defaults to cdktf.out and text', () => {
    expect(DEFAULT_REPORT_DIR).toBe('cdktf.out');
    expect(parseCommandLine(['report'])).toEqual({ command: 'report', target: 'cdktf.out', format: 'text' });
    expect(parseCommandLine(['report', 'out', '--format=md'])).toEqual({ command: 'report', target: 'out', format: 'md' });
  });

  test('diff takes --base and --head in any order', () => {
    expect(parseCommandLine(['diff', '--head', 'h', '--base', 'b', '--format', 'json'])).toEqual({ command: 'diff', base: 'b', head: 'h', format: 'json', allowEmptyBase: false });
    expect(parseCommandLine(['diff', '--base', 'b', '--head', 'h', '--allow-empty-base'])).toEqual({ command: 'diff', base: 'b', head: 'h', format: 'text', allowEmptyBase: true });
  });

  test('--version and -v, alone', () => {
    expect(parseCommandLine(['--version'])).toEqual({ command: 'version' });
    expect(parseCommandLine(['-v'])).toEqual({ command: 'version' });
  });

  test('help wins over everything else', () => {
    expect(parseCommandLine(['-h'])).toEqual({ command: 'help' });
    expect(parseCommandLine(['diff', '--help'])).toEqual({ command: 'help' });
  });

  test.each([
    [['report', '--format'], 'option --format needs a value'],
    [['report', '--format', '--help'], 'option --format needs a value'],
    [['report', '--help=yes'], 'option --help takes no value'],
    [['report', 'a', 'b'], 'report takes at most one path (got 2)'],
    [['report', '--base', 'x'], "unknown option --base for 'report'; run campus --help"],
    [['--format', 'md'], 'unknown option --format; run campus --help'],
    [['diff', 'a', '--base', 'b', '--head', 'c'], "diff takes no positional arguments (got 'a'); use --base and --head"],
    [['diff', '--head', 'h'], 'diff needs --base <dir|file> and --head <dir|file>'],
    [['report', '--', 'x'], "'--' is not supported; run campus --help"],
    [['report', '--version'], "unknown option --version for 'report'; run campus --help"],
    [['report', '--allow-empty-base'], "unknown option --allow-empty-base for 'report'; run campus --help"],
    [['diff', '--base', 'b', '--head', 'h', '--allow-empty-base=yes'], 'option --allow-empty-base takes no value'],
  ])('%j: %s', (args, message) => {
    expect(usageError(args)).toBe(message);
  });
});
