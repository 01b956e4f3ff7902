/**
 * `eks`: the ensemble Kalman sampler (Garbuno-Inigo, Hoffmann, Li, Stuart, SIAM J. Appl. Dyn.
 * Syst. 19 (2020)), as EnsembleKalmanProcesses.jl's `Sampler(prior; sampler_type = "eks")`
 * (src/EnsembleKalmanSampler.jl, `eks_update`) with its adaptive step (EKSStableScheduler, whose
 * numerator is settings.dt here): J particles, J evaluations per iteration. Unlike eki it keeps G
 * and the prior apart: the data are (y, Σ_η) and the prior N(m0, Σ0) enters the implicit step.
 *
 * One iteration, from particles u_j with mean ū and covariance C (divided by J) and outputs g_j:
 *   D = (1/J) Eᵀ Σ_η⁻¹ R,  E_j = g_j − ḡ,  R_j = g_j − y                  (J×J)
 *   Δt_n = dt / (‖D‖_F + ε)                                                (adaptive step)
 *   u*_j = (I + Δt_n C Σ0⁻¹)⁻¹ (u_j − Δt_n Σ_k (u_k − ū) D_kj + Δt_n C Σ0⁻¹ m0)
 *   u_j ← u*_j + √(2Δt_n) C^{1/2} ξ_j,  ξ_j ~ N(0, I)
 * (I + Δt C Σ0⁻¹)⁻¹ v is computed as Σ0 (Σ0 + Δt C)⁻¹ v, a symmetric positive definite solve,
 * and D (J×J) only through C^ug Σ_η⁻¹ R_j and its norm, so the cost grows like J, not J².
 * Without a prior ("prior": "none") the prior terms vanish (Σ0⁻¹ = 0): the sampler targets the
 * likelihood alone. The invariant measure is the posterior only approximately for finite J and
 * Δt (ALDI's (d+1)/J correction is not applied here, as in EKP's "eks" type). The step's
 * numerator sets the bias: EKP's default 1 leaves the linear-Gaussian test's covariance ~50 %
 * too wide, 0.5 ~20 %, 0.1 (with a few hundred iterations) within ~10 % (test/core/methods/eks.test.ts).
 */
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

interface EksPending {
  readonly iteration: number;
  readonly positions: Float64Array;
}

export function createEksEngine(problem: ResolvedProblem): MethodEngine<EksPending> {
  const { iterations, seed, dt: stepScale } = problem.settings;
  const nJ = particlesOf(problem.settings);
  const d = problem.parameterNames.length;
  const { values: y, noiseCovariance } = problem.observations;
  const nY = y.length;
  const noiseFactor = choleskyWithJitter(noiseCovariance, nY, 'noise covariance').factor;
  const withPrior = problem.prior.kind === 'gaussian';
  const priorCov = problem.prior.covariance;
  const priorFactor = choleskyWithJitter(priorCov, d, 'prior covariance').factor;
  // Σ0⁻¹ m0, the prior's pull in the implicit step.
  const priorShift = withPrior ? solveCholeskyInPlace(priorFactor, d, problem.prior.mean.slice()) : new Float64Array(d);
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
      // Failed particles are left out of the moments and the update, then re-drawn
      // (core/methods/README.md, "Failed evaluations"); u and g below are the others.
      const { rows: u, count: nOk } = succeededRows(pending.positions, failed, nJ, d);
      const g = succeededRows(outputs, failed, nJ, nY).rows;
      const uMean = rowMean(u, nOk, d);
      const gMean = rowMean(g, nOk, nY);
      const cov = crossCovariance(u, uMean, u, uMean, nOk);
      // W_j = Σ_η⁻¹ R_j. D is never formed (it is J×J): Σ_k (u_k − ū) D_kj = C^ug W_j with
      // C^ug = (1/J) Σ_k (u_k − ū) E_kᵀ, and ‖D‖²_F = ⟨Σ_k E_k E_kᵀ, Σ_j W_j W_jᵀ⟩ / J².
      const weighted = new Float64Array(nOk * nY);
      for (let j = 0; j < nOk; j++) {
        const w = weighted.subarray(j * nY, (j + 1) * nY);
        for (let o = 0; o < nY; o++) w[o] = g[j * nY + o] - y[o];
        solveCholeskyInPlace(noiseFactor, nY, w);
      }
      const crossCov = crossCovariance(u, uMean, g, gMean, nOk); // C^ug, d×n_y
      const spreadOfOutputs = crossCovariance(g, gMean, g, gMean, nOk); // (1/J) Σ_k E_k E_kᵀ
      const zero = new Float64Array(nY);
      const spreadOfWeighted = crossCovariance(weighted, zero, weighted, zero, nOk); // (1/J) Σ_j W_j W_jᵀ
      let inner = 0;
      for (let i = 0; i < nY * nY; i++) inner += spreadOfOutputs[i] * spreadOfWeighted[i];
      const dt = stepScale / (Math.sqrt(Math.max(inner, 0)) + Number.EPSILON);
      const implicit = Float64Array.from(priorCov, (value, i) => value + dt * cov[i]); // Σ0 + Δt C
      const implicitFactor = withPrior ? choleskyWithJitter(implicit, d, 'implicit-step matrix').factor : null;
      const noise = choleskyWithJitter(cov, d, 'ensemble covariance');
      const random = createRandomStream(seed, `eks/iteration-${pending.iteration}`);
      const xi = new Float64Array(d);
      const v = new Float64Array(d);
      const next = new Float64Array(nJ * d);
      const noiseScale = Math.sqrt(2 * dt);
      for (let j = 0, k = 0; j < nJ; j++) {
        if (failed?.[j]) {
          random.fillNormal(xi); // drawn for every particle, so that particle j's noise never depends on which others failed
          continue;
        }
        for (let r = 0; r < d; r++) {
          let move = 0;
          for (let o = 0; o < nY; o++) move += crossCov[r * nY + o] * weighted[k * nY + o];
          let pull = 0;
          for (let c = 0; c < d; c++) pull += cov[r * d + c] * priorShift[c];
          v[r] = u[k * d + r] - dt * move + dt * pull;
        }
        if (implicitFactor) solveCholeskyInPlace(implicitFactor, d, v);
        random.fillNormal(xi);
        for (let r = 0; r < d; r++) {
          let star = v[r];
          if (implicitFactor) {
            star = 0;
            for (let c = 0; c < d; c++) star += priorCov[r * d + c] * v[c];
          }
          let kick = 0;
          for (let c = 0; c <= r; c++) kick += noise.factor[r * d + c] * xi[c];
          next[j * d + r] = star + noiseScale * kick;
        }
        k++;
      }
      const redrawJitter = failed ? redrawFailedParticles(next, failed, nJ, d, createRandomStream(seed, `eks/iteration-${pending.iteration}/failed`)) : 0;
      // Φ_R of the ensemble means (§1): the data misfit of ḡ, plus the prior's at ū when there is one.
      const dataMisfit =
        0.5 *
        mahalanobisSquared(
          noiseFactor,
          nY,
          Float64Array.from(y, (value, o) => value - gMean[o]),
        );
      const priorMisfit = withPrior
        ? 0.5 *
          mahalanobisSquared(
            priorFactor,
            d,
            Float64Array.from(uMean, (m, r) => problem.prior.mean[r] - m),
          )
        : 0;
      const misfit = dataMisfit + priorMisfit;
      return {
        state: stateOf(pending.iteration, next),
        diagnostics: { misfit: [misfit], jitter: [Math.max(noise.jitter, redrawJitter)], explorationEss: [null], stepSize: dt },
      };
    },
  };
}
