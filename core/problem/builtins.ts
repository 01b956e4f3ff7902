/**
 * The paper's example forward models (`gmki-algorithm.md` §5.1–5.4), shipped with the app as
 * `{ "type": "builtin", "name": … }` models (`problem-format.md` §2.4). Pure functions of θ in
 * physical units; hosts call `forward`, core never does.
 */

/** A built-in forward model G: R^nTheta → R^nOutputs. */
export interface BuiltinModel {
  readonly name: string;
  readonly description: string;
  readonly nTheta: number;
  readonly nOutputs: number;
  forward(theta: readonly number[]): number[];
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
});

/** The names of the built-in models. */
export const BUILTIN_MODEL_NAMES: readonly string[] = Object.freeze(Object.keys(BUILTIN_MODELS));

/** The built-in model called `name`, or undefined when there is none. */
export function getBuiltinModel(name: string): BuiltinModel | undefined {
  return Object.hasOwn(BUILTIN_MODELS, name) ? BUILTIN_MODELS[name] : undefined;
}
