/**
 * Row operations of the parameters table. They edit the problem in place (the draft's reactive
 * JSON) and keep an optional `priorCorrelation` in step: one row and column per parameter, in the
 * parameters' order.
 */
import { removeFromCorrelation, resizeCorrelation, swapInCorrelation } from './correlation';
import { arrayAt, setAt } from './json-path';

type Problem = Record<string, unknown>;

function correlation(problem: Problem): number[][] | null {
  return Array.isArray(problem.priorCorrelation) ? (problem.priorCorrelation as number[][]) : null;
}

/** A name no parameter has yet: theta1, theta2, … */
export function freshName(problem: Problem): string {
  const taken = new Set(arrayAt(problem, ['parameters']).map((p) => (p as { name?: unknown })?.name));
  let n = arrayAt(problem, ['parameters']).length + 1;
  while (taken.has(`theta${n}`)) n++;
  return `theta${n}`;
}

/** Appends a standard-normal parameter. */
export function addParameter(problem: Problem): void {
  const parameters = arrayAt(problem, ['parameters']);
  setAt(problem, ['parameters'], [...parameters, { name: freshName(problem), prior: { mean: 0, std: 1 } }]);
  const rho = correlation(problem);
  if (rho) problem.priorCorrelation = resizeCorrelation(rho, parameters.length + 1);
}

export function removeParameter(problem: Problem, index: number): void {
  setAt(problem, ['parameters'], arrayAt(problem, ['parameters']).filter((_, i) => i !== index));
  const rho = correlation(problem);
  if (rho) problem.priorCorrelation = removeFromCorrelation(rho, index);
}

/** Moves a row up (−1) or down (+1); nothing at either end. */
export function moveParameter(problem: Problem, index: number, delta: -1 | 1): void {
  const parameters = [...arrayAt(problem, ['parameters'])];
  const other = index + delta;
  if (other < 0 || other >= parameters.length) return;
  [parameters[index], parameters[other]] = [parameters[other], parameters[index]];
  setAt(problem, ['parameters'], parameters);
  const rho = correlation(problem);
  if (rho) problem.priorCorrelation = swapInCorrelation(rho, index, other);
}
