/**
 * The load-by-class columns every table shows, in one order: firm IT, interruptible IT,
 * cooling, auxiliary and other (auxiliary, facility overhead and blocks stated as gross power),
 * total.
 */
export interface LoadFigures {
  readonly firmItKw: number;
  readonly interruptibleItKw: number;
  readonly coolingKw: number;
  readonly auxiliaryKw: number;
  /** Absent in power-budget.json version 1. */
  readonly overheadKw?: number;
  /** Absent in power-budget.json version 1. */
  readonly grossKw?: number;
  readonly totalKw: number;
}

/** The column header of the fourth figure. */
export const OTHER_LOAD_HEADER = 'aux+other';

export function loadCells(load: LoadFigures, format: (kw: number) => string): string[] {
  const otherKw = load.auxiliaryKw + (load.overheadKw ?? 0) + (load.grossKw ?? 0);
  return [load.firmItKw, load.interruptibleItKw, load.coolingKw, otherKw, load.totalKw].map(format);
}

/** The site's normal-operation load by class: the sum over its buses. */
export function sumLoads(loads: readonly LoadFigures[]): Required<LoadFigures> {
  const add = (key: keyof LoadFigures) => loads.reduce((total, l) => total + (l[key] ?? 0), 0);
  return {
    firmItKw: add('firmItKw'),
    interruptibleItKw: add('interruptibleItKw'),
    grossKw: add('grossKw'),
    coolingKw: add('coolingKw'),
    overheadKw: add('overheadKw'),
    auxiliaryKw: add('auxiliaryKw'),
    totalKw: add('totalKw'),
  };
}
