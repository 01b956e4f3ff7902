import { describe, expect, it } from 'vitest';
import { constrainedGaussian, identityTransform, intervalTransform, lowerBoundTransform, transformFor, upperBoundTransform } from '../../../core/problem/index';
import type { PhysicalPrior } from '../../../core/problem/index';
import { logitNormalMoments } from '../../../core/problem/logit-normal';
import { createRandomStream } from '../../../core/random/random';

/**
 * Mean and std of θ = T(u), u ~ N(μ, σ²), by composite Simpson in z = (u − μ)/σ over [−12, 12]:
 * a rule independent of the Gauss–Legendre quadrature under test.
 */
function imageMomentsBySimpson(toPhysical: (u: number) => number, mu: number, sigma: number): { mean: number; std: number } {
  const n = 400_000;
  const h = 24 / n;
  const weightAt = (i: number): number => (i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2);
  let mass = 0;
  let first = 0;
  for (let i = 0; i <= n; i++) {
    const z = -12 + i * h;
    const w = weightAt(i) * Math.exp(-0.5 * z * z);
    mass += w;
    first += w * toPhysical(mu + sigma * z);
  }
  const mean = first / mass;
  let second = 0;
  for (let i = 0; i <= n; i++) {
    const z = -12 + i * h;
    const deviation = toPhysical(mu + sigma * z) - mean;
    second += weightAt(i) * Math.exp(-0.5 * z * z) * deviation * deviation;
  }
  return { mean, std: Math.sqrt(second / mass) };
}

function solved(prior: PhysicalPrior): { mean: number; std: number } {
  const result = constrainedGaussian(prior);
  if (!result.ok) throw new Error(result.message);
  return result;
}

describe('parameter transforms', () => {
  // |u| ≤ 10: beyond that θ − bound is below the resolution of θ's double near the bound,
  // so u cannot come back exactly from θ (a property of θ's representation, not of the map).
  const us = [-10, -5, -1, -1e-3, 0, 0.7, 3, 10];

  it.each([
    ['identity', identityTransform()],
    ['lower', lowerBoundTransform(-2)],
    ['upper', upperBoundTransform(5)],
    ['interval', intervalTransform(1, 4)],
  ])('%s: u → θ → u round-trips', (_, transform) => {
    for (const u of us) {
      const theta = transform.toPhysical(u);
      expect(transform.toUnconstrained(theta)).toBeCloseTo(u, 9);
    }
  });

  it.each([
    ['lower', lowerBoundTransform(-2), [-1.999, -1, 0, 100]],
    ['upper', upperBoundTransform(5), [-100, 0, 4.5, 4.999]],
    ['interval', intervalTransform(1, 4), [1.001, 2, 2.5, 3.999]],
  ])('%s: θ → u → θ round-trips', (_, transform, thetas) => {
    for (const theta of thetas) expect(transform.toPhysical(transform.toUnconstrained(theta))).toBeCloseTo(theta, 12);
  });

  it('maps u into the bounds, even for extreme u', () => {
    const interval = intervalTransform(1, 4);
    for (const u of [-800, -40, 0, 40, 800]) {
      const theta = interval.toPhysical(u);
      expect(theta).toBeGreaterThanOrEqual(1);
      expect(theta).toBeLessThanOrEqual(4);
    }
    expect(interval.toPhysical(0)).toBe(2.5);
    expect(lowerBoundTransform(-2).toPhysical(0)).toBe(-1);
    expect(upperBoundTransform(5).toPhysical(0)).toBe(4);
    expect(lowerBoundTransform(-2).toPhysical(-800)).toBe(-2);
  });

  it('chooses the transform from the bounds present', () => {
    expect(transformFor({}).kind).toBe('identity');
    expect(transformFor({ lower: 0 })).toMatchObject({ kind: 'lower', lower: 0 });
    expect(transformFor({ upper: 1 })).toMatchObject({ kind: 'upper', upper: 1 });
    expect(transformFor({ lower: 0, upper: 1 })).toMatchObject({ kind: 'interval', lower: 0, upper: 1 });
  });
});

