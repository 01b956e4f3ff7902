/**
 * Warnings of a valid problem (`problem-format.md` §1.3): nothing stops it from running, but a
 * known way for the result to mislead is set up. `gmki validate`, `gmki run`'s summary, `runs
 * show`, `--json` and the app's problem editor and run view show them.
 *
 * - `observations`: fewer observed values than parameters and no prior ("prior": "none") — the
 *   data pin only a curve or surface of θ (the circle example: θ1² + θ2² = 1), the posterior is
 *   spread along all of it and unbounded along it, and the Gaussian methods stretch their
 *   components along it into needles or let their covariances grow without end (GMKI on the
 *   circle; GMKI on a log density wrapped as F = √(2(c − log π)), y = 0: covariances to 10⁶).
 */
import type { ProblemError, ResolvedProblem } from './types';
import { LOG_DENSITY_METHODS } from './types';

export function problemWarnings(problem: ResolvedProblem): ProblemError[] {
  const d = problem.parameterNames.length;
  const nY = problem.observations.values.length;
  if (problem.output.kind !== 'observations' || problem.prior.kind !== 'none' || nY >= d) return [];
  const values = `${nY} observed value${nY === 1 ? '' : 's'}`;
  const fix =
    problem.settings.method === 'smc'
      ? 'Add a prior ("prior": "gaussian") or more observations.'
      : `Add a prior ("prior": "gaussian") or more observations; or, if the model is a wrapped log density such as √(2(c − log π)), let it return log π itself ("output": "logDensity", methods ${LOG_DENSITY_METHODS.join(' or ')}).`;
  return [
    {
      path: 'observations',
      message:
        `${values} for ${d} parameters and no prior: the data constrain only a ${d - nY === 1 ? 'curve' : 'surface'} of θ, along which nothing bounds the posterior. ` +
        `Gaussian methods describe such a posterior poorly (GMKI fails on the circle example this way, and its covariances can grow without end). ${fix}`,
    },
  ];
}
