/**
 * Exploration (prediction) step: ρ_n^(1−Δt) projected onto K Gaussians by moment matching
 * (`gmki-algorithm.md` §3a, `Gaussian_mixture_power` of GMKI.jl).
 *
 * With a = 1 − Δt and responsibilities r_k(θ) = w_k N_k(θ) / ρ_n(θ),
 *   ρ_n^a ∝ Σ_k w̃_k N(θ; m_k, C_k/a) r_k(θ)^Δt,   w̃_k = w_k^a det(C_k)^{Δt/2},
 * and each term is replaced by the Gaussian with its mass, mean and covariance.
 *
 * The Monte Carlo step is split so that a host may compute components in parallel:
 * `planExploration` (cheap, O(K·d³)) → `exploreComponent` for each k (the O(K·N_s·d²) work, a
 * pure function of the plan, k and Ξ) → `completeExploration`. Each component's result depends
 * only on its inputs, never on where or in which order components are computed.
 */
import type { ExplorationSettings } from '../problem/types';
import { assertNever } from '../util/assertNever';
import { range } from '../util/range';
import { choleskyWithJitter, invertLower, logDetFromCholesky, multiplyLower, solveLowerInPlace } from '../linalg/dense';
import { createJsSampleKernels, type SampleKernels } from '../linalg/sampleKernels';
import { createWasmSampleKernels } from '../linalg/wasmSampleKernels';
import type { Mixture } from './state';

/** The predicted mixture ρ̂ and what the step measured. */
export interface ExplorationResult {
  /** Predicted components; logWeights are the unnormalised ℓ̂_k = log ŵ_k. */
  readonly predicted: Mixture;
  /** Per component: diagonal jitter needed to factor C_k (0 when none). */
  readonly jitter: Float64Array;
  /** Per component: effective sample size (Σs)²/Σs² of the Monte Carlo weights; NaN for disjoint. */
  readonly effectiveSampleSize: Float64Array;
}

/**
 * The standard-normal samples Ξ shared by every component and iteration (common random numbers).
 * Plain data: a host sends it once to each worker thread that explores components.
 */
export interface ExplorationSamples {
  readonly nTheta: number;
  readonly nSamples: number;
  /** d×N_s, row-major. */
  readonly xi: Float64Array;
  /** ‖ξ_j‖², N_s: the data-independent own-component Mahalanobis term. */
  readonly squaredNorms: Float64Array;
}

/** Precomputes ‖ξ_j‖² of a d×N_s sample matrix. */
export function prepareExplorationSamples(xi: Float64Array, nTheta: number, nSamples: number): ExplorationSamples {
  const squaredNorms = new Float64Array(nSamples);
  for (let r = 0; r < nTheta; r++) {
    const off = r * nSamples;
    for (let j = 0; j < nSamples; j++) squaredNorms[j] += xi[off + j] * xi[off + j];
  }
  return { nTheta, nSamples, xi, squaredNorms };
}

const kernelsOfSamples = new WeakMap<ExplorationSamples, SampleKernels>();

/**
 * The kernels over Ξ in this thread, set up once per sample matrix: WebAssembly SIMD where it
 * runs, else JavaScript — the same operations in the same order, so the results are identical.
 */
export function explorationKernels(samples: ExplorationSamples): SampleKernels {
  let kernels = kernelsOfSamples.get(samples);
  if (!kernels) {
    const { xi, nTheta, nSamples } = samples;
    kernels = createWasmSampleKernels(xi, nTheta, nSamples) ?? createJsSampleKernels(xi, nTheta, nSamples);
    kernelsOfSamples.set(samples, kernels);
  }
  return kernels;
}

/**
 * What every component's exploration needs from the current mixture ρ_n: plain data
 * (structured-cloneable to a worker thread).
 */
export interface ExplorationPlan {
  readonly nComponents: number;
  readonly nTheta: number;
  readonly dt: number;
  /** ℓ_k of ρ_n (normalised), K. */
  readonly logWeights: Float64Array;
  /** m_k, K×d. */
  readonly means: Float64Array;
  /** Lower Cholesky factors of C_k, K×d×d. */
  readonly factors: Float64Array;
  /** Their inverses, K×d×d (lower triangular). */
  readonly inverseFactors: Float64Array;
  /** log det C_k, K. */
  readonly logDets: Float64Array;
  /** Per component: diagonal jitter needed to factor C_k (0 when none). */
  readonly jitter: Float64Array;
}

