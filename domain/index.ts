/**
 * The budget engine: plain TypeScript over plain data, with no cdktf imports and no rendering.
 */
export * from './model';
export * from './units';
export * from './feed-rating';
export * from './redundancy';
export * from './scenarios';
export * from './cooling-power';
export * from './cooling-compatibility';
export * from './load-model';
export * from './budget';
export * from './checks';
export * from './evaluate';
export * from './timeline';
export * from './campus-timeline';
export * from './shedding-order';
export * from './demand-response';
export * from './economics';
export * from './hashrate';
export * from './mining-caps';
export * from './config-error';
