/**
 * The ask/tell interface of a whole inversion: a method (core/methods) plus the problem's prior
 * folding and parameter transforms. Hosts (CLI, run worker, tests) call `ask()` for the points to
 * evaluate, run the forward model on each point's physical θ, and `tell()` the outputs back, in
 * order. Core never calls the model.
 */
import type { Mixture } from '../gmki/state';
import type { StructuralChange } from '../gmki/robust/structure';
import type { ParticleEnsemble, PointLabel } from '../methods/types';

export type { PointLabel, StructuralChange };

/** One forward evaluation the algorithm needs. */
export interface EvaluationPoint {
  /** Position in the batch; outputs are told back in this order. */
  readonly index: number;
  /** What the point is to the method: a component's sigma point, or a particle. */
  readonly label: PointLabel;
  /** θ in physical units, as the forward model receives it. */
  readonly theta: readonly number[];
}

/** The evaluations of one iteration (K·(2d+1) for GMKI; see core/methods/budget.ts). */
export interface EvaluationBatch {
  /** The iteration these evaluations produce (1-based). */
  readonly iteration: number;
  readonly points: readonly EvaluationPoint[];
}

/** What an iteration measured besides the mixture (stored with it, shown in the run view). */
export interface IterationDiagnostics {
  /**
   * Per component: Φ_R at the predicted mean, ½‖y − F(m̂_k)‖²_Σ over the (augmented) data
   * (`gmki-algorithm.md` §1): the regularised misfit, the prior term included when folded in.
   */
  readonly misfit: readonly number[];
  /** Per component: the largest diagonal jitter any Cholesky needed (0 when none). */
  readonly jitter: readonly number[];
  /**
   * Per component: effective sample size of the exploration's Monte Carlo weights,
   * (Σs)²/Σs² (null with `disjoint` exploration).
   */
  readonly explorationEss: readonly (number | null)[];
  /**
   * gmki-robust only. Per component: η, how strongly the model turns within the component, in
   * noise standard deviations (core/gmki/robust/nonlinearity.ts; 0 where the model is monotone
   * over it); above `splitThreshold` the component straddles a turning point — typically a saddle
   * between modes — and was split (or would have been, given a free component).
   */
  readonly nonlinearity?: readonly number[];
  /**
   * gmki-robust only: structural changes at the end of the iteration, component indices 0-based.
   * `split` k into j: k's mass now lies in k and j; `merge` k into j: k's mass moved to j;
   * `recycle` k: k's negligible mass was dropped; `reseed` k: k starts afresh (mode search).
   * A component's weight trajectory jumps at these events.
   */
  readonly structuralChanges?: readonly StructuralChange[];
  /** The iteration's failed evaluations, which the method left out (settings.onEvaluationFailure "skip"); absent when none failed. */
  readonly failures?: IterationFailures;
  /** eks only: the adaptive step Δt_n = dt/(‖D‖_F + ε) the iteration took. */
  readonly stepSize?: number;
  /** smc only: where the tempering is after this iteration (core/methods/smc/smc.ts). */
  readonly smc?: SmcDiagnostics;
  /**
   * Where the iteration's wall time went, measured by the host that ran it (the run session;
   * core has no clock). Absent in records from before it was recorded, and from hosts that do not.
   */
  readonly timings?: IterationTimings;
}

/** Wall milliseconds of an iteration's three phases; what the store's commit took is not in here. */
export interface IterationTimings {
  /** The method's own work before the batch: GMKI's exploration step and sigma points (prepare + ask). */
  readonly askMs: number;
  /** The batch of forward evaluations, from the first launched to the last outcome. */
  readonly evaluationMs: number;
  /** The method's own work after the batch: GMKI's analysis step and weights (tell). */
  readonly tellMs: number;
}

/**
 * Which evaluations of an iteration failed and were left out (core/methods/README.md, "Failed
 * evaluations"). Indices from 0, as everywhere.
 */
export interface IterationFailures {
  /** Failed evaluations of the iteration. */
  readonly count: number;
  /**
   * GMKI (and uki): failed sigma points per component, K numbers. A GMKI component with any was
   * skipped: it kept its previous mean and covariance and its weight went to the floor.
   */
  readonly perComponent?: readonly number[];
  /** eki, eks, smc: the particles whose evaluation failed (eki, eks: re-drawn; smc: proposal rejected, or initial draw given likelihood 0). */
  readonly particles?: readonly number[];
}

/** An smc iteration's tempering figures. */
export interface SmcDiagnostics {
  /** 1-based stage (0 before the first evaluation). */
  readonly stage: number;
  /** Inverse temperature β of the stage, in [0, 1]. */
  readonly beta: number;
  /** Effective sample size of the stage's importance weights (particles, before resampling). */
  readonly ess: number;
  /** The log-evidence log p(y) once β = 1; null before. */
  readonly logEvidence: number | null;
  /** MH steps done in the stage, and the steps it does. */
  readonly step: number;
  readonly steps: number;
  /** Acceptance rate of the stage's MH steps so far; null before its first step. */
  readonly acceptance: number | null;
  /** Mean proposal scale s_j. */
  readonly scale: number;
  /** True once the run is over: β = 1 mutated, or maxStages reached (β < 1). */
  readonly finished: boolean;
}

/** The outcome of one iteration. */
export interface IterationRecord {
  readonly iteration: number;
  /**
   * The mixture in u (the unconstrained space; = θ when no parameter has bounds): GMKI's, or the
   * Gaussian summary (K = 1) of the other methods.
   */
  readonly mixture: Mixture;
  /** The ensemble of a particle method (eki, eks, smc), in u; null (or absent) otherwise. */
  readonly particles?: ParticleEnsemble | null;
  /** What else the method needs to continue from here (core/methods/types.ts); null (or absent) when nothing. */
  readonly methodState?: Float64Array | null;
  readonly diagnostics: IterationDiagnostics;
  /** Forward evaluations so far in this run, this iteration's included. */
  readonly forwardEvaluations: number;
}
