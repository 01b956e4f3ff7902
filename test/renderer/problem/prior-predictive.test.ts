import { describe, expect, it } from 'vitest';
import { planPriorPredictive, summarizePriorPredictive } from '../../../renderer/src/problem/prior-predictive';

const problem = (extra: Record<string, unknown> = {}) => ({
  format: 'gmki-problem/1',
  name: 'p',
  parameters: [
    { name: 'a', prior: { mean: 2, std: 0.5 } },
    { name: 'k', prior: { mean: 1, std: 0.5, lower: 0 } },
  ],
  observations: { values: [2, 40], names: ['near', 'far'], noise: { std: 0.1 } },
  model: { type: 'javascript', path: 'model.mjs' },
  ...extra,
});

describe('prior predictive check', () => {
  it('draws θ from the prior as the run defines it: the means, the spread, inside the bounds', () => {
    const result = planPriorPredictive(problem(), 4000);
    if (!result.ok) throw new Error(result.message);
    const column = (i: number) => result.plan.thetas.map((t) => t[i]!);
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const std = (xs: number[]) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));
    expect(mean(column(0))).toBeCloseTo(2, 1);
    expect(std(column(0))).toBeCloseTo(0.5, 1);
    expect(mean(column(1))).toBeCloseTo(1, 1);
    expect(std(column(1))).toBeCloseTo(0.5, 1);
    expect(column(1).every((k) => k > 0)).toBe(true);
    expect(result.plan.noiseStd).toEqual([0.1, 0.1]);
    expect(result.plan.names).toEqual(['near', 'far']);
  });

  it('follows the prior correlation', () => {
    const result = planPriorPredictive(
      problem({
        priorCorrelation: [
          [1, 0.9],
          [0.9, 1],
        ],
        parameters: [
          { name: 'a', prior: { mean: 0, std: 1 } },
          { name: 'b', prior: { mean: 0, std: 1 } },
        ],
      }),
      20_000,
    );
    if (!result.ok) throw new Error(result.message);
    const products = result.plan.thetas.map(([a, b]) => a! * b!);
    expect(products.reduce((s, x) => s + x, 0) / products.length).toBeCloseTo(0.9, 1);
  });

  it('says which observed values lie outside the central 90 % of the prediction', () => {
    const result = planPriorPredictive(problem(), 200);
    if (!result.ok) throw new Error(result.message);
    // A model that returns θ1 and θ1 + 1: the first value, 2, is typical; the second, 40, is not.
    const outputs = result.plan.thetas.map(([a]) => [a!, a! + 1]);
    const rows = summarizePriorPredictive(result.plan, outputs);
    expect(rows.map((r) => [r.name, r.inside])).toEqual([
      ['near', true],
      ['far', false],
    ]);
    expect(rows[0]!.low).toBeLessThan(rows[0]!.median);
    expect(rows[0]!.median).toBeCloseTo(2, 0);
    expect(rows[0]!.high).toBeGreaterThan(2.5);
  });

  it('refuses an invalid problem', () => {
    expect(planPriorPredictive({ format: 'gmki-problem/1' }, 10)).toEqual({ ok: false, message: 'Fix the problem’s errors first.' });
  });
});