describe('constrainedGaussian', () => {
  it('returns the prior itself for an unbounded parameter', () => {
    expect(constrainedGaussian({ mean: -3, std: 2 })).toEqual({ ok: true, mean: -3, std: 2 });
  });

  it.each([
    { mean: 2, std: 1, lower: 0 },
    { mean: 0.01, std: 0.3, lower: -0.5 },
    { mean: 3, std: 0.5, upper: 10 },
    { mean: -1, std: 40, upper: 0 },
  ])('reproduces the requested mean and std with one bound (log-normal closed form): %o', (prior) => {
    const u = solved(prior);
    const offset = prior.lower !== undefined ? prior.mean - prior.lower : prior.upper! - prior.mean;
    // Log-normal moments of exp(u): E = exp(μ + σ²/2), Var = (exp(σ²) − 1) E².
    const mean = Math.exp(u.mean + (u.std * u.std) / 2);
    const std = Math.sqrt(Math.expm1(u.std * u.std)) * mean;
    expect(Math.abs(mean - offset) / offset).toBeLessThan(1e-12);
    expect(Math.abs(std - prior.std) / prior.std).toBeLessThan(1e-12);
  });

  it.each([
    { mean: 0.5, std: 0.1, lower: 0, upper: 1 },
    { mean: 2, std: 1.5, lower: 1, upper: 5 },
    { mean: 0.02, std: 0.01, lower: 0, upper: 1 },
    { mean: 9.99, std: 0.005, lower: 0, upper: 10 },
    { mean: 0.3, std: 0.44, lower: 0, upper: 1 },
    { mean: -7, std: 1e-6, lower: -10, upper: 10 },
  ])('reproduces the requested mean and std on an interval to 1e-8 (checked by Simpson quadrature): %o', (prior) => {
    const u = solved(prior);
    const transform = transformFor(prior);
    const image = imageMomentsBySimpson((x) => transform.toPhysical(x), u.mean, u.std);
    const width = prior.upper - prior.lower;
    expect(Math.abs(image.mean - prior.mean) / Math.min(prior.mean - prior.lower, prior.upper - prior.mean)).toBeLessThan(1e-8);
    expect(Math.abs(image.std - prior.std) / prior.std).toBeLessThan(1e-8);
    expect(width).toBeGreaterThan(0);
  });

  it('agrees with a seeded Monte Carlo estimate of the image moments', () => {
    const prior = { mean: 1.2, std: 0.7, lower: 0, upper: 3 };
    const u = solved(prior);
    const transform = transformFor(prior);
    const random = createRandomStream(7, 'constrained-gaussian-test');
    const n = 200_000;
    let sum = 0;
    let sumSquares = 0;
    for (let i = 0; i < n; i++) {
      const theta = transform.toPhysical(u.mean + u.std * random.normal());
      sum += theta;
      sumSquares += theta * theta;
    }
    const mean = sum / n;
    const std = Math.sqrt(sumSquares / n - mean * mean);
    // Four standard errors of the mean and (roughly) of the std.
    expect(Math.abs(mean - prior.mean)).toBeLessThan((4 * prior.std) / Math.sqrt(n));
    expect(Math.abs(std - prior.std)).toBeLessThan(((4 * prior.std) / Math.sqrt(2 * n)) * 1.5);
  });

  it('is symmetric: mirroring the mean about the interval centre negates μ_u', () => {
    const left = solved({ mean: 0.2, std: 0.1, lower: 0, upper: 1 });
    const right = solved({ mean: 0.8, std: 0.1, lower: 0, upper: 1 });
    expect(right.mean).toBeCloseTo(-left.mean, 12);
    expect(right.std).toBeCloseTo(left.std, 12);
  });

  it('computes logit-normal moments that match the Simpson rule', () => {
    for (const [mu, sigma] of [
      [0, 1],
      [-3, 0.2],
      [2, 15],
      [-40, 30],
    ]) {
      const moments = logitNormalMoments(mu, sigma);
      const reference = imageMomentsBySimpson((x) => 1 / (1 + Math.exp(-x)), mu, sigma);
      expect(Math.abs(moments.mean - reference.mean) / reference.mean).toBeLessThan(1e-9);
      expect(Math.abs(moments.std - reference.std) / reference.std).toBeLessThan(1e-9);
    }
  });

  it.each([
    [{ mean: 1, std: 0.1, lower: 1, upper: 2 }, 'expected a mean strictly between lower 1 and upper 2, got 1'],
    [{ mean: 3, std: 0.1, lower: 2, upper: 2 }, 'expected lower < upper, got lower 2 and upper 2'],
    [{ mean: -1, std: 1, lower: 0 }, 'expected a mean > lower 0, got -1'],
    [{ mean: 4, std: 1, upper: 3 }, 'expected a mean < upper 3, got 4'],
    [{ mean: 0.5, std: 0.5, lower: 0, upper: 1 }, 'expected a std < 0.5 (no distribution on [0, 1] with mean 0.5 has a larger one), got 0.5'],
    [{ mean: 0.1, std: 0.35, lower: 0, upper: 1 }, 'expected a std < 0.3 (no distribution on [0, 1] with mean 0.1 has a larger one), got 0.35'],
  ])('explains why no Gaussian in u exists for %o', (prior, message) => {
    expect(constrainedGaussian(prior)).toEqual({ ok: false, message });
  });

  it('reports a std too close to the largest possible one', () => {
    const result = constrainedGaussian({ mean: 0.5, std: 0.5 * (1 - 1e-14), lower: 0, upper: 1 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/^expected a std clearly below 0.5 /);
  });
});
