import { diffBudgets } from '../../report/diff';
import { DIFF_MARKER, GITHUB_COMMENT_LIMIT, LIST_LIMIT, renderDiffMarkdown } from '../../report/diff-markdown';
import { bus, campus, cooling, feed, pod } from '../domain/fixtures';
import { budgetOf } from './budget-fixtures';

/** A site with `buses` buses of one pod each; `podKw` per pod. */
function bigSite(buses: number, podKw: number) {
  const names = Array.from({ length: buses }, (_, i) => `bus-${String(i).padStart(4, '0')}`);
  return budgetOf(
    campus({
      interconnectLimitKw: 1e9,
      buses: names.map((n) => bus(n, [feed(`${n}-f`, 10_000)])),
      coolingSystems: [cooling('air', names[0], { model: 'fixed', powerKw: 10 }, 1e9)],
      miningPods: names.map((n) => pod(`pod-${n}`, n, 'air', podKw)),
    }),
  );
}

describe('diff as a pull-request comment', () => {
  test('starts with the hidden marker and keeps a small diff whole', () => {
    const md = renderDiffMarkdown(diffBudgets([bigSite(3, 1_000)], [bigSite(3, 2_000)]));
    expect(md.split('\n')[0]).toBe(DIFF_MARKER);
    expect(DIFF_MARKER).toBe('<!-- hybrid-campus:power-budget-diff -->');
    expect(md.match(/<details>/g)).toHaveLength(3);
    expect(md).not.toContain('left out');
  });

  test('a huge diff stays under GitHub\'s comment limit: lists capped, bus details cut with a note', () => {
    const diff = diffBudgets([bigSite(2_000, 1_000)], [bigSite(2_000, 2_000)]);
    const md = renderDiffMarkdown(diff);
    expect(GITHUB_COMMENT_LIMIT).toBe(65_536);
    expect(md.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    const shown = md.match(/<details>/g)!.length;
    expect(shown).toBeGreaterThan(10);
    expect(shown).toBeLessThan(2_000);
    expect(md).toContain(
      `_${2_000 - shown} of 2000 bus details left out to stay under GitHub's 65,536-character comment limit; run \`campus diff\` locally for all of them._`,
    );
    expect(md.match(/^- \*\*site\*\*: /gm)).toHaveLength(LIST_LIMIT);
    expect(md).toContain(`- ... and ${2_000 - LIST_LIMIT} more (run \`campus diff\` locally for the full list)`);
    expect(md.endsWith('\n')).toBe(true);
  });

  test('a smaller limit cuts even the head of the comment at a line, with a note', () => {
    const md = renderDiffMarkdown(diffBudgets([bigSite(200, 1_000)], [bigSite(200, 2_000)]), 2_000);
    expect(md.length).toBeLessThanOrEqual(2_000);
    expect(md.startsWith(`${DIFF_MARKER}\n`)).toBe(true);
    expect(md.endsWith("_Comment cut to stay under GitHub's comment limit; run `campus diff` locally for the full diff._\n")).toBe(true);
  });

  test('is deterministic', () => {
    const render = () => renderDiffMarkdown(diffBudgets([bigSite(50, 1_000)], [bigSite(60, 1_500)]));
    expect(render()).toBe(render());
  });
});
