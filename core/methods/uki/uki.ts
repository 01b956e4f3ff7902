/**
 * `uki`: unscented Kalman inversion (Huang, Schneider, Stuart, J. Comput. Phys. 463 (2022)
 * 111262), as EnsembleKalmanProcesses.jl's `Unscented` process (src/UnscentedKalmanInversion.jl,
 * docs/src/unscented_kalman_inversion.md): one Gaussian N(m_n, C_n) in u, 2d+1 sigma points per
 * iteration, on the problem's folded target F(u) = [G(θ(u)); u], y_aug = [y; r0],
 * Σ = blockdiag(Σ_η, Σ0) (`gmki-algorithm.md` §1; the augmented system of EKP's `impose_prior`).
 *
 * One iteration, with step Δt = settings.dt:
 *   prediction   m̂ = m_n,  Ĉ = C_n / (1 − Δt)
 *   sigma points x_0 = m̂, x_{±i} = m̂ ± c·L[:, i]  (Ĉ = L Lᵀ, c = α√d, α = min(√(4/d), 1))
 *   analysis     ŷ = F(x_0) (EKP's modified unscented transform), C^θp, C^pp from the outer
 *                points with weight 1/(2α²d), Σ_ν = Σ/Δt;
 *                m_{n+1} = m̂ + C^θp (C^pp + Σ_ν)⁻¹ (y − ŷ),  C_{n+1} = Ĉ − C^θp (C^pp + Σ_ν)⁻¹ (C^θp)ᵀ.
 * This is EKP's evolution θ_{n+1} = θ_n + ω with α_reg = 1, Σ_ω = Δt/(1 − Δt)·C_n (update_freq = 1)
 * and Σ_ν = Σ/Δt: at the default Δt = ½ exactly EKP's Σ_ω = (2 − α_reg²)C_n, Σ_ν = 2Σ. For a
 * linear G it is the precision recursion C_{n+1}⁻¹ = (1 − Δt)C_n⁻¹ + Δt·C_post⁻¹, which reaches
 * the exact posterior geometrically (test/core/methods/uki.test.ts). It is also GMKI with K = 1
 * and `disjoint` exploration, so it reuses GMKI's sigma points and Kalman step.
 */
import { analyzeComponent } from '../../gmki/analysis';
import type { Mixture } from '../../gmki/state';
import { sigmaPointConstants, sigmaPoints } from '../../gmki/sigmaPoints';
import { foldPrior } from '../../inversion/target';
import { choleskyWithJitter, multiplyByOwnTranspose } from '../../linalg/dense';
import type { ResolvedProblem } from '../../problem/types';
import { sigmaPointLabels } from '../gmki';
import type { InversionState, MethodEngine } from '../types';

/** What ask() hands to tell(): the sigma points and the predicted covariance they span. */
interface UkiPending {
  /** The iteration being computed. */
  readonly iteration: number;
  /** (2d+1)×d sigma points, row 0 = m̂. */
  readonly points: Float64Array;
  /** Ĉ = L Lᵀ (d×d). */
  readonly predictedCov: Float64Array;
  /** Jitter the Cholesky factor of Ĉ needed. */
  readonly jitter: number;
}

/** N(m_0, C_0): the explicit initialization's one Gaussian, or the prior (the initial distribution without one). */
function initialGaussian(problem: ResolvedProblem): Mixture {
  const init = problem.settings.initialization;
  const d = problem.parameterNames.length;
  if (init.type === 'explicit') {
    return {
      nComponents: 1,
      nTheta: d,
      logWeights: Float64Array.of(0),
      means: Float64Array.from(init.means[0]),
      covariances: Float64Array.from(init.covariances[0].flat()),
    };
  }
  return { nComponents: 1, nTheta: d, logWeights: Float64Array.of(0), means: problem.prior.mean.slice(), covariances: problem.prior.covariance.slice() };
}

export function createUkiEngine(problem: ResolvedProblem): MethodEngine<UkiPending> {
  const { dt, iterations, sigmaPointAlpha } = problem.settings;
  const target = foldPrior(problem);
  const d = target.gmki.nTheta;
  const nOut = target.nOutputs;
  const constants = sigmaPointConstants(d, sigmaPointAlpha);
  const noiseFactor = choleskyWithJitter(target.gmki.noiseCov, nOut, 'noise covariance').factor;
  const analysisData = { data: target.gmki.data, noiseCov: target.gmki.noiseCov, noiseFactor };
  const labels = sigmaPointLabels(1, d);
  return {
    evaluationsPerIteration: labels.length,
    initialState: (): InversionState => ({ iteration: 0, mixture: initialGaussian(problem), particles: null, methodState: null }),
    isDone: (state) => state.iteration >= iterations,
    ask(state) {
      const { means, covariances } = state.mixture;
      const inflated = Float64Array.from(covariances, (c) => c / (1 - dt));
      const chol = choleskyWithJitter(inflated, d, 'predicted covariance');
      // Ĉ ← L Lᵀ = Σ_i w_i (x_i − m̂)(x_i − m̂)ᵀ: the covariance the sigma points carry, as EKP's construct_cov.
      const predictedCov = multiplyByOwnTranspose(chol.factor, d, d);
      const points = sigmaPoints(means, chol.factor, d, constants.spread);
      return { pending: { iteration: state.iteration + 1, points, predictedCov, jitter: chol.jitter }, points, labels };
    },
    // One Gaussian whose Kalman step needs all 2d+1 outputs: skipping it would leave the state as
    // it was, and the next iteration would ask for the same points (uki draws nothing), which
    // fail again. So a failure stops uki whatever settings.onEvaluationFailure says — as GMKI
    // stops when every component has one.
    failureStop: () => `uki's one Gaussian has a failed sigma point and its Kalman step needs all 2d+1 outputs; gmki-robust or eki can go on without failed points`,
    tell(pending, outputs) {
      const augmented = new Float64Array(labels.length * nOut);
      for (let i = 0; i < labels.length; i++) {
        target.writeAugmentedOutput(
          pending.points.subarray(i * d, (i + 1) * d),
          outputs.subarray(i * target.nObservations, (i + 1) * target.nObservations),
          augmented,
          i * nOut,
        );
      }
      const result = analyzeComponent(
        { points: pending.points, outputs: augmented, predictedCov: pending.predictedCov, predictedLogWeight: 0, nTheta: d, label: 'the Gaussian' },
        { outerCovWeight: constants.outerCovWeight, dt, data: analysisData },
      );
      const mixture: Mixture = { nComponents: 1, nTheta: d, logWeights: Float64Array.of(0), means: result.mean, covariances: result.covariance };
      return {
        state: { iteration: pending.iteration, mixture, particles: null, methodState: null },
        diagnostics: { misfit: [result.misfit], jitter: [Math.max(pending.jitter, result.jitter)], explorationEss: [null] },
      };
    },
  };
}
