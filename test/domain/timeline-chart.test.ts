import { niceStepKw, timelineMermaid, timelineMermaidLegend, timelineSvg, type TimelineChartEntry } from '../../report/timeline-chart';

const entries: TimelineChartEntry[] = [
  { label: 'before 2026-07', capacityKw: 130_000, interconnectLimitKw: 130_000, load: { firmItKw: 0, interruptibleItKw: 100_100, coolingKw: 10_010, auxiliaryKw: 1_500, totalKw: 111_610 } },
  { label: 'from 2026-10', capacityKw: 195_000, interconnectLimitKw: 130_000, load: { firmItKw: 21_720, interruptibleItKw: 70_070, coolingKw: 10_265, auxiliaryKw: 1_500, totalKw: 103_555 } },
];

describe('timeline charts', () => {
  test('Mermaid xychart: running totals as overlapping bars, capacity and interconnect as lines', () => {
    expect(timelineMermaid(entries)).toBe(
      [
        '%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "#7f7f7f, #2ca02c, #ff7f0e, #1f77b4, #d62728, #9467bd"}}}}%%',
        'xychart-beta',
        '  title "Load against capacity (MW)"',
        '  x-axis ["before 2026-07", "2026-10"]',
        '  y-axis "MW" 0 --> 215',
        '  bar [111.6, 103.6]',
        '  bar [110.1, 102.1]',
        '  bar [100.1, 91.8]',
        '  bar [0.0, 21.7]',
        '  line [130.0, 195.0]',
        '  line [130.0, 130.0]',
      ].join('\n'),
    );
  });

  test('Mermaid: no "<" in an axis label (Mermaid would show it as &lt;), a planned state is named', () => {
    const chart = timelineMermaid([{ ...entries[0], label: 'before 2027-01' }, { ...entries[1], label: '' }, { ...entries[1], label: 'at 2027-04' }]);
    expect(chart).toContain('  x-axis ["before 2027-01", "planned", "2027-04"]');
    const xAxis = chart.split('\n').find((line) => line.startsWith('  x-axis'))!;
    expect(timelineMermaid([{ ...entries[0], label: 'before <2027-01> "x"' }])).toContain('  x-axis ["before 2027-01 x"]');
    expect(xAxis).not.toMatch(/[<>]|&lt;/);
  });

  test('Mermaid legend: names the color of each bar band and of both lines, in the palette the chart declares', () => {
    expect(timelineMermaidLegend()).toBe(
      'Bars, stacked from the bottom: firm IT (blue), interruptible IT (orange), cooling (green), auxiliary and other (grey). Lines: bus capacity (red), interconnect limit (purple).',
    );
  });

  test('SVG: one rectangle per non-zero class per date, labels and lines, same bytes every time', () => {
    const svg = timelineSvg(entries, 'site: load');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<rect x="\d+" y="[\d.]+" width="56"/g)).toHaveLength(7); // 3 + 4 bars
    expect(svg).toContain('<title>before 2026-07: interruptible IT 100.1 MW</title>');
    expect(svg).toContain('>2026-10</text>');
    expect(svg).toContain('stroke="#d62728"');
    expect(timelineSvg(entries, 'site: load')).toBe(svg);
  });

  test('axis steps are round numbers', () => {
    expect(niceStepKw(48_000)).toBe(50_000);
    expect(niceStepKw(32_000)).toBe(50_000);
    expect(niceStepKw(12_000)).toBe(20_000);
    expect(niceStepKw(100_000)).toBe(100_000);
  });
});
