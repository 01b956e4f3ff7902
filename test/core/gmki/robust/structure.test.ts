/**
 * The structural step of gmki-robust on constructed mixtures: a saddle component is split in two
 * (mass, mean and covariance kept) into the slot freed by merging a duplicate; mode search
 * re-seeds a freed component at the prior draw farthest from the others; nothing changes in the
 * settle period or when no rule applies.
 */
import { describe, expect, it } from 'vitest';
import { sigmaPointConstants, sigmaPoints } from '../../../../core/gmki/sigmaPoints';
import type { Mixture } from '../../../../core/gmki/state';
import { componentNonlinearity } from '../../../../core/gmki/robust/nonlinearity';
import { robustOptionsFromConfig } from '../../../../core/gmki/robust/options';
import { restructureMixture, type SearchDistribution } from '../../../../core/gmki/robust/structure';
import { resolveGmkiConfig } from '../../../../core/gmki/config';
import { choleskyLower } from '../../../../core/linalg/dense';
import { createRandomStream } from '../../../../core/random/random';

const weightsOf = (m: Mixture) => Array.from(m.logWeights, Math.exp);

/** Sigma points of every component and F at them, with F = model. */
function evaluate(mixture: Mixture, model: (theta: Float64Array) => number[], noiseSd: number[]) {
  const { nComponents: K, nTheta: d } = mixture;
  const { spread } = sigmaPointConstants(d, null);
  const points = new Float64Array(K * (2 * d + 1) * d);
  for (let k = 0; k < K; k++) {
    const factor = choleskyLower(mixture.covariances.subarray(k * d * d, (k + 1) * d * d), d)!;
    points.set(sigmaPoints(mixture.means.subarray(k * d, (k + 1) * d), factor, d, spread), k * (2 * d + 1) * d);
  }
  const nOut = noiseSd.length;
  const outputs = new Float64Array(K * (2 * d + 1) * nOut);
  for (let p = 0; p < K * (2 * d + 1); p++) outputs.set(model(points.subarray(p * d, (p + 1) * d)), p * nOut);
  const noiseFactor = new Float64Array(nOut * nOut);
  noiseSd.forEach((s, o) => (noiseFactor[o * nOut + o] = s));
  return { points, nonlinearity: componentNonlinearity(outputs, K, d, nOut, noiseFactor) };
}

const options = robustOptionsFromConfig(resolveGmkiConfig({ iterations: 30 })); // settle 8, mode search until iteration 14

