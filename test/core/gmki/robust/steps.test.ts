/**
 * The steps of gmki-robust on closed forms and constructed cases: the nonlinearity index, the
 * Kalman step (linear F: both predicted outputs agree and the evidence is the exact Gaussian
 * marginal likelihood), the weight floor, the Latin hypercube and Φ⁻¹, overlap and merging.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sigmaPointConstants, sigmaPoints } from '../../../../core/gmki/sigmaPoints';
import { analyzeComponentRobust } from '../../../../core/gmki/robust/analysis';
import { inverseNormalCdf, latinHypercubeNormals } from '../../../../core/gmki/robust/initialization';
import { componentNonlinearity } from '../../../../core/gmki/robust/nonlinearity';
import { mergeComponents, overlapTable } from '../../../../core/gmki/overlap';
import { normalizeWithFloor } from '../../../../core/gmki/robust/weights';
import { normalizeAndClipWeights } from '../../../../core/gmki/weights';
import { choleskyLower, logDetFromCholesky, solveLowerInPlace } from '../../../../core/linalg/dense';
import { createRandomStream } from '../../../../core/random/random';
import { floorCase } from '../../../support/weights';

describe('componentNonlinearity', () => {
  it('is c²σ²/σ_η for F(θ) = θ² on a component N(m, σ²), whatever m, and 0 for a linear F', () => {
    const sigma = 0.7;
    const noiseSd = 0.2;
    const { spread: c } = sigmaPointConstants(1, null);
    for (const m of [0, 1.3]) {
      const points = sigmaPoints(Float64Array.of(m), Float64Array.of(sigma), 1, c);
      const square = Float64Array.from(points, (x) => x * x);
      const linear = Float64Array.from(points, (x) => 3 * x - 1);
      const factor = Float64Array.of(noiseSd);
      expect(componentNonlinearity(square, 1, 1, 1, factor).index[0]).toBeCloseTo((c * c * sigma * sigma) / noiseSd, 12);
      expect(componentNonlinearity(linear, 1, 1, 1, factor).index[0]).toBeCloseTo(0, 12);
    }
  });

  it('tells a turning point within the component from a merely curved, monotone model', () => {
    // F(θ) = θ², σ = 0.7, c = 1: the turning point θ = 0 lies within cσ/2 of m = 0.2 but not of m = 1.3.
    const factor = Float64Array.of(0.1);
    const at = (m: number) => {
      const points = sigmaPoints(Float64Array.of(m), Float64Array.of(0.7), 1, 1);
      return componentNonlinearity(
        Float64Array.from(points, (x) => x * x),
        1,
        1,
        1,
        factor,
      );
    };
    expect(at(0.2).turningIndex[0]).toBeCloseTo(at(0.2).index[0], 12);
    expect(at(0.2).turningDirection[0]).toBe(0);
    expect(at(1.3).index[0]).toBeCloseTo(4.9, 12); // strongly curved …
    expect(at(1.3).turningIndex[0]).toBe(0); // … but monotone: slope 2·1.3·0.7/0.1 = 18.2 > 4.9
    expect(at(1.3).turningDirection[0]).toBe(-1);
  });

  it('names the sigma direction where the model curves', () => {
    // d = 2, F(θ) = [θ1, θ2²]: the curvature is along the second axis.
    const points = sigmaPoints(Float64Array.of(0.5, 0.5), Float64Array.of(1, 0, 0, 1), 2, Math.SQRT2);
    const outputs = new Float64Array(5 * 2);
    for (let p = 0; p < 5; p++) {
      outputs[2 * p] = points[2 * p];
      outputs[2 * p + 1] = points[2 * p + 1] ** 2;
    }
    const result = componentNonlinearity(outputs, 1, 2, 2, Float64Array.of(1, 0, 0, 1));
    expect(result.direction[0]).toBe(1);
    expect(result.index[0]).toBeCloseTo(2, 12);
  });
});

describe('analyzeComponentRobust', () => {
  // F(θ) = Aθ, d = 2, n_out = 3, with a folded-prior-like block structure.
  const A = [
    [1, 2],
    [0, 1],
    [1, -1],
  ];
  const noiseCov = Float64Array.of(0.04, 0, 0, 0, 0.09, 0.01, 0, 0.01, 0.25);
  const data = { data: Float64Array.of(1, 0.5, -0.3), noiseCov, noiseFactor: choleskyLower(noiseCov, 3)! };
  const mean = Float64Array.of(0.2, -0.1);
  const cov = Float64Array.of(0.5, 0.1, 0.1, 0.3);
  const constants = sigmaPointConstants(2, null);
  const points = sigmaPoints(mean, choleskyLower(cov, 2)!, 2, constants.spread);
  const outputs = new Float64Array(5 * 3);
  for (let p = 0; p < 5; p++) for (let o = 0; o < 3; o++) outputs[p * 3 + o] = A[o][0] * points[2 * p] + A[o][1] * points[2 * p + 1];
  const dt = 0.5;
  const run = (predicted: 'centre' | 'unscented', evidence: boolean) =>
    analyzeComponentRobust(
      { points, outputs, predictedCov: cov, predictedLogWeight: Math.log(0.3), nTheta: 2, label: 'test' },
      { outerCovWeight: constants.outerCovWeight, dt, data },
      constants,
      { predictedOutput: predicted, evidenceWeights: evidence },
    );

  it('gives the same Kalman update with either predicted output when F is linear', () => {
    const centre = run('centre', true);
    const unscented = run('unscented', true);
    for (let i = 0; i < 2; i++) expect(unscented.mean[i]).toBeCloseTo(centre.mean[i], 12);
    for (let i = 0; i < 4; i++) expect(unscented.covariance[i]).toBeCloseTo(centre.covariance[i], 12);
    expect(unscented.logEvidence).toBeCloseTo(centre.logEvidence, 12);
  });

  it('adds the Kalman evidence log N(y; Am, ACAᵀ + Σ/Δt) (without 2π) to the log-weight', () => {
    // S = A C Aᵀ + Σ/Δt, r = y − A m, by hand.
    const S = new Float64Array(9);
    const r = new Float64Array(3);
    for (let o = 0; o < 3; o++) {
      r[o] = data.data[o] - (A[o][0] * mean[0] + A[o][1] * mean[1]);
      for (let q = 0; q < 3; q++) {
        let s = noiseCov[o * 3 + q] / dt;
        for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) s += A[o][i] * cov[i * 2 + j] * A[q][j];
        S[o * 3 + q] = s;
      }
    }
    const factor = choleskyLower(S, 3)!;
    const z = solveLowerInPlace(factor, 3, r);
    const expected = -0.5 * (z[0] ** 2 + z[1] ** 2 + z[2] ** 2) - 0.5 * logDetFromCholesky(factor, 3);
    const result = run('unscented', true);
    expect(result.logEvidence).toBeCloseTo(expected, 12);
    expect(result.logWeight).toBeCloseTo(Math.log(0.3) + expected, 12);
    expect(run('unscented', false).logWeight).toBeCloseTo(Math.log(0.3) - 0.5 * dt * 2 * result.misfit, 12);
  });

  it('predicts E[F] with the unscented mean: m² + σ² for F(θ) = θ²', () => {
    const c1 = sigmaPointConstants(1, null);
    const p1 = sigmaPoints(Float64Array.of(0.8), Float64Array.of(0.3), 1, c1.spread);
    const out = Float64Array.from(p1, (x) => x * x);
    const one = { data: Float64Array.of(0.64 + 0.09), noiseCov: Float64Array.of(0.01), noiseFactor: Float64Array.of(0.1) };
    // With y = E[F] the unscented innovation is zero, so the mean does not move.
    const analyze = (predictedOutput: 'centre' | 'unscented') =>
      analyzeComponentRobust(
        { points: p1, outputs: out, predictedCov: Float64Array.of(0.09), predictedLogWeight: 0, nTheta: 1, label: 'test' },
        { outerCovWeight: c1.outerCovWeight, dt: 0.5, data: one },
        c1,
        { predictedOutput, evidenceWeights: true },
      );
    const result = analyze('unscented');
    expect(result.mean[0]).toBeCloseTo(0.8, 12);
    const centre = analyze('centre');
    expect(centre.mean[0]).toBeGreaterThan(0.8);
  });
});

describe('normalizeWithFloor', () => {
  it('keeps a weight that the single-pass rule pushes below the floor at the floor', () => {
    const raw = Float64Array.from([0.05, 0.1005, 0.8495], Math.log);
    const single = Array.from(normalizeAndClipWeights(raw, 0.1), Math.exp);
    expect(single[1]).toBeLessThan(0.1); // the paper's rule (faithful, kept for gmki-paper)
    const floored = Array.from(normalizeWithFloor(raw, 0.1), Math.exp);
    expect(floored[0]).toBeCloseTo(0.1, 15);
    expect(floored[1]).toBeCloseTo(0.1, 15);
    expect(floored[2]).toBeCloseTo(0.8, 14);
  });

  it('keeps every weight ≥ minWeight, the total at 1 and the unclipped weights in their ratios, for any input (property)', () => {
    let singlePassBelow = 0;
    fc.assert(
      fc.property(floorCase, ({ logWeights, minWeight, normalised }) => {
        const weights = Array.from(normalizeWithFloor(logWeights, minWeight), Math.exp);
        expect(Math.abs(weights.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
        for (const w of weights) expect(w).toBeGreaterThanOrEqual(minWeight * (1 - 1e-12));
        const free = weights.map((w, k) => (w / minWeight > 1 + 1e-9 ? k : -1)).filter((k) => k >= 0);
        for (const k of free) expect(weights[k]! / normalised[k]! / (weights[free[0]!]! / normalised[free[0]!]!)).toBeCloseTo(1, 9);
        if (Array.from(normalizeAndClipWeights(logWeights, minWeight), Math.exp).some((w) => w < minWeight * (1 - 1e-9))) singlePassBelow++;
      }),
      { seed: 5, numRuns: 300 },
    );
    // The generator reaches the inputs where one pass is not enough.
    expect(singlePassBelow).toBeGreaterThan(10);
  });
});

describe('Latin-hypercube initial means', () => {
  it('puts exactly one of K values in each of the K equal-probability strata of every coordinate', () => {
    const K = 8;
    const d = 5;
    const z = latinHypercubeNormals(K, d, createRandomStream(3, 'initialization'));
    const edges = Array.from({ length: K + 1 }, (_, i) => inverseNormalCdf(i / K));
    for (let r = 0; r < d; r++) {
      const strata = Array.from({ length: K }, (_, k) => edges.findIndex((edge) => z[k * d + r] < edge) - 1).sort((a, b) => a - b);
      expect(strata).toEqual(Array.from({ length: K }, (_, i) => i));
    }
  });

  it('computes Φ⁻¹ to 1e-8 at tabulated quantiles', () => {
    expect(inverseNormalCdf(0.5)).toBe(0);
    expect(inverseNormalCdf(0.975)).toBeCloseTo(1.959963984540054, 8);
    expect(inverseNormalCdf(0.01)).toBeCloseTo(-2.326347874040841, 8);
    expect(inverseNormalCdf(1e-6)).toBeCloseTo(-4.753424308822899, 7);
  });
});

describe('overlap and merging', () => {
  it('gives the Bhattacharyya coefficient exp(−Δ²/8) for unit Gaussians Δ apart, and 1 for identical ones', () => {
    const mixture = {
      nComponents: 3,
      nTheta: 1,
      logWeights: Float64Array.from([1, 1, 1], (w) => Math.log(w / 3)),
      means: Float64Array.of(0, 0, 2),
      covariances: Float64Array.of(1, 1, 1),
    };
    const { coefficients } = overlapTable(mixture);
    expect(coefficients[0 * 3 + 1]).toBeCloseTo(1, 15);
    expect(coefficients[0 * 3 + 2]).toBeCloseTo(Math.exp(-0.5), 14);
    expect(coefficients[2 * 3 + 0]).toBe(coefficients[0 * 3 + 2]);
  });

  it('merges two components into one with their total mass, mean and covariance', () => {
    const weights = [0.3, 0.1];
    const means = Float64Array.of(0, 1, 2, -1);
    const covariances = Float64Array.of(1, 0.2, 0.2, 0.5, 0.4, 0, 0, 0.3);
    mergeComponents(weights, means, covariances, 2, 0, 1);
    expect(weights).toEqual([0.4, 0]);
    expect(means[0]).toBeCloseTo(0.5, 15);
    expect(means[1]).toBeCloseTo(0.5, 15);
    // Σ (w_i/w)(C_i + (m_i − m)(m_i − m)ᵀ)
    expect(covariances[0]).toBeCloseTo(0.75 * (1 + 0.25) + 0.25 * (0.4 + 2.25), 14);
    expect(covariances[1]).toBeCloseTo(0.75 * (0.2 - 0.25) + 0.25 * (0 - 2.25), 14);
    expect(covariances[2]).toBe(covariances[1]);
    expect(covariances[3]).toBeCloseTo(0.75 * (0.5 + 0.25) + 0.25 * (0.3 + 2.25), 14);
  });
});
