/**
 * Moments of the logit-normal distribution and the inverse problem "which N(μ, σ²) in u has a
 * logistic image with this mean and std", needed for parameters bounded on both sides
 * (`problem-format.md` §1.1; the idea of EnsembleKalmanProcesses' `constrained_gaussian`).
 *
 * No closed form exists, so the moments are integrals, computed here by composite
 * Gauss–Legendre quadrature in u: panels no wider than half the Gaussian's scale σ and, where
 * the logistic still varies (|u| < 60), no wider than half its unit scale. The cost is therefore
 * bounded (≈ 300 panels) for every σ, and the result is accurate to ~1e-14 relative.
 */

/** 8-point Gauss–Legendre nodes and weights on [−1, 1] (positive half; the rule is symmetric). */
const GL_NODES = [0.1834346424956498, 0.525532409916329, 0.7966664774136267, 0.9602898564975363];
const GL_WEIGHTS = [0.362683783378362, 0.3137066458778873, 0.2223810344533745, 0.1012285362903763];

/** Beyond |u| = 60 the logistic is 0 or 1 to within 1e-26: only the Gaussian's shape matters there. */
const SATURATION = 60;
/** The Gaussian is integrated over μ ± 10σ (the mass outside is < 2e-23). */
const TAIL = 10;

/** The logistic function 1/(1 + e^(−u)), without overflow for any u. */
export function logistic(u: number): number {
  if (u >= 0) return 1 / (1 + Math.exp(-u));
  const e = Math.exp(u);
  return e / (1 + e);
}

/** log(p / (1 − p)). */
export function logit(p: number): number {
  return Math.log(p) - Math.log1p(-p);
}

/** Calls `visit(u, weight)` for every quadrature node of ∫ f(u) du over [a, b] with panels ≤ width. */
function forEachNode(a: number, b: number, width: number, visit: (u: number, weight: number) => void): void {
  if (!(b > a)) return;
  const panels = Math.ceil((b - a) / width);
  const h = (b - a) / panels;
  for (let p = 0; p < panels; p++) {
    const centre = a + (p + 0.5) * h;
    for (let i = 0; i < GL_NODES.length; i++) {
      const offset = 0.5 * h * GL_NODES[i];
      const weight = 0.5 * h * GL_WEIGHTS[i];
      visit(centre - offset, weight);
      visit(centre + offset, weight);
    }
  }
}

/** Calls `visit(u, weight)` with the nodes of ∫ g(u) N(u; μ, σ²) du, the Gaussian density folded into weight (unnormalised). */
function forEachGaussianNode(mu: number, sigma: number, visit: (u: number, weight: number) => void): void {
  const lo = mu - TAIL * sigma;
  const hi = mu + TAIL * sigma;
  const gaussian = (u: number, w: number): void => {
    const z = (u - mu) / sigma;
    visit(u, w * Math.exp(-0.5 * z * z));
  };
  const outerWidth = sigma / 2;
  const innerWidth = Math.min(sigma, 1) / 2;
  forEachNode(lo, Math.min(hi, -SATURATION), outerWidth, gaussian);
  forEachNode(Math.max(lo, -SATURATION), Math.min(hi, SATURATION), innerWidth, gaussian);
  forEachNode(Math.max(lo, SATURATION), hi, outerWidth, gaussian);
}

/** Mean, std and ∂mean/∂μ of logistic(u) for u ~ N(μ, σ²). */
export interface LogitNormalMoments {
  readonly mean: number;
  readonly std: number;
  /** ∂E[logistic(u)]/∂μ = E[logistic′(u)], the slope the Newton solve for μ uses. */
  readonly meanSlope: number;
}

/** Moments of logistic(u), u ~ N(μ, σ²); two passes so the variance is a central moment (no cancellation). */
export function logitNormalMoments(mu: number, sigma: number): LogitNormalMoments {
  let mass = 0;
  let first = 0;
  let slope = 0;
  forEachGaussianNode(mu, sigma, (u, w) => {
    const s = logistic(u);
    mass += w;
    first += w * s;
    slope += w * s * (1 - s);
  });
  const mean = first / mass;
  let second = 0;
  forEachGaussianNode(mu, sigma, (u, w) => {
    const deviation = logistic(u) - mean;
    second += w * deviation * deviation;
  });
  return { mean, std: Math.sqrt(second / mass), meanSlope: slope / mass };
}

