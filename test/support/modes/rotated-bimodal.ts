/**
 * Exact reference of benchmark 2 (rotated-bimodal-10d). In φ = Qᵀθ (|det Q| = 1) the posterior
 * factorises: p(φ) = p1(φ1) p2(φ2) Π_{j≥3} N(φⱼ; μⱼ, sⱼ²) with
 *   pᵢ(φ) ∝ exp(−(φ² − yᵢ)²/(2σᵢ²) − φ²/(2σ0²))  (i = 1, 2; normalised by quadrature),
 *   sⱼ² = 1/(1/σⱼ² + 1/σ0²),  μⱼ = sⱼ² yⱼ/σⱼ²      (j ≥ 3, linear observations).
 *
 * Metrics (issue 5):
 * - L1 of the (φ1, φ2) marginal: the mixture rotated back (means Qᵀm_k, covariances QᵀC_kQ),
 *   its (φ1, φ2) block, against p1·p2 on a grid of spacing h over [−R, R]²; as for four-mode-3d,
 *   L1 = 2 − 2 Σ min(p, q)·h² with q used as is (exact normalisation).
 * - relative errors of the linear coordinates φ3 … φ10: ‖μ̂ − μ‖/‖μ‖ for the mixture's marginal
 *   means and ‖ŝ − s‖/‖s‖ for its marginal standard deviations (law of total variance).
 * - basins: the quadrants of (φ1, φ2), each with true mass exactly 1/4 (p1, p2 are even).
 */
import type { Mixture } from '../../../core/gmki/state';
import { getExampleProblem, parseProblem } from '../../../core/problem';
import { rotatedBimodalRotation } from '../../../core/problem/builtins';
import { mixtureDensityOnGrid2d } from '../../../core/results';

const HALF_WIDTH = 2.4;
/**
 * Grid spacing of the (φ1, φ2) reference: the narrowest marginal has standard deviation ≈ 0.13;
 * halving 0.01 changed L1 by < 1e-4 (0.15095 → 0.15095, 0.25860 → 0.25859).
 */
export const ROTATED_SPACING = 0.01;

export interface RotatedReference {
  readonly q: Float64Array;
  readonly grid: Float64Array;
  readonly spacing: number;
  /** p1(φ1)·p2(φ2) on grid × grid, row-major. */
  readonly density: Float64Array;
  readonly linearMean: Float64Array;
  readonly linearSd: Float64Array;
  readonly basinFunctionals: readonly Float64Array[];
}

function exampleData(): { y: Float64Array; noiseVar: number[]; priorVar: number } {
  const example = getExampleProblem('rotated-bimodal-10d');
  const parsed = example && parseProblem(example.problem);
  if (!parsed || !parsed.ok) throw new Error('rotated-bimodal-10d example is missing or invalid');
  const { observations, prior } = parsed.problem;
  const n = observations.values.length;
  return {
    y: observations.values,
    noiseVar: Array.from({ length: n }, (_, i) => observations.noiseCovariance[i * n + i]),
    priorVar: prior.covariance[0],
  };
}

/** Normalised density of exp(−(φ² − y)²/(2v) − φ²/(2v0)) at `points` (normaliser by Simpson on [−8, 8], 40 000 intervals). */
function quarticDensity(y: number, v: number, v0: number, points: Float64Array): Float64Array {
  const logF = (x: number): number => -((x * x - y) ** 2) / (2 * v) - (x * x) / (2 * v0);
  const n = 40_000;
  const step = 16 / n;
  let sum = Math.exp(logF(-8)) + Math.exp(logF(8));
  for (let i = 1; i < n; i++) sum += (i % 2 === 1 ? 4 : 2) * Math.exp(logF(-8 + i * step));
  const z = (sum * step) / 3;
  return Float64Array.from(points, (x) => Math.exp(logF(x)) / z);
}

const cache = new Map<number, RotatedReference>();

