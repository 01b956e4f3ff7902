import { describe, expect, it } from 'vitest';
import type { IterationData, LogEntry } from '../../../electron/contract/types';
import { appendLogs, lastSeq, mergeIterations, nextIteration } from '../../../renderer/src/monitor/history';

function iteration(i: number, misfit: (number | null)[] = [1, 2]): IterationData {
  return {
    iteration: i,
    weights: [0.75, 0.25],
    means: [[i], [-i]],
    covariances: [[[1]], [[2]]],
    // Over HTTP non-finite misfits arrive as null.
    diagnostics: { misfit: misfit as number[], jitter: [0, 0], explorationEss: [null, null] },
    forwardEvaluations: 6 * i,
    elapsedSeconds: i,
  };
}

const line = (seq: number): LogEntry => ({ seq, at: '2026-01-01T00:00:00Z', stream: 'info', text: `line ${seq}` });

describe('mergeIterations', () => {
  it('turns iterations into history entries in order, mixtures in core form', () => {
    const history = mergeIterations([], [iteration(1), iteration(0)]);
    expect(history.map((entry) => entry.iteration)).toEqual([0, 1]);
    expect(Array.from(history[1].mixture.means)).toEqual([1, -1]);
    expect(Math.exp(history[1].mixture.logWeights[0])).toBeCloseTo(0.75, 12);
    expect(nextIteration(history)).toBe(2);
  });
  it('keeps an smc iteration’s tempering figures for its charts (and adds none to other methods)', () => {
    const smc = { stage: 2, beta: 0.4, ess: 60, logEvidence: null, step: 1, steps: 5, acceptance: 0.3, scale: 0.8, finished: false };
    const tempered = { ...iteration(3), diagnostics: { ...iteration(3).diagnostics, smc } };
    const history = mergeIterations([], [iteration(2), tempered]);
    expect(history[1]!.diagnostics).toEqual({ misfit: [1, 2], smc });
    expect(history[0]!.diagnostics).toEqual({ misfit: [1, 2] });
  });

  it('replaces a refetched iteration instead of repeating it', () => {
    const history = mergeIterations(mergeIterations([], [iteration(0), iteration(1)]), [iteration(1, [5, 6]), iteration(2)]);
    expect(history.map((entry) => entry.iteration)).toEqual([0, 1, 2]);
    expect(history[1].diagnostics?.misfit).toEqual([5, 6]);
  });
  it('turns null misfits into NaN, which the charts draw as gaps', () => {
    const [entry] = mergeIterations([], [iteration(3, [null, 2])]);
    expect(Number.isNaN(entry.diagnostics!.misfit[0])).toBe(true);
    expect(entry.diagnostics!.misfit[1]).toBe(2);
  });
  it("carries an iteration's failed evaluations, and adds none where there were none", () => {
    const failed = { ...iteration(2), diagnostics: { ...iteration(2).diagnostics, failures: { count: 1, perComponent: [0, 1] } } };
    const [clean, withFailures] = mergeIterations([], [iteration(1), failed]);
    expect(withFailures.diagnostics?.failures).toEqual({ count: 1, perComponent: [0, 1] });
    expect(clean.diagnostics).toEqual({ misfit: [1, 2] });
  });
  it('asks for iteration 0 first', () => {
    expect(nextIteration([])).toBe(0);
  });
});

describe('appendLogs', () => {
  it('appends only lines after the last held sequence number', () => {
    const logs = appendLogs([line(1), line(2)], [line(2), line(3), line(4)]);
    expect(logs.map((l) => l.seq)).toEqual([1, 2, 3, 4]);
    expect(lastSeq(logs)).toBe(4);
  });
  it('keeps the newest lines when over the cap', () => {
    const logs = appendLogs([line(1), line(2), line(3)], [line(4), line(5)], 3);
    expect(logs.map((l) => l.seq)).toEqual([3, 4, 5]);
  });
  it('follows from 0 when nothing is held', () => {
    expect(lastSeq([])).toBe(0);
  });
});
