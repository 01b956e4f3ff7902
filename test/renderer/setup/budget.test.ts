import { describe, expect, it } from 'vitest';
import { estimateBudget, median } from '../../../renderer/src/setup/budget';
import { DEFAULT_TEST_SETTINGS } from '../../support/problems';

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

  it('counts the batch of the other methods, and the upper bound of smc (issue 10)', () => {
    const base = { components: 3, nTheta: 2, iterations: 30, secondsPerEvaluation: 0.01, concurrency: 4 };
    const uki = estimateBudget({ ...base, settings: { ...DEFAULT_TEST_SETTINGS, method: 'uki' } });
    expect(uki).toMatchObject({ evaluationsPerIteration: 5, evaluations: 150, bound: 'exact', evaluationFormula: '(2d+1)·iterations = (2·2+1)·30 = 150 evaluations' });
    const eks = estimateBudget({ ...base, settings: { ...DEFAULT_TEST_SETTINGS, method: 'eks', particles: 50 } });
    expect(eks).toMatchObject({ evaluationsPerIteration: 50, evaluations: 1500, evaluationFormula: 'J·iterations = 50·30 = 1\u202f500 evaluations' });
    const smc = estimateBudget({ ...base, settings: { ...DEFAULT_TEST_SETTINGS, method: 'smc', particles: 1000, mhSteps: 10, maxStages: 5 } });
    expect(smc).toMatchObject({ evaluationsPerIteration: 1000, evaluations: 51_000, bound: 'at-most', slots: 4 });
    expect(smc.evaluationFormula).toBe('at most J·(1 + maxStages·mhSteps) = 1000·(1 + 5·10) = 51\u202f000 evaluations');
    expect(smc.wallText).toMatch(/^at most /);
    expect(estimateBudget({ ...base, settings: DEFAULT_TEST_SETTINGS })).toMatchObject({ evaluations: 450, bound: 'exact' });
  });

  it('says "1 slot" and "1 evaluation" in the singular', () => {
    const budget = estimateBudget({ components: 1, nTheta: 0, iterations: 1, secondsPerEvaluation: 0.5, concurrency: 1 });
    expect(budget.evaluationFormula.endsWith('= 1 evaluation')).toBe(true);
    expect(budget.timeFormula).toBe('1 × 500 ms ÷ 1 slot ≈ 500 ms');
  });
});

describe('median', () => {
  it('takes the median of measurements, ignoring one slow first call', () => {
    expect(median([0.9, 0.01, 0.012])).toBe(0.012);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(RangeError);
  });
});
