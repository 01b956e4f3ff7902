/**
 * The Kalman step of gmki-robust for one component: §3c–§3d of `gmki-algorithm.md` with a choice
 * of predicted output ȳ, and the evidence-based weight update.
 *
 * Predicted output. The paper's "modified 2n+1" rule takes ȳ = F(m̂), the centre point. For a
 * curved F that biases the fixed point towards the mode and shrinks the spread: on the rotated
 * benchmark the components on the right modes give L1 0.24–0.26 however long the run, where the
 * best single Gaussian per mode gives 0.157. The unscented mean ȳ = Σ_i W_i F(x_i) with the
 * original 2n+1 weights W_0 = λ/(d+λ), W_i = 1/(2(d+λ)) (Julier & Uhlmann, "Unscented filtering and
 * nonlinear estimation", Proc. IEEE 92(3), 2004) matches E[F] over the component instead and
 * gives L1 0.155 there. But for a component straddling two modes, E[F] is far from y however the
 * mean moves (F(θ) = θ² at a component of spread σ: E[F] = m² + σ²), and the unscented mean
 * then pulls it into the saddle. So: unscented mean when the component is near-linear (η ≤ η*,
 * nonlinearity.ts), centre point otherwise (and such a component is split, structure.ts).
 * The covariances use the outer points about ȳ with the paper's weights 1/(2α²d) (no centre
 * weight, which is negative for d > 15 and could make C^gg indefinite). For linear F both
 * choices of ȳ coincide (the weights sum to 1), so linear-Gaussian problems are unchanged.
 *
 * Weight update. ℓ_k ← ℓ̂_k + log N(y; ȳ_k, C^gg_k + Σ/Δt): the mass of ρ̂_k · exp(−½‖y − F‖²_{Σ/Δt})
 * for the component's statistically linearised model, exact for linear F — the weight update of
 * the Gaussian-sum filter (Alspach & Sorenson, "Nonlinear Bayesian estimation using Gaussian sum
 * approximations", IEEE TAC 17(4), 1972). The paper's rule, the tempered likelihood at the
 * predicted mean, ignores the component's spread (`gmki-algorithm.md` §7.5).
 */
import { choleskyWithJitter, logDetFromCholesky, solveLowerInPlace } from '../../linalg/dense';
import type { AnalysisData, AnalyzedComponent } from '../analysis';
import type { SigmaPointConstants } from '../sigmaPoints';

/** An analysed component with its Kalman evidence. */
export interface RobustAnalyzedComponent extends AnalyzedComponent {
  /** log N(y; ȳ, C^gg + Σ/Δt) without its (2π)^{n_out/2}. */
  readonly logEvidence: number;
}

/** Which predicted output the Kalman step uses. */
export type PredictedOutput = 'centre' | 'unscented';

/**
 * Kalman update of one component.
 * @param points sigma points, (2d+1)×d, row 0 = m̂
 * @param outputs F at the sigma points, (2d+1)×n_out
 * @param predictedCov Ĉ (d×d)
 * @returns the analysed component; `logWeight` is ℓ̂ + log evidence when `evidenceWeights`, else the paper's §3e rule
 */
export function analyzeComponentRobust(
  points: Float64Array,
  outputs: Float64Array,
  predictedCov: Float64Array,
  predictedLogWeight: number,
  constants: SigmaPointConstants,
  predictedOutput: PredictedOutput,
  evidenceWeights: boolean,
  nTheta: number,
  dt: number,
  data: AnalysisData,
  componentLabel: string,
): RobustAnalyzedComponent {
  const d = nTheta;
  const nOut = data.data.length;
  const nPoints = 2 * d + 1;
  const scaled = constants.alpha * constants.alpha * d; // d + λ
  const yBar = Float64Array.from(outputs.subarray(0, nOut));
  if (predictedOutput === 'unscented') {
    for (let o = 0; o < nOut; o++) yBar[o] *= constants.lambda / scaled;
    for (let p = 1; p < nPoints; p++) for (let o = 0; o < nOut; o++) yBar[o] += outputs[p * nOut + o] / (2 * scaled);
  }
  const innovationCov = new Float64Array(nOut * nOut);
  for (let i = 0; i < nOut * nOut; i++) innovationCov[i] = data.noiseCov[i] / dt;
  const crossCovT = new Float64Array(nOut * d); // (C^θg)ᵀ
  const dg = new Float64Array(nOut);
  const w = constants.outerCovWeight;
  for (let p = 1; p < nPoints; p++) {
    for (let o = 0; o < nOut; o++) dg[o] = outputs[p * nOut + o] - yBar[o];
    for (let o = 0; o < nOut; o++) {
      const wdg = w * dg[o];
      for (let q = 0; q <= o; q++) innovationCov[o * nOut + q] += wdg * dg[q];
      for (let r = 0; r < d; r++) crossCovT[o * d + r] += wdg * (points[p * d + r] - points[r]);
    }
  }
  for (let o = 0; o < nOut; o++) for (let q = 0; q < o; q++) innovationCov[q * nOut + o] = innovationCov[o * nOut + q];

  const { factor, jitter } = choleskyWithJitter(innovationCov, nOut, `innovation covariance of ${componentLabel}`);
  const b = new Float64Array(nOut * d); // P⁻¹ (C^θg)ᵀ
  const column = new Float64Array(nOut);
  for (let r = 0; r < d; r++) {
    for (let o = 0; o < nOut; o++) column[o] = crossCovT[o * d + r];
    solveLowerInPlace(factor, nOut, column);
    for (let o = 0; o < nOut; o++) b[o * d + r] = column[o];
  }
  const whitened = solveLowerInPlace(factor, nOut, Float64Array.from(data.data, (y, o) => y - yBar[o]));
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

  let innovationTerm = 0;
  for (let o = 0; o < nOut; o++) innovationTerm += whitened[o] * whitened[o];
  const logEvidence = -0.5 * innovationTerm - 0.5 * logDetFromCholesky(factor, nOut);
  // Φ_R at the predicted mean, as the paper's diagnostics report it (§1).
  const misfitWhitened = solveLowerInPlace(data.noiseFactor, nOut, Float64Array.from(data.data, (y, o) => y - outputs[o]));
  let misfitSquared = 0;
  for (let o = 0; o < nOut; o++) misfitSquared += misfitWhitened[o] * misfitWhitened[o];
  return {
    mean,
    covariance,
    logWeight: evidenceWeights ? predictedLogWeight + logEvidence : predictedLogWeight - 0.5 * dt * misfitSquared,
    misfit: 0.5 * misfitSquared,
    jitter,
    logEvidence,
  };
}