/** One predicted component of the Monte Carlo step. */
export interface ExploredComponent {
  /** m̂_k, d. */
  readonly mean: Float64Array;
  /** Ĉ_k, d×d, exactly symmetric. */
  readonly covariance: Float64Array;
  /** ℓ̂_k = log ŵ_k (unnormalised). */
  readonly logWeight: number;
  /** (Σs)²/Σs² of the component's Monte Carlo weights. */
  readonly effectiveSampleSize: number;
}

/**
 * Computes `exploreComponent(plan, k, samples)` for every k, here or elsewhere (worker threads),
 * and returns the results in component order. Whatever runs them must return exactly what
 * exploreComponent returns, so that results never depend on the host.
 */
export type ComponentExplorer = (plan: ExplorationPlan, samples: ExplorationSamples) => Promise<readonly ExploredComponent[]>;

/** The explorer of the single-threaded path (tests, the browser, small problems). */
export const exploreInThisThread: ComponentExplorer = async (plan, samples) => range(plan.nComponents).map((k) => exploreComponent(plan, k, samples));

/** Factors every covariance of ρ_n (with recorded jitter) and inverts the factors. */
export function planExploration(mixture: Mixture, dt: number): ExplorationPlan {
  const { nComponents: nK, nTheta: d } = mixture;
  const factors = new Float64Array(nK * d * d);
  const inverseFactors = new Float64Array(nK * d * d);
  const logDets = new Float64Array(nK);
  const jitter = new Float64Array(nK);
  for (let k = 0; k < nK; k++) {
    const cov = mixture.covariances.subarray(k * d * d, (k + 1) * d * d);
    const chol = choleskyWithJitter(cov, d, `covariance of component ${k}`);
    factors.set(chol.factor, k * d * d);
    inverseFactors.set(invertLower(chol.factor, d), k * d * d);
    jitter[k] = chol.jitter;
    logDets[k] = logDetFromCholesky(chol.factor, d);
  }
  return { nComponents: nK, nTheta: d, dt, logWeights: mixture.logWeights, means: mixture.means, factors, inverseFactors, logDets, jitter };
}

/**
 * One exploration step, all in this thread.
 * @param mixture the current mixture ρ_n (normalised log-weights)
 * @param samples Ξ for `monte-carlo`; ignored for `disjoint`
 */
export function exploreMixturePower(mixture: Mixture, dt: number, method: ExplorationSettings, samples: ExplorationSamples | null): ExplorationResult {
  const plan = planExploration(mixture, dt);
  switch (method.method) {
    case 'disjoint':
      return disjointPower(mixture, plan);
    case 'monte-carlo': {
      if (!samples) throw new Error('monte-carlo exploration needs its sample matrix');
      return completeExploration(
        plan,
        range(plan.nComponents).map((k) => exploreComponent(plan, k, samples)),
      );
    }
    default:
      return assertNever(method);
  }
}

/** `disjoint`: r_k ≡ 1, so m̂ = m, Ĉ = C/a, ℓ̂ = aℓ + (Δt/2) log det C (exact for K = 1). */
export function disjointPower(mixture: Mixture, plan: ExplorationPlan): ExplorationResult {
  const a = 1 - plan.dt;
  const predicted: Mixture = {
    ...mixture,
    logWeights: Float64Array.from(mixture.logWeights, (l, k) => a * l + 0.5 * plan.dt * plan.logDets[k]),
    means: Float64Array.from(mixture.means),
    covariances: Float64Array.from(mixture.covariances, (c) => c / a),
  };
  return { predicted, jitter: plan.jitter, effectiveSampleSize: new Float64Array(plan.nComponents).fill(NaN) };
}

/** The predicted mixture from every component's result (in component order). */
export function completeExploration(plan: ExplorationPlan, components: readonly ExploredComponent[]): ExplorationResult {
  const { nComponents: nK, nTheta: d } = plan;
  if (components.length !== nK) throw new Error(`exploration returned ${components.length} components, expected ${nK}`);
  const logWeights = new Float64Array(nK);
  const means = new Float64Array(nK * d);
  const covariances = new Float64Array(nK * d * d);
  const ess = new Float64Array(nK);
  components.forEach((component, k) => {
    logWeights[k] = component.logWeight;
    means.set(component.mean, k * d);
    covariances.set(component.covariance, k * d * d);
    ess[k] = component.effectiveSampleSize;
  });
  return { predicted: { nComponents: nK, nTheta: d, logWeights, means, covariances }, jitter: plan.jitter, effectiveSampleSize: ess };
}

