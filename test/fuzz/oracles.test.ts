/**
 * The fuzz suite's oracles catch what they are meant to catch (so a clean run means something).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { outputProblems, unreadableReason } from './oracles';

describe('unreadableReason', () => {
  test.each<[string, string | undefined]>([
    ['hybrid-campus: [site/pod-1] invalid property: count = -1: must be at least 1 (powered miners)\n', undefined],
    ['hybrid-campus: synth refused: 1 check failed, nothing was written.\n  [site/bus] contingency ...\n', undefined],
    ['hybrid-campus: [site/pod-1] invalid property: count = {}: [object Object]\n', 'holds "[object Object]"'],
    ['hybrid-campus: [site/pod-1] invalid property: vendor = 5: Invalid input: expected string, received number\n', 'holds "Invalid input"'],
    ['hybrid-campus: [site/pod-1] invalid property: name = "[object Object]": must be a label\n', undefined],
    ['hybrid-campus: something went wrong\n', 'does not say where ("[construct path] ...")'],
    ['hybrid-campus: [site/pod\nx] invalid\n', 'is split over several lines'],
    ['hybrid-campus: [site] \u001b[31mred\n', 'holds raw control characters'],
    ['TypeError: x is not a function\n', 'does not start with "hybrid-campus: "'],
    ['hybrid-campus: synth refused: 1 check failed, nothing was written.\n  no location\n', 'has a line that does not say where:   no location'],
    [`hybrid-campus: [a] ${'x'.repeat(5_000)}\n`, 'has a line of 5019 characters'],
  ])('case %#', (stderr, reason) => {
    expect(unreadableReason(stderr)).toBe(reason);
  });
});

describe('outputProblems', () => {
  function outdir(tf: unknown, budget: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fuzz-oracle-'));
    fs.mkdirSync(path.join(dir, 'stacks', 'site'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'stacks', 'site', 'cdk.tf.json'), JSON.stringify(tf));
    fs.writeFileSync(path.join(dir, 'stacks', 'site', 'power-budget.json'), budget);
    return dir;
  }

  test('bad Kubernetes names, NaN, an unreadable budget and raw escapes in the summary', () => {
    const tf = { resource: { x: { y: { metadata: { name: 'a/b', labels: { l: 'x'.repeat(64) } }, data: { 'plan.json': '{' } } } } };
    const problems = outputProblems(outdir(tf, '{"format":"hybrid-campus/power-budget","formatVersion":1,"x":NaN}'), 'ok \u001b[31m', '');
    expect(problems).toEqual([
      'the summary holds raw control characters',
      'site/cdk.tf.json: .resource.x.y.metadata.name "a/b" is not a Kubernetes name',
      `site/cdk.tf.json: .resource.x.y.metadata.labels.l = "${'x'.repeat(64)}" is not a label value`,
      'site/cdk.tf.json: .resource.x.y.data.plan.json is not valid JSON',
      expect.stringMatching(/^campus report cannot read site\/power-budget.json: .*not valid JSON/),
    ]);
  });

  test('no stack at all', () => {
    expect(outputProblems(fs.mkdtempSync(path.join(os.tmpdir(), 'fuzz-oracle-')), '', '')).toEqual(['no stack was written']);
  });
});
