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
