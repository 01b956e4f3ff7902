/**
 * The paper's example problems (`gmki-algorithm.md` §2, §4, §5.1–5.5) as `gmki-problem/1` files,
 * for `gmki examples`, the app's "open example" and the paper-reproduction tests, then the
 * mode-discovery benchmarks and UM-Bridge's analytic densities (density-examples.ts). Every
 * example uses a built-in model and must pass `parseProblem` (tested).
 *
 * The paper's examples pin `"method": "gmki-paper"`, so that they reproduce the paper whatever
 * the app's default method is; the mode-discovery benchmarks of issue 5 (benchmark-examples.ts)
 * follow them and use the default.
 *
 * Julia's random draws cannot be reproduced here, so where the paper drew initial means the
 * examples write them out: exactly as printed (1-D), or as read off the figures (2-D, ±0.05).
 */
import { BENCHMARK_EXAMPLES } from './benchmark-examples';
import { DARCY_EXAMPLE } from './darcy-example';
import { DENSITY_EXAMPLES } from './density-examples';
import type { ProblemFile } from './schema';

/** An example problem file with what the app shows about it. */
export interface ExampleProblem {
  /** Stable identifier, also the built-in model's name or derived from it. */
  readonly id: string;
  /** File name used when the example is written to disk. */
  readonly fileName: string;
  readonly title: string;
  /** What the problem is and what to expect, in plain language. */
  readonly description: string;
  /** The problem file's JSON. */
  readonly problem: ProblemFile;
}

/** The ξ_k ~ N(0, I) initial offsets of the 2-D examples, read off the paper's figures (§2). */
const XI_2D: readonly (readonly [number, number])[] = [
  [0.0, 1.75],
  [-1.0, 0.6],
  [-0.4, 1.0],
  [-1.3, -0.4],
  [0.65, -1.4],
  [-1.4, -1.05],
];

/** Explicit initialization with means μ0 + ξ_k (k < K), covariances I, equal weights. */
function initAroundPriorMean(mu0: readonly [number, number], k: number): NonNullable<ProblemFile['settings']>['initialization'] {
  // Rounded to 12 digits so that 0.5 + (−0.4) is written as 0.1 in the file.
  const round = (x: number): number => Number(x.toFixed(12));
  return {
    type: 'explicit',
    weights: Array.from({ length: k }, () => 1 / k),
    means: XI_2D.slice(0, k).map(([a, b]) => [round(mu0[0] + a), round(mu0[1] + b)]),
    covariances: Array.from({ length: k }, () => [
      [1, 0],
      [0, 1],
    ]),
  };
}

function theta2d(mu0: readonly [number, number]): ProblemFile['parameters'] {
  return [
    { name: 'theta1', prior: { mean: mu0[0], std: 1 } },
    { name: 'theta2', prior: { mean: mu0[1], std: 1 } },
  ];
}

function twoModal(id: string, title: string, mu0: readonly [number, number], outcome: string): ExampleProblem {
  const description =
    `One measurement of (θ2 − θ1)² = 4.2297 with noise std 1 and the Gaussian prior N((${mu0[0]}, ${mu0[1]}), I). ` +
    `The posterior has two modes, near (−1, 1) and (1, −1), each stretched along the diagonal θ1 = θ2 where only the prior constrains it; ${outcome} ` +
    "Set-up of the paper (§5.2): K = 3 components, Δt = 0.5, 30 iterations, initial means μ0 + ξ_k read off the paper's figure.";
  return {
    id,
    fileName: `${id}.gmki.json`,
    title,
    description,
    problem: {
      format: 'gmki-problem/1',
      name: title,
      description,
      parameters: theta2d(mu0),
      observations: { values: [4.2297], noise: { std: 1 } },
      model: { type: 'builtin', name: 'two-modal-2d' },
      settings: { method: 'gmki-paper', components: 3, dt: 0.5, iterations: 30, initialization: initAroundPriorMean(mu0, 3) },
    },
  };
}

const SQUARE_MAP_DESCRIPTION =
  'Find θ from one measurement of θ² = 1 with noise std 0.2 and the Gaussian prior N(3, 2²). ' +
  'The posterior has two modes, near θ = −1 and θ = +1; the prior makes +1 the heavier one (weight ≈ 0.8). ' +
  "The paper's proof of concept (§5.1): K = 3 components, Δt = 0.5, 30 iterations, starting from the initial means printed by the authors' notebook.";

