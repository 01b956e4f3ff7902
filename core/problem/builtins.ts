/**
 * The paper's example forward models (`gmki-algorithm.md` §5.1–5.5), shipped with the app as
 * `{ "type": "builtin", "name": … }` models (`problem-format.md` §2.4), and the mode-discovery
 * benchmarks of issue 5 (`four-mode-3d`, `rotated-bimodal-10d`). Pure functions of θ in physical
 * units; hosts call `forward`, core never does.
 */
import { DARCY_MODES, DARCY_OUTPUTS, darcyForward } from './darcy-model';
import { randomOrthogonal, rotateToPhi } from './rotation';
import { ANALYTIC_DENSITY_MODELS } from './analytic-densities';

/**
 * A built-in model: a forward model G: R^nTheta → R^nOutputs, or (`output: 'logDensity'`) a
 * log density R^nTheta → [log π] (nOutputs = 1).
 */
export interface BuiltinModel {
  readonly name: string;
  readonly description: string;
  readonly nTheta: number;
  readonly nOutputs: number;
  /** What it returns; absent: predicted observations. */
  readonly output?: 'logDensity';
  /**
   * True for a model that costs milliseconds per evaluation (a PDE solve): hosts evaluate it in
   * `concurrency` worker threads instead of their own thread.
   */
  readonly runsInWorkers?: boolean;
  /** A plain function (no `this`): hosts and tests pass it around on its own. */
  readonly forward: (theta: readonly number[]) => number[];
}

/**
 * The rotation of `rotated-bimodal-10d`: φ = Qᵀθ with Q = randomOrthogonal(10, seed, stream),
 * rebuilt bit-identically from this seed on every machine (core/random).
 */
export const ROTATED_BIMODAL_ROTATION = Object.freeze({ nTheta: 10, seed: 20240617, stream: 'rotated-bimodal-10d' });

const ROTATION_Q = randomOrthogonal(ROTATED_BIMODAL_ROTATION.nTheta, ROTATED_BIMODAL_ROTATION.seed, ROTATED_BIMODAL_ROTATION.stream);

/** A copy of Q (10×10, row-major; column j is the direction of φ_j in θ-space). */
export function rotatedBimodalRotation(): Float64Array {
  return Float64Array.from(ROTATION_Q);
}

/** Every built-in model, by name. */
export const BUILTIN_MODELS: Readonly<Record<string, BuiltinModel>> = Object.freeze({
  'square-map-1d': Object.freeze({
    name: 'square-map-1d',
    description: 'G(θ) = θ²: the one-dimensional square map, bimodal posterior at θ ≈ ±1 (paper §5.1).',
    nTheta: 1,
    nOutputs: 1,
    forward: (theta: readonly number[]) => [theta[0] * theta[0]],
  }),
  'two-modal-2d': Object.freeze({
    name: 'two-modal-2d',
    description: 'G(θ) = (θ2 − θ1)²: two modes along θ2 − θ1 = ±√y (paper §5.2).',
    nTheta: 2,
    nOutputs: 1,
    forward: (theta: readonly number[]) => [(theta[1] - theta[0]) ** 2],
  }),
  'four-modal-2d': Object.freeze({
    name: 'four-modal-2d',
    description: 'G(θ) = [(θ2 − θ1)², (θ2 + θ1)²]: four modes near (±2, 0) and (0, ±2) (paper §5.3).',
    nTheta: 2,
    nOutputs: 2,
    forward: (theta: readonly number[]) => [(theta[1] - theta[0]) ** 2, (theta[1] + theta[0]) ** 2],
  }),
  'circle-2d': Object.freeze({
    name: 'circle-2d',
    description: 'G(θ) = θ1² + θ2²: posterior mass on a circle, a case where GMKI is known to fail (paper §5.4).',
    nTheta: 2,
    nOutputs: 1,
    forward: (theta: readonly number[]) => [theta[0] * theta[0] + theta[1] * theta[1]],
  }),
  'four-mode-3d': Object.freeze({
    name: 'four-mode-3d',
    description:
      'G(θ) = [θ1², θ2², θ1 − θ2 + θ3]: four modes at θ1 ≈ ±√y1, θ2 ≈ ±√y2 whose masses the third, linear ' +
      'observation makes unequal (mode-discovery benchmark 1, issue 5).',
    nTheta: 3,
    nOutputs: 3,
    forward: (theta: readonly number[]) => [theta[0] * theta[0], theta[1] * theta[1], theta[0] - theta[1] + theta[2]],
  }),
  'rotated-bimodal-10d': Object.freeze({
    name: 'rotated-bimodal-10d',
    description:
      'G(θ) = [φ1², φ2², φ3, …, φ10] with φ = Qᵀθ, Q a fixed random orthogonal 10×10 matrix ' +
      `(randomOrthogonal(10, ${ROTATED_BIMODAL_ROTATION.seed}, '${ROTATED_BIMODAL_ROTATION.stream}')): four modes in (φ1, φ2), ` +
      'Gaussian in the other eight directions (mode-discovery benchmark 2, issue 5).',
    nTheta: 10,
    nOutputs: 10,
    forward: (theta: readonly number[]) => {
      const phi = rotateToPhi(ROTATION_Q, theta, 10);
      return [phi[0] * phi[0], phi[1] * phi[1], ...phi.slice(2)];
    },
  }),
  'darcy-2d': Object.freeze({
    name: 'darcy-2d',
    description:
      'Darcy flow −∇·(κ∇p) = 1000·sin(4π x2) on an 80×80 grid, log κ = 128 KL modes: θ ∈ R^128 → 28 mirror-averaged ' +
      'pressure observations; a banded Cholesky solve of 78² unknowns per evaluation (gmki-algorithm.md §5.5).',
    nTheta: DARCY_MODES,
    nOutputs: DARCY_OUTPUTS,
    runsInWorkers: true,
    forward: darcyForward,
  }),
  ...ANALYTIC_DENSITY_MODELS,
});

/** The names of the built-in models. */
export const BUILTIN_MODEL_NAMES: readonly string[] = Object.freeze(Object.keys(BUILTIN_MODELS));

/** The built-in model called `name`, or undefined when there is none. */
export function getBuiltinModel(name: string): BuiltinModel | undefined {
  return Object.hasOwn(BUILTIN_MODELS, name) ? BUILTIN_MODELS[name] : undefined;
}
