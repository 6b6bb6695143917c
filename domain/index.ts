/**
 * The budget engine: plain TypeScript over plain data, with no cdktf imports.
 */
export * from './model';
export * from './units';
export * from './feed-rating';
export * from './redundancy';
export * from './cooling-power';
export * from './cooling-compatibility';
export * from './budget';
export * from './checks';
export * from './evaluate';
export * from './power-budget-file';
export * from './summary';
export * from './timeline';
export * from './campus-timeline';
export * from './shedding-order';
export * from './economics';
export * from './timeline-chart';
export * from './hashrate';
export * from './mining-caps';
export * from './config-error';
export * from './kubernetes-values';
export * from './curtailment-plan';
