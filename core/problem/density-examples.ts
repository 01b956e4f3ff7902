/**
 * UM-Bridge's analytic benchmark densities (analytic-densities.ts) as example problems: a model
 * that returns log π(θ) (`"output": "logDensity"`, `problem-format.md` §2.6), run with `dfgmvi`,
 * the derivative-free Gaussian-mixture method that works from a log density (`smc` runs them
 * too). The parameters' mean and std only set where the methods start: a log posterior holds
 * its own prior. Grid references and measured accuracy: test/core/methods/log-density-targets.test.ts.
 */
import type { ExampleProblem } from './examples';
import type { ProblemFile } from './schema';

interface DensityExample {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** Mean and std of both parameters' initial distribution. */
  readonly start: { readonly mean: number; readonly std: number };
  readonly components: number;
}

const COMMON =
  'The model returns log π(θ) (a log-density model: no observations, no prior of its own); dfgmvi fits a mixture of Gaussians to it from ' +
  'K·5 evaluations per iteration. Try smc on it too (Run setup → method).';

const DENSITIES: readonly DensityExample[] = [
  {
    id: 'gaussian-mixture',
    title: 'Gaussian mixture 2-D (UM-Bridge analytic benchmark)',
    description: "UM-Bridge's analytic Gaussian mixture: three round Gaussians at (−1.5, −1.5), (1.5, 1.5) and (−2, 2), variances 0.8, 0.8 and 0.5, equal masses. ",
    start: { mean: 0, std: 3 },
    components: 10,
  },
  {
    id: 'banana',
    title: 'Banana 2-D (UM-Bridge analytic benchmark)',
    description: "UM-Bridge's analytic banana: a correlated Gaussian bent into an arc x2 ≈ 1.2 − 0.2·x1², x1 from about −4 to 4. ",
    start: { mean: 0, std: 3 },
    components: 20,
  },
  {
    id: 'donut',
    title: 'Donut 2-D (UM-Bridge analytic benchmark)',
    description: "UM-Bridge's analytic donut: log π = −(‖θ‖ − 2.6)²/0.033, all mass on a thin ring of radius 2.6. Many components are needed to cover the ring. ",
    start: { mean: 0, std: 3 },
    components: 20,
  },
  {
    id: 'funnel',
    title: "Neal's funnel 2-D (UM-Bridge analytic benchmark)",
    description:
      "UM-Bridge's analytic funnel (Neal 2003): θ1 ~ N(0, 3²) and θ2 ~ N(0, exp(θ1)), a wide mouth for θ1 > 0 and a thin neck for θ1 < 0 that Gaussians fit poorly. ",
    start: { mean: 0, std: 3 },
    components: 20,
  },
];

function example(density: DensityExample): ExampleProblem {
  const id = `${density.id}-density-2d`;
  const description = density.description + COMMON;
  const problem: ProblemFile = {
    format: 'gmki-problem/1',
    name: density.title,
    description,
    parameters: ['theta1', 'theta2'].map((name) => ({ name, prior: { mean: density.start.mean, std: density.start.std } })),
    prior: 'none',
    model: { type: 'builtin', name: `analytic-${density.id}`, output: 'logDensity', logDensity: 'posterior' },
    settings: { method: 'dfgmvi', components: density.components, dt: 0.5, iterations: 60, initialization: { type: 'prior' } },
  };
  return { id, fileName: `${id}.gmki.json`, title: density.title, description, problem };
}

/** The four density examples, in UM-Bridge's order. */
export const DENSITY_EXAMPLES: readonly ExampleProblem[] = DENSITIES.map(example);
