/**
 * What SMC needs from a problem (core/methods/smc/smc.ts): a Gaussian reference density π0 in u
 * to start from and to temper away from, and the log-likelihood ℓ of a model output, such that
 * π0(u)·exp(ℓ(u)) is the (unnormalised) posterior. The tempered targets are
 * π_β(u) ∝ π0(u)·exp(β·ℓ(u)), β from 0 to 1, and ∫π0·exp(ℓ) du is the evidence SMC estimates.
 *
 * From a problem file: ℓ(u) = log N(y; G(θ(u)), Σ_η), normalising constant included (PyMC's
 * `datalogp`), and π0 = the prior N(r0, Σ0) in u. Without a prior ("prior": "none") π0 is the
 * initial distribution the parameters describe and ℓ = log N(y; G, Σ_η) − log π0(u), so the
 * target is the likelihood alone and the evidence is ∫ N(y; G(θ(u)), Σ_η) du.
 *
 * From a log-density model (core/inversion/target.ts `logDensityTarget`, log π_u its density in u):
 * π0 = the prior N(r0, Σ0) with a `likelihood` and a Gaussian prior (then ℓ = log L exactly);
 * otherwise the initial distribution the parameters' mean and std describe, a proper density to
 * temper from. Then ℓ(u) = log π_u(u) − log π0(u), so π0·exp(β·ℓ) = π0^(1−β)·π_u^β runs from π0
 * (β = 0) to π_u (β = 1), the importance weights between stages are exp((β' − β)·ℓ) =
 * (π_u/π0)^(β'−β), and the evidence is ∫π_u du (the normalising constant of the unnormalised
 * posterior; for a `posterior` in θ, ∫π(θ) dθ). ℓ = −∞ (zero density) gets weight 0 and is never
 * accepted by MH.
 */
import { logDensityTarget } from '../../inversion/target';
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
  return problem.output.kind === 'logDensity' ? logDensityTemperingTarget(problem) : gaussianLikelihoodTarget(problem);
}

/** The reference π0 = N(mean, covariance) in u: its factor and normalised log density. */
function gaussianReference(mean: Float64Array, covariance: Float64Array, d: number) {
  const factor = choleskyWithJitter(covariance, d, 'prior covariance').factor;
  const normaliser = -0.5 * (d * LOG_2PI + logDetFromCholesky(factor, d));
  const halfMahalanobis = (u: Float64Array): number =>
    0.5 *
    mahalanobisSquared(
      factor,
      d,
      Float64Array.from(u, (value, i) => value - mean[i]),
    );
  return { factor, halfMahalanobis, logDensity: (u: Float64Array): number => normaliser - halfMahalanobis(u) };
}

/** ℓ = log π_u − log π0 for a log-density model (see the top of this file). */
function logDensityTemperingTarget(problem: ResolvedProblem): TemperingTarget {
  const d = problem.parameterNames.length;
  const { mean, covariance } = problem.prior;
  const reference = gaussianReference(mean, covariance, d);
  const density = logDensityTarget(problem);
  return {
    nTheta: d,
    reference: { mean, covariance, factor: reference.factor },
    logReference: reference.logDensity,
    logLikelihood: (u, output) => density.logPosterior(u, output) - reference.logDensity(u),
    // The misfit of a log-density model is −log π_u(u) (up to the density's constant).
    misfit: (u, logLikelihood) => -(logLikelihood + reference.logDensity(u)),
  };
}

function gaussianLikelihoodTarget(problem: ResolvedProblem): TemperingTarget {
  const d = problem.parameterNames.length;
  const { values: y, noiseCovariance } = problem.observations;
  const nY = y.length;
  const noiseFactor = choleskyWithJitter(noiseCovariance, nY, 'noise covariance').factor;
  const noiseNormaliser = -0.5 * (nY * LOG_2PI + logDetFromCholesky(noiseFactor, nY));
  const { mean, covariance } = problem.prior;
  const factor = choleskyWithJitter(covariance, d, 'prior covariance').factor;
  const referenceNormaliser = -0.5 * (d * LOG_2PI + logDetFromCholesky(factor, d));
  const withPrior = problem.prior.kind === 'gaussian';
  const priorTerm = (u: Float64Array): number =>
    0.5 *
    mahalanobisSquared(
      factor,
      d,
      Float64Array.from(u, (value, i) => value - mean[i]),
    );
  const dataTerm = (output: Float64Array): number =>
    0.5 *
    mahalanobisSquared(
      noiseFactor,
      nY,
      Float64Array.from(y, (value, o) => value - output[o]),
    );
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
