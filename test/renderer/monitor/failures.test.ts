// The run monitor's failed evaluations per iteration (renderer/src/monitor/failures.ts), from the
// iterations as run/iterations sends them (diagnostics.failures, settings.onEvaluationFailure "skip").
import { describe, expect, it } from 'vitest';
import type { IterationData } from '../../../electron/contract/types';
import type { IterationFailures } from '../../../core/inversion/types';
import { failureRows, leftOutText, skippedAtLastIteration } from '../../../renderer/src/monitor/failures';
import { mergeIterations } from '../../../renderer/src/monitor/history';

function iteration(i: number, failures?: IterationFailures): IterationData {
  return {
    iteration: i,
    weights: [0.5, 0.3, 0.2],
    means: [[i], [-i], [0]],
    covariances: [[[1]], [[1]], [[1]]],
    // Over HTTP a skipped component's NaN misfit arrives as null.
    diagnostics: { misfit: [1, null as unknown as number, 2], jitter: [0, 0, 0], explorationEss: [null, null, null], ...(failures ? { failures } : {}) },
    forwardEvaluations: 9 * i,
    elapsedSeconds: i,
  };
}

describe('failures per iteration', () => {
  const history = mergeIterations(
    [],
    [iteration(0), iteration(1), iteration(2, { count: 2, perComponent: [0, 1, 1] }), iteration(3), iteration(4, { count: 1, perComponent: [1, 0, 0] })],
  );

  it('lists the iterations with failures, their count and the components skipped', () => {
    expect(failureRows(history)).toEqual([
      { iteration: 2, failed: 2, skipped: [1, 2], particles: [] },
      { iteration: 4, failed: 1, skipped: [0], particles: [] },
    ]);
    expect(failureRows(history).map((row) => leftOutText(row))).toEqual(['components 1 and 2 skipped', 'component 0 skipped']);
  });

  it('names the components the last iteration skipped, and none when it skipped none', () => {
    expect(skippedAtLastIteration(history)).toEqual([0]);
    expect(skippedAtLastIteration(history.slice(0, 4))).toEqual([]);
    expect(skippedAtLastIteration([])).toEqual([]);
  });

  it("names a particle method's failed particles, never a skipped component", () => {
    const particles = mergeIterations([], [iteration(1, { count: 3, particles: [3, 17, 40] })]);
    const [row] = failureRows(particles);
    expect(leftOutText(row)).toBe('particles 3, 17 and 40 left out');
    expect(skippedAtLastIteration(particles)).toEqual([]);
  });

  it('keeps long lists short', () => {
    const many = Array.from({ length: 30 }, (_, j) => j);
    expect(leftOutText({ iteration: 1, failed: 30, skipped: [], particles: many }, 3)).toBe('particles 0, 1, 2 and 27 more left out');
  });

  it('has nothing to show for a run without failures', () => {
    expect(failureRows(mergeIterations([], [iteration(0), iteration(1)]))).toEqual([]);
  });
});
