/**
 * Analysis (Kalman) step and weight update of one component (`gmki-algorithm.md` §3c–§3e):
 * a Bayesian update of the predicted component with the noise inflated to Σ_ν = Σ/Δt.
 */
import { choleskyWithJitter, mahalanobisSquared, solveLowerInPlace } from '../linalg/dense';

/** The data side of the problem in the algorithm's space: y, and a Cholesky factor of Σ. */
export interface AnalysisData {
  /** y (n_out). */
  readonly data: Float64Array;
  /** Σ (n_out×n_out). */
  readonly noiseCov: Float64Array;
  /** Lower Cholesky factor of Σ, for the misfit ‖y − ȳ‖²_Σ. */
  readonly noiseFactor: Float64Array;
}

/** A component after the analysis step. */
export interface AnalyzedComponent {
  /** m_k^new (d). */
  readonly mean: Float64Array;
  /** C_k^new (d×d), exactly symmetric. */
  readonly covariance: Float64Array;
  /** ℓ̂_k − ½(y − ȳ_k)ᵀ Σ_ν⁻¹ (y − ȳ_k), before normalisation. */
  readonly logWeight: number;
  /** Φ_R = ½ (y − ȳ_k)ᵀ Σ⁻¹ (y − ȳ_k): the misfit at the predicted mean (§1). */
  readonly misfit: number;
  /** Jitter used to factor C^gg + Σ_ν (0 when none). */
  readonly jitter: number;
}

/**
 * One predicted component with its sigma points and the model's outputs there: what every
 * variant's Kalman step starts from.
 */
export interface ComponentEvaluations {
  /** Sigma points, (2d+1)×d, row 0 = m̂. */
  readonly points: Float64Array;
  /** F at the sigma points, (2d+1)×n_out. */
  readonly outputs: Float64Array;
  /** Ĉ (d×d). */
  readonly predictedCov: Float64Array;
  /** ℓ̂_k. */
  readonly predictedLogWeight: number;
  readonly nTheta: number;
  /** Names the component in error messages, e.g. "component 2". */
  readonly label: string;
}

/** What the analysis step of an iteration shares across components. */
export interface AnalysisStep {
  /** w_i of the outer sigma points (§3b). */
  readonly outerCovWeight: number;
  readonly dt: number;
  readonly data: AnalysisData;
}

/**
 * Kalman update of one component from its sigma points and their outputs (§3c–§3e):
 *   ȳ = g_0,  C^gg = Σ_i w_i (g_i − ȳ)(g_i − ȳ)ᵀ,  C^θg = Σ_i w_i (x_i − m̂)(g_i − ȳ)ᵀ,
 *   m = m̂ + C^θg (C^gg + Σ/Δt)⁻¹ (y − ȳ),  C = Ĉ − C^θg (C^gg + Σ/Δt)⁻¹ (C^θg)ᵀ,
 *   ℓ = ℓ̂ − ½ (y − ȳ)ᵀ (Σ/Δt)⁻¹ (y − ȳ).
 */
export function analyzeComponent(component: ComponentEvaluations, step: AnalysisStep): AnalyzedComponent {
  const nOut = step.data.data.length;
  const centre = component.outputs.subarray(0, nOut); // the "modified 2n+1" mean weights select the centre point
  const update = kalmanUpdate(component, centre, step);
  const misfit = misfitAt(centre, step.data);
  return {
    mean: update.mean,
    covariance: update.covariance,
    logWeight: component.predictedLogWeight - step.dt * misfit,
    misfit,
    jitter: update.jitter,
  };
}

/** The Kalman step about a given predicted output ȳ, shared by every GMKI variant. */
export interface KalmanUpdate {
  readonly mean: Float64Array;
  /** Exactly symmetric. */
  readonly covariance: Float64Array;
  /** P⁻¹(y − ȳ) with P the Cholesky factor of C^gg + Σ/Δt (the whitened innovation). */
  readonly whitenedInnovation: Float64Array;
  /** P, n_out×n_out. */
  readonly innovationFactor: Float64Array;
  /** Jitter used to factor C^gg + Σ/Δt (0 when none). */
  readonly jitter: number;
}

