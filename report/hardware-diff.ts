/**
 * Hardware and loads added, removed or changed between two budgets of one site, in words:
 * "+40 NVIDIA GB300 NVL72 racks in hall-2: +5.28 MW firm".
 *
 * Pods and halls are matched by name; a changed count of the same hardware reads as units
 * added or removed, a changed hardware id as a replacement. Auxiliary loads and cooling systems
 * are matched by name too.
 */
import type { GpuHallLoad, MiningPodLoad, PowerBudget } from './budget-schema';
import { mw, signedMw } from './format';

export interface LoadChange {
  /** One sentence, e.g. "+40 NVIDIA GB300 NVL72 racks in hall-2: +5.28 MW firm". */
  readonly text: string;
  /** Change of the IT or auxiliary load itself, in kW (0 for moves, re-classing and cooling changes, whose effect shows in the bus figures). */
  readonly deltaKw: number;
}

type ItLoad = (MiningPodLoad & { readonly kind: 'pod' }) | (GpuHallLoad & { readonly kind: 'hall' });

/** The short hardware name, e.g. NVIDIA GB300 NVL72 rack (72x B300 @1.4 kW, 36x Grace) becomes NVIDIA GB300 NVL72: no parenthetical, no unit word. */
export function shortHardwareName(label: string): string {
  return label
    .replace(/\s*\([^)]*\)\s*$/, '')
    .replace(/\s+(rack|server)$/i, '')
    .trim();
}

/** The unit noun: miners for pods, racks or servers for halls (systems when the file does not say). */
export function unitNoun(load: ItLoad, count: number): string {
  const one = count === 1;
  if (load.kind === 'pod') return one ? 'miner' : 'miners';
  if (load.systemKind === 'gpu-rack') return one ? 'rack' : 'racks';
  if (load.systemKind === 'gpu-server') return one ? 'server' : 'servers';
  return one ? 'system' : 'systems';
}

function units(load: ItLoad, count: number): string {
  return `${count} ${shortHardwareName(load.hardware)} ${unitNoun(load, count)}`;
}

function klass(load: ItLoad): string {
  return load.firm ? 'firm' : 'interruptible';
}

function itLoads(budget: PowerBudget): Map<string, ItLoad> {
  return new Map<string, ItLoad>([
    ...budget.loads.miningPods.map((p) => [p.name, { ...p, kind: 'pod' as const }] as const),
    ...budget.loads.gpuHalls.map((h) => [h.name, { ...h, kind: 'hall' as const }] as const),
  ]);
}

function sortedUnion(a: Iterable<string>, b: Iterable<string>): string[] {
  return [...new Set([...a, ...b])].sort();
}

/** The sentences for one pod or hall present on both sides. */
function changedItLoad(base: ItLoad, head: ItLoad): LoadChange[] {
  const changes: LoadChange[] = [];
  const deltaKw = head.itKw - base.itKw;
  if (base.hardwareId !== head.hardwareId || base.kind !== head.kind) {
    changes.push({
      text: `${head.name}: ${units(base, base.count)} replaced by ${units(head, head.count)}: ${signedMw(deltaKw)} ${klass(head)}`,
      deltaKw,
    });
  } else if (base.count !== head.count) {
    const deltaCount = head.count - base.count;
    const sign = deltaCount > 0 ? '+' : '-';
    changes.push({ text: `${sign}${units(head, Math.abs(deltaCount))} in ${head.name}: ${signedMw(deltaKw)} ${klass(head)}`, deltaKw });
  } else if (deltaKw !== 0) {
    changes.push({ text: `${head.name} (${units(head, head.count)}): ${signedMw(deltaKw)} ${klass(head)} (per-unit or overhead power changed)`, deltaKw });
  }
  if (base.firm !== head.firm) changes.push({ text: `${head.name} is now ${klass(head)} (was ${klass(base)})`, deltaKw: 0 });
  if (base.bus !== head.bus) changes.push({ text: `${head.name} moved from bus ${base.bus} to bus ${head.bus}`, deltaKw: 0 });
  if (base.cooling !== head.cooling) changes.push({ text: `${head.name} now cooled by ${head.cooling} (was ${base.cooling})`, deltaKw: 0 });
  return changes;
}

/** Pods and halls: added, removed, resized, replaced, moved or re-classed; in name order. */
export function diffItLoads(base: PowerBudget, head: PowerBudget): LoadChange[] {
  const before = itLoads(base);
  const after = itLoads(head);
  return sortedUnion(before.keys(), after.keys()).flatMap((name): LoadChange[] => {
    const b = before.get(name);
    const h = after.get(name);
    const what = (l: ItLoad) => (l.kind === 'pod' ? 'pod' : 'hall');
    if (b && h) return changedItLoad(b, h);
    if (h) return [{ text: `+${units(h, h.count)} in ${name} (new ${what(h)} on ${h.bus}): ${signedMw(h.itKw)} ${klass(h)}`, deltaKw: h.itKw }];
    return [{ text: `-${units(b!, b!.count)} in ${name} (${what(b!)} removed from ${b!.bus}): ${signedMw(-b!.itKw)} ${klass(b!)}`, deltaKw: -b!.itKw }];
  });
}