const FOUR_MODAL_DESCRIPTION =
  'Two measurements, (θ2 − θ1)² = 4.2297 and (θ2 + θ1)² = 4.2297, with noise std 1 and the Gaussian prior N((0.5, 0), I). ' +
  'The posterior has four modes, near (±2, 0) and (0, ±2), the one at (2, 0) the heaviest. ' +
  "Set-up of the paper (§5.3) with K = 6 components so that every mode can get one; Δt = 0.5, 30 iterations, initial means μ0 + ξ_k read off the paper's figure.";

const CIRCLE_DESCRIPTION =
  'One measurement of θ1² + θ2² = 1 with noise std 0.3 and no prior: the posterior mass lies on a ring around the unit circle. ' +
  'GMKI is known to fail on this problem: its components stretch into long thin needles tangent to the circle instead of covering it, ' +
  'and the error stays large whatever the number of iterations (paper §5.4; gmki-algorithm.md §7.1). ' +
  'It is included to show a limit of the method, not as a template. K = 10, sigma-point spread α = 0.001, Δt = 0.5, 30 iterations, ' +
  "initial means drawn from N(0, I) (the parameters' mean 0 and std 1 only set this initial distribution).";

/** The paper's example problems, in the order of the paper, then the mode-discovery benchmarks. */
export const EXAMPLE_PROBLEMS: readonly ExampleProblem[] = deepFreeze([
  {
    id: 'square-map-1d',
    fileName: 'square-map-1d.gmki.json',
    title: 'Square map (1-D)',
    description: SQUARE_MAP_DESCRIPTION,
    problem: {
      format: 'gmki-problem/1',
      name: 'Square map (1-D)',
      description: SQUARE_MAP_DESCRIPTION,
      parameters: [{ name: 'theta', prior: { mean: 3, std: 2 } }],
      observations: { values: [1], noise: { std: 0.2 } },
      model: { type: 'builtin', name: 'square-map-1d' },
      settings: {
        method: 'gmki-paper',
        components: 3,
        dt: 0.5,
        iterations: 30,
        initialization: {
          type: 'explicit',
          weights: [1 / 3, 1 / 3, 1 / 3],
          means: [[-2.4283140297584804], [1.7456283123426095], [-0.894645096090581]],
          covariances: [[[4]], [[4]], [[4]]],
        },
      },
    },
  },
  twoModal('two-modal-2d', 'Two-modal 2-D', [0, 0], 'with the prior centred at (0, 0) both modes are equally heavy.'),
  twoModal(
    'two-modal-2d-shifted',
    'Two-modal 2-D, shifted prior',
    [0.5, 0],
    'the prior centred at (0.5, 0) makes the mode near (1, −1) the heavier one (weight ≈ 0.73).',
  ),
  {
    id: 'four-modal-2d',
    fileName: 'four-modal-2d.gmki.json',
    title: 'Four-modal 2-D',
    description: FOUR_MODAL_DESCRIPTION,
    problem: {
      format: 'gmki-problem/1',
      name: 'Four-modal 2-D',
      description: FOUR_MODAL_DESCRIPTION,
      parameters: theta2d([0.5, 0]),
      observations: {
        values: [4.2297, 4.2297],
        noise: {
          covariance: [
            [1, 0],
            [0, 1],
          ],
        },
      },
      model: { type: 'builtin', name: 'four-modal-2d' },
      settings: { method: 'gmki-paper', components: 6, dt: 0.5, iterations: 30, initialization: initAroundPriorMean([0.5, 0], 6) },
    },
  },
  {
    id: 'circle-2d',
    fileName: 'circle-2d.gmki.json',
    title: 'Circle 2-D (a known failure of GMKI)',
    description: CIRCLE_DESCRIPTION,
    problem: {
      format: 'gmki-problem/1',
      name: 'Circle 2-D (a known failure of GMKI)',
      description: CIRCLE_DESCRIPTION,
      parameters: theta2d([0, 0]),
      prior: 'none',
      observations: { values: [1], noise: { std: 0.3 } },
      model: { type: 'builtin', name: 'circle-2d' },
      settings: { method: 'gmki-paper', components: 10, dt: 0.5, iterations: 30, sigmaPointAlpha: 1e-3, initialization: { type: 'prior' } },
    },
  },
  DARCY_EXAMPLE,
  ...BENCHMARK_EXAMPLES,
  ...DENSITY_EXAMPLES,
]);

/** The example with this id, or undefined. */
export function getExampleProblem(id: string): ExampleProblem | undefined {
  return EXAMPLE_PROBLEMS.find((example) => example.id === id);
}

/** Freezes a JSON-like value and everything in it, so no caller can edit the shared examples. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
