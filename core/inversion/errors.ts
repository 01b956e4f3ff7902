/** Checks of what a forward model returned, shared by every host so that messages agree. */
import type { EvaluationPoint, PointLabel } from './types';

/**
 * Why `output` is not a valid model output of length `expectedLength`, or null when it is.
 * The sentence says what came back, e.g. "returned 3 numbers, expected 2" or
 * "returned NaN at output 2 (of 2)".
 */
export function describeOutputProblem(output: unknown, expectedLength: number): string | null {
  if (!Array.isArray(output) && !(output instanceof Float64Array))
    return `returned ${describeValue(output)}, expected an array of ${expectedLength} numbers`;
  if (output.length !== expectedLength)
    return `returned ${output.length} number${output.length === 1 ? '' : 's'}, expected ${expectedLength}`;
  for (let i = 0; i < output.length; i++) {
    const value: unknown = output[i];
    if (typeof value !== 'number') return `returned ${describeValue(value)} at output ${i + 1} (of ${expectedLength})`;
    if (!Number.isFinite(value)) return `returned ${value} at output ${i + 1} (of ${expectedLength})`;
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
    super(
      `iteration ${iteration}, ${describePointLabel(point.label)}: ` +
        `the model ${problem} at θ = (${formatTheta(point.theta, parameterNames)})`,
    );
    this.name = 'ModelOutputError';
  }
}
