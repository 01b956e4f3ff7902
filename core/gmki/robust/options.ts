/**
 * The ingredients of `gmki-robust` and their constants. The three user-facing knobs live in
 * GmkiConfig (splitThreshold, settleIterations, modeSearch); the rest are fixed here, each with
 * the measurement that chose it (bench/modes.ts --ablation prints the ingredient table).
 * The switches exist so that the ablation can turn one ingredient off at a time; a run always
 * uses robustOptionsFromConfig.
 */
import { settleIterationsOf, type GmkiConfig } from '../config';

export interface RobustOptions {
  /** Weight update by the Kalman evidence N(y; ȳ, C^gg + Σ/Δt) (else the paper's rule, §3e). */
  readonly evidenceWeights: boolean;
  /**
   * The Kalman step's predicted output ȳ (analysis.ts): `adaptive` = the unscented mean for
   * near-linear components (η ≤ η*) and the centre point for the others; `centre` = the paper's
   * rule for all; `unscented` = the unscented mean for all.
   */
  readonly predictedOutput: 'adaptive' | 'centre' | 'unscented';
  /** Split strongly nonlinear components, merge duplicates, recycle negligible ones. */
  readonly splitMerge: boolean;
  /**
   * Which components split: those with η_i > η* and η_i > s_i in some direction, i.e. the model
   * turns within the component (`turning-point`, nonlinearity.ts), or every one with η > η*
   * (`curvature`). Measured (10 seeds): turning-point found every mode on all 80 runs of the
   * eight cases; curvature missed the −1 mode of the square map from prior draws on 4 of 10 —
   * the slots went to components that were merely curved, not straddling a turning point.
   */
  readonly splitRule: 'curvature' | 'turning-point';
  /** Re-seed one redundant component per iteration far from the others (config.modeSearch). */
  readonly modeSearch: boolean;
  /** Latin-hypercube initial means for `{ "type": "prior" }` initialization (else iid draws). */
  readonly latinHypercube: boolean;
  /** η*: strongly nonlinear above this many noise standard deviations (config.splitThreshold). */
  readonly splitThreshold: number;
  /** No structural change in iterations > iterations − settle (config.settleIterations). */
  readonly settleIterations: number;
  /**
   * Bhattacharyya coefficient above which two components count as duplicates. 0.5 ≈ means
   * 2.4 standard deviations apart for equal covariances: clearly the same mode.
   */
  readonly duplicateOverlap: number;
  /**
   * Components lighter than this times the heaviest weight may be recycled for a split. Without
   * the turning-point rule, 1e-2 found every mode on 5/5 seeds of both benchmarks where 1e-3
   * found them on 4/5 and 1/5 (the slots were too few); with it, 1e-3 measures about the same
   * (four-mode-3d worst L1 0.112 instead of 0.098, the rest equal, 10 seeds).
   */
  readonly recycleWeight: number;
  /** Mode search may also re-seed components lighter than this times the heaviest weight. */
  readonly floorWeight: number;
  /**
   * Split distance: children at m ± a·w with wᵀC⁻¹w = 1 and covariance C − a²wwᵀ, so that the
   * pair keeps the parent's mean and covariance (a < 1 keeps the children positive definite).
   */
  readonly splitSpread: number;
  /** Weight of a re-seeded component, relative to the heaviest: small, so it costs little L1 while it searches. */
  readonly reseedWeight: number;
  /** Prior draws among which mode search picks the one farthest from every component. */
  readonly reseedCandidates: number;
}

/** The options a run with `config` uses. */
export function robustOptionsFromConfig(config: GmkiConfig): RobustOptions {
  return {
    evidenceWeights: true,
    predictedOutput: 'adaptive',
    splitMerge: true,
    splitRule: 'turning-point',
    modeSearch: config.modeSearch,
    latinHypercube: true,
    splitThreshold: config.splitThreshold,
    settleIterations: settleIterationsOf(config),
    duplicateOverlap: 0.5,
    recycleWeight: 1e-2,
    floorWeight: 1e-6,
    splitSpread: 0.8,
    reseedWeight: 1e-3,
    reseedCandidates: 32,
  };
}
