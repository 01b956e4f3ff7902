import { describe, expect, it } from 'vitest';
import type { RunProgress } from '../../electron/services/runs/progress';
import { createThrottle } from '../../electron/services/runs/progress';
import { createRunProgressView } from '../../electron/cli/run-progress';

function progress(overrides: Partial<RunProgress>): RunProgress {
  return {
    runId: 'r',
    status: 'running',
    method: 'gmki-paper',
    iteration: 1,
    iterations: 10,
    evaluationsDone: 6,
    evaluationsTotal: 60,
    evaluationsFailed: 0,
    evaluationsInFlight: 0,
    elapsedSeconds: 0.5,
    etaSeconds: 4.5,
    weights: [0.25, 0.75],
    misfit: [3.5, 1.25],
    ...overrides,
  };
}

describe('run progress view', () => {
  it('writes one line per committed iteration with evaluations, elapsed, weights and the best misfit', () => {
    const written: string[] = [];
    const view = createRunProgressView('lines', (text) => written.push(text));
    view.show(progress({}));
    view.show(progress({ evaluationsDone: 9 })); // same iteration, evaluations in progress: no new line
    view.show(progress({ iteration: 2, evaluationsDone: 12, elapsedSeconds: 1 }));
    view.finish();
    expect(written).toEqual([
      'iteration  1/10  evaluations 6/60  elapsed 0.50 s  weights 0.250 0.750  best misfit 1.25\n',
      'iteration  2/10  evaluations 12/60  elapsed 1.00 s  weights 0.250 0.750  best misfit 1.25\n',
    ]);
  });

  it('shows the misfit alone for a method with one Gaussian or an ensemble', () => {
    const written: string[] = [];
    const view = createRunProgressView('lines', (text) => written.push(text));
    view.show(progress({ method: 'eks', weights: [1], misfit: [2.5] }));
    expect(written).toEqual(['iteration  1/10  evaluations 6/60  elapsed 0.50 s  misfit 2.5\n']);
  });

  it('redraws one bar in place with evaluations, failures and the ETA, cut to the terminal width', () => {
    const written: string[] = [];
    const view = createRunProgressView('bar', (text) => written.push(text), 60);
    view.show(progress({ iteration: 0, evaluationsDone: 3, evaluationsFailed: 1, elapsedSeconds: 1, etaSeconds: 19 }));
    view.finish();
    expect(written[0]).toBe('\r' + 'iteration 1/10 [#-------------------] 3/60 evaluations  1 failed  el'.slice(0, 59) + '\x1b[K');
    expect(written[0]!.length).toBeLessThan(70);
    expect(written.at(-1)).toBe('\n');
  });
});

describe('progress throttle', () => {
  it('passes at most one event per interval, the latest one, and forced events at once', () => {
    let now = 0;
    const emitted: number[] = [];
    const throttle = createThrottle<number>(
      (event) => emitted.push(event),
      100,
      () => now,
    );
    throttle.push(1);
    now = 10;
    throttle.push(2);
    throttle.push(3);
    now = 20;
    throttle.push(4, true);
    throttle.close();
    expect(emitted).toEqual([1, 4]);
  });
});
