/**
 * The Darcy flow example (`gmki-algorithm.md` §5.5) as a `gmki-problem/1` file: the built-in
 * model `darcy-2d` (darcy-model.ts), 128 parameters, 28 observations, the truth as the
 * problem's `reference`, and the built-in field hook that maps θ to log κ (builtin-fields.ts).
 * The truth and the data are ours (darcy-data.ts), not the authors'.
 */
import { DARCY_DATA, DARCY_TRUTH } from './darcy-data';
import { DARCY_MODES } from './darcy-model';
import { DARCY_PRIOR_STD } from './darcy-truth';
import type { ExampleProblem } from './examples';

const TITLE = 'Darcy flow 2-D (128 parameters)';

const DESCRIPTION =
  'Recover the permeability κ of a porous medium from 28 pressure measurements: −∇·(κ∇p) = f on the unit square ' +
  '(80×80 finite-difference grid, p = 0 on the boundary, f = 1000·sin(4π x2)), with log κ expanded in 128 cosine ' +
  '(Karhunen–Loève) modes whose coefficients θ1 … θ128 are the parameters. The pressure is measured at 7×7 points and ' +
  'averaged with its mirror image in x1, so a field and its mirror image fit the data almost equally well: the posterior ' +
  'has two modes, θ and its mirror θ_l → (−1)^l1 θ_l. Prior N(0, 10² I), noise std 1; the truth (the reference) was ' +
  "drawn from the prior with gmki's own seeded generator, and the data are its pressures plus noise. Set-up of the " +
  "authors' Darcy example (gmki-algorithm.md §5.5): K = 3, Δt = 0.5, 50 iterations = 38 550 PDE solves of tens of " +
  'milliseconds each, so minutes on a few cores. Unlike the authors, the initial components take the prior covariance ' +
  '(10² I) instead of I.';

export const DARCY_EXAMPLE: ExampleProblem = {
  id: 'darcy-2d',
  fileName: 'darcy-2d.gmki.json',
  title: TITLE,
  description: DESCRIPTION,
  problem: {
    format: 'gmki-problem/1',
    name: TITLE,
    description: DESCRIPTION,
    parameters: Array.from({ length: DARCY_MODES }, (_, i) => ({ name: `theta${i + 1}`, prior: { mean: 0, std: DARCY_PRIOR_STD } })),
    observations: { values: [...DARCY_DATA], noise: { std: 1 } },
    model: { type: 'builtin', name: 'darcy-2d' },
    settings: { method: 'gmki-paper', components: 3, dt: 0.5, iterations: 50, initialization: { type: 'prior' } },
    reference: { theta: [...DARCY_TRUTH], label: 'truth' },
    // log κ of each component's mean and of the truth, as heat maps on the run page.
    fields: { builtin: 'darcy-2d' },
  },
};
