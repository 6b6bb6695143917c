/**
 * Check: a leased hall or block stays within its lease. Installed IT must not exceed the
 * contracted critical IT; when the lease caps gross power, the load's gross power must not
 * exceed the cap. Gross power is what the load draws with every other load shed (load-model.ts):
 * its IT, its facility overhead and the cooling it needs on its own, which for a fixed draw is the
 * whole draw (it keeps running for the tenant when mining on the same system is shed). A block stated as gross power is checked as stated.
 */
import { flowTotalKw, loadFlow } from '../load-model';
import { formatMw, fitsWithin, formatPercent } from '../units';
import type { BudgetCheck, CheckResult } from './check';

export const leaseContract: BudgetCheck = {
  id: 'lease-contract',
  description: 'Each leased hall or block draws no more than its lease: installed IT within the contracted critical IT, gross power within any gross cap.',
  run: (budget) => {
    const { campus, loads, powerKw } = budget;
    /** What one load draws with every other load shed: its IT, its overhead and the cooling it needs on its own. */
    const aloneGrossKw = (name: string): number =>
      flowTotalKw(loadFlow(campus, loads, (l) => powerKw.get(l.name) ?? 0, { id: `only ${name}`, sheds: (l) => l.name !== name }));
    const leased = [
      ...budget.campus.gpuHalls.filter((h) => h.lease).map((h) => ({ name: h.name, path: h.path, lease: h.lease!, itKw: h.itKw, what: 'hall' })),
      ...(budget.campus.blockLoads ?? [])
        .filter((b) => b.lease)
        .map((b) => ({ name: b.name, path: b.path, lease: b.lease!, itKw: b.basis === 'it' ? b.powerKw : undefined, grossKw: b.basis === 'gross' ? b.powerKw : undefined, what: 'block' })),
    ].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return leased.flatMap((l): CheckResult[] => {
      const base = { check: leaseContract.id, subject: l.name, path: l.path };
      const head = `lease of ${l.what} '${l.name}' to '${l.lease.tenant}'`;
      const results: CheckResult[] = [];
      const cap = l.lease.grossCapKw;
      if (l.itKw === undefined && cap === undefined) {
        // Only a construct-less model can get here (BlockLoad requires a gross cap for a gross block).
        results.push({
          ...base,
          status: 'fail',
          message: `${head}: the block is stated as gross power, so its IT cannot be checked against the contracted ${formatMw(l.lease.contractedItKw)}; give the lease a gross cap (grossCapKw).`,
        });
      }
      if (l.itKw !== undefined) {
        const contracted = l.lease.contractedItKw;
        results.push(
          fitsWithin(l.itKw, contracted)
            ? { ...base, status: 'pass', message: `${head}: installed IT ${formatMw(l.itKw)} is ${formatPercent(l.itKw / contracted)} of the contracted ${formatMw(contracted)} critical IT.` }
            : {
                ...base,
                status: 'fail',
                message:
                  `${head}: installed IT ${formatMw(l.itKw)} exceeds the contracted ${formatMw(contracted)} critical IT by ${formatMw(l.itKw - contracted)}. ` +
                  `Install less in '${l.name}', or record the amended contract in lease.contractedItMw.`,
              },
        );
      }
      if (cap !== undefined) {
        const grossKw = (l as { grossKw?: number }).grossKw ?? aloneGrossKw(l.name);
        results.push(
          fitsWithin(grossKw, cap)
            ? { ...base, status: 'pass', message: `${head}: gross power ${formatMw(grossKw)} is ${formatPercent(grossKw / cap)} of the ${formatMw(cap)} the lease allows.` }
            : {
                ...base,
                status: 'fail',
                message:
                  `${head}: gross power ${formatMw(grossKw)} (IT, facility overhead and the cooling it needs on its own) exceeds the ${formatMw(cap)} the lease allows ` +
                  `by ${formatMw(grossKw - cap)}. Install less, cool it more efficiently, or record the amended contract in lease.grossCapMw.`,
              },
        );
      }
      return results;
    });
  },
};
