import { mermaidFlowchart, mermaidText } from '../../report/mermaid';
import { pod } from '../domain/fixtures';
import { budgetOf, smallSite } from './budget-fixtures';

describe('Mermaid flowchart', () => {
  test('feeds -> bus -> cooling and loads, pods grouped per bus, cooling and class, with MW on the edges', () => {
    const budget = budgetOf(smallSite({ auxiliaryLoads: [{ kind: 'auxiliary', name: 'office', path: 'site/office', bus: 'main', powerKw: 500 }] }));
    expect(mermaidFlowchart(budget)).toEqual([
      'flowchart LR',
      '  feed_0_0["f1<br/>utility"] -->|"40.00 MW"| bus_0["main<br/>N+1, 120.00 MW usable"]',
      '  feed_0_1["f2<br/>utility"] -->|"40.00 MW"| bus_0',
      '  feed_0_2["f3<br/>utility"] -->|"40.00 MW"| bus_0',
      '  bus_0 -->|"8.00 MW"| cool_0["air<br/>air cooling"]',
      '  bus_0 -->|"20.00 MW"| load_0["h1<br/>firm IT"]',
      '  load_0 -.->|heat| cool_0',
      '  bus_0 -->|"20.00 MW"| load_1["2 mining pods<br/>interruptible IT"]',
      '  load_1 -.->|heat| cool_0',
      '  bus_0 -->|"0.50 MW"| aux_0["office<br/>auxiliary"]',
    ]);
  });

  test('hundreds of pods stay one node', () => {
    const pods = Array.from({ length: 300 }, (_, i) => pod(`p${i}`, 'main', 'air', 100));
    const lines = mermaidFlowchart(budgetOf(smallSite({ miningPods: pods })));
    expect(lines.filter((l) => l.includes('mining pods'))).toEqual(['  bus_0 -->|"30.00 MW"| load_1["300 mining pods<br/>interruptible IT"]']);
  });

  test('escapes quotes and angle brackets in labels', () => {
    expect(mermaidText('a "b" <c>')).toBe('a #quot;b#quot; #lt;c#gt;');
  });
});
