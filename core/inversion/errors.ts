/** Checks of what a forward model returned, shared by every host so that messages agree. */
import type { ModelOutputKind } from '../problem/types';
import type { EvaluationPoint, PointLabel } from './types';

/**
 * The largest |log π| a log-density model may return: beyond it the value is no density a
 * computation could use (exp overflows long before) and most likely an error code or garbage.
 */
export const MAX_ABS_LOG_DENSITY = 1e300;

/**
 * Why `output` is not a valid model output of length `expectedLength`, or null when it is.
 * The sentence says what came back, e.g. "returned 3 numbers, expected 2" or
 * "returned NaN at output 2 (of 2)". A `logDensity` output is one number, log π(θ): −Infinity
 * (zero density, outside the support) is valid; NaN, +Infinity and |log π| > 1e300 are not.
 */
export function describeOutputProblem(output: unknown, expectedLength: number, kind: ModelOutputKind = 'observations'): string | null {
  if (kind === 'logDensity') return describeLogDensityProblem(output);
  if (!Array.isArray(output) && !(output instanceof Float64Array)) return `returned ${describeValue(output)}, expected an array of ${expectedLength} numbers`;
  if (output.length !== expectedLength) return `returned ${output.length} number${output.length === 1 ? '' : 's'}, expected ${expectedLength}`;
  for (let i = 0; i < output.length; i++) {
    const value: unknown = output[i];
    if (typeof value !== 'number') return `returned ${describeValue(value)} at output ${i + 1} (of ${expectedLength})`;
    if (!Number.isFinite(value)) return `returned ${value} at output ${i + 1} (of ${expectedLength})`;
  }
  return null;
}

function describeLogDensityProblem(output: unknown): string | null {
  if (typeof output === 'number') return `returned the number ${output}, expected a list of one number, [log π] (e.g. return [${output}])`;
  if (!Array.isArray(output) && !(output instanceof Float64Array)) return `returned ${describeValue(output)}, expected a list of one number, [log π]`;
  if (output.length !== 1) return `returned ${output.length} numbers, expected one, the log density [log π]`;
  const value: unknown = output[0];
  if (typeof value !== 'number') return `returned ${describeValue(value)} as its log density, expected a number`;
  if (Number.isNaN(value)) return 'returned NaN as its log density';
  if (value === Number.POSITIVE_INFINITY) return 'returned +Infinity as its log density (an infinite density)';
  if (Math.abs(value) > MAX_ABS_LOG_DENSITY && Number.isFinite(value)) {
    return `returned ${value} as its log density, which is no plausible log density (|log π| must stay below 1e300; −Infinity means zero density)`;
  }
  return null;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'object') return `an object (${JSON.stringify(value)?.slice(0, 60) ?? '?'})`;
  return `${typeof value} ${String(value)}`;
}

/** Formats θ with parameter names: `theta1 = 0.5, theta2 = -1.25`. */
export function formatTheta(theta: readonly number[], parameterNames: readonly string[]): string {
  return theta.map((value, i) => `${parameterNames[i] ?? `θ${i + 1}`} = ${value}`).join(', ');
}

/** Where a point sits in its iteration, 0-based as in the result files: `component 2, sigma point 3` or `particle 17`. */
export function describePointLabel(label: PointLabel): string {
  return label.kind === 'sigma-point' ? `component ${label.component}, sigma point ${label.sigmaPoint}` : `particle ${label.particle}`;
}

/** A forward evaluation gave something the algorithm cannot use. */
export class ModelOutputError extends Error {
  constructor(
    readonly iteration: number,
    readonly point: EvaluationPoint,
    readonly problem: string,
    parameterNames: readonly string[],
  ) {
    super(`iteration ${iteration}, ${describePointLabel(point.label)}: ` + `the model ${problem} at θ = (${formatTheta(point.theta, parameterNames)})`);
    this.name = 'ModelOutputError';
  }
}
