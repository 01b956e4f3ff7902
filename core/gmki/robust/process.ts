/**
 * gmki-robust as ask/tell (README.md in this folder): the paper's exploration step and sigma
 * points (process.ts, unchanged), then a Kalman step with the adaptive predicted output and the
 * evidence weight update (analysis.ts), then split/merge/re-seed (structure.ts). The same
 * K·(2d+1) evaluations per iteration as the paper; the next state depends only on the previous
 * state, the outputs and the seed, so resume is exact.
 */
import { choleskyWithJitter } from '../../linalg/dense';
import type { ExplorationResult } from '../exploration';
import { analyzeIteration, createGmkiContext, gmkiAsk, type GmkiContext, type GmkiDiagnostics, type GmkiTarget, type PendingIteration } from '../process';
import type { GmkiConfig } from '../config';
import type { GmkiState } from '../state';
import { normalizeWithFloor } from './weights';
import { analyzeComponentRobust, type PredictedOutput } from './analysis';
import { componentNonlinearity } from './nonlinearity';
import { robustOptionsFromConfig, type RobustOptions } from './options';
import { restructureMixture, type SearchDistribution, type StructuralChange } from './structure';

/** The paper's context plus the variant's options and the distribution mode search draws from. */
export interface RobustContext extends GmkiContext {
  readonly options: RobustOptions;
  readonly search: SearchDistribution;
}

/**
 * @param search the prior in u (mean d, covariance d×d), where mode search draws new components;
 *   without a prior, the initial distribution
 * @param options defaults to robustOptionsFromConfig(config); the ingredient ablation passes others
 */
export function createRobustContext(
  config: GmkiConfig,
  target: GmkiTarget,
  search: { readonly mean: Float64Array; readonly covariance: Float64Array },
  options: RobustOptions = robustOptionsFromConfig(config),
): RobustContext {
  const factor = choleskyWithJitter(search.covariance, target.nTheta, 'prior covariance').factor;
  return { ...createGmkiContext(config, target), options, search: { mean: search.mean, covariance: search.covariance, factor } };
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
 * @param skipped K flags: components with a failed sigma point, left as they were with their
 *   weight at the floor (../process.ts, analyzeIteration); with no outputs they have no η and are
 *   never split, but the structural step may reuse them as it reuses any floored component
 */
export function robustTell(
  pending: PendingIteration,
  outputs: Float64Array,
  context: RobustContext,
  skipped: Uint8Array | null = null,
): { state: GmkiState; diagnostics: RobustDiagnostics } {
  const { nComponents: nK, nTheta: d } = pending.predicted;
  const { options, config } = context;
  const nonlinearity = componentNonlinearity(outputs, nK, d, context.target.data.length, context.analysisData.noiseFactor, skipped);
  const predictedOutput = (k: number): PredictedOutput =>
    options.predictedOutput === 'unscented' || (options.predictedOutput === 'adaptive' && nonlinearity.index[k] <= options.splitThreshold) ? 'unscented' : 'centre';
  const {
    mixture: analysed,
    misfit,
    jitter,
  } = analyzeIteration(
    pending,
    outputs,
    context,
    {
      analyze: (component, step, k) =>
        analyzeComponentRobust(component, step, context.constants, { predictedOutput: predictedOutput(k), evidenceWeights: options.evidenceWeights }),
      normalize: normalizeWithFloor,
    },
    skipped,
  );
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
