/**
 * `campus report` and `campus diff` read power-budget.json versions 1, 2 (issue 9) and 3 (issue
 * 12), and say clearly which they cannot. The version-1 and version-2 files are fixtures written
 * by those writers (see version-fixtures.ts); the version-3 files come from today's writer.
 */
import { READABLE_FORMAT_VERSIONS } from '../../report/budget-schema';
import { diffBudgets, diffBus, type ScenarioDiff } from '../../report/diff';
import { renderDiffMarkdown } from '../../report/diff-markdown';
import { renderDiffText } from '../../report/diff-text';
import { parseBudget } from '../../report/load-budget';
import { POWER_BUDGET_FORMAT_VERSION } from '../../report/power-budget-file';
import { buildReport, renderReportJson, SITE_SCENARIO_LIMIT } from '../../report/report';
import { renderReportMarkdown } from '../../report/report-markdown';
import { renderReportText } from '../../report/report-text';
import { bus, campus, cooling, feed, hall } from '../domain/fixtures';
import { budgetOf } from './budget-fixtures';
import { expectGolden } from './golden';
import { fourBuses, v1FourBusesText, v2DatedCapsText, v2FourBusesText } from './version-fixtures';
import { errorOf } from './error-of';

const v1 = () => parseBudget('v1.json', v1FourBusesText());
const v2 = () => parseBudget('v2.json', v2FourBusesText());
const v3 = () => budgetOf(fourBuses());


/** [id, pairedBy, base label, head label] per scenario of one bus. */
function pairs(scenarios: readonly ScenarioDiff[]): (string | undefined)[][] {
  return scenarios.map((s) => [s.id, s.pairedBy, s.base?.label, s.head?.label]);
}

describe('format versions', () => {
  test('the writer writes a version the reader reads', () => {
    expect(READABLE_FORMAT_VERSIONS).toContain(POWER_BUDGET_FORMAT_VERSION);
    expect(JSON.parse(v1FourBusesText()).formatVersion).toBe(1);
    expect(JSON.parse(v2FourBusesText()).formatVersion).toBe(2);
    expect(JSON.parse(v2DatedCapsText()).formatVersion).toBe(2);
    expect(v3().formatVersion).toBe(3);
  });

  test('a version-1 file reads, normalized: ids are the kind, lostFeed becomes lostFeeds, no site scenarios', () => {
    const budget = v1();
    expect(budget.formatVersion).toBe(1);
    expect(budget.scenarios).toEqual([]);
    expect(budget.buses.map((b) => [b.name, b.scenarios.map((s) => [s.id, s.label, s.lostFeeds])])).toEqual([
      ['ab', [['normal', 'normal', undefined], ['contingency', '2N (lose side B)', ['ab-b1', 'ab-b2']]]],
      ['ai', [['normal', 'normal', undefined], ['contingency', 'N+1 (lose ai-2)', ['ai-2']]]],
      ['dual', [['normal', 'normal', undefined], ['contingency', '2N (lose one side)', undefined]]],
      ['gen', [['normal', 'normal', undefined]]],
    ]);
    expect(budget.buses[0].scenarios[0].load).toEqual({ firmItKw: 20_000, interruptibleItKw: 0, coolingKw: 2_000, auxiliaryKw: 0, totalKw: 22_000, grossKw: 0, overheadKw: 0 });
  });

  test('a version-2 file reads with one contingency per loss event and the site scenarios', () => {
    const budget = v2();
    expect(budget.formatVersion).toBe(2);
    expect(budget.buses.map((b) => [b.name, b.scenarios.map((s) => s.id)])).toEqual([
      ['ab', ['normal', 'lose-side:A', 'lose-side:B']],
      ['ai', ['normal', 'lose-feed:ai-1', 'lose-feed:ai-2', 'lose-feed:ai-3']],
      ['dual', ['normal', 'lose-side:worst']],
      ['gen', ['normal', 'lose-feed:gen-grid', 'lose-feed:gen-set']],
    ]);
    expect(budget.scenarios.map((s) => [s.id, s.gridImportKw, s.generationKw])).toEqual([
      ['normal', 108_200, 10_000],
      ['ab/lose-side:A', 104_500, 10_000],
      ['ab/lose-side:B', 104_500, 10_000],
      ['ai/lose-feed:ai-1', 104_500, 10_000],
      ['ai/lose-feed:ai-2', 104_500, 10_000],
      ['ai/lose-feed:ai-3', 104_500, 10_000],
      ['dual/lose-side:worst', 104_500, 10_000],
      ['gen/lose-feed:gen-grid', 104_500, 10_000],
      ['gen/lose-feed:gen-set', 105_000, 0],
    ]);
  });

  test('unknown versions: one line naming the file, the version and the versions understood', () => {
    const doc = JSON.parse(v1FourBusesText());
    expect(errorOf(() => parseBudget('site/power-budget.json', JSON.stringify({ ...doc, formatVersion: 4 })))).toBe(
      'site/power-budget.json: formatVersion 4 is not supported (this campus understands 1, 2 and 3); upgrade hybrid-campus',
    );
    expect(errorOf(() => parseBudget('x.json', JSON.stringify({ ...doc, formatVersion: 1.5 })))).toBe(
      'x.json: formatVersion 1.5 is not supported (this campus understands 1, 2 and 3)',
    );
    expect(errorOf(() => parseBudget('x.json', JSON.stringify({ ...doc, formatVersion: undefined })))).toBe(
      'x.json: formatVersion missing is not supported (this campus understands 1, 2 and 3)',
    );
  });

  test('each version is checked against its own schema', () => {
    // A version-1 document relabelled 2: the site scenarios and the ids are missing.
    const relabelled = { ...JSON.parse(v1FourBusesText()), formatVersion: 2 };
    expect(errorOf(() => parseBudget('x.json', JSON.stringify(relabelled)))).toBe(
      'x.json: invalid power budget (formatVersion 2): scenarios: Invalid input: expected array, received undefined (and 23 more)',
    );
    // Version 1 does not need what version 2 added.
    const doc = JSON.parse(v1FourBusesText());
    doc.buses[0].scenarios[1].lostFeed = 7;
    expect(errorOf(() => parseBudget('x.json', JSON.stringify(doc)))).toBe(
      'x.json: invalid power budget (formatVersion 1): buses[0].scenarios[1].lostFeed: Invalid input: expected string, received number',
    );
  });

  test('a version-2 bus with the same scenario id twice cannot be diffed and is refused', () => {
    const doc = JSON.parse(budgetText());
    doc.buses[1].scenarios[3].id = 'lose-feed:ai-2';
    expect(errorOf(() => parseBudget('x.json', JSON.stringify(doc)))).toBe(
      'x.json: invalid power budget (formatVersion 2): buses[1].scenarios[3].id: duplicate scenario id "lose-feed:ai-2" on this bus',
    );
  });
});

