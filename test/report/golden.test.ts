import { runCli } from '../../cli/campus';
import { expectGolden } from './golden';
import { synthVariant, type Variant } from './synth-examples';

function cli(args: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe.each(['text', 'md', 'json'] as const)('golden outputs, --format %s', (format) => {
  const ext = format === 'text' ? 'txt' : format;

  test.each(['examples', 'second-hall', 'phased', 'phased-mid-n1', 'flexible'] as Variant[])('report on %s', (variant) => {
    const result = cli(['report', synthVariant(variant), '--format', format]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expectGolden(`report-${variant}.${ext}`, result.stdout);
  });

  test.each([
    ['examples', 'examples', 0],
    ['examples', 'more-mining', 1],
    ['examples', 'second-hall', 2],
    ['second-hall', 'examples', 1],
    ['phased', 'phased-mid-n1', 2],
  ] as [Variant, Variant, number][])('diff %s -> %s exits %d', (base, head, code) => {
    const result = cli(['diff', '--base', synthVariant(base), '--head', synthVariant(head), '--format', format]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(code);
    expectGolden(`diff-${base}-to-${head}.${ext}`, result.stdout);
  });
});