/**
 * `monte-carlo` (the paper's "random-sampling") for component k: θ_j = m_k + L_k ξ_j with
 * L_k = chol(C_k/a), s_j = r_k(θ_j)^Δt computed in log space, then weighted moments. Working in ξ
 * avoids forming the samples: m̂_k = m_k + L_k ξ̄, Ĉ_k = L_k (W − ξ̄ξ̄ᵀ) L_kᵀ with ξ̄, W the
 * s-weighted moments of ξ.
 */
export function exploreComponent(plan: ExplorationPlan, k: number, samples: ExplorationSamples): ExploredComponent {
  const { nComponents: nK, nTheta: d, dt } = plan;
  const n = samples.nSamples;
  const a = 1 - dt;
  const dd = d * d;
  const logTerms: Float64Array[] = Array.from({ length: nK }, () => new Float64Array(n));
  // L_k = chol(C_k / a) = chol(C_k) / √a.
  const sampleFactor = Float64Array.from(plan.factors.subarray(k * dd, (k + 1) * dd), (x) => x / Math.sqrt(a));
  const meanK = plan.means.subarray(k * d, (k + 1) * d);
  const kernels = explorationKernels(samples);
  for (let i = 0; i < nK; i++) {
    const q = logTerms[i];
    if (i === k) {
      // P_k⁻¹(θ_j − m_k) = ξ_j/√a: independent of the data.
      for (let j = 0; j < n; j++) q[j] = samples.squaredNorms[j] / a;
    } else {
      const shift = Float64Array.from(meanK, (m, r) => m - plan.means[i * d + r]);
      solveLowerInPlace(plan.factors.subarray(i * dd, (i + 1) * dd), d, shift);
      kernels.addShiftedSquaredNorms(multiplyLower(plan.inverseFactors.subarray(i * dd, (i + 1) * dd), sampleFactor, d), shift, q);
    }
    // log of w_i N_i(θ) without (2π)^{d/2} (it cancels in r_k): ℓ_i − ½ log det C_i − ½ q_i(θ).
    const scale = plan.logWeights[i] - 0.5 * plan.logDets[i];
    for (let j = 0; j < n; j++) q[j] = scale - 0.5 * q[j];
  }
  const weights = temperedResponsibilities(logTerms, k, dt, n);
  const moments = kernels.weightedMoments(weights);
  const centred = Float64Array.from(moments.secondMoment, (w, idx) => w - moments.mean[Math.floor(idx / d)] * moments.mean[idx % d]);
  const mean = new Float64Array(d);
  for (let r = 0; r < d; r++) {
    let step = 0;
    for (let c = 0; c <= r; c++) step += sampleFactor[r * d + c] * moments.mean[c];
    mean[r] = meanK[r] + step;
  }
  let sumSquares = 0;
  for (let j = 0; j < n; j++) sumSquares += weights[j] * weights[j];
  return {
    mean,
    covariance: congruenceLower(sampleFactor, centred, d),
    logWeight: a * plan.logWeights[k] + 0.5 * dt * plan.logDets[k] + Math.log(moments.total / n),
    effectiveSampleSize: (moments.total * moments.total) / sumSquares,
  };
}

/** s_j = r_k(θ_j)^Δt = exp(Δt·(λ_k − log Σ_i exp λ_i)) from the per-component log terms λ_i. */
function temperedResponsibilities(logTerms: Float64Array[], k: number, dt: number, n: number): Float64Array {
  const weights = new Float64Array(n);
  const nK = logTerms.length;
  for (let j = 0; j < n; j++) {
    let max = -Infinity;
    for (let i = 0; i < nK; i++) if (logTerms[i][j] > max) max = logTerms[i][j];
    let sum = 0;
    for (let i = 0; i < nK; i++) sum += Math.exp(logTerms[i][j] - max);
    weights[j] = Math.exp(dt * (logTerms[k][j] - max - Math.log(sum)));
  }
  return weights;
}

/** L S Lᵀ for lower-triangular L and symmetric S (d×d); the result is made exactly symmetric. */
function congruenceLower(l: Float64Array, s: Float64Array, d: number): Float64Array {
  const ls = new Float64Array(d * d);
  for (let r = 0; r < d; r++)
    for (let c = 0; c < d; c++) {
      let sum = 0;
      for (let k = 0; k <= r; k++) sum += l[r * d + k] * s[k * d + c];
      ls[r * d + c] = sum;
    }
  const out = new Float64Array(d * d);
  for (let r = 0; r < d; r++)
    for (let c = 0; c <= r; c++) {
      let sum = 0;
      for (let k = 0; k <= c; k++) sum += ls[r * d + k] * l[c * d + k];
      out[r * d + c] = sum;
      out[c * d + r] = sum;
    }
  return out;
}
