/**
 * From what the channels carry to what the chart builders take: an iteration's plain arrays to
 * core's Mixture (in u), and a problem-as-run to its parameter names and transforms (so every
 * axis is in physical units) and its reference values, if any.
 */
import type { Mixture } from '../../../core/gmki/state';
import { parseProblem } from '../../../core/problem/parse';
import { identityTransform } from '../../../core/problem/transforms';
import type { ParameterTransform } from '../../../core/problem/types';
import type { IterationData } from '../../../electron/contract/types';

/** The mixture of one iteration as core's row-major Float64Arrays. */
export function mixtureOf(iteration: IterationData): Mixture {
  const k = iteration.weights.length;
  const d = iteration.means[0]?.length ?? 0;
  return {
    nComponents: k,
    nTheta: d,
    logWeights: Float64Array.from(iteration.weights, Math.log),
    means: Float64Array.from(iteration.means.flat()),
    covariances: Float64Array.from(iteration.covariances.flatMap((rows) => rows.flat())),
  };
}

/** A run's parameters: names and the transforms from u to physical units. */
export interface ParameterSpace {
  readonly names: string[];
  readonly transforms: ParameterTransform[];
  /** The problem's reference values (problem-format.md §1.4) in physical units, or null when it has none. */
  readonly reference: ParameterReference | null;
}

/** Known values of all d parameters, e.g. the truth of a synthetic problem. */
export interface ParameterReference {
  readonly label: string;
  readonly values: number[];
}

/** Parameter names and transforms of a problem as run (identity for any parameter core cannot read). */
export function parameterSpaceOf(problem: Readonly<Record<string, unknown>>): ParameterSpace {
  const parsed = parseProblem(problem);
  if (parsed.ok) {
    const reference = parsed.problem.reference;
    return {
      names: [...parsed.problem.parameterNames],
      transforms: [...parsed.problem.transforms],
      reference: reference ? { label: reference.label, values: Array.from(reference.theta) } : null,
    };
  }
  const parameters = Array.isArray(problem.parameters) ? (problem.parameters as { name?: unknown }[]) : [];
  return {
    names: parameters.map((parameter, i) => (typeof parameter?.name === 'string' ? parameter.name : `θ${i + 1}`)),
    transforms: parameters.map(() => identityTransform()),
    // Values that core could not check against the parameters are not shown as a reference.
    reference: null,
  };
}
