/**
 * `dfgmvi`: derivative-free Gaussian mixture variational inference (Che, Chen, Huang, Huang,
 * Wang, "Stable derivative free Gaussian mixture variational inference for Bayesian inverse
 * problems", arXiv 2501.04259), as `update_ensemble!` of DF_GMVI.jl in the authors'
 * InverseProblems.jl (Inversion/DF_GMVI.jl, with QuadratureRule.jl and GaussianMixture.jl),
 * run as they run it: unscented sigma points for the potential, "mean_point" quadrature and
 * the Hessian correction for the entropy, a fixed step Δt.
 *
 * A mixture ρ = Σ w_k N(m_k, C_k) in u follows the natural-gradient flow of KL(ρ‖π) with
 * π ∝ e^{−Φ}. One iteration, for every component k with Δt = settings.dt:
 *   evaluate Φ (or the residual F, Φ = ½‖F‖²) at the 2d+1 sigma points m_k, m_k ± c·L_k e_i
 *     (C_k = L_k L_kᵀ; c = α√d as GMKI's, α = sigmaPointAlpha or min(√(4/d), 1))
 *   Φ_k, ∇Φ_k, ∇²Φ_k from those values (potential.ts);  log ρ, ∇log ρ, ∇²log ρ at m_k (entropy.ts)
 *   C_k⁻¹ ← C_k⁻¹ + Δt (∇²log ρ + ∇²Φ_k)
 *   m_k   ← m_k − Δt C_k(new) (∇log ρ + ∇Φ_k)
 *   log w_k ← log w_k − Δt (log ρ(m_k) + Φ_k), then normalised and floored at `minWeight`.
 *
 * The potential: a model with observations gives the residual F = [Σ_η^{-1/2}(G(θ(u)) − y);
 * Σ0^{-1/2}(u − r0)] (the prior's part only with a Gaussian prior), the least-squares form the
 * paper is written for. A log-density model gives Φ = −log π_u(u) itself (core/inversion/target.ts),
 * one number per point: there the derivatives come from central differences of Φ (potential.ts),
 * our extension of the paper to models that return no residual. Such a model must return a
 * finite log density at every sigma point (the driver refuses −∞).
 *
 * Evaluations: K·(2d+1) per iteration, `iterations` iterations, like GMKI. The state is the
 * mixture alone; the initial means are drawn as the paper's GMKI draws them (iid from the
 * prior/initial distribution, stream 'initialization') and a log-density model's stencil
 * rotations come from the stream 'dfgmvi/iteration-n/component-k', so resume and extend are exact.
 */
import { iidNormals } from '../../gmki/initialization';
import type { Mixture } from '../../gmki/state';
import { sigmaPointConstants, sigmaPoints } from '../../gmki/sigmaPoints';
import { componentsWithFailures, everyComponentFailed, keepPreviousComponent, liftZeroWeights } from '../../gmki/skipped';
import { normalizeAndClipWeights } from '../../gmki/weights';
import { initialMixture } from '../../inversion/initialization';
import { foldPrior, logDensityTarget } from '../../inversion/target';
import { choleskyWithJitter, invertLower, solveLowerInPlace } from '../../linalg/dense';
import { randomOrthogonal } from '../../problem/rotation';
import type { ResolvedProblem } from '../../problem/types';
import { componentsOf } from '../budget';
import { sigmaPointLabels } from '../gmki';
import type { InversionState, MethodEngine } from '../types';
import { entropyAtMean, type FactoredMixture } from './entropy';
import { leastSquaresPotential, scalarPotential, type PotentialEstimate } from './potential';

interface DfgmviPending {
  readonly iteration: number;
  /** The mixture the iteration starts from (what a skipped component keeps). */
  readonly previous: Mixture;
  readonly mixture: FactoredMixture & { readonly roots: readonly ComponentRoot[] };
  /** K×(2d+1)×d sigma points, row-major. */
  readonly points: Float64Array;
  /** Per component: the jitter its covariance's Cholesky factor needed. */
  readonly jitter: Float64Array;
}

/** The potential of every component from its block of sigma-point outputs. */
type PotentialOf = (points: Float64Array, outputs: Float64Array, inverseRoot: Float64Array) => PotentialEstimate;