export function rotatedReference(spacing = ROTATED_SPACING): RotatedReference {
  const cached = cache.get(spacing);
  if (cached) return cached;
  const { y, noiseVar, priorVar } = exampleData();
  const n = Math.round((2 * HALF_WIDTH) / spacing) + 1;
  const grid = Float64Array.from({ length: n }, (_, i) => -HALF_WIDTH + i * spacing);
  const p1 = quarticDensity(y[0], noiseVar[0], priorVar, grid);
  const p2 = quarticDensity(y[1], noiseVar[1], priorVar, grid);
  const density = new Float64Array(n * n);
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) density[a * n + b] = p1[a] * p2[b];
  const d = y.length;
  const linearVar = Array.from({ length: d - 2 }, (_, j) => 1 / (1 / noiseVar[j + 2] + 1 / priorVar));
  const q = rotatedBimodalRotation();
  const column = (j: number): Float64Array => Float64Array.from({ length: d }, (_, r) => q[r * d + j]);
  const reference: RotatedReference = {
    q,
    grid,
    spacing,
    density,
    linearMean: Float64Array.from(linearVar, (v, j) => (v * y[j + 2]) / noiseVar[j + 2]),
    linearSd: Float64Array.from(linearVar, Math.sqrt),
    basinFunctionals: [column(0), column(1)],
  };
  cache.set(spacing, reference);
  return reference;
}

/** The mixture in φ = Qᵀθ: means Qᵀm_k, covariances QᵀC_kQ. */
export function rotateMixture(mixture: Mixture, q: Float64Array): Mixture {
  const d = mixture.nTheta;
  const K = mixture.nComponents;
  const means = new Float64Array(K * d);
  const covariances = new Float64Array(K * d * d);
  const cq = new Float64Array(d * d);
  for (let k = 0; k < K; k++) {
    const m = mixture.means.subarray(k * d, (k + 1) * d);
    const c = mixture.covariances.subarray(k * d * d, (k + 1) * d * d);
    for (let j = 0; j < d; j++) for (let r = 0; r < d; r++) means[k * d + j] += q[r * d + j] * m[r];
    cq.fill(0);
    for (let r = 0; r < d; r++) for (let s = 0; s < d; s++) for (let j = 0; j < d; j++) cq[r * d + j] += c[r * d + s] * q[s * d + j];
    for (let i = 0; i < d; i++)
      for (let j = 0; j <= i; j++) {
        let sum = 0;
        for (let r = 0; r < d; r++) sum += q[r * d + i] * cq[r * d + j];
        covariances[k * d * d + i * d + j] = sum;
        covariances[k * d * d + j * d + i] = sum;
      }
  }
  return { ...mixture, means, covariances };
}

/** L1 of the (φ1, φ2) marginal, 2 − 2 Σ min(p, q)·h² (see the file comment). */
export function rotatedL1(mixture: Mixture, reference = rotatedReference()): number {
  const phi = rotateMixture(mixture, reference.q);
  const q = mixtureDensityOnGrid2d(phi, reference.grid, reference.grid, 0, 1);
  let overlap = 0;
  for (let i = 0; i < q.length; i++) overlap += Math.min(q[i], reference.density[i]);
  return 2 - 2 * overlap * reference.spacing * reference.spacing;
}

/** Relative errors ‖μ̂ − μ‖/‖μ‖ and ‖ŝ − s‖/‖s‖ of the mixture's φ3 … φ10 marginal means and stds. */
export function rotatedLinearErrors(mixture: Mixture, reference = rotatedReference()): { mean: number; sd: number } {
  const phi = rotateMixture(mixture, reference.q);
  const d = phi.nTheta;
  const weights = Array.from(phi.logWeights, Math.exp);
  let meanErr = 0;
  let meanNorm = 0;
  let sdErr = 0;
  let sdNorm = 0;
  for (let j = 2; j < d; j++) {
    let mean = 0;
    for (let k = 0; k < phi.nComponents; k++) mean += weights[k] * phi.means[k * d + j];
    let variance = 0;
    for (let k = 0; k < phi.nComponents; k++) variance += weights[k] * (phi.covariances[k * d * d + j * d + j] + (phi.means[k * d + j] - mean) ** 2);
    meanErr += (mean - reference.linearMean[j - 2]) ** 2;
    meanNorm += reference.linearMean[j - 2] ** 2;
    sdErr += (Math.sqrt(variance) - reference.linearSd[j - 2]) ** 2;
    sdNorm += reference.linearSd[j - 2] ** 2;
  }
  return { mean: Math.sqrt(meanErr / meanNorm), sd: Math.sqrt(sdErr / sdNorm) };
}