describe('restructureMixture', () => {
  // 1-D, F(θ) = θ², y = 1: component 0 sits on the saddle θ = 0, 1 on the mode θ = 1, 2 duplicates 1.
  const saddle: Mixture = {
    nComponents: 3,
    nTheta: 1,
    logWeights: Float64Array.from([0.2, 0.6, 0.2], Math.log),
    means: Float64Array.of(0, 1, 1.01),
    covariances: Float64Array.of(1, 0.01, 0.01),
  };
  const search: SearchDistribution = { mean: Float64Array.of(0), covariance: Float64Array.of(4), factor: Float64Array.of(2) };
  const { points, nonlinearity } = evaluate(saddle, (t) => [t[0] * t[0]], [0.1]);
  const input = { iteration: 5, iterations: 30, seed: 1, minWeight: 1e-15, points, nonlinearity };

  it('splits the saddle component across the saddle, into the slot of the merged duplicate', () => {
    expect(nonlinearity.index[0]).toBeGreaterThan(options.splitThreshold);
    expect(nonlinearity.index[1]).toBeLessThan(options.splitThreshold);
    const { mixture, changes } = restructureMixture(saddle, input, { ...options, modeSearch: false }, search);
    expect(changes).toEqual([
      { kind: 'merge', component: 2, into: 1 },
      { kind: 'split', component: 0, into: 2 },
    ]);
    const w = weightsOf(mixture);
    // Children at ±a (a = 0.8, wᵀC⁻¹w = 1 with C = 1), variance 1 − a², half the mass each.
    expect([mixture.means[0], mixture.means[2]]).toEqual([0.8, -0.8].map((x) => expect.closeTo(x, 14)));
    expect(mixture.covariances[0]).toBeCloseTo(1 - 0.64, 14);
    expect(mixture.covariances[2]).toBeCloseTo(1 - 0.64, 14);
    expect(w[0]).toBeCloseTo(0.1, 14);
    expect(w[2]).toBeCloseTo(0.1, 14);
    // The pair keeps the parent's mean 0 and variance 1: ½(0.36 + 0.64)·2 = 1.
    const pairMean = (w[0] * mixture.means[0] + w[2] * mixture.means[2]) / (w[0] + w[2]);
    const pairVar = (w[0] * (mixture.covariances[0] + 0.64) + w[2] * (mixture.covariances[2] + 0.64)) / (w[0] + w[2]);
    expect(pairMean).toBeCloseTo(0, 14);
    expect(pairVar).toBeCloseTo(1, 14);
    // The duplicate's mass went to component 1, moment-matched.
    expect(w[1]).toBeCloseTo(0.8, 14);
    expect(mixture.means[1]).toBeCloseTo(1.0025, 14);
  });

  it('changes nothing in the settle period', () => {
    const late = { ...input, iteration: 23 };
    expect(restructureMixture(saddle, late, options, search).mixture).toBe(saddle);
    expect(restructureMixture(saddle, late, options, search).changes).toEqual([]);
  });

  it('re-seeds a duplicate at the prior draw farthest from every other component (mode search)', () => {
    // 2-D, F linear: no component is nonlinear; components 0 and 1 are duplicates.
    const duplicates: Mixture = {
      nComponents: 3,
      nTheta: 2,
      logWeights: Float64Array.from([0.5, 0.3, 0.2], Math.log),
      means: Float64Array.of(1, 1, 1.02, 0.99, -1, 0),
      covariances: Float64Array.of(0.04, 0, 0, 0.04, 0.04, 0, 0, 0.04, 0.04, 0, 0, 0.04),
    };
    const prior: SearchDistribution = {
      mean: Float64Array.of(0, 0),
      covariance: Float64Array.of(4, 0, 0, 4),
      factor: Float64Array.of(2, 0, 0, 2),
    };
    const linear = evaluate(duplicates, (t) => [t[0] + t[1]], [0.5]);
    const result = restructureMixture(duplicates, { ...input, nonlinearity: linear.nonlinearity, points: linear.points }, options, prior);
    expect(result.changes).toEqual([
      { kind: 'merge', component: 1, into: 0 },
      { kind: 'reseed', component: 1 },
    ]);
    // The same 32 draws, scored by squared prior-metric distance to the nearest other component.
    const random = createRandomStream(1, 'mode-search-5');
    const others = [Array.from(result.mixture.means.subarray(0, 2)), [-1, 0]];
    let best: number[] = [];
    let bestScore = -Infinity;
    for (let n = 0; n < options.reseedCandidates; n++) {
      const x = [2 * random.normal(), 2 * random.normal()];
      const score = Math.min(...others.map((o) => ((x[0] - o[0]) / 2) ** 2 + ((x[1] - o[1]) / 2) ** 2));
      if (score > bestScore) [best, bestScore] = [x, score];
    }
    expect(Array.from(result.mixture.means.subarray(2, 4))).toEqual(best.map((x) => expect.closeTo(x, 12)));
    expect(Array.from(result.mixture.covariances.subarray(4, 8))).toEqual([4, 0, 0, 4]);
    const w = weightsOf(result.mixture);
    expect(w[1] / w[0]).toBeCloseTo(options.reseedWeight * (0.5 / 0.8), 12);
    // Without mode search nothing applies.
    expect(
      restructureMixture(duplicates, { ...input, nonlinearity: linear.nonlinearity, points: linear.points }, { ...options, modeSearch: false }, prior).changes,
    ).toEqual([]);
  });
});
