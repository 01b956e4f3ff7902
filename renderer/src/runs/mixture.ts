/**
 * From what the channels carry to what the chart builders take: an iteration's plain arrays to
 * core's Mixture (in u), and a problem-as-run to its parameter names and transforms (so every
 * axis is in physical units).
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
}

/** Parameter names and transforms of a problem as run (identity for any parameter core cannot read). */
export function parameterSpaceOf(problem: Readonly<Record<string, unknown>>): ParameterSpace {
  const parsed = parseProblem(problem);
  if (parsed.ok) return { names: [...parsed.problem.parameterNames], transforms: [...parsed.problem.transforms] };
  const parameters = Array.isArray(problem.parameters) ? (problem.parameters as { name?: unknown }[]) : [];
  return {
    names: parameters.map((parameter, i) => (typeof parameter?.name === 'string' ? parameter.name : `θ${i + 1}`)),
    transforms: parameters.map(() => identityTransform()),
  };
}