/**
 * The μ with E[logistic(u)] = p for u ~ N(μ, σ²): the mean is increasing in μ, so a Newton
 * iteration kept inside a bracket converges. The start uses the probit approximation
 * E[logistic(u)] ≈ logistic(μ / √(1 + πσ²/8)).
 */
export function solveLogitNormalMu(p: number, sigma: number): number {
  let lo = -Infinity;
  let hi = Infinity;
  let mu = logit(p) * Math.sqrt(1 + (Math.PI * sigma * sigma) / 8);
  const maxStep = 10 + 10 * sigma;
  for (let iteration = 0; iteration < 200; iteration++) {
    const { mean, meanSlope } = logitNormalMoments(mu, sigma);
    const residual = mean - p;
    if (Math.abs(residual) <= 1e-15 * p) return mu;
    if (residual < 0) lo = mu;
    else hi = mu;
    let next = mu - residual / meanSlope;
    if (!Number.isFinite(next) || Math.abs(next - mu) > maxStep) next = mu - Math.sign(residual) * maxStep;
    if (next <= lo || next >= hi) next = Number.isFinite(lo) && Number.isFinite(hi) ? 0.5 * (lo + hi) : next;
    if (next <= lo || next >= hi) return mu; // bracket collapsed to rounding: μ is as exact as doubles allow
    mu = next;
  }
  return mu;
}

/** σ above which the search stops: the std of the image is then within ~1e-6 of its supremum. */
const SIGMA_MAX = 1e6;

/** The result of `solveLogitNormal`: (μ, σ) or the reason why no Gaussian works. */
export type LogitNormalSolution = { readonly ok: true; readonly mu: number; readonly sigma: number } | { readonly ok: false; readonly reason: 'std-too-large' };

/**
 * (μ, σ) such that logistic(u), u ~ N(μ, σ²), has mean p and std s. Needs 0 < p ≤ 1/2 (callers
 * mirror p > 1/2, using logistic(−u) = 1 − logistic(u), which keeps precision near the upper
 * bound) and 0 < s < √(p(1 − p)). For fixed mean the std grows with σ, so an Illinois
 * regula falsi on log σ with μ = μ(σ) solved inside converges to ~1e-13 relative.
 */
export function solveLogitNormal(p: number, s: number): LogitNormalSolution {
  const stdAt = (t: number): { mu: number; gap: number } => {
    const sigma = Math.exp(t);
    const mu = solveLogitNormalMu(p, sigma);
    return { mu, gap: logitNormalMoments(mu, sigma).std - s };
  };
  // Delta method: std ≈ σ p(1 − p) for small σ.
  const t0 = Math.log(s / (p * (1 - p)));
  let tLo = t0;
  let lo = stdAt(tLo);
  for (let step = 0; lo.gap >= 0 && step < 100; step++) lo = stdAt((tLo -= 1));
  let tHi = t0;
  let hi = stdAt(tHi);
  while (hi.gap <= 0) {
    tHi += 1;
    if (tHi > Math.log(SIGMA_MAX)) return { ok: false, reason: 'std-too-large' };
    hi = stdAt(tHi);
  }
  let side = 0;
  for (let iteration = 0; iteration < 200; iteration++) {
    const t = (tLo * hi.gap - tHi * lo.gap) / (hi.gap - lo.gap);
    const at = stdAt(t);
    if (Math.abs(at.gap) <= 1e-14 * s || tHi - tLo < 1e-15 * Math.max(1, Math.abs(t))) return { ok: true, mu: at.mu, sigma: Math.exp(t) };
    if (at.gap < 0) {
      tLo = t;
      lo = at;
      if (side === -1) hi = { ...hi, gap: hi.gap / 2 }; // Illinois: halve the stale end's weight
      side = -1;
    } else {
      tHi = t;
      hi = at;
      if (side === 1) lo = { ...lo, gap: lo.gap / 2 };
      side = 1;
    }
  }
  const t = 0.5 * (tLo + tHi);
  return { ok: true, mu: solveLogitNormalMu(p, Math.exp(t)), sigma: Math.exp(t) };
}
