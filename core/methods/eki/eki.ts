/**
 * `eki`: ensemble Kalman inversion (Iglesias, Law, Stuart 2013), as EnsembleKalmanProcesses.jl's
 * `Inversion()` process (src/EnsembleKalmanInversion.jl, `eki_update` and `update_ensemble!`):
 * J particles, J evaluations per iteration, on the problem's folded target F(u) = [G(θ(u)); u],
 * y_aug = [y; r0], Σ = blockdiag(Σ_η, Σ0) — the prior enters as data, which is Tikhonov EKI
 * (Chada, Stuart, Tong 2020), so the ensemble settles at the MAP instead of the least-squares fit.
 *
 * One iteration with step Δt = settings.dt (EKP's Δt):
 *   y_j = y + ξ_j, ξ_j ~ N(0, Σ/Δt)            perturbed observations (deterministic model)
 *   C^uF, C^FF = ensemble (cross-)covariances over the J particles, divided by J
 *   u_j ← u_j + C^uF (C^FF + Σ/Δt)⁻¹ (y_j − F(u_j))
 * EKI is an optimiser: the ensemble contracts towards the MAP (like 1/n for a linear model); its
 * spread is not a posterior covariance — use eks or smc for that.
 */
import { foldPrior } from '../../inversion/target';
import { choleskyWithJitter, mahalanobisSquared, solveCholeskyInPlace } from '../../linalg/dense';
import type { ResolvedProblem } from '../../problem/types';
import { createRandomStream } from '../../random/random';
import { particlesOf } from '../budget';
import {
  crossCovariance,
  equalEnsemble,
  gaussianSummary,
  initialEnsemble,
  particleLabels,
  redrawFailedParticles,
  rowMean,
  succeededRows,
  tooFewParticles,
} from '../ensemble/ensemble';
import type { InversionState, MethodEngine } from '../types';

interface EkiPending {
  readonly iteration: number;
  /** J×d, the particles evaluated. */
  readonly positions: Float64Array;
}

export function createEkiEngine(problem: ResolvedProblem): MethodEngine<EkiPending> {
  const { dt, iterations, seed } = problem.settings;
  const nJ = particlesOf(problem.settings);
  const target = foldPrior(problem);
  const { data, noiseCov } = target.gmki;
  const d = target.gmki.nTheta;
  const nOut = target.nOutputs;
  const nY = target.nObservations;
  const noiseFactor = choleskyWithJitter(noiseCov, nOut, 'noise covariance').factor;
  // ξ_j = √(1/Δt)·L_Σ z_j: draws of N(0, Σ/Δt).
  const perturbationScale = Math.sqrt(1 / dt);
  const labels = particleLabels(nJ);
  const stateOf = (iteration: number, positions: Float64Array): InversionState => ({
    iteration,
    mixture: gaussianSummary(positions, nJ, d),
    particles: equalEnsemble(positions, nJ, d),
    methodState: null,
  });

  return {
    evaluationsPerIteration: nJ,
    initialState: () => stateOf(0, initialEnsemble(problem, nJ)),
    isDone: (state) => state.iteration >= iterations,
    ask(state) {
      const positions = state.particles!.positions;
      return { pending: { iteration: state.iteration + 1, positions }, points: positions, labels };
    },
    failureStop: tooFewParticles,
    tell(pending, outputs, failed) {
      const u = pending.positions;
      const f = new Float64Array(nJ * nOut);
      for (let j = 0; j < nJ; j++) target.writeAugmentedOutput(u.subarray(j * d, (j + 1) * d), outputs.subarray(j * nY, (j + 1) * nY), f, j * nOut);
      // Failed particles are left out of the moments and the update, then re-drawn (core/methods/README.md, "Failed evaluations").
      const kept = succeededRows(u, failed, nJ, d);
      const keptOutputs = succeededRows(f, failed, nJ, nOut).rows;
      const uMean = rowMean(kept.rows, kept.count, d);
      const fMean = rowMean(keptOutputs, kept.count, nOut);
      const crossCov = crossCovariance(kept.rows, uMean, keptOutputs, fMean, kept.count); // C^uF, d×n_out
      const innovationCov = crossCovariance(keptOutputs, fMean, keptOutputs, fMean, kept.count); // C^FF, n_out×n_out
      for (let i = 0; i < nOut * nOut; i++) innovationCov[i] += noiseCov[i] / dt;
      const { factor, jitter } = choleskyWithJitter(innovationCov, nOut, 'innovation covariance of the ensemble');
      const random = createRandomStream(seed, `eki/iteration-${pending.iteration}`);
      const z = new Float64Array(nOut);
      const innovation = new Float64Array(nOut);
      const next = new Float64Array(nJ * d);
      for (let j = 0; j < nJ; j++) {
        random.fillNormal(z); // drawn for every particle, so that particle j's noise never depends on which others failed
        if (failed?.[j]) continue;
        for (let o = 0; o < nOut; o++) {
          let xi = 0;
          for (let c = 0; c <= o; c++) xi += noiseFactor[o * nOut + c] * z[c];
          innovation[o] = data[o] + perturbationScale * xi - f[j * nOut + o];
        }
        solveCholeskyInPlace(factor, nOut, innovation);
        for (let r = 0; r < d; r++) {
          let step = 0;
          for (let o = 0; o < nOut; o++) step += crossCov[r * nOut + o] * innovation[o];
          next[j * d + r] = u[j * d + r] + step;
        }
      }
      const redrawJitter = failed ? redrawFailedParticles(next, failed, nJ, d, createRandomStream(seed, `eki/iteration-${pending.iteration}/failed`)) : 0;
      // EKP's compute_error: the misfit of the ensemble-mean output (halved to match Φ_R of §1).
      const misfit =
        0.5 *
        mahalanobisSquared(
          noiseFactor,
          nOut,
          Float64Array.from(data, (y, o) => y - fMean[o]),
        );
      return { state: stateOf(pending.iteration, next), diagnostics: { misfit: [misfit], jitter: [Math.max(jitter, redrawJitter)], explorationEss: [null] } };
    },
  };
}
