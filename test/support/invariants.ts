/** Shared pieces of the property tests of every GMKI variant (test/core/gmki/**invariants). */
import { expect } from 'vitest';
import type { Mixture } from '../../core/gmki/state';
import { choleskyLower } from '../../core/linalg/dense';

/** A nonlinear model with several modes: y_o = Σ_r c_or θ_r² + b_o·θ. */
export function quadraticModel(coefficients: number[][], linear: number[][]) {
  return (theta: readonly number[]) => coefficients.map((row, o) => row.reduce((s, c, r) => s + c * theta[r] * theta[r] + linear[o][r] * theta[r], 0));
}

/** Quadratic and linear coefficients (nY×d each) taken from 24 random numbers. */
export function coefficientsFrom(seed: readonly number[], nY: number, d: number): { quadratic: number[][]; linear: number[][] } {
  const take = (offset: number) => Array.from({ length: nY }, (_, o) => Array.from({ length: d }, (_, r) => seed[(o * 4 + r + offset) % 24]));
  return { quadratic: take(0), linear: take(12) };
}

/**
 * Weights sum to 1 and are ≥ minWeight; covariances exactly symmetric and positive definite.
 * `clip: 'single-pass'` (gmki-paper, §3e) bounds the weights by minWeight·(1 − K·minWeight) only:
 * the paper's one clip can leave a rescaled weight just below the floor.
 */
export function expectValidMixture(mixture: Mixture, minWeight: number, clip: 'until-none-below' | 'single-pass' = 'until-none-below'): void {
  const weights = Array.from(mixture.logWeights, Math.exp);
  expect(Math.abs(weights.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
  const floor = clip === 'single-pass' ? minWeight * (1 - mixture.nComponents * minWeight) : minWeight;
  for (const w of weights) expect(w).toBeGreaterThanOrEqual(floor * (1 - 1e-12));
  const d = mixture.nTheta;
  for (let k = 0; k < mixture.nComponents; k++) {
    const cov = mixture.covariances.subarray(k * d * d, (k + 1) * d * d);
    for (let i = 0; i < d; i++) for (let j = 0; j < i; j++) expect(cov[i * d + j]).toBe(cov[j * d + i]);
    expect(choleskyLower(cov, d)).not.toBeNull();
  }
}
