/**
 * What SMC needs from a problem (core/methods/smc/smc.ts): a Gaussian reference density π0 in u
 * to start from and to temper away from, and the log-likelihood ℓ of a model output, such that
 * π0(u)·exp(ℓ(u)) is the (unnormalised) posterior. The tempered targets are
 * π_β(u) ∝ π0(u)·exp(β·ℓ(u)), β from 0 to 1, and ∫π0·exp(ℓ) du is the evidence SMC estimates.
 *
 * From a problem file: ℓ(u) = log N(y; G(θ(u)), Σ_η), normalising constant included (PyMC's
 * `datalogp`), and π0 = the prior N(r0, Σ0) in u. Without a prior ("prior": "none") π0 is the
 * initial distribution the parameters describe and ℓ = log N(y; G, Σ_η) − log π0(u), so the
 * target is the likelihood alone and the evidence is ∫ N(y; G(θ(u)), Σ_η) du. A model that
 * returns a log-density can supply its own ℓ through this interface.
 */
import { choleskyWithJitter, logDetFromCholesky, mahalanobisSquared } from '../../linalg/dense';
import type { ResolvedProblem } from '../../problem/types';

export interface TemperingTarget {
  readonly nTheta: number;
  /** π0's mean and covariance in u (d, d×d), and the covariance's lower Cholesky factor. */
  readonly reference: { readonly mean: Float64Array; readonly covariance: Float64Array; readonly factor: Float64Array };
  /** log π0(u), normalised. */
  logReference(u: Float64Array): number;
  /** ℓ(u) from the model's output G(θ(u)) (n_y). */
  logLikelihood(u: Float64Array, output: Float64Array): number;
  /**
   * Φ_R(u) = ½‖y − G‖²_Σ_η (+ ½‖u − r0‖²_Σ0 with a prior), the misfit every method reports, from
   * ℓ(u) (so that it needs no stored output).
   */
  misfit(u: Float64Array, logLikelihood: number): number;
}

const LOG_2PI = Math.log(2 * Math.PI);

export function temperingTargetOf(problem: ResolvedProblem): TemperingTarget {
  const d = problem.parameterNames.length;
  const { values: y, noiseCovariance } = problem.observations;
  const nY = y.length;
  const noiseFactor = choleskyWithJitter(noiseCovariance, nY, 'noise covariance').factor;
  const noiseNormaliser = -0.5 * (nY * LOG_2PI + logDetFromCholesky(noiseFactor, nY));
  const { mean, covariance } = problem.prior;
  const factor = choleskyWithJitter(covariance, d, 'prior covariance').factor;
  const referenceNormaliser = -0.5 * (d * LOG_2PI + logDetFromCholesky(factor, d));
  const withPrior = problem.prior.kind === 'gaussian';
  const priorTerm = (u: Float64Array): number => 0.5 * mahalanobisSquared(factor, d, Float64Array.from(u, (value, i) => value - mean[i]));
  const dataTerm = (output: Float64Array): number => 0.5 * mahalanobisSquared(noiseFactor, nY, Float64Array.from(y, (value, o) => value - output[o]));
  const logReference = (u: Float64Array): number => referenceNormaliser - priorTerm(u);
  return {
    nTheta: d,
    reference: { mean, covariance, factor },
    logReference,
    logLikelihood: (u, output) => noiseNormaliser - dataTerm(output) - (withPrior ? 0 : logReference(u)),
    // ℓ = c − ½‖y − G‖² (− log π0(u) without a prior), so ½‖y − G‖² = c − ℓ (− log π0(u)).
    misfit: (u, logLikelihood) => (withPrior ? noiseNormaliser - logLikelihood + priorTerm(u) : noiseNormaliser - logLikelihood - logReference(u)),
  };
}