function budgetText(): string {
  return `${JSON.stringify(v2(), null, 2)}\n`;
}

describe('report on either version', () => {
  test('version 2: every contingency of every bus, labelled by its label, and the generator loss at the site', () => {
    const text = renderReportText(buildReport([v2()]));
    expect(text.split('\n').slice(2, 14).map((l) => l.trim().split(/\s{2,}/).slice(0, 3).join(' | '))).toEqual([
      'ab | 2N | normal',
      'ab | 2N | lose side A',
      'ab | 2N | lose side B',
      'ai | N+1 | normal',
      'ai | N+1 | lose ai-1',
      'ai | N+1 | lose ai-2',
      'ai | N+1 | lose ai-3',
      'dual | 2N | normal',
      'dual | 2N | lose all but dual-1 (2N, no sides)',
      'gen | N | normal',
      'gen | N | lose gen-grid',
      'gen | N | lose gen-set',
    ]);
    expect(text).toContain(
      [
        '  site interconnect, normal and on loss of on-site generation (interruptible load shed):',
        '    scenario           load MW  generation MW  grid import MW  headroom MW   util',
        '    normal              118.20          10.00          108.20        41.80  72.1%',
        '    gen: lose gen-set   105.00           0.00          105.00        45.00  70.0%',
      ].join('\n'),
    );
    expectGolden('report-v2-four-buses.txt', text);
    expectGolden('report-v2-four-buses.md', renderReportMarkdown([v2()]));
  });

  test('version 1: its one contingency per bus, and no site table (the file has no site scenarios)', () => {
    const report = buildReport([v1()]);
    expect(report.sites[0].buses.map((b) => b.scenarios.map((s) => s.id))).toEqual([
      ['normal', 'contingency'],
      ['normal', 'contingency'],
      ['normal', 'contingency'],
      ['normal'],
    ]);
    expect(report.sites[0].siteScenarios).toEqual([]);
    const text = renderReportText(report);
    expect(text).not.toContain('site interconnect, normal');
    expectGolden('report-v1-four-buses.txt', text);
    expectGolden('report-v1-four-buses.json', renderReportJson(report));
  });

  test(`at most ${SITE_SCENARIO_LIMIT} generator losses, the most grid import first, and how many were left out`, () => {
    const gensets = [1, 2, 3, 4, 5, 6, 7].map((i) => feed(`g${i}`, i * 1_000, { source: 'onsite-generation' }));
    const model = campus({
      buses: [bus('b', [feed('grid', 50_000), ...gensets])],
      coolingSystems: [cooling('air', 'b', { model: 'pue', pue: 1 })],
      gpuHalls: [hall('h', 'b', 'air', 40_000)],
    });
    const site = buildReport([budgetOf(model)]).sites[0];
    expect(site.siteScenarios.map((s) => [s.label, s.generationKw, s.gridImportKw])).toEqual([
      ['normal', 28_000, 12_000],
      ['b: lose g7', 21_000, 19_000],
      ['b: lose g6', 22_000, 18_000],
      ['b: lose g5', 23_000, 17_000],
      ['b: lose g4', 24_000, 16_000],
      ['b: lose g3', 25_000, 15_000],
    ]);
    expect(site.siteScenariosOmitted).toBe(2);
    expect(renderReportText(buildReport([budgetOf(model)]))).toContain(
      '\n    ... and 2 more generation-loss scenarios, none with more grid import (see power-budget.json)\n',
    );
  });
});

