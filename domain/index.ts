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
export * from './config-error';
export * from './kubernetes-values';
export * from './curtailment-plan';
