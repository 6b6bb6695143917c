/**
 * A Mermaid flowchart of one site's power: feeds -> buses -> cooling systems and loads, with MW
 * on the edges. GitHub renders it in Markdown.
 *
 * Pods and halls are grouped into one node per (bus, cooling system, class, kind), so a site
 * with hundreds of pods stays readable; a dotted edge leads from each load group to the
 * cooling system that removes its heat. Node ids are positional (bus_0, feed_0_1, ...) over
 * name-sorted parts, so the same budget always gives the same diagram.
 */
import type { PowerBudget } from './budget-schema';
import { mw, plural } from './format';

interface LoadGroup {
  readonly bus: string;
  readonly cooling: string;
  readonly firm: boolean;
  readonly kind: 'pod' | 'hall';
  readonly names: string[];
  itKw: number;
}

/** Makes text safe inside a quoted Mermaid label. */
export function mermaidText(text: string): string {
  return text.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
}

function sorted<T extends { readonly name: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Groups pods and halls by bus, cooling system, class and kind, in name order of their first member. */
export function loadGroups(budget: PowerBudget): LoadGroup[] {
  const groups = new Map<string, LoadGroup>();
  const loads = [
    ...budget.loads.miningPods.map((p) => ({ ...p, kind: 'pod' as const })),
    ...budget.loads.gpuHalls.map((h) => ({ ...h, kind: 'hall' as const })),
  ];
  for (const load of sorted(loads)) {
    const key = JSON.stringify([load.bus, load.cooling, load.firm, load.kind]);
    const group = groups.get(key) ?? { bus: load.bus, cooling: load.cooling, firm: load.firm, kind: load.kind, names: [], itKw: 0 };
    group.names.push(load.name);
    group.itKw += load.itKw;
    groups.set(key, group);
  }
  return [...groups.values()];
}

function groupLabel(group: LoadGroup): string[] {
  const what = group.names.length === 1 ? group.names[0] : plural(group.names.length, group.kind === 'pod' ? 'mining pod' : 'GPU hall');
  return [what, group.firm ? 'firm IT' : 'interruptible IT'];
}

/** The flowchart's lines (without the ```mermaid fence). */
export function mermaidFlowchart(budget: PowerBudget): string[] {
  const lines = ['flowchart LR'];
  const buses = sorted(budget.buses);
  const busId = new Map(buses.map((b, i) => [b.name, `bus_${i}`]));
  const cooling = sorted(budget.cooling);
  const coolingId = new Map(cooling.map((c, i) => [c.name, `cool_${i}`]));
  const node = (id: string, label: readonly string[]) => `${id}["${label.map(mermaidText).join('<br/>')}"]`;

  buses.forEach((bus, b) => {
    const busNode = node(`bus_${b}`, [bus.name, `${bus.redundancy}, ${mw(bus.usableKw)} MW usable`]);
    sorted(bus.feeds).forEach((feed, f) => {
      lines.push(`  ${node(`feed_${b}_${f}`, [feed.name, feed.source])} -->|"${mw(feed.usableKw)} MW"| ${f === 0 ? busNode : `bus_${b}`}`);
    });
    if (bus.feeds.length === 0) lines.push(`  ${busNode}`);
  });
  cooling.forEach((c, i) => {
    const from = busId.get(c.bus);
    const coolNode = node(`cool_${i}`, [c.name, `${c.type} cooling`]);
    lines.push(from ? `  ${from} -->|"${mw(c.powerKw)} MW"| ${coolNode}` : `  ${coolNode}`);
  });
  loadGroups(budget).forEach((g, i) => {
    const from = busId.get(g.bus);
    const loadNode = node(`load_${i}`, groupLabel(g));
    lines.push(from ? `  ${from} -->|"${mw(g.itKw)} MW"| ${loadNode}` : `  ${loadNode}`);
    const to = coolingId.get(g.cooling);
    if (to) lines.push(`  load_${i} -.->|heat| ${to}`);
  });
  buses.forEach((bus, b) => {
    const aux = budget.loads.auxiliary.filter((a) => a.bus === bus.name);
    if (aux.length === 0) return;
    const totalKw = aux.reduce((sum, a) => sum + a.powerKw, 0);
    const label = aux.length === 1 ? [aux[0].name, 'auxiliary'] : [plural(aux.length, 'auxiliary load')];
    lines.push(`  bus_${b} -->|"${mw(totalKw)} MW"| ${node(`aux_${b}`, label)}`);
  });
  return lines;
}
