/**
 * GMKI as an ask/tell process (`gmki-algorithm.md` §3h): `gmkiAsk` runs the exploration step and
 * builds the sigma points the model must be evaluated at; `gmkiTell` takes the outputs back and
 * finishes the iteration. Core never calls the model, so the same code serves the CLI, the run
 * worker and the tests. Everything here works in the algorithm's space: the (augmented) data y,
 * noise covariance Σ and forward map F of §1.
 */
import { choleskyWithJitter, multiplyByOwnTranspose } from '../linalg/dense';
import { createRandomStream } from '../random/random';
import { analyzeComponent, type AnalysisData, type AnalysisStep, type AnalyzedComponent, type ComponentEvaluations } from './analysis';
import type { GmkiConfig } from './config';
import {
  completeExploration,
  disjointPower,
  exploreMixturePower,
  planExploration,
  prepareExplorationSamples,
  type ComponentExplorer,
  type ExplorationResult,
  type ExplorationSamples,
} from './exploration';
import { sigmaPointConstants, sigmaPoints, type SigmaPointConstants } from './sigmaPoints';
import { keepPreviousComponent, liftZeroWeights } from './skipped';
import type { GmkiState, Mixture } from './state';
import { normalizeAndClipWeights } from './weights';

/** What GMKI inverts: y ≈ F(θ) with noise N(0, Σ), θ ∈ R^d. */
export interface GmkiTarget {
  readonly nTheta: number;
  /** y (n_out). */
  readonly data: Float64Array;
  /** Σ (n_out×n_out), symmetric positive definite. */
  readonly noiseCov: Float64Array;
}

/** Everything fixed for the whole run: derived once from the config and the target. */
export interface GmkiContext {
  readonly config: GmkiConfig;
  readonly target: GmkiTarget;
  readonly analysisData: AnalysisData;
  readonly constants: SigmaPointConstants;
  /** Ξ, drawn once from the run's 'exploration' stream; null for disjoint exploration. */
  readonly samples: ExplorationSamples | null;
}

/** An iteration between ask and tell: the predicted mixture and the points to evaluate. */
export interface PendingIteration {
  /** The iteration being computed (state.iteration + 1). */
  readonly iteration: number;
  /** ρ_n, the mixture the iteration starts from (what a skipped component keeps: analyzeIteration). */
  readonly previous: Mixture;
  /** ρ̂ after exploration; covariances recomputed from the sigma points (= L Lᵀ). */
  readonly predicted: Mixture;
  /** Sigma points of every component, K×(2d+1)×d: point i of component k at (k(2d+1) + i)·d. */
  readonly points: Float64Array;
  readonly explorationJitter: Float64Array;
  readonly effectiveSampleSize: Float64Array;
}

/** Per-iteration diagnostics of the algorithm itself. */
export interface GmkiDiagnostics {
  readonly misfit: Float64Array;
  readonly jitter: Float64Array;
  readonly effectiveSampleSize: Float64Array;
}

/**
 * Builds the run's fixed context. The Monte Carlo samples Ξ (d×N_s standard normals) come from
 * the stream (seed, 'exploration'): the same for every component and iteration (common random
 * numbers, as the paper's code resets its seed to 123), and rebuilt identically on resume.
 */
export function createGmkiContext(config: GmkiConfig, target: GmkiTarget): GmkiContext {
  const nOut = target.data.length;
  const noiseFactor = choleskyWithJitter(target.noiseCov, nOut, 'noise covariance').factor;
  let samples: ExplorationSamples | null = null;
  if (config.exploration.method === 'monte-carlo') {
    const n = config.exploration.samples;
    const xi = createRandomStream(config.seed, 'exploration').fillNormal(new Float64Array(target.nTheta * n));
    samples = prepareExplorationSamples(xi, target.nTheta, n);
  }
  return {
    config,
    target,
    analysisData: { data: target.data, noiseCov: target.noiseCov, noiseFactor },
    constants: sigmaPointConstants(target.nTheta, config.sigmaPointAlpha),
    samples,
  };
}

/** Number of forward evaluations per iteration: K·(2d+1). */
export function evaluationsPerIteration(nComponents: number, nTheta: number): number {
  return nComponents * (2 * nTheta + 1);
}

/**
 * The exploration step (§3a) of the iteration after `state`, with the Monte Carlo components
 * computed by `explorer` (e.g. in worker threads): the same result as gmkiAsk computes itself.
 */
export async function exploreState(state: GmkiState, context: GmkiContext, explorer: ComponentExplorer): Promise<ExplorationResult> {
  const plan = planExploration(state.mixture, context.config.dt);
  if (!context.samples) return disjointPower(state.mixture, plan);
  return completeExploration(plan, await explorer(plan, context.samples));
}

/**
 * Exploration step and sigma points of the next iteration (§3a, §3b).
 * @param explored the exploration of `state` when already computed (exploreState); else it is computed here
 */