/** A component's square root S (C = S Sᵀ) that places its sigma points, and W = S⁻¹. */
interface ComponentRoot {
  readonly root: Float64Array;
  readonly inverseRoot: Float64Array;
}

export function createDfgmviEngine(problem: ResolvedProblem): MethodEngine<DfgmviPending> {
  const { dt, iterations, sigmaPointAlpha, minWeight } = problem.settings;
  const d = problem.parameterNames.length;
  const nY = problem.observations.values.length;
  const spread = sigmaPointConstants(d, sigmaPointAlpha).spread;
  const perComponent = 2 * d + 1;
  const potentialOf = potentialFor(problem, spread);
  // A scalar Φ's stencil turns by a fresh random rotation every iteration and component (potential.ts).
  const rotateStencil = problem.output.kind === 'logDensity';
  const { seed } = problem.settings;

  return {
    evaluationsPerIteration: componentsOf(problem.settings) * perComponent,
    initialState: (): InversionState => ({ iteration: 0, mixture: initialMixture(problem, iidNormals), particles: null, methodState: null }),
    isDone: (state) => state.iteration >= iterations,
    ask(state) {
      const mixture = factored(state.mixture, state.iteration + 1);
      const K = mixture.nComponents;
      const points = new Float64Array(K * perComponent * d);
      const jitter = new Float64Array(K);
      for (let k = 0; k < K; k++) {
        points.set(sigmaPoints(mixture.means.subarray(k * d, (k + 1) * d), mixture.roots[k].root, d, spread), k * perComponent * d);
        jitter[k] = mixture.jitters[k];
      }
      return { pending: { iteration: state.iteration + 1, previous: state.mixture, mixture, points, jitter }, points, labels: sigmaPointLabels(K, d) };
    },
    // As GMKI (core/gmki/skipped.ts): a component's update needs all 2d+1 of its outputs, so one
    // with a failed point keeps its state with its weight at the floor; all failed stops the run.
    failureStop: (failed) => everyComponentFailed(failed, componentsOf(problem.settings), d),
    tell(pending, outputs, failed) {
      const { mixture } = pending;
      const K = mixture.nComponents;
      const skipped = failed && componentsWithFailures(failed, K, d);
      const block = perComponent * d;
      const covariances = new Float64Array(K * d * d);
      const means = new Float64Array(K * d);
      const logWeights = new Float64Array(K);
      const misfit: number[] = [];
      const jitter: number[] = [];
      for (let k = 0; k < K; k++) {
        if (skipped?.[k]) {
          keepPreviousComponent(pending.previous, k, means, covariances, logWeights);
          misfit.push(Number.NaN);
          jitter.push(pending.jitter[k]);
          continue;
        }
        const potential = potentialOf(
          pending.points.subarray(k * block, (k + 1) * block),
          outputs.subarray(k * perComponent * nY, (k + 1) * perComponent * nY),
          mixture.roots[k].inverseRoot,
        );
        const entropy = entropyAtMean(mixture, k);
        const precision = mixture.precisions[k].slice();
        for (let i = 0; i < d * d; i++) precision[i] += dt * (entropy.hessian[i] + potential.hessian[i]);
        const chol = choleskyWithJitter(precision, d, `the updated precision of component ${k}`);
        const inverseFactor = invertLower(chol.factor, d); // C_new = L⁻ᵀ L⁻¹
        const covariance = transposeProduct(inverseFactor, d);
        covariances.set(covariance, k * d * d);
        for (let r = 0; r < d; r++) {
          let step = 0;
          for (let c = 0; c < d; c++) step += covariance[r * d + c] * (entropy.gradient[c] + potential.gradient[c]);
          means[k * d + r] = mixture.means[k * d + r] - dt * step;
        }
        logWeights[k] = mixture.logWeights[k] - dt * (entropy.logDensity + potential.value);
        misfit.push(potential.value);
        jitter.push(Math.max(pending.jitter[k], chol.jitter));
      }
      const next: Mixture = { nComponents: K, nTheta: d, logWeights: liftZeroWeights(normalizeAndClipWeights(logWeights, minWeight), skipped), means, covariances };
      return {
        state: { iteration: pending.iteration, mixture: next, particles: null, methodState: null },
        diagnostics: { misfit, jitter, explorationEss: misfit.map(() => null) },
      };
    },
  };

  /** The mixture with every component's Cholesky factor, precision and the square root its stencil uses in `iteration`. */
  function factored(mixture: Mixture, iteration: number): FactoredMixture & { readonly roots: readonly ComponentRoot[]; readonly jitters: readonly number[] } {
    const factors: Float64Array[] = [];
    const precisions: Float64Array[] = [];
    const roots: ComponentRoot[] = [];
    const jitters: number[] = [];
    for (let k = 0; k < mixture.nComponents; k++) {
      const covariance = mixture.covariances.subarray(k * d * d, (k + 1) * d * d);
      const chol = choleskyWithJitter(covariance, d, `the covariance of component ${k}`);
      const inverseFactor = invertLower(chol.factor, d);
      factors.push(chol.factor);
      precisions.push(transposeProduct(inverseFactor, d));
      roots.push(
        rotateStencil
          ? rotatedRoot(chol.factor, inverseFactor, randomOrthogonal(d, seed, `dfgmvi/iteration-${iteration}/component-${k}`), d)
          : { root: chol.factor, inverseRoot: inverseFactor },
      );
      jitters.push(chol.jitter);
    }
    return { nComponents: mixture.nComponents, nTheta: d, logWeights: mixture.logWeights, means: mixture.means, factors, precisions, roots, jitters };
  }
}

