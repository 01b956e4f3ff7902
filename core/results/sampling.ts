/**
 * Posterior samples from a Gaussian mixture (for `samples.csv`, exports and plots,
 * `problem-format.md` §4): pick a component by its weight, then θ = m_k + L_k z.
 */
import type { Mixture } from '../gmki/state';
import type { ParticleEnsemble } from '../methods/types';
import type { ParameterTransform } from '../problem/types';
import type { RandomStream } from '../random/random';
import { choleskyWithJitter } from '../linalg/dense';

/** Samples of a mixture and the component each one came from. */
export interface MixtureSamples {
  /** Shape count×d, row-major, in the mixture's space (u). */
  readonly samples: Float64Array;
  /** Shape count: component index (0-based) of each sample. */
  readonly components: Int32Array;
}

/**
 * Draws `count` samples from `mixture`. Per sample: one uniform picks component k with
 * probability w_k (inverse CDF of the weights), then d standard normals z give m_k + L_k z with
 * L_k the lower Cholesky factor of C_k. Same stream state → same samples.
 * @throws NotPositiveDefiniteError when a covariance is far from positive definite
 */
export function sampleMixture(mixture: Mixture, count: number, random: RandomStream): MixtureSamples {
  return mixtureSampler(mixture)(count, random);
}

/**
 * `sampleMixture` with the Cholesky factors computed once, for drawing many samples in pieces:
 * successive calls on one stream give exactly the samples of one call for their total count.
 * @throws NotPositiveDefiniteError when a covariance is far from positive definite
 */
export function mixtureSampler(mixture: Mixture): (count: number, random: RandomStream) => MixtureSamples {
  const K = mixture.nComponents;
  const d = mixture.nTheta;
  const cumulative = cumulativeWeights(mixture.logWeights);
  const factors: Float64Array[] = [];
  for (let k = 0; k < K; k++) {
    const cov = mixture.covariances.subarray(k * d * d, (k + 1) * d * d);
    factors.push(choleskyWithJitter(cov, d, `covariance of component ${k}`).factor);
  }
  return (count, random) => {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`count: expected an integer ≥ 0, got ${count}`);
    const samples = new Float64Array(count * d);
    const components = new Int32Array(count);
    const z = new Float64Array(d);
    for (let n = 0; n < count; n++) {
      const k = pickComponent(cumulative, random.uniform());
      components[n] = k;
      random.fillNormal(z);
      const l = factors[k];
      for (let i = 0; i < d; i++) {
        let sum = mixture.means[k * d + i];
        for (let j = 0; j <= i; j++) sum += l[i * d + j] * z[j];
        samples[n * d + i] = sum;
      }
    }
    return { samples, components };
  };
}

/** Samples of a particle ensemble and the particle each one is. */
export interface ParticleSamples {
  /** Shape count×d, row-major, in the ensemble's space (u). */
  readonly samples: Float64Array;
  /** Shape count: particle index (0-based) of each sample. */
  readonly particles: Int32Array;
}

/**
 * `count` samples of a particle ensemble: the particles themselves, in order, when there are
 * exactly `count` of them with equal weights; otherwise `count` particles drawn with
 * replacement by weight (one uniform each, inverse CDF), so a different count resamples.
 */
export function sampleParticles(ensemble: ParticleEnsemble, count: number, random: RandomStream): ParticleSamples {
  return particleSampler(ensemble, count)(count, random);
}

/**
 * `sampleParticles` in pieces: `total` is the count of the whole draw (it decides between the
 * particles in order and resampling); successive calls on one stream, `total` samples in all,
 * give exactly the samples of one call.
 */
export function particleSampler(ensemble: ParticleEnsemble, total: number): (count: number, random: RandomStream) => ParticleSamples {
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`count: expected an integer ≥ 0, got ${total}`);
  const { nParticles: J, nTheta: d, positions, logWeights } = ensemble;
  if (total === J && logWeights === null) {
    let next = 0;
    return (count) => {
      const from = next;
      next += count;
      return { samples: positions.slice(from * d, next * d), particles: Int32Array.from({ length: count }, (_, i) => from + i) };
    };
  }
  const cumulative = cumulativeWeights(logWeights ?? new Float64Array(J));
  return (count, random) => {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`count: expected an integer ≥ 0, got ${count}`);
    const samples = new Float64Array(count * d);
    const particles = new Int32Array(count);
    for (let n = 0; n < count; n++) {
      const j = pickComponent(cumulative, random.uniform());
      particles[n] = j;
      samples.set(positions.subarray(j * d, (j + 1) * d), n * d);
    }
    return { samples, particles };
  };
}

/** Cumulative weights (length K), normalised so that the last entry is exactly 1. */
function cumulativeWeights(logWeights: Float64Array): Float64Array {
  const out = new Float64Array(logWeights.length);
  let total = 0;
  for (let k = 0; k < out.length; k++) {
    total += Math.exp(logWeights[k]);
    out[k] = total;
  }
  for (let k = 0; k < out.length; k++) out[k] /= total;
  out[out.length - 1] = 1;
  return out;
}

/** Smallest k with u < cumulative[k] (binary search); u ∈ [0, 1). */
function pickComponent(cumulative: Float64Array, u: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (u < cumulative[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Maps samples from u to physical units, parameter by parameter, with the problem's transforms.
 * @param samples shape count×d (row-major), in u
 * @param transforms length d
 * @returns a new Float64Array of shape count×d, in θ
 */
export function samplesToPhysical(samples: Float64Array, transforms: readonly ParameterTransform[]): Float64Array {
  const d = transforms.length;
  if (d === 0 || samples.length % d !== 0) throw new RangeError(`samples: expected a length that is a multiple of d = ${d}, got ${samples.length}`);
  const out = new Float64Array(samples.length);
  for (let n = 0; n < samples.length; n += d) {
    for (let i = 0; i < d; i++) out[n + i] = transforms[i].toPhysical(samples[n + i]);
  }
  return out;
}