export function gmkiAsk(
  state: GmkiState,
  context: GmkiContext,
  explored: ExplorationResult = exploreMixturePower(state.mixture, context.config.dt, context.config.exploration, context.samples),
): PendingIteration {
  const { nComponents: nK, nTheta: d } = explored.predicted;
  const nPoints = 2 * d + 1;
  const points = new Float64Array(nK * nPoints * d);
  const covariances = new Float64Array(nK * d * d);
  const jitter = Float64Array.from(explored.jitter);
  for (let k = 0; k < nK; k++) {
    const mean = explored.predicted.means.subarray(k * d, (k + 1) * d);
    const cov = explored.predicted.covariances.subarray(k * d * d, (k + 1) * d * d);
    const chol = choleskyWithJitter(cov, d, `predicted covariance of component ${k}`);
    jitter[k] = Math.max(jitter[k], chol.jitter);
    points.set(sigmaPoints(mean, chol.factor, d, context.constants.spread), k * nPoints * d);
    // Ĉ ← Σ_i w_i (x_i − m̂)(x_i − m̂)ᵀ = L Lᵀ, as GMKI.jl does right after building the points.
    covariances.set(multiplyByOwnTranspose(chol.factor, d, d), k * d * d);
  }
  return {
    iteration: state.iteration + 1,
    previous: state.mixture,
    predicted: { ...explored.predicted, covariances },
    points,
    explorationJitter: jitter,
    effectiveSampleSize: explored.effectiveSampleSize,
  };
}

/** A variant's analysis step: its Kalman update of one component and its weight normalisation. */
export interface AnalysisRule {
  analyze(component: ComponentEvaluations, step: AnalysisStep, k: number): AnalyzedComponent;
  /** Normalised log-weights, floored at minWeight, from the analysed (unnormalised) ones. */
  normalize(logWeights: Float64Array, minWeight: number): Float64Array;
}

/** The mixture after the analysis step, with what it measured per component. */
export interface AnalyzedIteration {
  readonly mixture: Mixture;
  readonly misfit: Float64Array;
  /** The largest jitter of the exploration, the sigma points and the Kalman step. */
  readonly jitter: Float64Array;
}

/**
 * The tell loop every variant shares (§3c–§3e): each component's Kalman step and weight update by
 * `rule`, then the weights normalised and floored.
 * @param outputs F at every point of `pending.points`, K×(2d+1)×n_out
 * @param skipped K flags: 1 for a component with a failed sigma point (its outputs are not used)
 */
export function analyzeIteration(
  pending: PendingIteration,
  outputs: Float64Array,
  context: GmkiContext,
  rule: AnalysisRule,
  skipped: Uint8Array | null = null,
): AnalyzedIteration {
  const { nComponents: nK, nTheta: d } = pending.predicted;
  const nOut = context.target.data.length;
  const nPoints = 2 * d + 1;
  const step: AnalysisStep = { outerCovWeight: context.constants.outerCovWeight, dt: context.config.dt, data: context.analysisData };
  const logWeights = new Float64Array(nK);
  const means = new Float64Array(nK * d);
  const covariances = new Float64Array(nK * d * d);
  const misfit = new Float64Array(nK);
  const jitter = Float64Array.from(pending.explorationJitter);
  for (let k = 0; k < nK; k++) {
    if (skipped?.[k]) {
      // The Kalman step needs all 2d+1 outputs of a component (ȳ, C^gg, C^θg; §3c), so one with a
      // failed point is skipped. It keeps its previous state (m_k, C_k), not the predicted one:
      // (m̂_k, Ĉ_k) is ρ_n^(1−Δt)'s component, widened by 1/(1−Δt) and waiting for the likelihood
      // step that narrows it again; kept without that step it would widen at every iteration the
      // failure repeats, and a converged component would drift off the posterior, whereas the
      // previous state is where the flow already was (its fixed point at convergence). Its weight
      // goes to the floor: the mass update needs ȳ_k = F(m̂_k), and a component whose points the
      // model cannot evaluate should hold no mass while that lasts; it returns from the floor as
      // any floored component does, once its points evaluate.
      keepPreviousComponent(pending.previous, k, means, covariances, logWeights);
      misfit[k] = Number.NaN;
      continue;
    }
    const component: ComponentEvaluations = {
      points: pending.points.subarray(k * nPoints * d, (k + 1) * nPoints * d),
      outputs: outputs.subarray(k * nPoints * nOut, (k + 1) * nPoints * nOut),
      predictedCov: pending.predicted.covariances.subarray(k * d * d, (k + 1) * d * d),
      predictedLogWeight: pending.predicted.logWeights[k],
      nTheta: d,
      label: `component ${k}`,
    };
    const result = rule.analyze(component, step, k);
    logWeights[k] = result.logWeight;
    means.set(result.mean, k * d);
    covariances.set(result.covariance, k * d * d);
    misfit[k] = result.misfit;
    jitter[k] = Math.max(jitter[k], result.jitter);
  }
  const normalized = liftZeroWeights(rule.normalize(logWeights, context.config.minWeight), skipped);
  const mixture: Mixture = { nComponents: nK, nTheta: d, logWeights: normalized, means, covariances };
  return { mixture, misfit, jitter };
}

/** The paper's analysis rule: centre-point Kalman step, tempered likelihood weights, one-pass clipping. */
const PAPER_ANALYSIS: AnalysisRule = { analyze: analyzeComponent, normalize: normalizeAndClipWeights };

/**
 * Analysis step, weight update, normalisation and clipping (§3c–§3e).
 * @param outputs F at every point of `pending.points`, K×(2d+1)×n_out
 * @param skipped K flags: components with a failed sigma point, left as they were (analyzeIteration)
 */
export function gmkiTell(
  pending: PendingIteration,
  outputs: Float64Array,
  context: GmkiContext,
  skipped: Uint8Array | null = null,
): { state: GmkiState; diagnostics: GmkiDiagnostics } {
  const { mixture, misfit, jitter } = analyzeIteration(pending, outputs, context, PAPER_ANALYSIS, skipped);
  return {
    state: { iteration: pending.iteration, mixture },
    diagnostics: { misfit, jitter, effectiveSampleSize: pending.effectiveSampleSize },
  };
}
