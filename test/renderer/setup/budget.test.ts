import { describe, expect, it } from 'vitest';
import { estimateBudget, formatCount, formatDuration, formatSeconds, median } from '../../../renderer/src/setup/budget';

describe('estimateBudget', () => {
  it('counts K·(2d+1) evaluations per iteration and K·(2d+1)·iterations in all (the paper’s two-modal case: 450)', () => {
    const budget = estimateBudget({ components: 3, nTheta: 2, iterations: 30, secondsPerEvaluation: null, concurrency: 4 });
    expect(budget.evaluationsPerIteration).toBe(15);
    expect(budget.evaluations).toBe(450);
    expect(budget.evaluationFormula).toBe('K·(2d+1)·iterations = 3·(2·2+1)·30 = 450 evaluations');
  });

  it('has no wall time until the time of one evaluation is known', () => {
    const budget = estimateBudget({ components: 3, nTheta: 2, iterations: 30, secondsPerEvaluation: null, concurrency: 4 });
    expect(budget.wallSeconds).toBeNull();
    expect(budget.timeFormula).toBeNull();
    expect(budget.wallText).toBeNull();
  });

  it('divides evaluations × seconds by the parallel slots (Darcy: 38 550 PDE solves of 2 s on 8 cores)', () => {
    const budget = estimateBudget({ components: 3, nTheta: 128, iterations: 50, secondsPerEvaluation: 2, concurrency: 8 });
    expect(budget.evaluations).toBe(38_550);
    expect(budget.wallSeconds).toBeCloseTo((38_550 * 2) / 8, 9);
    expect(budget.timeFormula).toBe('38\u202f550 × 2 s ÷ 8 slots ≈ 2 h 41 min');
    expect(budget.wallText).toBe('about 2 h 40 min');
  });

  it('never counts more slots than one iteration has evaluations', () => {
    const budget = estimateBudget({ components: 1, nTheta: 1, iterations: 10, secondsPerEvaluation: 1, concurrency: 16 });
    expect(budget.slots).toBe(3);
    expect(budget.wallSeconds).toBeCloseTo(10, 9);
    expect(budget.timeFormula).toBe('30 × 1 s ÷ 3 slots ≈ 10 s');
  });

  it('says "1 slot" and "1 evaluation" in the singular', () => {
    const budget = estimateBudget({ components: 1, nTheta: 0, iterations: 1, secondsPerEvaluation: 0.5, concurrency: 1 });
    expect(budget.evaluationFormula.endsWith('= 1 evaluation')).toBe(true);
    expect(budget.timeFormula).toBe('1 × 500 ms ÷ 1 slot ≈ 500 ms');
  });
});

describe('formatting', () => {
  it('writes expected durations in human units', () => {
    expect(formatDuration(0.3)).toBe('under a second');
    expect(formatDuration(42.4)).toBe('about 42 s');
    expect(formatDuration(240)).toBe('about 4 min');
    expect(formatDuration(3599)).toBe('about 1 h');
    expect(formatDuration(2 * 3600 + 9 * 60)).toBe('about 2 h 10 min');
    expect(formatDuration(2 * 3600 + 58 * 60)).toBe('about 3 h');
    expect(formatDuration(3 * 86_400 + 4 * 3600)).toBe('about 3 days 4 h');
    expect(formatDuration(86_400)).toBe('about 1 day');
  });

  it('writes measured times with a sensible unit and precision', () => {
    expect(formatSeconds(0.0004)).toBe('0.4 ms');
    expect(formatSeconds(0.01234)).toBe('12.3 ms');
    expect(formatSeconds(1.5)).toBe('1.5 s');
    expect(formatSeconds(42.2)).toBe('42 s');
    expect(formatSeconds(200)).toBe('3 min 20 s');
    expect(formatSeconds(7500)).toBe('2 h 5 min');
  });

  it('groups thousands with a thin space', () => {
    expect(formatCount(450)).toBe('450');
    expect(formatCount(38_550)).toBe('38\u202f550');
    expect(formatCount(1_234_567)).toBe('1\u202f234\u202f567');
  });

  it('takes the median of measurements, ignoring one slow first call', () => {
    expect(median([0.9, 0.01, 0.012])).toBe(0.012);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(RangeError);
  });
});
