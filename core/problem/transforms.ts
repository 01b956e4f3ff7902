/**
 * Bounded parameters (`problem-format.md` §1.1): the maps between a parameter's physical value θ
 * and the unconstrained u the algorithm works in, and the Gaussian in u whose image has the
 * prior's mean and std (EnsembleKalmanProcesses' `constrained_gaussian` idea).
 *
 *   lower only:  θ = lower + exp(u)          (θ − lower is log-normal: closed form)
 *   upper only:  θ = upper − exp(u)          (upper − θ is log-normal: closed form)
 *   both:        θ = lower + (upper − lower)·logistic(u)   (logit-normal: numerical, `logit-normal.ts`)
 */
import type { ParameterTransform } from './types';
import { formatComputed } from './describe';
import { logistic, logit, solveLogitNormal } from './logit-normal';

/** Optional bounds of a parameter, as in the file. */
export interface ParameterBounds {
  readonly lower?: number;
  readonly upper?: number;
}

/** θ = u. */
export function identityTransform(): ParameterTransform {
  return Object.freeze({ kind: 'identity', toPhysical: (u: number) => u, toUnconstrained: (theta: number) => theta });
}

/** θ = lower + exp(u), u = log(θ − lower). */
export function lowerBoundTransform(lower: number): ParameterTransform {
  return Object.freeze({
    kind: 'lower',
    lower,
    toPhysical: (u: number) => lower + Math.exp(u),
    toUnconstrained: (theta: number) => Math.log(theta - lower),
  });
}

/** θ = upper − exp(u), u = log(upper − θ). */
export function upperBoundTransform(upper: number): ParameterTransform {
  return Object.freeze({
    kind: 'upper',
    upper,
    toPhysical: (u: number) => upper - Math.exp(u),
    toUnconstrained: (theta: number) => Math.log(upper - theta),
  });
}

/** θ = lower + (upper − lower)/(1 + e^(−u)), u = log((θ − lower)/(upper − θ)). */
export function intervalTransform(lower: number, upper: number): ParameterTransform {
  const width = upper - lower;
  return Object.freeze({
    kind: 'interval',
    lower,
    upper,
    // From the nearer bound, so that θ close to `upper` keeps its digits.
    toPhysical: (u: number) => (u <= 0 ? lower + width * logistic(u) : upper - width * logistic(-u)),
    toUnconstrained: (theta: number) => Math.log(theta - lower) - Math.log(upper - theta),
  });
}

/** The transform for a parameter with these bounds (both absent: identity). */
export function transformFor(bounds: ParameterBounds): ParameterTransform {
  const { lower, upper } = bounds;
  if (lower !== undefined && upper !== undefined) return intervalTransform(lower, upper);
  if (lower !== undefined) return lowerBoundTransform(lower);
  if (upper !== undefined) return upperBoundTransform(upper);
  return identityTransform();
}

/** A parameter's prior as written: physical mean and std, optional bounds. */
export interface PhysicalPrior extends ParameterBounds {
  readonly mean: number;
  readonly std: number;
}

/** N(mean, std²) in u, or the sentence explaining why no Gaussian in u has the requested image. */
export type ConstrainedGaussian = { readonly ok: true; readonly mean: number; readonly std: number } | { readonly ok: false; readonly message: string };

/** Mean and std in u of a log-normal variable with this mean m > 0 and std s > 0. */
function logNormalParameters(m: number, s: number): { mean: number; std: number } {
  const variance = Math.log1p((s / m) * (s / m));
  return { mean: Math.log(m) - variance / 2, std: Math.sqrt(variance) };
}

/**
 * The Gaussian N(μ_u, σ_u²) in u whose image under `transformFor(prior)` has mean `prior.mean` and
 * std `prior.std`. Without bounds that is the prior itself. Fails (with a sentence for the
 * `parameters[i].prior` error) when lower ≥ upper, when the mean is not strictly inside the
 * bounds, or when the std is larger than any distribution on the interval with that mean can have.
 */
export function constrainedGaussian(prior: PhysicalPrior): ConstrainedGaussian {
  const { mean, std, lower, upper } = prior;
  if (lower !== undefined && upper !== undefined) {
    if (!(lower < upper)) return { ok: false, message: `expected lower < upper, got lower ${lower} and upper ${upper}` };
    if (!(mean > lower && mean < upper)) {
      return { ok: false, message: `expected a mean strictly between lower ${lower} and upper ${upper}, got ${mean}` };
    }
    const width = upper - lower;
    // Work from the nearer bound: logistic(−u) = 1 − logistic(u) mirrors the upper half.
    const pLow = (mean - lower) / width;
    const pHigh = (upper - mean) / width;
    const mirrored = pHigh < pLow;
    const p = mirrored ? pHigh : pLow;
    const largest = width * Math.sqrt(pLow * pHigh);
    if (p < 1e-12) {
      return { ok: false, message: `expected a mean not within 1e-12 × (upper − lower) of a bound, got ${mean} in [${lower}, ${upper}]` };
    }
    if (!(std < largest)) {
      return {
        ok: false,
        message: `expected a std < ${formatComputed(largest)} (no distribution on [${lower}, ${upper}] with mean ${mean} has a larger one), got ${std}`,
      };
    }
    const solution = solveLogitNormal(p, std / width);
    if (!solution.ok) {
      return {
        ok: false,
        message: `expected a std clearly below ${formatComputed(largest)} (the largest possible on [${lower}, ${upper}] with mean ${mean}; no Gaussian in u comes that close), got ${std}`,
      };
    }
    return { ok: true, mean: mirrored ? -solution.mu : solution.mu, std: solution.sigma };
  }
  if (lower !== undefined) {
    if (!(mean > lower)) return { ok: false, message: `expected a mean > lower ${lower}, got ${mean}` };
    return { ok: true, ...logNormalParameters(mean - lower, std) };
  }
  if (upper !== undefined) {
    if (!(mean < upper)) return { ok: false, message: `expected a mean < upper ${upper}, got ${mean}` };
    return { ok: true, ...logNormalParameters(upper - mean, std) };
  }
  return { ok: true, mean, std };
}

export { logistic, logit };
