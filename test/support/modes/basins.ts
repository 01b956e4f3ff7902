/**
 * Mode mass assignment for the mode-discovery benchmarks (issue 5).
 *
 * Each benchmark's modes are separated by the signs of J ≤ 2 linear functionals aⱼᵀθ (e.g. the
 * quadrants of (θ1, θ2) for four-mode-3d, of (φ1, φ2) for rotated-bimodal-10d): the basin of a
 * mode is the set of θ with its sign pattern. A mode's true mass is the posterior mass of its
 * basin (from the reference); the mixture's mass there is Σ_k w_k P_k(basin), computed exactly
 * per component from the Gaussian of (a1ᵀθ, a2ᵀθ). "Mode found" means mixture mass ≥ 1/3 of the
 * true mass. Basin pattern b has sign sⱼ = −1 when bit j of b is set, +1 otherwise.
 */
import type { Mixture } from '../../../core/gmki/state';

/** Φ(x), the standard normal CDF (Abramowitz & Stegun 7.1.26 on erfc: absolute error < 1.5e-7). */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erfc = poly * Math.exp(-z * z);
  return x >= 0 ? 1 - 0.5 * erfc : 0.5 * erfc;
}

/**
 * P(Y1 > 0, Y2 > 0) for (Y1, Y2) Gaussian with means ν, standard deviations σ and correlation ρ:
 * ∫_{z > −ν1/σ1} φ(z) Φ((ν2 + ρσ2 z)/(σ2√(1−ρ²))) dz by Simpson's rule on [−9, 9] (error < 1e-7).
 */
export function positiveQuadrantProbability(nu1: number, nu2: number, sd1: number, sd2: number, rho: number): number {
  const z0 = Math.max(-nu1 / sd1, -9);
  if (z0 >= 9) return 0;
  const conditionalSd = sd2 * Math.sqrt(Math.max(0, 1 - rho * rho));
  const integrand = (z: number): number => {
    const mean = nu2 + rho * sd2 * z;
    const inner = conditionalSd > 1e-12 * sd2 ? normalCdf(mean / conditionalSd) : mean > 0 ? 1 : 0;
    return Math.exp(-0.5 * z * z) * inner;
  };
  const n = 2000;
  const step = (9 - z0) / n;
  let sum = integrand(z0) + integrand(9);
  for (let i = 1; i < n; i++) sum += (i % 2 === 1 ? 4 : 2) * integrand(z0 + i * step);
  return (sum * step) / 3 / Math.sqrt(2 * Math.PI);
}

/**
 * Mass of every basin (2^J of them) under the mixture.
 * @param functionals J = 1 or 2 vectors aⱼ of length d
 * @returns length 2^J, entry b = Σ_k w_k P_k(sⱼ aⱼᵀθ > 0 for all j)
 */
export function mixtureBasinMasses(mixture: Mixture, functionals: readonly Float64Array[]): number[] {
  const J = functionals.length;
  if (J < 1 || J > 2) throw new RangeError(`basins: expected 1 or 2 functionals, got ${J}`);
  const d = mixture.nTheta;
  const masses = new Array<number>(2 ** J).fill(0);
  for (let k = 0; k < mixture.nComponents; k++) {
    const w = Math.exp(mixture.logWeights[k]);
    const mean = mixture.means.subarray(k * d, (k + 1) * d);
    const cov = mixture.covariances.subarray(k * d * d, (k + 1) * d * d);
    const mu = functionals.map((a) => a.reduce((s, x, r) => s + x * mean[r], 0));
    const quad = (a: Float64Array, b: Float64Array): number => {
      let s = 0;
      for (let r = 0; r < d; r++) for (let c = 0; c < d; c++) s += a[r] * cov[r * d + c] * b[c];
      return s;
    };
    const sd = functionals.map((a) => Math.sqrt(quad(a, a)));
    for (let b = 0; b < 2 ** J; b++) {
      const s = functionals.map((_, j) => ((b >> j) & 1 ? -1 : 1));
      const p =
        J === 1
          ? normalCdf((s[0] * mu[0]) / sd[0])
          : positiveQuadrantProbability(s[0] * mu[0], s[1] * mu[1], sd[0], sd[1], (s[0] * s[1] * quad(functionals[0], functionals[1])) / (sd[0] * sd[1]));
      masses[b] += w * p;
    }
  }
  return masses;
}

/** Basin index of a point: bit j set when aⱼᵀθ < 0; null when some aⱼᵀθ = 0 (on a boundary). */
export function basinOf(theta: ArrayLike<number>, functionals: readonly Float64Array[]): number | null {
  let b = 0;
  for (let j = 0; j < functionals.length; j++) {
    let s = 0;
    for (let r = 0; r < theta.length; r++) s += functionals[j][r] * theta[r];
    if (s === 0) return null;
    if (s < 0) b |= 1 << j;
  }
  return b;
}

/** mixture mass / true mass per basin. */
export function massRatios(mixtureMasses: readonly number[], trueMasses: readonly number[]): number[] {
  return mixtureMasses.map((m, b) => m / trueMasses[b]);
}
