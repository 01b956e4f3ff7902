/**
 * Runs of different problems can only be overlaid on the parameters they share. The overlay
 * builders index parameters by position, so every run's mixture is cut down to the common
 * parameters in one order: the marginal of a Gaussian mixture on some coordinates keeps the
 * weights and takes those rows of the means and those rows and columns of the covariances.
 */
import type { Mixture } from '../../../core/gmki/state';
import type { ParameterTransform } from '../../../core/problem/types';
import type { CompareRun } from '../charts/compare';

/** A run with everything the overlays need, parameters in the run's own order. */
export interface RunPosterior {
  readonly name: string;
  readonly mixture: Mixture;
  readonly names: readonly string[];
  readonly transforms: readonly ParameterTransform[];
  /** The run's reference values (problem-format.md §1.4), in the run's parameter order, or null. */
  readonly reference?: { readonly label: string; readonly values: readonly number[] } | null;
}

/** Names every run has, in the first run's order. */
export function commonParameterNames(runs: readonly { readonly names: readonly string[] }[]): string[] {
  if (runs.length === 0) return [];
  const [first, ...rest] = runs;
  return first.names.filter((name) => rest.every((run) => run.names.includes(name)));
}

/** The mixture's marginal on the coordinates `indices` (in that order). */
export function marginalMixture(mixture: Mixture, indices: readonly number[]): Mixture {
  const d = mixture.nTheta;
  const e = indices.length;
  const K = mixture.nComponents;
  const means = new Float64Array(K * e);
  const covariances = new Float64Array(K * e * e);
  for (let k = 0; k < K; k++) {
    indices.forEach((i, a) => {
      means[k * e + a] = mixture.means[k * d + i];
      indices.forEach((j, b) => (covariances[k * e * e + a * e + b] = mixture.covariances[k * d * d + i * d + j]));
    });
  }
  return { nComponents: K, nTheta: e, logWeights: mixture.logWeights.slice(), means, covariances };
}

/** Every run as the overlay builders take it, restricted to the parameters `names`. */
export function onParameters(runs: readonly RunPosterior[], names: readonly string[]): CompareRun[] {
  return runs.map((run) => {
    const indices = names.map((name) => run.names.indexOf(name));
    if (indices.some((i) => i < 0)) throw new Error(`${run.name} has no parameter ${names[indices.findIndex((i) => i < 0)]}.`);
    return {
      name: run.name,
      mixture: marginalMixture(run.mixture, indices),
      transforms: indices.map((i) => run.transforms[i]),
      parameterNames: [...names],
    };
  });
}

/**
 * The reference the runs share on the parameters `names`, in that order: every run has one, with
 * the same label and the same value of each of these parameters (typically runs of one synthetic
 * problem). Otherwise null: a reference of some runs only would be drawn as if it held for all.
 */
export function sharedReference(runs: readonly RunPosterior[], names: readonly string[]): { label: string; values: number[] } | null {
  const [first] = runs;
  if (!first?.reference || names.length === 0) return null;
  const valuesOf = (run: RunPosterior) => names.map((name) => run.reference?.values[run.names.indexOf(name)]);
  const values = valuesOf(first);
  const same = runs.every((run) => {
    if (run.reference?.label !== first.reference!.label) return false;
    return valuesOf(run).every((value, a) => value !== undefined && value === values[a]);
  });
  return same && values.every((value) => value !== undefined) ? { label: first.reference.label, values: values as number[] } : null;
}
