/**
 * Every budget check, in the order they are reported.
 */
import type { BudgetCheck } from './check';
import { busContingencyCapacity } from './bus-contingency-capacity';
import { busNormalCapacity } from './bus-normal-capacity';
import { coolingCapacity } from './cooling-capacity';
import { coolingTypeMatch } from './cooling-type-match';
import { demandResponse } from './demand-response';
import { leaseContract } from './lease-contract';
import { loadReferences } from './load-references';
import { miningCaps } from './mining-caps';
import { siteInterconnect } from './site-interconnect';
import { uniqueNames } from './unique-names';

export * from './check';
export { busContingencyCapacity, busNormalCapacity, coolingCapacity, coolingTypeMatch, demandResponse, leaseContract, loadReferences, miningCaps, siteInterconnect, uniqueNames };
export { inSeason } from './demand-response';

export const ALL_CHECKS: readonly BudgetCheck[] = [
  uniqueNames,
  loadReferences,
  busNormalCapacity,
  busContingencyCapacity,
  siteInterconnect,
  coolingCapacity,
  coolingTypeMatch,
  demandResponse,
  leaseContract,
  miningCaps,
];
