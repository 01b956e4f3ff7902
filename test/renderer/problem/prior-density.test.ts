import { describe, expect, it } from 'vitest';
import { priorChart, priorCurve } from '../../../renderer/src/problem/prior-density';

/** ∫ p dθ by the trapezoid rule over the curve's points. */
function integral(points: readonly (readonly [number, number])[]): number {
  let sum = 0;
  for (let i = 1; i < points.length; i++) sum += ((points[i]![1] + points[i - 1]![1]) / 2) * (points[i]![0] - points[i - 1]![0]);
  return sum;
}

/** Mean and std of the curve by the same rule. */
function moments(points: readonly (readonly [number, number])[]): { mean: number; std: number } {
  const weighted = (f: (t: number) => number) => integral(points.map(([t, p]) => [t, f(t) * p] as const));
  const mean = weighted((t) => t);
  return { mean, std: Math.sqrt(weighted((t) => (t - mean) ** 2)) };
}

describe('priorCurve', () => {
  it('is the Gaussian itself without bounds, peaking at the mean', () => {
    const curve = priorCurve({ mean: 2, std: 0.5 });
    if (!curve.ok) throw new Error(curve.message);
    expect(integral(curve.points)).toBeCloseTo(1, 3);
    const peak = curve.points.reduce((a, b) => (b[1] > a[1] ? b : a));
    expect(peak[0]).toBeCloseTo(2, 1);
    expect(peak[1]).toBeCloseTo(1 / (0.5 * Math.sqrt(2 * Math.PI)), 2);
  });

  it('for a bounded parameter stays inside the bounds and keeps the requested mean and std (the run uses this prior)', () => {
    for (const prior of [
      { mean: 2, std: 1, lower: 0 },
      { mean: -1, std: 0.5, upper: 0 },
      { mean: 0.3, std: 0.15, lower: 0, upper: 1 },
    ]) {
      const curve = priorCurve(prior, 400);
      if (!curve.ok) throw new Error(curve.message);
      expect(curve.points.every(([t]) => (prior.lower === undefined || t > prior.lower) && (prior.upper === undefined || t < prior.upper))).toBe(true);
      expect(integral(curve.points)).toBeCloseTo(1, 2);
      const m = moments(curve.points);
      expect(m.mean).toBeCloseTo(prior.mean, 1);
      expect(m.std).toBeCloseTo(prior.std, 1);
    }
  });

  it('explains why there is no curve (core sentence for impossible bounds)', () => {
    expect(priorCurve({ mean: 0, std: 1, lower: 1 })).toEqual({ ok: false, message: 'expected a mean > lower 1, got 0' });
    expect(priorCurve({ mean: 0, std: -1 })).toMatchObject({ ok: false });
  });

  it('draws the curve and the bounds in the chart option', () => {
    const prior = { mean: 2, std: 1, lower: 0 };
    const curve = priorCurve(prior);
    if (!curve.ok) throw new Error(curve.message);
    const option = priorChart('k', prior, curve) as { series: { data: unknown[]; markLine?: { data: unknown[] } }[] };
    expect(option.series[0]!.data).toHaveLength(curve.points.length);
    expect(option.series[0]!.markLine?.data).toEqual([{ xAxis: 0 }]);
  });
});
