export * from './hardware-model';
export * from './hardware-catalog';
