/**
 * The ask/tell interface of a whole inversion: GMKI plus the problem's prior folding and
 * parameter transforms. Hosts (CLI, run worker, tests) call `ask()` for the points to evaluate,
 * run the forward model on each point's physical θ, and `tell()` the outputs back, in order.
 * Core never calls the model.
 */
import type { Mixture } from '../gmki/state';
import type { StructuralChange } from '../gmki/robust/structure';

export type { StructuralChange };

/** One forward evaluation the algorithm needs. */
export interface EvaluationPoint {
  /** Position in the batch; outputs are told back in this order. */
  readonly index: number;
  /** Component k (0-based) whose sigma points this belongs to. */
  readonly component: number;
  /** Sigma point i (0 = the centre, 1..2d the others). */
  readonly sigmaPoint: number;
  /** θ in physical units, as the forward model receives it. */
  readonly theta: readonly number[];
}

/** The K·(2d+1) evaluations of one iteration. */
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
}

/** The outcome of one iteration. */
export interface IterationRecord {
  readonly iteration: number;
  /** The mixture in u (the unconstrained space; = θ when no parameter has bounds). */
  readonly mixture: Mixture;
  readonly diagnostics: IterationDiagnostics;
  /** Forward evaluations so far in this run, this iteration's included. */
  readonly forwardEvaluations: number;
}
