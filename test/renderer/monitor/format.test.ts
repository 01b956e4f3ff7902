import { describe, expect, it } from 'vitest';
import { formatCount, formatDuration, percentDone, type ProgressFigures } from '../../../renderer/src/monitor/format';

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

describe('formatDuration', () => {
  it('keeps one decimal under ten seconds and whole seconds up to a minute', () => {
    expect(formatDuration(0.04)).toBe('0 s');
    expect(formatDuration(3.46)).toBe('3.5 s');
    expect(formatDuration(45.4)).toBe('45 s');
  });
  it('writes the two largest units and drops a zero second unit', () => {
    expect(formatDuration(200)).toBe('3 min 20 s');
    expect(formatDuration(120)).toBe('2 min');
    expect(formatDuration(2 * 3600 + 5 * 60 + 7)).toBe('2 h 5 min');
    expect(formatDuration(3 * 86400 + 4 * 3600)).toBe('3 d 4 h');
  });
  it('shows a dash for an unknown, negative or infinite duration', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(-1)).toBe('—');
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe('—');
  });
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

describe('formatCount', () => {
  it('groups thousands with a space whatever the locale', () => {
    expect(formatCount(1234567)).toBe('1 234 567');
    expect(formatCount(999)).toBe('999');
  });
});
