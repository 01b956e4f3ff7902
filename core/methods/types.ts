/**
 * What every inference method gives the inversion driver (core/inversion/inversion.ts): an
 * ask/tell engine on points in u that is Markov in a storable state (README.md in this folder).
 */
import type { ComponentExplorer } from '../gmki/exploration';
import type { Mixture } from '../gmki/state';
import type { IterationDiagnostics } from '../inversion/types';

/** An ensemble of particles in u, as stored with an iteration of a particle method. */
export interface ParticleEnsemble {
  readonly nParticles: number;
  readonly nTheta: number;
  /** J×d positions in u, row-major. */
  readonly positions: Float64Array;
  /** J normalised log-weights; null = equal weights 1/J. */
  readonly logWeights: Float64Array | null;
  /** J log-likelihoods at the positions, where the method has them (smc); null otherwise. */
  readonly logLikelihoods: Float64Array | null;
}

/**
 * Everything a method needs to continue after `iteration`; committed with every iteration, so
 * that resume and extend start from exactly this (random streams derive from the seed and the
 * iteration, never from a stored generator).
 */
export interface InversionState {
  /** 0 = the initial state. */
  readonly iteration: number;
  /** GMKI's mixture, or the Gaussian summary (K = 1: the mean and covariance) of the other methods. */
  readonly mixture: Mixture;
  /** The ensemble of a particle method (eki, eks, smc); null for Gaussian methods. */
  readonly particles: ParticleEnsemble | null;
  /** Other numbers the method carries (a flat list whose layout the method defines); null when none. */
  readonly methodState: Float64Array | null;
}

/** What a point of a batch is to its method. */
export type PointLabel =
  /** GMKI and UKI: sigma point i (0 = the centre) of Gaussian component k. */
  | { readonly kind: 'sigma-point'; readonly component: number; readonly sigmaPoint: number }
  /** EKI, EKS, SMC: particle j of the ensemble. */
  | { readonly kind: 'particle'; readonly particle: number };

/** The points a method wants evaluated next. */
export interface MethodAsk<Pending> {
  /** Whatever the method keeps between ask and tell. */
  readonly pending: Pending;
  /** n×d points in u, row-major. */
  readonly points: Float64Array;
  /** n labels, in the order of `points`. */
  readonly labels: readonly PointLabel[];
}

/** The outcome of one iteration of a method. */
export interface MethodTell {
  readonly state: InversionState;
  readonly diagnostics: IterationDiagnostics;
}

/** How a host runs a method's heavy work; results never depend on it. */
export interface EngineOptions {
  /** Computes GMKI's exploration components (e.g. in worker threads); default: in this thread. */
  readonly explorer?: ComponentExplorer;
}

/** One inference method bound to a problem. */
export interface MethodEngine<Pending = unknown, Prepared = unknown> {
  /** Forward evaluations of every iteration: the size of every batch `ask` returns. */
  readonly evaluationsPerIteration: number;
  /** The state before the first iteration (drawn from the seed's 'initialization' stream). */
  initialState(): InversionState;
  /** Whether the run ends at `state` (its iterations are done; smc: tempering and the last mutation are done). */
  isDone(state: InversionState): boolean;
  /**
   * The heavy part of the next ask, computed where `options` say (GMKI: the exploration step);
   * absent when a method has none. ask() computes the same itself when given nothing.
   */
  prepare?(state: InversionState, options: EngineOptions): Promise<Prepared>;
  ask(state: InversionState, prepared?: Prepared): MethodAsk<Pending>;
  /**
   * Why the method cannot go on with the points marked in `failed` missing (README.md, "Failed
   * evaluations"), or null when it can; absent when it always can. Asked before `tell` whenever
   * an evaluation failed under `settings.onEvaluationFailure` "skip".
   * @param failed n flags, 1 where the evaluation of the ask's point failed
   */
  failureStop?(failed: Uint8Array): string | null;
  /**
   * @param outputs G(θ(u_i)) at every point of the ask, n×n_y row-major, checked to be finite and
   *   of the right length where the evaluation succeeded (zeros where it failed)
   * @param failed n flags, 1 where the evaluation failed; null when none did. Each method leaves
   *   failed points out by its rule (README.md, "Failed evaluations").
   */
  tell(pending: Pending, outputs: Float64Array, failed: Uint8Array | null): MethodTell;
}