/** S = L Q and W = Qᵀ L⁻¹ for a lower factor L (with its inverse) and an orthogonal Q. */
function rotatedRoot(factor: Float64Array, inverseFactor: Float64Array, q: Float64Array, d: number): ComponentRoot {
  const root = new Float64Array(d * d);
  const inverseRoot = new Float64Array(d * d);
  for (let r = 0; r < d; r++) {
    for (let c = 0; c < d; c++) {
      let s = 0;
      let w = 0;
      for (let k = 0; k < d; k++) {
        s += factor[r * d + k] * q[k * d + c];
        w += q[k * d + r] * inverseFactor[k * d + c];
      }
      root[r * d + c] = s;
      inverseRoot[r * d + c] = w;
    }
  }
  return { root, inverseRoot };
}

/** Aᵀ A for lower-triangular A (d×d): C⁻¹ = L⁻ᵀ L⁻¹ from A = L⁻¹. Exactly symmetric. */
function transposeProduct(a: Float64Array, d: number): Float64Array {
  const out = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = 0;
      for (let k = i; k < d; k++) sum += a[k * d + i] * a[k * d + j];
      out[i * d + j] = sum;
      out[j * d + i] = sum;
    }
  }
  return out;
}

/** How Φ is read off a component's outputs: −log π_u for a log density, ½‖F‖² otherwise. */
function potentialFor(problem: ResolvedProblem, spread: number): PotentialOf {
  const d = problem.parameterNames.length;
  const perComponent = 2 * d + 1;
  if (problem.output.kind === 'logDensity') {
    const target = logDensityTarget(problem);
    return (points, outputs, inverseRoot) => {
      const values = new Float64Array(perComponent);
      for (let j = 0; j < perComponent; j++) values[j] = -target.logPosterior(points.subarray(j * d, (j + 1) * d), outputs.subarray(j, j + 1));
      return scalarPotential(values, inverseRoot, d, spread);
    };
  }
  const folded = foldPrior(problem);
  const nOut = folded.nOutputs;
  const nY = folded.nObservations;
  const noiseFactor = choleskyWithJitter(folded.gmki.noiseCov, nOut, 'noise covariance').factor;
  return (points, outputs, inverseRoot) => {
    const residuals = new Float64Array(perComponent * nOut);
    const augmented = new Float64Array(nOut);
    for (let j = 0; j < perComponent; j++) {
      folded.writeAugmentedOutput(points.subarray(j * d, (j + 1) * d), outputs.subarray(j * nY, (j + 1) * nY), augmented, 0);
      for (let o = 0; o < nOut; o++) augmented[o] -= folded.gmki.data[o];
      residuals.set(solveLowerInPlace(noiseFactor, nOut, augmented.slice()), j * nOut);
    }
    return leastSquaresPotential(residuals, nOut, inverseRoot, d, spread);
  };
}
