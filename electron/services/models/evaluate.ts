/**
 * Runs one iteration's batch of forward evaluations through a loaded model and checks every
 * output. Outputs are placed by the point's index, so the result never depends on timing or on
 * `concurrency`; when several points fail, the one with the lowest index is reported (points
 * start in index order and none starts after a failure, so that point is always evaluated).
 */
import { describeOutputProblem } from '../../../core/inversion/errors';
import type { EvaluationPoint } from '../../../core/inversion/types';
import { EvaluationFailure, thrownMessage } from './types';
import type { ForwardFunctions } from './types';

export interface EvaluateOptions {
  /** n_y, the length every output must have. */
  readonly nOutputs: number;
  /** At most this many `forward` calls in flight at once (≥ 1). */
  readonly concurrency: number;
  /** Called with the number of evaluations of this batch done so far. */
  readonly onEvaluated?: (done: number) => void;
}

/**
 * @returns outputs[i] = G(points[i].theta), each of length nOutputs and finite
 * @throws EvaluationFailure naming the point (or the whole batch for `forwardBatch`)
 */
export async function evaluateBatch(
  model: ForwardFunctions,
  points: readonly EvaluationPoint[],
  options: EvaluateOptions,
): Promise<number[][]> {
  if (model.forwardBatch) return evaluateWithBatch(model.forwardBatch, points, options);
  if (model.forward) return evaluateEach(model.forward, points, options);
  throw new Error('the model has neither forward nor forwardBatch');
}

async function evaluateWithBatch(
  forwardBatch: NonNullable<ForwardFunctions['forwardBatch']>,
  points: readonly EvaluationPoint[],
  options: EvaluateOptions,
): Promise<number[][]> {
  let returned: unknown;
  try {
    // Copies, so that a model that modifies its input cannot change the algorithm's points.
    returned = await forwardBatch(points.map((point) => [...point.theta]));
  } catch (error) {
    throw new EvaluationFailure(null, 'threw', thrownMessage(error), points.length);
  }
  if (!Array.isArray(returned) || returned.length !== points.length) {
    const what = Array.isArray(returned) ? `${returned.length} outputs` : describeNonArray(returned);
    throw new EvaluationFailure(
      null,
      'bad-output',
      `forwardBatch returned ${what} for ${points.length} points`,
      points.length,
    );
  }
  const outputs = points.map((point) => checkedOutput(returned[point.index], point, points.length, options.nOutputs));
  options.onEvaluated?.(points.length);
  return outputs;
}

async function evaluateEach(
  forward: NonNullable<ForwardFunctions['forward']>,
  points: readonly EvaluationPoint[],
  options: EvaluateOptions,
): Promise<number[][]> {
  const outputs: number[][] = new Array<number[]>(points.length);
  const failures: EvaluationFailure[] = [];
  let next = 0;
  let done = 0;

  const slot = async (): Promise<void> => {
    while (failures.length === 0 && next < points.length) {
      const point = points[next++]!;
      let output: unknown;
      try {
        output = await forward([...point.theta]);
      } catch (error) {
        failures.push(new EvaluationFailure(point, 'threw', thrownMessage(error), points.length));
        return;
      }
      try {
        outputs[point.index] = checkedOutput(output, point, points.length, options.nOutputs);
      } catch (failure) {
        failures.push(failure as EvaluationFailure);
        return;
      }
      options.onEvaluated?.(++done);
    }
  };

  const slots = Math.max(1, Math.min(Math.floor(options.concurrency), points.length));
  await Promise.all(Array.from({ length: slots }, slot));
  if (failures.length > 0) throw failures.reduce((a, b) => (b.point!.index < a.point!.index ? b : a));
  return outputs;
}

/**
 * The output as a plain array of n_y finite numbers.
 * @throws EvaluationFailure saying what came back instead — also for values that throw when
 *   read (a getter or proxy in the model's return value must not look like a bug of ours)
 */
function checkedOutput(output: unknown, point: EvaluationPoint, batchSize: number, nOutputs: number): number[] {
  let problem: string | null;
  let values: number[] = [];
  try {
    problem = describeOutputProblem(output, nOutputs);
    if (!problem) values = Array.from(output as ArrayLike<number>);
  } catch (error) {
    problem = `returned a value that could not be read (${thrownMessage(error)})`;
  }
  if (problem) throw new EvaluationFailure(point, 'bad-output', problem, batchSize);
  return values;
}

function describeNonArray(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  return `a ${typeof value} instead of an array`;
}
