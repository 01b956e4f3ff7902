/**
 * What the particle methods (eki, eks, smc) share: the initial ensemble, its moments, the
 * Gaussian summary every iteration stores beside the particles, and the particle labels.
 * Ensembles are J×d, row-major, in u; moments divide by J (EnsembleKalmanProcesses'
 * `cov(u, corrected = false)`).
 */
import { iidNormals } from '../../gmki/initialization';
import { choleskyWithJitter } from '../../linalg/dense';
import type { Mixture } from '../../gmki/state';
import { initialMixture } from '../../inversion/initialization';
import type { ResolvedProblem } from '../../problem/types';
import { createRandomStream, type RandomStream } from '../../random/random';
import { sampleMixture } from '../../results/sampling';
import type { ParticleEnsemble, PointLabel } from '../types';

/** Σ_j x_j / J of the n×m rows of `values`. */
export function rowMean(values: Float64Array, n: number, m: number): Float64Array {
  const mean = new Float64Array(m);
  for (let j = 0; j < n; j++) for (let r = 0; r < m; r++) mean[r] += values[j * m + r];
  for (let r = 0; r < m; r++) mean[r] /= n;
  return mean;
}

/**
 * Σ_j (a_j − ā)(b_j − b̄)ᵀ / J of paired rows a_j (length p) and b_j (length q): a p×q matrix.
 * With a = b it is the ensemble covariance, exactly symmetric.
 */
export function crossCovariance(a: Float64Array, aMean: Float64Array, b: Float64Array, bMean: Float64Array, n: number): Float64Array {
  const p = aMean.length;
  const q = bMean.length;
  const out = new Float64Array(p * q);
  for (let j = 0; j < n; j++) {
    for (let r = 0; r < p; r++) {
      const da = a[j * p + r] - aMean[r];
      for (let c = 0; c < q; c++) out[r * q + c] += da * (b[j * q + c] - bMean[c]);
    }
  }
  for (let i = 0; i < out.length; i++) out[i] /= n;
  if (a === b) for (let r = 0; r < p; r++) for (let c = 0; c < r; c++) out[c * q + r] = out[r * q + c];
  return out;
}

/** The ensemble's mean and covariance as a one-component mixture: what every screen reads. */
export function gaussianSummary(positions: Float64Array, nParticles: number, nTheta: number): Mixture {
  const mean = rowMean(positions, nParticles, nTheta);
  return {
    nComponents: 1,
    nTheta,
    logWeights: Float64Array.of(0),
    means: mean,
    covariances: crossCovariance(positions, mean, positions, mean, nParticles),
  };
}

/** An equally weighted ensemble (every method here commits equally weighted ensembles). */
export function equalEnsemble(positions: Float64Array, nParticles: number, nTheta: number, logLikelihoods: Float64Array | null = null): ParticleEnsemble {
  return { nParticles, nTheta, positions, logWeights: null, logLikelihoods };
}

/**
 * J particles from the run's initial distribution, on the seed's 'initialization' stream: the
 * prior N(r0, Σ0) in u (without a prior: the initial distribution the parameters describe), or
 * the explicit initialization's mixture.
 */
export function initialEnsemble(problem: ResolvedProblem, nParticles: number): Float64Array {
  const init = problem.settings.initialization;
  const d = problem.parameterNames.length;
  const from: Mixture =
    init.type === 'explicit'
      ? initialMixture(problem, iidNormals) // explicit: the normals are not used
      : { nComponents: 1, nTheta: d, logWeights: Float64Array.of(0), means: problem.prior.mean, covariances: problem.prior.covariance };
  return sampleMixture(from, nParticles, createRandomStream(problem.settings.seed, 'initialization')).samples;
}

/** The labels of a batch that evaluates particles 0..J−1 in order. */
export function particleLabels(nParticles: number): PointLabel[] {
  return Array.from({ length: nParticles }, (_, particle) => ({ kind: 'particle' as const, particle }));
}

/**
 * The rows of the particles whose evaluation succeeded (all of `values` when none failed): what a
 * particle method's moments are taken over when some failed (README.md, "Failed evaluations").
 * @param values n×m rows
 * @returns the kept rows (n_ok×m) and their number
 */
export function succeededRows(values: Float64Array, failed: Uint8Array | null, n: number, m: number): { rows: Float64Array; count: number } {
  if (!failed) return { rows: values, count: n };
  const rows = new Float64Array(values.length);
  let count = 0;
  for (let j = 0; j < n; j++) if (!failed[j]) rows.set(values.subarray(j * m, (j + 1) * m), m * count++);
  return { rows: rows.subarray(0, count * m), count };
}

/**
 * Replaces each failed particle's row of `positions` by a draw from the Gaussian of the others —
 * their mean and covariance (÷J_ok, with the least jitter that factors it when J_ok ≤ d) — as
 * EnsembleKalmanProcesses' `SampleSuccGauss` failure handler does after its update: a failed
 * particle left where it was would fail again at the same θ, while a draw from the ensemble
 * puts it where the model has worked. d normals per failed particle, in particle order.
 * @returns the jitter the covariance needed
 */
export function redrawFailedParticles(positions: Float64Array, failed: Uint8Array, nParticles: number, nTheta: number, random: RandomStream): number {
  const d = nTheta;
  const { rows, count } = succeededRows(positions, failed, nParticles, d);
  const mean = rowMean(rows, count, d);
  const { factor, jitter } = choleskyWithJitter(crossCovariance(rows, mean, rows, mean, count), d, 'covariance of the particles whose evaluation succeeded');
  const z = new Float64Array(d);
  for (let j = 0; j < nParticles; j++) {
    if (!failed[j]) continue;
    random.fillNormal(z);
    for (let r = 0; r < d; r++) {
      let sum = mean[r];
      for (let c = 0; c <= r; c++) sum += factor[r * d + c] * z[c];
      positions[j * d + r] = sum;
    }
  }
  return jitter;
}

/** Why a particle method cannot go on: fewer than 2 particles succeeded (no covariance), or null. */
export function tooFewParticles(failed: Uint8Array): string | null {
  let succeeded = 0;
  for (const flag of failed) if (!flag) succeeded++;
  return succeeded < 2 ? `only ${succeeded} particle${succeeded === 1 ? '' : 's'} succeeded, too few for the ensemble's covariance (at least 2)` : null;
}
