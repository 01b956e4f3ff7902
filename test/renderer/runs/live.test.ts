import { describe, expect, it } from 'vitest';
import { replaceRun, withProgress, withStatus } from '../../../renderer/src/runs/live';
import { runSummary } from './support';

describe('live updates of the run list', () => {
  const runs = [runSummary({ id: 'a', status: 'running', iterationsDone: 2 }), runSummary({ id: 'b' })];

  it('takes state and counts from a progress event without touching other runs', () => {
    const next = replaceRun(runs, 'a', (run) =>
      withProgress(run, {
        runId: 'a',
        status: 'running',
        iteration: 5,
        iterations: 30,
        evaluationsDone: 60,
        evaluationsTotal: 270,
        evaluationsFailed: 0,
        evaluationsInFlight: 3,
        elapsedSeconds: 4,
        etaSeconds: 20,
        weights: [1],
        misfit: [0],
      }),
    )!;
    expect(next[0]).toMatchObject({ iterationsDone: 5, forwardEvaluations: 60, elapsedSeconds: 4, status: 'running' });
    expect(next[1]).toBe(runs[1]);
    expect(runs[0].iterationsDone).toBe(2);
  });

  it('takes the new state and its cause from a status event', () => {
    const next = replaceRun(runs, 'a', (run) => withStatus(run, { runId: 'a', status: 'failed', error: 'model said no' }))!;
    expect(next[0]).toMatchObject({ status: 'failed', error: 'model said no' });
  });

  it('answers null for a run it does not list', () => {
    expect(replaceRun(runs, 'zzz', (run) => run)).toBeNull();
  });
});