/**
 * m = m̂ + C^θg (C^gg + Σ/Δt)⁻¹ (y − ȳ) and C = Ĉ − C^θg (C^gg + Σ/Δt)⁻¹ (C^θg)ᵀ, with the moments
 * taken about ȳ over the outer points with weight `step.outerCovWeight`. The covariance is formed
 * as Ĉ − BᵀB with B = P⁻¹(C^θg)ᵀ: the same matrix as the paper's Ĉ − K(C^θg)ᵀ, but symmetric by
 * construction.
 * @param predictedOutput ȳ (n_out)
 */
export function kalmanUpdate(component: ComponentEvaluations, predictedOutput: Float64Array, step: AnalysisStep): KalmanUpdate {
  const { points, outputs, predictedCov, nTheta: d, label } = component;
  const { outerCovWeight, dt, data } = step;
  const nOut = data.data.length;
  const nPoints = 2 * d + 1;
  const yBar = predictedOutput;
  const innovationCov = new Float64Array(nOut * nOut);
  for (let i = 0; i < nOut * nOut; i++) innovationCov[i] = data.noiseCov[i] / dt;
  const crossCovT = new Float64Array(nOut * d); // (C^θg)ᵀ, n_out×d
  const dg = new Float64Array(nOut);
  for (let p = 1; p < nPoints; p++) {
    for (let o = 0; o < nOut; o++) dg[o] = outputs[p * nOut + o] - yBar[o];
    for (let o = 0; o < nOut; o++) {
      const wdg = outerCovWeight * dg[o];
      for (let q = 0; q <= o; q++) innovationCov[o * nOut + q] += wdg * dg[q];
      for (let r = 0; r < d; r++) crossCovT[o * d + r] += wdg * (points[p * d + r] - points[r]);
    }
  }
  for (let o = 0; o < nOut; o++) for (let q = 0; q < o; q++) innovationCov[q * nOut + o] = innovationCov[o * nOut + q];

  const { factor, jitter } = choleskyWithJitter(innovationCov, nOut, `innovation covariance of ${label}`);
  // B = P⁻¹ (C^θg)ᵀ, column by column (each column of (C^θg)ᵀ is one parameter r).
  const b = new Float64Array(nOut * d);
  const column = new Float64Array(nOut);
  for (let r = 0; r < d; r++) {
    for (let o = 0; o < nOut; o++) column[o] = crossCovT[o * d + r];
    solveLowerInPlace(factor, nOut, column);
    for (let o = 0; o < nOut; o++) b[o * d + r] = column[o];
  }
  const whitened = solveLowerInPlace(
    factor,
    nOut,
    Float64Array.from(data.data, (y, o) => y - yBar[o]),
  );

  const mean = new Float64Array(d);
  for (let r = 0; r < d; r++) {
    let step = 0;
    for (let o = 0; o < nOut; o++) step += b[o * d + r] * whitened[o];
    mean[r] = points[r] + step;
  }
  const covariance = new Float64Array(d * d);
  for (let r = 0; r < d; r++)
    for (let c = 0; c <= r; c++) {
      let reduction = 0;
      for (let o = 0; o < nOut; o++) reduction += b[o * d + r] * b[o * d + c];
      const value = 0.5 * (predictedCov[r * d + c] + predictedCov[c * d + r]) - reduction;
      covariance[r * d + c] = value;
      covariance[c * d + r] = value;
    }
  return { mean, covariance, whitenedInnovation: whitened, innovationFactor: factor, jitter };
}

/** Φ_R = ½ (y − F)ᵀ Σ⁻¹ (y − F) for one output F (n_out): the regularised misfit of §1. */
export function misfitAt(output: Float64Array, data: AnalysisData): number {
  const residual = Float64Array.from(data.data, (y, o) => y - output[o]);
  return 0.5 * mahalanobisSquared(data.noiseFactor, data.data.length, residual);
}
