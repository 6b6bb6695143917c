/**
 * The one-line summary of a diff, shared by the Markdown and text renderings.
 */
import type { CheckTransition } from './check-diff';
import type { CampusDiff, SiteFigures } from './diff';
import { plural, signedMw } from './format';

export interface DiffTotals {
  readonly sites: number;
  readonly changed: number;
  readonly added: number;
  readonly removed: number;
  readonly gridImportDeltaKw: number;
  readonly firmItDeltaKw: number;
  readonly interruptibleItDeltaKw: number;
  readonly transitions: Readonly<Record<CheckTransition, number>>;
  /** Failing check results in head, over every site. */
  readonly headFailingChecks: number;
  /** Unsuppressed rule errors and bad suppressions in head (rules.json), which fail synth too. */
  readonly headFailingRules: number;
}

function delta(diffSites: CampusDiff['sites'], value: (f: SiteFigures) => number): number {
  return diffSites.reduce((sum, s) => sum + (s.head ? value(s.head) : 0) - (s.base ? value(s.base) : 0), 0);
}

/** Counts and sums over every site of a diff. */
export function diffTotals(diff: CampusDiff): DiffTotals {
  const transitions = { 'newly-fails': 0, 'newly-warns': 0, 'newly-passes': 0 };
  for (const c of diff.sites.flatMap((s) => s.checks)) transitions[c.transition] += 1;
  return {
    sites: diff.sites.length,
    changed: diff.sites.filter((s) => s.change !== 'unchanged').length,
    added: diff.sites.filter((s) => s.change === 'added').length,
    removed: diff.sites.filter((s) => s.change === 'removed').length,
    gridImportDeltaKw: delta(diff.sites, (f) => f.gridImportKw),
    firmItDeltaKw: delta(diff.sites, (f) => f.firmItKw),
    interruptibleItDeltaKw: delta(diff.sites, (f) => f.interruptibleItKw),
    transitions,
    headFailingChecks: diff.sites.reduce((sum, s) => sum + (s.head?.failingChecks ?? 0), 0),
    headFailingRules: diff.sites.reduce((sum, s) => sum + (s.head?.failingRules ?? 0), 0),
  };
}

/**
 * "1 of 2 sites changed: grid import +12.15 MW, firm IT +10.56 MW, interruptible IT 0.00 MW;
 * checks: 1 newly fails, 0 newly warn, 0 newly pass. Head fails 1 check."
 */
export function summaryLine(diff: CampusDiff): string {
  const t = diffTotals(diff);
  const fails = [t.headFailingChecks > 0 ? plural(t.headFailingChecks, 'check') : '', t.headFailingRules > 0 ? plural(t.headFailingRules, 'rule error') : ''].filter(Boolean);
  const failing = fails.length > 0 ? ` Head fails ${fails.join(' and ')}.` : '';
  if (t.changed === 0) return `No change to the power budget (${plural(t.sites, 'site')}).${failing}`;
  const addedRemoved = [t.added > 0 ? `${t.added} added` : '', t.removed > 0 ? `${t.removed} removed` : ''].filter(Boolean).join(', ');
  return (
    `${t.changed} of ${plural(t.sites, 'site')} changed${addedRemoved ? ` (${addedRemoved})` : ''}: ` +
    `grid import ${signedMw(t.gridImportDeltaKw)}, firm IT ${signedMw(t.firmItDeltaKw)}, interruptible IT ${signedMw(t.interruptibleItDeltaKw)}; ` +
    `checks: ${t.transitions['newly-fails']} newly fail, ${t.transitions['newly-warns']} newly warn, ${t.transitions['newly-passes']} newly pass.${failing}`
  );
}
