import { describe, expect, it } from 'vitest';
import { mixtureFromJson } from '../../core/gmki/state';
import type { IterationRecord } from '../../core/inversion/types';
import { createProgressReporter } from '../../electron/cli/progress';

function record(iteration: number, forwardEvaluations: number): IterationRecord {
  return {
    iteration,
    forwardEvaluations,
    mixture: mixtureFromJson({ weights: [0.25, 0.75], means: [[0], [1]], covariances: [[[1]], [[1]]] }),
    diagnostics: { misfit: [3.5, 1.25], jitter: [0, 0], explorationEss: [null, null] },
  };
}

describe('progress reporter', () => {
  it('writes one line per iteration with evaluations, elapsed, weights and the best misfit', () => {
    const written: string[] = [];
    const progress = createProgressReporter({
      mode: 'lines',
      write: (text) => written.push(text),
      totalIterations: 10,
      evaluationsPerIteration: 6,
      elapsed: () => 0,
    });
    progress.evaluated(3);
    progress.iterationDone(record(1, 6), 0.5);
    progress.finish();
    expect(written).toEqual(['iteration  1/10  evaluations 6/60  elapsed 0.50 s  weights 0.250 0.750  best misfit 1.25\n']);
  });

  it('redraws one bar in place, at most ten times a second, with an ETA', () => {
    const written: string[] = [];
    let now = 0;
    const progress = createProgressReporter({
      mode: 'bar',
      write: (text) => written.push(text),
      totalIterations: 2,
      evaluationsPerIteration: 4,
      elapsed: () => now,
    });
    now = 1;
    progress.evaluated(1);
    now = 1.01;
    progress.evaluated(2); // too soon: not drawn
    now = 2;
    progress.iterationDone(record(1, 4), 2);
    progress.finish();
    expect(written).toHaveLength(3);
    expect(written[0]).toBe('\r' + 'iteration 1/2 [###-----------------] 1/8 evaluations  elapsed 1.00 s  ETA 7.00 s\x1b[K');
    expect(written[1]).toBe('\r' + 'iteration 2/2 [##########----------] 4/8 evaluations  elapsed 2.00 s  ETA 2.00 s\x1b[K');
    expect(written[2]).toBe('\n');
  });

  it('cuts the bar to the terminal width so that it never wraps', () => {
    const written: string[] = [];
    const progress = createProgressReporter({
      mode: 'bar',
      write: (text) => written.push(text),
      totalIterations: 30,
      evaluationsPerIteration: 15,
      columns: 40,
      elapsed: () => 1,
    });
    progress.evaluated(1);
    expect(written[0]!.replace('\r', '').replace('\x1b[K', '')).toHaveLength(39);
  });
});
