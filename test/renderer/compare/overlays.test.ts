import { describe, expect, it } from 'vitest';
import type { EChartsOption } from 'echarts';
import type { IterationData, IterationHistory } from '../../../electron/contract/types';
import { chartHistoryOf, posteriorOf, recolour } from '../../../renderer/src/compare/overlays';

function iteration(n: number, misfit: (number | null)[]): IterationData {
  return {
    iteration: n,
    weights: [0.25, 0.75],
    means: [[n], [-n]],
    covariances: [[[1]], [[2]]],
    diagnostics: { misfit: misfit as number[], jitter: [0, 0], explorationEss: [null, null] },
    forwardEvaluations: n * 6,
    elapsedSeconds: n,
  };
}

const history = (iterations: IterationData[]): IterationHistory => ({ runId: 'r', parameterNames: ['x'], space: 'unconstrained', iterations });
const problem = {
  format: 'gmki-problem/1',
  name: 'p',
  parameters: [{ name: 'x', prior: { mean: 2, std: 1, lower: 0 } }],
  observations: { values: [1], noise: { std: 1 } },
  model: { type: 'builtin', name: 'square-map-1d' },
};

describe('posteriorOf', () => {
  it("takes the last committed mixture with the problem's names and transforms", () => {
    const posterior = posteriorOf({ name: 'run', problem, history: history([iteration(0, [1, 2]), iteration(3, [1, 2])]) });
    expect(posterior?.names).toEqual(['x']);
    expect(Array.from(posterior!.mixture.means)).toEqual([3, -3]);
    expect(posterior?.transforms[0].kind).toBe('lower');
  });

  it('is null before the first iteration', () => {
    expect(posteriorOf({ name: 'run', problem, history: history([]) })).toBeNull();
  });

  it('is null for a run that stopped at iteration 0: its initial mixture is drawn from the prior, not a posterior', () => {
    expect(posteriorOf({ name: 'run', problem, history: history([iteration(0, [null, null])]) })).toBeNull();
  });
});

describe('chartHistoryOf', () => {
  it('keeps every iteration and turns misfits that JSON made null into NaN (gaps in the curves)', () => {
    const entries = chartHistoryOf(history([iteration(0, [null, null]), iteration(1, [0.5, null])]));
    expect(entries.map((entry) => entry.iteration)).toEqual([0, 1]);
    expect(entries[1].diagnostics?.misfit[0]).toBe(0.5);
    expect(Number.isNaN(entries[1].diagnostics?.misfit[1])).toBe(true);
  });
});

describe('recolour', () => {
  it('gives series r the colour r and leaves the rest of the option alone', () => {
    const option: EChartsOption = {
      grid: { left: 1 },
      series: [
        { type: 'line', color: '#000' },
        { type: 'line', color: '#111' },
      ],
    };
    const recoloured = recolour(option, ['#abc', '#def']);
    expect((recoloured.series as { color: string }[]).map((one) => one.color)).toEqual(['#abc', '#def']);
    expect(recoloured.grid).toEqual({ left: 1 });
    expect((option.series as { color: string }[])[0].color).toBe('#000');
  });
});