/** Auxiliary loads: added, removed, resized or moved; in name order. */
export function diffAuxiliary(base: PowerBudget, head: PowerBudget): LoadChange[] {
  const before = new Map(base.loads.auxiliary.map((a) => [a.name, a]));
  const after = new Map(head.loads.auxiliary.map((a) => [a.name, a]));
  return sortedUnion(before.keys(), after.keys()).flatMap((name): LoadChange[] => {
    const b = before.get(name);
    const h = after.get(name);
    if (b && h) {
      const changes: LoadChange[] = [];
      if (h.powerKw !== b.powerKw) changes.push({ text: `auxiliary ${name}: ${signedMw(h.powerKw - b.powerKw)} auxiliary`, deltaKw: h.powerKw - b.powerKw });
      if (h.bus !== b.bus) changes.push({ text: `auxiliary ${name} moved from bus ${b.bus} to bus ${h.bus}`, deltaKw: 0 });
      return changes;
    }
    if (h) return [{ text: `+auxiliary ${name} on ${h.bus}: ${signedMw(h.powerKw)} auxiliary`, deltaKw: h.powerKw }];
    return [{ text: `-auxiliary ${name} (removed from ${b!.bus}): ${signedMw(-b!.powerKw)} auxiliary`, deltaKw: -b!.powerKw }];
  });
}

/** Loads stated in MW (version 2): added, removed, resized, re-classed or moved; in name order. */
export function diffBlockLoads(base: PowerBudget, head: PowerBudget): LoadChange[] {
  const before = new Map(base.loads.blockLoads.map((l) => [l.name, l]));
  const after = new Map(head.loads.blockLoads.map((l) => [l.name, l]));
  const klassOf = (l: { firm: boolean; basis: string }) => `${l.firm ? 'firm' : 'interruptible'} ${l.basis === 'it' ? 'IT' : 'gross'}`;
  return sortedUnion(before.keys(), after.keys()).flatMap((name): LoadChange[] => {
    const b = before.get(name);
    const h = after.get(name);
    if (b && h) {
      const changes: LoadChange[] = [];
      if (h.powerKw !== b.powerKw || h.basis !== b.basis) {
        changes.push({ text: `block ${name} (${h.description}): ${signedMw(h.powerKw - b.powerKw)} ${klassOf(h)}`, deltaKw: h.powerKw - b.powerKw });
      }
      if (h.firm !== b.firm) changes.push({ text: `block ${name} is now ${h.firm ? 'firm' : 'interruptible'} (was ${b.firm ? 'firm' : 'interruptible'})`, deltaKw: 0 });
      if (h.bus !== b.bus) changes.push({ text: `block ${name} moved from bus ${b.bus} to bus ${h.bus}`, deltaKw: 0 });
      return changes;
    }
    if (h) return [{ text: `+block ${name} (${h.description}) on ${h.bus}: ${signedMw(h.powerKw)} ${klassOf(h)}`, deltaKw: h.powerKw }];
    return [{ text: `-block ${name} (${b!.description}, removed from ${b!.bus}): ${signedMw(-b!.powerKw)} ${klassOf(b!)}`, deltaKw: -b!.powerKw }];
  });
}

/** Cooling systems: added, removed, or a changed heat-rejection capacity; in name order. */
export function diffCooling(base: PowerBudget, head: PowerBudget): LoadChange[] {
  const before = new Map(base.cooling.map((c) => [c.name, c]));
  const after = new Map(head.cooling.map((c) => [c.name, c]));
  return sortedUnion(before.keys(), after.keys()).flatMap((name): LoadChange[] => {
    const b = before.get(name);
    const h = after.get(name);
    if (b && h) {
      return h.capacityKw === b.capacityKw
        ? []
        : [{ text: `cooling ${name}: heat-rejection capacity ${mw(b.capacityKw)} -> ${mw(h.capacityKw)} MW`, deltaKw: 0 }];
    }
    if (h) return [{ text: `+cooling ${name} (${h.type}, ${mw(h.capacityKw)} MW heat capacity, on ${h.bus}): draws ${mw(h.powerKw)} MW`, deltaKw: 0 }];
    return [{ text: `-cooling ${name} (${b!.type}, removed from ${b!.bus})`, deltaKw: 0 }];
  });
}

/** Every hardware and load change of a site: pods and halls, then blocks, auxiliary loads, then cooling. */
export function diffHardware(base: PowerBudget, head: PowerBudget): LoadChange[] {
  return [...diffItLoads(base, head), ...diffBlockLoads(base, head), ...diffAuxiliary(base, head), ...diffCooling(base, head)];
}
