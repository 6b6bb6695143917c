import type { LoadByClass } from '../budget';
import { formatMw } from '../units';

/** "firm IT 1.000 MW, interruptible IT 2.000 MW, cooling 0.300 MW, auxiliary 0.100 MW" */
export function describeLoad(load: LoadByClass): string {
  return [
    `firm IT ${formatMw(load.firmItKw)}`,
    `interruptible IT ${formatMw(load.interruptibleItKw)}`,
    `cooling ${formatMw(load.coolingKw)}`,
    `auxiliary ${formatMw(load.auxiliaryKw)}`,
  ].join(', ');
}
