/**
 * The analytic benchmark densities of UM-Bridge (um-bridge-benchmarks.readthedocs.io, "Analytic
 * Gaussian mixture / banana / donut / funnel"; servers in the UM-Bridge benchmarks repository,
 * `benchmarks/analytic-*`/server.py), as built-in log-density models: each maps x ∈ R² to
 * [log π(x)], exactly the number the benchmark's `posterior` model returns (its default config).
 *
 * - gaussian-mixture: π = Σ N(x; μ_i, s_i I), μ = (−1.5, −1.5), (1.5, 1.5), (−2, 2), s = 0.8, 0.8, 0.5
 *   (a sum, not a mean: total mass 3, as the server computes it).
 * - banana: π(x) = f_Z(T(x)), Z ~ N((0, 4), [[1, 0.5], [0.5, 1]]), T(x) = (x1/a, a·x2 + a·b·(x1² + a²)),
 *   a = 2, b = 0.2 (det T' = 1: normalised).
 * - donut: log π(x) = −(‖x‖ − 2.6)²/0.033 (unnormalised).
 * - funnel (Neal 2003): log π(x) = f(x1; 0, 3) + f(x2; 0, exp(x1/2)), f the log normal pdf.
 */
import type { BuiltinModel } from './builtins';

const LOG_2PI = Math.log(2 * Math.PI);

/** log N(x; mean, variance·I) in two dimensions. */
function logIsotropicNormal2(x1: number, x2: number, m1: number, m2: number, variance: number): number {
  return -LOG_2PI - Math.log(variance) - ((x1 - m1) ** 2 + (x2 - m2) ** 2) / (2 * variance);
}

/** log of a one-dimensional normal pdf, the benchmark's f(x, m, s). */
function logNormal1(x: number, mean: number, std: number): number {
  return -0.5 * LOG_2PI - Math.log(std) - 0.5 * ((x - mean) / std) ** 2;
}

const MIXTURE = [
  { m1: -1.5, m2: -1.5, variance: 0.8 },
  { m1: 1.5, m2: 1.5, variance: 0.8 },
  { m1: -2, m2: 2, variance: 0.5 },
] as const;

export function gaussianMixtureLogDensity(x1: number, x2: number): number {
  const terms = MIXTURE.map((c) => logIsotropicNormal2(x1, x2, c.m1, c.m2, c.variance));
  const max = Math.max(...terms);
  return max + Math.log(terms.reduce((sum, t) => sum + Math.exp(t - max), 0));
}

const BANANA = { a: 2, b: 0.2, mean: [0, 4], covariance: [1, 0.5, 0.5, 1] } as const;

export function bananaLogDensity(x1: number, x2: number): number {
  const { a, b, mean, covariance } = BANANA;
  const z1 = x1 / a - mean[0];
  const z2 = a * x2 + a * b * (x1 * x1 + a * a) - mean[1];
  const [s11, s12, , s22] = covariance;
  const det = s11 * s22 - s12 * s12;
  const quadratic = (s22 * z1 * z1 - 2 * s12 * z1 * z2 + s11 * z2 * z2) / det;
  return -LOG_2PI - 0.5 * Math.log(det) - 0.5 * quadratic;
}

const DONUT = { radius: 2.6, sigma2: 0.033 } as const;

export function donutLogDensity(x1: number, x2: number): number {
  return -((Math.hypot(x1, x2) - DONUT.radius) ** 2) / DONUT.sigma2;
}

export function funnelLogDensity(x1: number, x2: number): number {
  return logNormal1(x1, 0, 3) + logNormal1(x2, 0, Math.exp(x1 / 2));
}

/** One built-in log-density model of two parameters. */
function densityModel(name: string, description: string, logDensity: (x1: number, x2: number) => number): BuiltinModel {
  return Object.freeze({
    name,
    description,
    nTheta: 2,
    nOutputs: 1,
    output: 'logDensity' as const,
    forward: (theta: readonly number[]) => [logDensity(theta[0], theta[1])],
  });
}

/** The four densities by built-in model name (UM-Bridge's benchmark names). */
export const ANALYTIC_DENSITY_MODELS: Readonly<Record<string, BuiltinModel>> = Object.freeze({
  'analytic-gaussian-mixture': densityModel(
    'analytic-gaussian-mixture',
    "log π(x) of UM-Bridge's analytic Gaussian mixture: three Gaussians at (−1.5, −1.5), (1.5, 1.5), (−2, 2) with variances 0.8, 0.8, 0.5.",
    gaussianMixtureLogDensity,
  ),
  'analytic-banana': densityModel(
    'analytic-banana',
    "log π(x) of UM-Bridge's analytic banana: a correlated Gaussian bent by x2 ↦ a·x2 + a·b·(x1² + a²), a = 2, b = 0.2.",
    bananaLogDensity,
  ),
  'analytic-donut': densityModel('analytic-donut', "log π(x) = −(‖x‖ − 2.6)²/0.033, UM-Bridge's analytic donut: mass on a ring of radius 2.6.", donutLogDensity),
  'analytic-funnel': densityModel('analytic-funnel', "log π(x) of UM-Bridge's analytic funnel (Neal 2003): x1 ~ N(0, 3²), x2 | x1 ~ N(0, exp(x1)).", funnelLogDensity),
});
