/**
 * The load-by-class columns every table shows, in one order: firm IT, interruptible IT,
 * cooling, auxiliary, total.
 */
export interface LoadFigures {
  readonly firmItKw: number;
  readonly interruptibleItKw: number;
  readonly coolingKw: number;
  readonly auxiliaryKw: number;
  readonly totalKw: number;
}

export function loadCells(load: LoadFigures, format: (kw: number) => string): string[] {
  return [load.firmItKw, load.interruptibleItKw, load.coolingKw, load.auxiliaryKw, load.totalKw].map(format);
}

/** The site's normal-operation load by class: the sum over its buses. */
export function sumLoads(loads: readonly LoadFigures[]): LoadFigures {
  const add = (key: keyof LoadFigures) => loads.reduce((total, l) => total + l[key], 0);
  return {
    firmItKw: add('firmItKw'),
    interruptibleItKw: add('interruptibleItKw'),
    coolingKw: add('coolingKw'),
    auxiliaryKw: add('auxiliaryKw'),
    totalKw: add('totalKw'),
  };
}
