/**
 * gmki-robust as ask/tell (README.md in this folder): the paper's exploration step and sigma
 * points (process.ts, unchanged), then a Kalman step with the adaptive predicted output and the
 * evidence weight update (analysis.ts), then split/merge/re-seed (structure.ts). The same
 * K·(2d+1) evaluations per iteration as the paper; the next state depends only on the previous
 * state, the outputs and the seed, so resume is exact.
 */
import { choleskyWithJitter } from '../../linalg/dense';
import type { ExplorationResult } from '../exploration';
import { createGmkiContext, gmkiAsk, type GmkiContext, type GmkiDiagnostics, type GmkiTarget, type PendingIteration } from '../process';
import type { GmkiConfig } from '../config';
import type { GmkiState, Mixture } from '../state';
import { normalizeWithFloor } from './weights';
import { analyzeComponentRobust } from './analysis';
import { componentNonlinearity } from './nonlinearity';
import { robustOptionsFromConfig, type RobustOptions } from './options';
import { restructureMixture, type SearchDistribution, type StructuralChange } from './structure';

/** The paper's context plus the variant's options and the distribution mode search draws from. */
export interface RobustContext extends GmkiContext {
  readonly options: RobustOptions;
  readonly search: SearchDistribution;
}

/**
 * @param searchMean, searchCovariance the prior in u (d, d×d); without a prior, the initial distribution
 * @param options defaults to robustOptionsFromConfig(config); the ingredient ablation passes others
 */
export function createRobustContext(
  config: GmkiConfig,
  target: GmkiTarget,
  searchMean: Float64Array,
  searchCovariance: Float64Array,
  options: RobustOptions = robustOptionsFromConfig(config),
): RobustContext {
  const factor = choleskyWithJitter(searchCovariance, target.nTheta, 'prior covariance').factor;
  return { ...createGmkiContext(config, target), options, search: { mean: searchMean, covariance: searchCovariance, factor } };
}

/** Exploration and sigma points: exactly the paper's (§3a, §3b). */
export function robustAsk(state: GmkiState, context: RobustContext, explored?: ExplorationResult): PendingIteration {
  return gmkiAsk(state, context, explored);
}

/** gmki-robust's diagnostics: the paper's plus the structural changes of the iteration. */
export interface RobustDiagnostics extends GmkiDiagnostics {
  /** Per component: η where the model turns within it (Nonlinearity.turningIndex), 0 where it is monotone. */
  readonly nonlinearity: Float64Array;
  readonly structuralChanges: readonly StructuralChange[];
}

/**
 * Kalman step and weight update per component, normalisation and the weight floor, then the
 * structural step.
 * @param outputs F at every point of `pending.points`, K×(2d+1)×n_out
 */
export function robustTell(
  pending: PendingIteration,
  outputs: Float64Array,
  context: RobustContext,
): { state: GmkiState; diagnostics: RobustDiagnostics } {
  const { nComponents: nK, nTheta: d } = pending.predicted;
  const { options, config } = context;
  const nOut = context.target.data.length;
  const nPoints = 2 * d + 1;
  const nonlinearity = componentNonlinearity(outputs, nK, d, nOut, context.analysisData.noiseFactor);
  const logWeights = new Float64Array(nK);
  const means = new Float64Array(nK * d);
  const covariances = new Float64Array(nK * d * d);
  const misfit = new Float64Array(nK);
  const jitter = Float64Array.from(pending.explorationJitter);
  for (let k = 0; k < nK; k++) {
    const unscented =
      options.predictedOutput === 'unscented' || (options.predictedOutput === 'adaptive' && nonlinearity.index[k] <= options.splitThreshold);
    const result = analyzeComponentRobust(
      pending.points.subarray(k * nPoints * d, (k + 1) * nPoints * d),
      outputs.subarray(k * nPoints * nOut, (k + 1) * nPoints * nOut),
      pending.predicted.covariances.subarray(k * d * d, (k + 1) * d * d),
      pending.predicted.logWeights[k],
      context.constants,
      unscented ? 'unscented' : 'centre',
      options.evidenceWeights,
      d,
      config.dt,
      context.analysisData,
      `component ${k + 1}`,
    );
    logWeights[k] = result.logWeight;
    means.set(result.mean, k * d);
    covariances.set(result.covariance, k * d * d);
    misfit[k] = result.misfit;
    jitter[k] = Math.max(jitter[k], result.jitter);
  }
  const analysed: Mixture = {
    nComponents: nK,
    nTheta: d,
    logWeights: normalizeWithFloor(logWeights, config.minWeight),
    means,
    covariances,
  };
  const { mixture, changes } = restructureMixture(
    analysed,
    { iteration: pending.iteration, iterations: config.iterations, seed: config.seed, minWeight: config.minWeight, points: pending.points, nonlinearity },
    options,
    context.search,
  );
  return {
    state: { iteration: pending.iteration, mixture },
    diagnostics: {
      misfit,
      jitter,
      effectiveSampleSize: pending.effectiveSampleSize,
      nonlinearity: nonlinearity.turningIndex,
      structuralChanges: changes,
    },
  };
}