describe('diff across versions and with several contingencies per bus', () => {
  test('v1 -> v2: the v1 contingency pairs with the loss of the same feeds, or the worst loss where it named none', () => {
    const diff = diffBudgets([v1()], [v2()]);
    const site = diff.sites[0];
    expect(site.formatVersions).toEqual({ base: 1, head: 2 });
    expect(site.buses.map((b) => [b.bus, pairs(b.scenarios)])).toEqual([
      [
        'ab',
        [
          ['normal', undefined, 'normal', 'normal'],
          ['lose-side:A', undefined, undefined, 'lose side A'],
          ['lose-side:B', 'lost-feeds', '2N (lose side B)', 'lose side B'],
        ],
      ],
      [
        'ai',
        [
          ['normal', undefined, 'normal', 'normal'],
          ['lose-feed:ai-1', undefined, undefined, 'lose ai-1'],
          ['lose-feed:ai-2', 'lost-feeds', 'N+1 (lose ai-2)', 'lose ai-2'],
          ['lose-feed:ai-3', undefined, undefined, 'lose ai-3'],
        ],
      ],
      [
        'dual',
        [
          ['normal', undefined, 'normal', 'normal'],
          ['lose-side:worst', 'worst-case', '2N (lose one side)', 'lose all but dual-1 (2N, no sides)'],
        ],
      ],
      [
        'gen',
        [
          ['normal', undefined, 'normal', 'normal'],
          ['lose-feed:gen-grid', undefined, undefined, 'lose gen-grid'],
          ['lose-feed:gen-set', undefined, undefined, 'lose gen-set'],
        ],
      ],
    ]);
    // Version 1 halved a 2N bus without sides; version 2 assumes the worst split, which fails.
    const dual = site.buses[2].scenarios[1];
    expect([dual.base?.capacityKw, dual.head?.capacityKw]).toEqual([30_000, 20_000]);
    expect(diff.result).toBe('check-fails');
    expect(site.checks.map((c) => [c.transition, c.path])).toEqual([['newly-fails', 'site/dual']]);
    const text = renderDiffText(diff);
    expect(text).toContain(
      '  note: base is power-budget.json formatVersion 1, head formatVersion 2: version 1 lists one contingency per bus, paired with the loss of the same feeds (or, where it names none, the worst loss of the bus); contingencies without a counterpart show "-"\n',
    );
    expectGolden('diff-v1-to-v2-four-buses.txt', text);
    expectGolden('diff-v1-to-v2-four-buses.md', renderDiffMarkdown(diff));
  });

  test('v2 -> v1 pairs the same way round', () => {
    const site = diffBudgets([v2()], [v1()]).sites[0];
    expect(site.formatVersions).toEqual({ base: 2, head: 1 });
    expect(pairs(site.buses[1].scenarios)).toEqual([
      ['normal', undefined, 'normal', 'normal'],
      ['contingency', 'lost-feeds', 'lose ai-2', 'N+1 (lose ai-2)'],
      ['lose-feed:ai-1', undefined, 'lose ai-1', undefined],
      ['lose-feed:ai-3', undefined, 'lose ai-3', undefined],
    ]);
  });

  test('a v1 contingency whose feeds no v2 loss matches is not paired with a guess', () => {
    const doc = JSON.parse(v1FourBusesText());
    doc.buses[1].scenarios[1].lostFeed = 'ai-old';
    const ai = diffBudgets([parseBudget('v1.json', JSON.stringify(doc))], [v2()]).sites[0].buses[1];
    expect(pairs(ai.scenarios)).toEqual([
      ['normal', undefined, 'normal', 'normal'],
      ['lose-feed:ai-1', undefined, undefined, 'lose ai-1'],
      ['lose-feed:ai-2', undefined, undefined, 'lose ai-2'],
      ['lose-feed:ai-3', undefined, undefined, 'lose ai-3'],
      ['contingency', undefined, 'N+1 (lose ai-2)', undefined],
    ]);
  });

  test('v2 -> v2: each loss pairs with the same loss by id, a gone feed shows as removed, a new one as added', () => {
    const head = fourBuses();
    const changed = {
      ...head,
      // ai-1 grows from 30 to 45 MW and ai-3 is replaced by ai-4.
      buses: head.buses.map((b) => (b.name === 'ai' ? bus('ai', [feed('ai-1', 45_000), feed('ai-2', 40_000), feed('ai-4', 40_000)], 'N+1') : b)),
    };
    const ai = diffBudgets([v2()], [budgetOf(changed)]).sites[0].buses.find((b) => b.bus === 'ai')!;
    expect(ai.scenarios.map((s) => [s.id, s.base?.capacityKw, s.head?.capacityKw])).toEqual([
      ['normal', 110_000, 125_000],
      ['lose-feed:ai-1', 80_000, 80_000],
      ['lose-feed:ai-2', 70_000, 85_000],
      ['lose-feed:ai-4', undefined, 85_000],
      ['lose-feed:ai-3', 70_000, undefined],
    ]);
    expect(ai.scenarios.every((s) => s.pairedBy === undefined)).toBe(true);
    const rows = renderDiffText(diffBudgets([v2()], [budgetOf(changed)])).split('\n').filter((l) => l.startsWith('  ai '));
    expect(rows.map((l) => l.trim().split(/\s{2,}/))).toEqual([
      ['ai', 'normal', '125.00', '55.00', '0.00', '70.00', '+15.00', '44.0%', '-6.0 pp'],
      ['ai', 'lose ai-1', '80.00', '55.00', '0.00', '25.00', '0.00', '68.8%', '0.0 pp'],
      ['ai', 'lose ai-2', '85.00', '55.00', '0.00', '30.00', '+15.00', '64.7%', '-13.9 pp'],
      ['ai', 'lose ai-4', '85.00', '55.00', '-', '30.00', '-', '64.7%', '-'],
      ['ai', 'lose ai-3', '-', '-', '-', '-', '-', '-', '-'],
    ]);
  });

  test('diffBus pairs by id, not by position or kind', () => {
    const budget = v2();
    const ai = budget.buses[1];
    const reversed = { ...ai, scenarios: [ai.scenarios[0], ...ai.scenarios.slice(1).reverse()] };
    const diff = diffBus('ai', reversed, ai);
    expect(diff.scenarios.map((s) => [s.id, s.base?.label, s.head?.label])).toEqual([
      ['normal', 'normal', 'normal'],
      ['lose-feed:ai-1', 'lose ai-1', 'lose ai-1'],
      ['lose-feed:ai-2', 'lose ai-2', 'lose ai-2'],
      ['lose-feed:ai-3', 'lose ai-3', 'lose ai-3'],
    ]);
  });
});

describe('Markdown cells are escaped once', () => {
  test('a switched-off reason with a pipe and angle brackets', () => {
    const doc = JSON.parse(budgetText());
    Object.assign(doc.loads.miningPods[0], { capMode: 'auto', capW: 3000, offReason: 'off | headroom <1 MW>' });
    const md = renderReportMarkdown([parseBudget('x.json', JSON.stringify(doc))]);
    expect(md).toContain('\n| p1 | auto | 0 | 3000 | 12000.0 | 100.0 | off \\| headroom &lt;1 MW&gt; |\n');
  });
});
