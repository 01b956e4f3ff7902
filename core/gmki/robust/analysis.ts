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
import { logDetFromCholesky } from '../../linalg/dense';
import { kalmanUpdate, misfitAt, type AnalysisStep, type AnalyzedComponent, type ComponentEvaluations } from '../analysis';
import type { SigmaPointConstants } from '../sigmaPoints';

/** An analysed component with its Kalman evidence. */
export interface RobustAnalyzedComponent extends AnalyzedComponent {
  /** log N(y; ȳ, C^gg + Σ/Δt) without its (2π)^{n_out/2}. */
  readonly logEvidence: number;
}

/** Which predicted output the Kalman step uses. */
export type PredictedOutput = 'centre' | 'unscented';

/** gmki-robust's choices for one component's Kalman step. */
export interface RobustAnalysisChoice {
  readonly predictedOutput: PredictedOutput;
  /** ℓ̂ + log evidence (else the paper's §3e rule). */
  readonly evidenceWeights: boolean;
}

/**
 * Kalman update of one component.
 * @param constants the sigma-point constants (α, λ for the unscented mean)
 * @returns the analysed component; `logWeight` is ℓ̂ + log evidence when `choice.evidenceWeights`, else the paper's §3e rule
 */
export function analyzeComponentRobust(
  component: ComponentEvaluations,
  step: AnalysisStep,
  constants: SigmaPointConstants,
  choice: RobustAnalysisChoice,
): RobustAnalyzedComponent {
  const { outputs, predictedLogWeight, nTheta: d } = component;
  const { dt, data } = step;
  const nOut = data.data.length;
  const nPoints = 2 * d + 1;
  const scaled = constants.alpha * constants.alpha * d; // d + λ
  const yBar = Float64Array.from(outputs.subarray(0, nOut));
  if (choice.predictedOutput === 'unscented') {
    for (let o = 0; o < nOut; o++) yBar[o] *= constants.lambda / scaled;
    for (let p = 1; p < nPoints; p++) for (let o = 0; o < nOut; o++) yBar[o] += outputs[p * nOut + o] / (2 * scaled);
  }
  // Outer points about ȳ with the paper's weights 1/(2α²d): no centre weight (see above).
  const update = kalmanUpdate(component, yBar, step);
  const whitened = update.whitenedInnovation;
  let innovationTerm = 0;
  for (let o = 0; o < nOut; o++) innovationTerm += whitened[o] * whitened[o];
  const logEvidence = -0.5 * innovationTerm - 0.5 * logDetFromCholesky(update.innovationFactor, nOut);
  // Φ_R at the predicted mean, as the paper's diagnostics report it (§1).
  const misfit = misfitAt(outputs.subarray(0, nOut), data);
  return {
    mean: update.mean,
    covariance: update.covariance,
    logWeight: choice.evidenceWeights ? predictedLogWeight + logEvidence : predictedLogWeight - dt * misfit,
    misfit,
    jitter: update.jitter,
    logEvidence,
  };
}
