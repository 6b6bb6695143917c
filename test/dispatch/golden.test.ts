/**
 * Golden outputs of campus dispatch: the phased conversion and the bundled examples over the
 * generated price series, in every format. Regenerate with `UPDATE_GOLDEN=1 npx jest test/dispatch`
 * and review the diff.
 */
import * as path from 'path';
import { runCli } from '../../cli/campus';
import { expectGolden } from '../report/golden';
import { synthVariant } from '../report/synth-examples';

const GENERATED = path.join(__dirname, '..', '..', 'examples', 'prices', 'generated-2024-06-07.csv');

function dispatch(variant: 'phased' | 'examples', format: string, extra: string[] = []): string {
  let stdout = '';
  let stderr = '';
  const status = runCli(['dispatch', synthVariant(variant), '--prices', GENERATED, '--hashprice-usd-per-ph-day', '39.53', '--pool-fee', '0.02', '--format', format, ...extra], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  expect(stderr).toBe('');
  expect(status).toBe(0);
  return stdout;
}

describe('campus dispatch golden outputs', () => {
  test.each(['text', 'md', 'json', 'svg'])('phased conversion, 2024 prices replayed on 2026, 4CP window, %s', (format) => {
    const ext = { text: 'txt', md: 'md', json: 'json', svg: 'svg' }[format];
    expectGolden(`dispatch-phased.${ext}`, dispatch('phased', format, ['--shift-years', '2', '--4cp-window', '15:00-18:00', '--min-on-intervals', '4', '--min-off-intervals', '2']));
  });

  test('bundled examples, text', () => {
    expectGolden('dispatch-examples.txt', dispatch('examples', 'text'));
  });
});
