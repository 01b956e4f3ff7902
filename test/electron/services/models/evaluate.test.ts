import { describe, expect, it } from 'vitest';
import type { EvaluationPoint } from '../../../../core/inversion/types';
import { evaluateBatch } from '../../../../electron/services/models/evaluate';
import { describeEvaluationFailure } from '../../../../electron/services/models/failure';
import { EvaluationFailure } from '../../../../electron/services/models/types';

function points(count: number): EvaluationPoint[] {
  return Array.from({ length: count }, (_, index) => ({
    index,
    component: Math.floor(index / 5),
    sigmaPoint: index % 5,
    theta: [index, -index],
  }));
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function failureOf(promise: Promise<unknown>): Promise<EvaluationFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof EvaluationFailure) return error;
    throw error;
  }
  throw new Error('expected an EvaluationFailure');
}

describe('evaluateBatch', () => {
  it('places outputs by index whatever order the evaluations finish in', async () => {
    // Later points finish first: timing must not change the result.
    const forward = async (theta: number[]): Promise<number[]> => {
      await delay(10 - theta[0]!);
      return [theta[0]! * 2];
    };
    const outputs = await evaluateBatch({ forward }, points(10), { nOutputs: 1, concurrency: 4 });
    expect(outputs).toEqual(Array.from({ length: 10 }, (_, i) => [i * 2]));
  });

  it('keeps at most `concurrency` forward calls in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const forward = async (theta: number[]): Promise<number[]> => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await delay(2);
      inFlight--;
      return [theta[0]!];
    };
    await evaluateBatch({ forward }, points(12), { nOutputs: 1, concurrency: 3 });
    expect(peak).toBe(3);
  });

  it('prefers forwardBatch and calls it once per batch', async () => {
    let batchCalls = 0;
    let singleCalls = 0;
    const model = {
      forward: (theta: number[]) => {
        singleCalls++;
        return [theta[0]!];
      },
      forwardBatch: (thetas: number[][]) => {
        batchCalls++;
        return thetas.map((theta) => [theta[1]!]);
      },
    };
    const outputs = await evaluateBatch(model, points(7), { nOutputs: 1, concurrency: 2 });
    expect([batchCalls, singleCalls]).toEqual([1, 0]);
    expect(outputs[3]).toEqual([-3]);
  });

  it('reports the lowest failing point even when a later one fails first', async () => {
    const forward = async (theta: number[]): Promise<number[]> => {
      if (theta[0] === 2) {
        await delay(20);
        throw new Error('slow failure');
      }
      if (theta[0] === 3) throw new Error('fast failure');
      return [0];
    };
    const failure = await failureOf(evaluateBatch({ forward }, points(10), { nOutputs: 1, concurrency: 4 }));
    expect(failure.point?.index).toBe(2);
    expect(failure.detail).toBe('slow failure');
  });

  it('reports what a bad output was, in the core wording', async () => {
    const cases: [unknown, RegExp][] = [
      [[NaN], /returned NaN at output 1 \(of 1\)/],
      [[1, 2], /returned 2 numbers, expected 1/],
      ['7', /returned the string "7", expected an array of 1 numbers/],
      [[Infinity], /returned Infinity/],
    ];
    for (const [value, pattern] of cases) {
      const failure = await failureOf(evaluateBatch({ forward: () => value }, points(1), { nOutputs: 1, concurrency: 1 }));
      expect(failure.kind).toBe('bad-output');
      expect(failure.detail).toMatch(pattern);
    }
  });

  it('blames the whole batch when forwardBatch throws or returns the wrong number of outputs', async () => {
    const threw = await failureOf(
      evaluateBatch({ forwardBatch: () => { throw new Error('cluster down'); } }, points(5), { nOutputs: 1, concurrency: 1 }),
    );
    expect([threw.point, threw.kind, threw.detail]).toEqual([null, 'threw', 'cluster down']);
    const short = await failureOf(evaluateBatch({ forwardBatch: () => [[1]] }, points(5), { nOutputs: 1, concurrency: 1 }));
    expect(short.detail).toBe('forwardBatch returned 1 outputs for 5 points');
  });

  it('gives the model copies of θ, so that it cannot change the points', async () => {
    const batch = points(2);
    await evaluateBatch({ forward: (theta) => { theta[0] = 99; return [0]; } }, batch, { nOutputs: 1, concurrency: 1 });
    expect(batch[1]!.theta).toEqual([1, -1]);
  });
});

describe('describeEvaluationFailure', () => {
  it('names the iteration, component, sigma point, θ by parameter, and the model\'s own message', () => {
    const point = points(8)[7]!;
    const text = describeEvaluationFailure(new EvaluationFailure(point, 'threw', 'mesh exploded', 8), 4, ['a', 'b']);
    expect(text).toBe('iteration 4, component 2, sigma point 2: the model threw an error at θ = (a = 7, b = -7): mesh exploded');
  });

  it('says what came back for a bad output', () => {
    const point = points(1)[0]!;
    const text = describeEvaluationFailure(new EvaluationFailure(point, 'bad-output', 'returned NaN at output 1 (of 1)', 1), 1, ['a', 'b']);
    expect(text).toBe('iteration 1, component 1, sigma point 0: the model returned NaN at output 1 (of 1) at θ = (a = 0, b = 0)');
  });
});
