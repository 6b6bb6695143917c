/**
 * Dispatch of the mining fleet against a price series: plain TypeScript over plain data, no I/O.
 */
export * from './break-even';
export * from './price-series';
export * from './fleet';
export * from './simulate';
