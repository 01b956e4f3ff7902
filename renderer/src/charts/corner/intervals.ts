/**
 * Credible intervals of one parameter's marginal, in physical units: equal-tailed quantiles of
 * the mixture's marginal in u, F(u) = Σ w_k Φ((u − m_k)/s_k), solved by bisection and mapped
 * through the parameter's transform (monotone, so quantiles map to quantiles; a decreasing map,
 * as for an upper bound, swaps the tails).
 */
import type { Mixture } from '../../../../core/gmki/state';
import type { ParameterTransform } from '../../../../core/problem/types';

/** The probability masses of the credible regions drawn (1σ and 2σ of a Gaussian, rounded). */
export const CREDIBLE_MASSES = [0.68, 0.95] as const;

/** A marginal's median and its central intervals, one per CREDIBLE_MASSES entry. */
export interface MarginalInterval {
  readonly median: number;
  /** [low, high] holding CREDIBLE_MASSES[m] of the mass, equal tails. */
  readonly intervals: readonly (readonly [number, number])[];
}

/** Φ(x), the standard normal CDF: erfc by W. J. Cody's rational fit in Numerical Recipes (|error| < 1.2e-7). */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const erfc =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}

/** The p-quantile of the mixture's marginal of parameter i, in u. */
export function mixtureQuantileU(mixture: Mixture, i: number, p: number): number {
  const d = mixture.nTheta;
  const parts = Array.from({ length: mixture.nComponents }, (_, k) => ({
    w: Math.exp(mixture.logWeights[k]),
    m: mixture.means[k * d + i],
    s: Math.sqrt(mixture.covariances[k * d * d + i * d + i]),
  }));
  const total = parts.reduce((sum, part) => sum + part.w, 0);
  const cdf = (u: number) => parts.reduce((sum, { w, m, s }) => sum + w * (s > 0 ? normalCdf((u - m) / s) : u >= m ? 1 : 0), 0) / total;
  let lo = Math.min(...parts.map(({ m, s }) => m - 12 * s)) - 1e-12;
  let hi = Math.max(...parts.map(({ m, s }) => m + 12 * s)) + 1e-12;
  for (let step = 0; step < 100 && hi - lo > 1e-12 * Math.max(1, Math.abs(lo), Math.abs(hi)); step++) {
    const mid = 0.5 * (lo + hi);
    if (cdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/** Median and central CREDIBLE_MASSES intervals of parameter i's marginal, in physical units. */
export function marginalInterval(mixture: Mixture, i: number, transform?: ParameterTransform): MarginalInterval {
  const toPhysical = transform ? transform.toPhysical : (u: number) => u;
  const decreasing = toPhysical(1) < toPhysical(0);
  // For a decreasing map the p-quantile of θ is the image of the (1 − p)-quantile of u.
  const quantile = (p: number) => toPhysical(mixtureQuantileU(mixture, i, decreasing ? 1 - p : p));
  return {
    median: quantile(0.5),
    intervals: CREDIBLE_MASSES.map((mass) => [quantile((1 - mass) / 2), quantile((1 + mass) / 2)] as const),
  };
}

/**
 * "1.23 [0.92, 1.63]": a median and an interval with as many decimals as the interval's width
 * needs (two significant digits of it), in exponent form for very large or small magnitudes.
 */
export function formatInterval(median: number, [low, high]: readonly [number, number]): string {
  const width = Math.abs(high - low);
  const magnitude = Math.max(Math.abs(median), Math.abs(low), Math.abs(high));
  if (!(width > 0) || magnitude >= 1e5 || magnitude < 1e-3 || width < magnitude * 1e-6) {
    const short = (x: number) => (magnitude >= 1e5 || magnitude < 1e-3 ? x.toExponential(2) : String(Number(x.toPrecision(6))));
    return `${short(median)} [${short(low)}, ${short(high)}]`;
  }
  const decimals = Math.min(8, Math.max(0, 1 - Math.floor(Math.log10(width))));
  return `${median.toFixed(decimals)} [${low.toFixed(decimals)}, ${high.toFixed(decimals)}]`;
}
