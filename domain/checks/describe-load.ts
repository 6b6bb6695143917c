import type { LoadByClass } from '../budget';
import { formatMw } from '../units';

/**
 * "firm IT 1.000 MW, interruptible IT 2.000 MW, cooling 0.300 MW, auxiliary 0.100 MW", with
 * gross blocks and facility overhead named only when there are some.
 */
export function describeLoad(load: LoadByClass): string {
  return [
    `firm IT ${formatMw(load.firmItKw)}`,
    `interruptible IT ${formatMw(load.interruptibleItKw)}`,
    ...(load.grossKw > 0 ? [`gross blocks ${formatMw(load.grossKw)}`] : []),
    `cooling ${formatMw(load.coolingKw)}`,
    ...(load.overheadKw > 0 ? [`facility overhead ${formatMw(load.overheadKw)}`] : []),
    `auxiliary ${formatMw(load.auxiliaryKw)}`,
  ].join(', ');
}
