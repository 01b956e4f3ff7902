/**
 * Row operations of the parameters table. They edit the problem in place (the draft's reactive
 * JSON) and keep what has one entry per parameter in step, in the parameters' order: an optional
 * `priorCorrelation` (one row and column each) and an optional `reference.theta` (one value each;
 * a new parameter's is left blank, for the user to fill in — validation names it until then).
 */
import { removeFromCorrelation, resizeCorrelation, swapInCorrelation } from './correlation';
import { arrayAt, setAt } from './json-path';

type Problem = Record<string, unknown>;

function correlation(problem: Problem): number[][] | null {
  return Array.isArray(problem.priorCorrelation) ? (problem.priorCorrelation as number[][]) : null;
}

/** The reference values, when the problem has a `reference` with a `theta` list. */
function referenceTheta(problem: Problem): unknown[] | null {
  const theta = (problem.reference as { theta?: unknown } | undefined)?.theta;
  return Array.isArray(theta) ? theta : null;
}

function setReferenceTheta(problem: Problem, theta: unknown[]): void {
  setAt(problem, ['reference', 'theta'], theta);
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
  const reference = referenceTheta(problem);
  if (reference) setReferenceTheta(problem, [...reference, null]);
}

export function removeParameter(problem: Problem, index: number): void {
  setAt(
    problem,
    ['parameters'],
    arrayAt(problem, ['parameters']).filter((_, i) => i !== index),
  );
  const rho = correlation(problem);
  if (rho) problem.priorCorrelation = removeFromCorrelation(rho, index);
  const reference = referenceTheta(problem);
  if (reference)
    setReferenceTheta(
      problem,
      reference.filter((_, i) => i !== index),
    );
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
  const reference = referenceTheta(problem);
  if (reference) {
    const moved = [...reference];
    [moved[index], moved[other]] = [moved[other], moved[index]];
    setReferenceTheta(problem, moved);
  }
}

/**
 * Adds a `reference` (problem-format.md §1.4) with one blank value per parameter and the label
 * "truth"; the user types the values (validation names each blank one until then).
 */
export function addReference(problem: Problem): void {
  const d = arrayAt(problem, ['parameters']).length;
  problem.reference = { theta: Array.from({ length: d }, () => null), label: 'truth' };
}

export function removeReference(problem: Problem): void {
  delete problem.reference;
}
