/** VT-4 of gmki-algorithm.md §8: the exploration (mixture power) step on its own. */
import { describe, expect, it } from 'vitest';
import { exploreMixturePower, prepareExplorationSamples } from '../../../core/gmki/exploration';
import type { Mixture } from '../../../core/gmki/state';
import { normalizeAndClipWeights } from '../../../core/gmki/weights';
import { createRandomStream } from '../../../core/random/random';

function mixture1d(weights: number[], means: number[], variances: number[]): Mixture {
  return {
    nComponents: weights.length,
    nTheta: 1,
    logWeights: Float64Array.from(weights, Math.log),
    means: Float64Array.from(means),
    covariances: Float64Array.from(variances),
  };
}

function samples(d: number, n: number, seed = 7) {
  return prepareExplorationSamples(createRandomStream(seed, 'exploration').fillNormal(new Float64Array(d * n)), d, n);
}

const monteCarlo = { method: 'monte-carlo', samples: 10_000 } as const;

describe('VT-4: moment matching of ρ^(1−Δt)', () => {
  const start = mixture1d([0.3, 0.7], [-1, 1.5], [1, 0.25]);

  it('matches the quadrature result within 0.02 with 10⁴ Monte Carlo samples', () => {
    const { predicted } = exploreMixturePower(start, 0.5, monteCarlo, samples(1, 10_000));
    const normalised = Array.from(normalizeAndClipWeights(predicted.logWeights, 0), Math.exp);
    expect(Array.from(predicted.logWeights, Math.exp)).toEqual([expect.closeTo(0.477173, 1), expect.closeTo(0.559775, 1)]);
    const expected = { weights: [0.46016, 0.53984], means: [-1.32151, 1.56852], variances: [1.4249, 0.42454] };
    for (let k = 0; k < 2; k++) {
      expect(Math.abs(normalised[k] - expected.weights[k])).toBeLessThan(0.02);
      expect(Math.abs(predicted.means[k] - expected.means[k])).toBeLessThan(0.02);
      expect(Math.abs(predicted.covariances[k] - expected.variances[k])).toBeLessThan(0.02);
      expect(Math.abs(Math.exp(predicted.logWeights[k]) - [0.477173, 0.559775][k])).toBeLessThan(0.02);
    }
  });

  it('equals the disjoint rule for well-separated components', () => {
    const separated: Mixture = {
      nComponents: 2,
      nTheta: 2,
      logWeights: Float64Array.from([0.4, 0.6], Math.log),
      means: Float64Array.from([-50, 0, 50, 3]),
      covariances: Float64Array.from([1, 0.3, 0.3, 2, 0.5, 0, 0, 0.5]),
    };
    const mc = exploreMixturePower(separated, 0.5, monteCarlo, samples(2, 10_000)).predicted;
    const exact = exploreMixturePower(separated, 0.5, { method: 'disjoint' }, null).predicted;
    for (let i = 0; i < 4; i++) expect(mc.means[i]).toBeCloseTo(exact.means[i], 1);
    for (let k = 0; k < 2; k++) expect(mc.logWeights[k]).toBeCloseTo(exact.logWeights[k], 12);
    // Ĉ = C/a exactly in expectation; the Monte Carlo estimate is within a few % of it.
    for (let i = 0; i < 8; i++) expect(Math.abs(mc.covariances[i] - exact.covariances[i])).toBeLessThan(0.06 * 4);
    expect(Array.from(exact.covariances)).toEqual([2, 0.6, 0.6, 4, 1, 0, 0, 1]);
    expect(Array.from(exact.means)).toEqual(Array.from(separated.means));
  });

  it('keeps the normalised weights when all components are identical', () => {
    const identical = mixture1d([0.2, 0.3, 0.5], [0.4, 0.4, 0.4], [1.5, 1.5, 1.5]);
    const { predicted } = exploreMixturePower(identical, 0.5, monteCarlo, samples(1, 10_000));
    const normalised = Array.from(normalizeAndClipWeights(predicted.logWeights, 0), Math.exp);
    expect(normalised[0]).toBeCloseTo(0.2, 12);
    expect(normalised[1]).toBeCloseTo(0.3, 12);
    expect(normalised[2]).toBeCloseTo(0.5, 12);
  });

  it('gives m̂ = m, Ĉ = C/(1−Δt) and ŵ = w^(1−Δt) det(C)^(Δt/2) with disjoint exploration', () => {
    const { predicted, effectiveSampleSize } = exploreMixturePower(start, 0.25, { method: 'disjoint' }, null);
    expect(Array.from(predicted.means)).toEqual([-1, 1.5]);
    expect(predicted.covariances[0]).toBeCloseTo(1 / 0.75, 15);
    expect(predicted.covariances[1]).toBeCloseTo(0.25 / 0.75, 15);
    expect(Math.exp(predicted.logWeights[1])).toBeCloseTo(0.7 ** 0.75 * 0.25 ** 0.125, 14);
    expect(Array.from(effectiveSampleSize).every(Number.isNaN)).toBe(true);
  });

  it('reports an effective sample size between 1 and N_s', () => {
    const { effectiveSampleSize } = exploreMixturePower(start, 0.5, monteCarlo, samples(1, 10_000));
    for (const ess of effectiveSampleSize) {
      expect(ess).toBeGreaterThan(1000);
      expect(ess).toBeLessThanOrEqual(10_000);
    }
  });
});
