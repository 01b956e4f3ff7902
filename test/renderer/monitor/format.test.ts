import { describe, expect, it } from 'vitest';
import { percentDone, type ProgressFigures } from '../../../renderer/src/monitor/format';

const figures = (over: Partial<ProgressFigures>): ProgressFigures => ({
  iteration: 0,
  iterations: 10,
  evaluationsDone: 0,
  evaluationsTotal: 0,
  evaluationsFailed: 0,
  evaluationsInFlight: 0,
  elapsedSeconds: 0,
  etaSeconds: null,
  ...over,
});

describe('percentDone', () => {
  it('counts evaluations when their total is known, iterations otherwise', () => {
    expect(percentDone(figures({ iteration: 2, evaluationsDone: 25, evaluationsTotal: 100 }))).toBe(25);
    expect(percentDone(figures({ iteration: 3 }))).toBe(30);
  });
  it('stays below 100 until the last iteration is committed', () => {
    expect(percentDone(figures({ iteration: 9, evaluationsDone: 100, evaluationsTotal: 100 }))).toBe(99);
    expect(percentDone(figures({ iteration: 10, evaluationsDone: 100, evaluationsTotal: 100 }))).toBe(100);
  });
  it('clamps overshoot (extra evaluations of retries) to 100', () => {
    expect(percentDone(figures({ iteration: 10, evaluationsDone: 130, evaluationsTotal: 100 }))).toBe(100);
  });
});
