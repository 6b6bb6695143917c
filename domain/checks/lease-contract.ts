/**
 * Check: a leased hall or block stays within its lease. Installed IT must not exceed the
 * contracted critical IT; when the lease caps gross power, IT + facility overhead + its share of
 * its cooling system's draw must not exceed the cap. The cooling share is the system's draw in
 * normal operation (load-model.ts) in proportion to the heat the load puts into it.
 */
import { formatMw, fitsWithin, formatPercent } from '../units';
import type { BudgetCheck, CheckResult } from './check';

export const leaseContract: BudgetCheck = {
  id: 'lease-contract',
  description: 'Each leased hall or block draws no more than its lease: installed IT within the contracted critical IT, gross power within any gross cap.',
  run: (budget) => {
    const cooling = new Map(budget.cooling.map((c) => [c.cooling.name, c]));
    const leased = [
      ...budget.campus.gpuHalls.filter((h) => h.lease).map((h) => ({ name: h.name, path: h.path, lease: h.lease!, itKw: h.itKw, cooling: h.cooling, overhead: h.facilityOverheadFraction ?? 0, what: 'hall' })),
      ...(budget.campus.blockLoads ?? [])
        .filter((b) => b.lease)
        .map((b) => ({ name: b.name, path: b.path, lease: b.lease!, itKw: b.basis === 'it' ? b.powerKw : undefined, grossKw: b.basis === 'gross' ? b.powerKw : undefined, cooling: b.cooling, overhead: b.facilityOverheadFraction ?? 0, what: 'block' })),
    ].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return leased.flatMap((l): CheckResult[] => {
      const base = { check: leaseContract.id, subject: l.name, path: l.path };
      const head = `lease of ${l.what} '${l.name}' to '${l.lease.tenant}'`;
      const results: CheckResult[] = [];
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
      const cap = l.lease.grossCapKw;
      if (cap !== undefined) {
        let grossKw = (l as { grossKw?: number }).grossKw;
        if (grossKw === undefined) {
          const c = l.cooling !== undefined ? cooling.get(l.cooling) : undefined;
          const coolingShareKw = c && c.heatKw > 0 ? (c.powerKw * l.itKw!) / c.heatKw : 0;
          grossKw = l.itKw! * (1 + l.overhead) + coolingShareKw;
        }
        results.push(
          fitsWithin(grossKw, cap)
            ? { ...base, status: 'pass', message: `${head}: gross power ${formatMw(grossKw)} is ${formatPercent(grossKw / cap)} of the ${formatMw(cap)} the lease allows.` }
            : {
                ...base,
                status: 'fail',
                message:
                  `${head}: gross power ${formatMw(grossKw)} (IT, facility overhead and its share of cooling) exceeds the ${formatMw(cap)} the lease allows ` +
                  `by ${formatMw(grossKw - cap)}. Install less, cool it more efficiently, or record the amended contract in lease.grossCapMw.`,
              },
        );
      }
      return results;
    });
  },
};
