import { describe, expect, it } from 'vitest';
import type { EvaluationEntry } from '../../../electron/contract/types';
import { MAX_PREDICTIONS, observationsOf, predictionsOf } from '../../../renderer/src/runs/predictive';

function entry(component: number, sigmaPoint: number, output: number[] | null): EvaluationEntry {
  return { iteration: 3, pointIndex: 0, component, sigmaPoint, theta: [0], output, error: output ? null : 'boom', durationMs: 1, slot: 0, attempts: 1 };
}

describe('observationsOf', () => {
  it('reads the data and the noise std of each value from a problem', () => {
    const observations = observationsOf({
      format: 'gmki-problem/1',
      name: 'p',
      parameters: [{ name: 'a', prior: { mean: 0, std: 1 } }],
      observations: { values: [1, 2], names: ['y1', 'y2'], noise: { std: [0.5, 2] } },
      model: { type: 'javascript', path: 'model.mjs' },
    });
    expect(observations).toEqual({ values: [1, 2], std: [0.5, 2], names: ['y1', 'y2'] });
  });

  it('answers null for a problem it cannot read', () => {
    expect(observationsOf({ name: 'broken' })).toBeNull();
  });
});

describe('predictionsOf', () => {
  it('takes sigma point 0 of each component, heaviest first, leaving out failed points and the weight floor', () => {
    const evaluations = [entry(0, 0, [1, 1]), entry(0, 1, [9, 9]), entry(1, 0, [2, 2]), entry(2, 0, null), entry(3, 0, [4, 4])];
    const predictions = predictionsOf(evaluations, [0.2, 0.7, 0.1 - 1e-9, 1e-9], 1e-9);
    expect(predictions.map((p) => p.component)).toEqual([1, 0]);
    expect(predictions[0]).toEqual({ name: 'Component 1 (70.0 %)', values: [2, 2], component: 1 });
  });

  it('shows at most MAX_PREDICTIONS components', () => {
    const k = MAX_PREDICTIONS + 3;
    const evaluations = Array.from({ length: k }, (_, c) => entry(c, 0, [c]));
    expect(
      predictionsOf(
        evaluations,
        Array.from({ length: k }, () => 1 / k),
        0,
      ),
    ).toHaveLength(MAX_PREDICTIONS);
  });
});
