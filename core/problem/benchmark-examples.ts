/**
 * The mode-discovery benchmarks of issue 5 as example problems: harder multimodal posteriors than
 * the paper's, with exact references (test/support/modes) and `npm run bench:modes`. They use the
 * app's default method (no `method` setting), so they show what a user gets out of the box;
 * the bench runs them under every method.
 */
import { ROTATED_BIMODAL_ROTATION } from './builtins';
import type { ExampleProblem } from './examples';

const FOUR_MODE_DESCRIPTION =
  'Three measurements, θ1² = 1.44, θ2² = 1.0 and θ1 − θ2 + θ3 = 0.3, with noise std 0.2, 0.2 and 0.3, and the prior N(0, 1.5² I). ' +
  'The posterior has four narrow modes at θ1 ≈ ±1.2, θ2 ≈ ±1 (θ3 follows from the third measurement); the third measurement ' +
  'and the prior make their masses unequal (≈ 0.37, 0.35, 0.18 and 0.10). Mode-discovery benchmark 1: K = 8 components, 30 iterations.';

const ROTATED_DESCRIPTION =
  `Ten parameters seen through a fixed rotation φ = Qᵀθ (Q: randomOrthogonal(10, ${ROTATED_BIMODAL_ROTATION.seed}, ` +
  `'${ROTATED_BIMODAL_ROTATION.stream}'), the orthogonal factor of a seeded standard-normal matrix): measurements φ1² = 1.0 and ` +
  'φ2² = 0.81 with noise std 0.25, and φ3 … φ10 measured directly with noise std 0.5; prior N(0, 2² I). ' +
  'The posterior has four equally heavy modes at φ1 ≈ ±1, φ2 ≈ ±0.9 and is Gaussian in the other eight directions, ' +
  'none of which is aligned with a parameter axis. Mode-discovery benchmark 2: K = 8 components, 40 iterations.';

/** y of the rotated benchmark: φ1², φ2², then fixed values in [−1, 1] for φ3 … φ10. */
export const ROTATED_BIMODAL_DATA: readonly number[] = Object.freeze([1.0, 0.81, 0.52, -0.37, 0.88, -0.91, 0.14, 0.63, -0.72, 0.27]);

/** The two mode-discovery benchmarks, in the order. */
export const BENCHMARK_EXAMPLES: readonly ExampleProblem[] = [
  {
    id: 'four-mode-3d',
    fileName: 'four-mode-3d.gmki.json',
    title: 'Four-mode 3-D (mode-discovery benchmark)',
    description: FOUR_MODE_DESCRIPTION,
    problem: {
      format: 'gmki-problem/1',
      name: 'Four-mode 3-D (mode-discovery benchmark)',
      description: FOUR_MODE_DESCRIPTION,
      parameters: ['theta1', 'theta2', 'theta3'].map((name) => ({ name, prior: { mean: 0, std: 1.5 } })),
      observations: { values: [1.44, 1.0, 0.3], noise: { std: [0.2, 0.2, 0.3] } },
      model: { type: 'builtin', name: 'four-mode-3d' },
      settings: { components: 8, dt: 0.5, iterations: 30, initialization: { type: 'prior' } },
    },
  },
  {
    id: 'rotated-bimodal-10d',
    fileName: 'rotated-bimodal-10d.gmki.json',
    title: 'Rotated four-mode 10-D (mode-discovery benchmark)',
    description: ROTATED_DESCRIPTION,
    problem: {
      format: 'gmki-problem/1',
      name: 'Rotated four-mode 10-D (mode-discovery benchmark)',
      description: ROTATED_DESCRIPTION,
      parameters: Array.from({ length: 10 }, (_, i) => ({ name: `theta${i + 1}`, prior: { mean: 0, std: 2 } })),
      observations: {
        values: [...ROTATED_BIMODAL_DATA],
        noise: { std: [0.25, 0.25, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5] },
      },
      model: { type: 'builtin', name: 'rotated-bimodal-10d' },
      settings: { components: 8, dt: 0.5, iterations: 40, initialization: { type: 'prior' } },
    },
  },
];
