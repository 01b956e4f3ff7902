/** The sentence a user reads when a forward evaluation fails. */
import { describePointLabel, formatTheta } from '../../../core/inversion/errors';
import type { EvaluationBatch, EvaluationPoint } from '../../../core/inversion/types';
import type { EvaluationFailureKind, EvaluationOutcome } from '../models/host';

const WHAT_HAPPENED: Record<EvaluationFailureKind, string> = {
  threw: 'the model raised an error',
  'bad-output': 'the model returned an unusable output',
  timeout: 'the model did not answer in time',
  crashed: 'the model process crashed',
  protocol: 'the model answered something that is not a valid reply',
  http: 'the model server answered with an error',
  cancelled: 'the evaluation was cancelled',
};

/**
 * E.g. `iteration 3, component 2, sigma point 4 at θ = (theta1 = 0.5, theta2 = -1): the model
 * raised an error: division by zero`. Components, particles and sigma points count from 0 (sigma
 * point 0 is the centre), as in the result files.
 */
export function describeFailedEvaluation(
  iteration: number,
  point: EvaluationPoint,
  kind: EvaluationFailureKind,
  modelWords: string | null,
  parameterNames: readonly string[],
): string {
  const where = `iteration ${iteration}, ${describePointLabel(point.label)}`;
  return `${where} ${describeFailureAt(point.theta, kind, modelWords, parameterNames)}`;
}

/** E.g. `at θ = (theta1 = 0.5, theta2 = -1): the model raised an error: division by zero`. */
export function describeFailureAt(theta: readonly number[], kind: EvaluationFailureKind, modelWords: string | null, parameterNames: readonly string[]): string {
  const said = modelWords ? `: ${modelWords}` : '';
  return `at θ = (${formatTheta(theta, parameterNames)}): ${WHAT_HAPPENED[kind]}${said}`;
}

/**
 * The first failed evaluation of a batch (failures other than 'cancelled') without its iteration,
 * which the message it is an example in has said already: `component 1, sigma point 3 at θ = (…):
 * the model raised an error: …`; null when none failed.
 */
export function describeFirstFailure(batch: EvaluationBatch, outcomes: readonly EvaluationOutcome[], parameterNames: readonly string[]): string | null {
  const first = outcomes.find((outcome) => outcome.failure !== null && outcome.failure !== 'cancelled');
  if (!first) return null;
  const point = batch.points[first.index];
  return `${describePointLabel(point.label)} ${describeFailureAt(point.theta, first.failure!, first.error, parameterNames)}`;
}
