/**
 * Compare's distance table (issue 10 item 2): how far each run's posterior is from a reference
 * run's, on the parameters they share, from their samples (the rows of each run's samples CSV):
 * the sliced Wasserstein distance W₂ in the reference's standard deviations, and the binned L1
 * distance of each parameter's marginal, averaged over the parameters (core/results/distance.ts).
 * Beside them, the same two numbers between two halves of the reference's own samples: what
 * sampling alone gives at this count, below which a difference means nothing.
 */
import { binnedL1, column, halfOf, sampleStandardDeviations, selectCoordinates, slicedWasserstein, type SampleSet } from '../../../core/results/distance';
import type { RunSampleSet } from '../runs/particles';

/** Random directions of the sliced distance, the same for every run (seed 1). */
export const PROJECTIONS = 100;
/** Bins of each marginal's histogram. */
export const BINS = 40;

/** A run as the table takes it: its parameter names and samples (physical units, its order). */
export interface DistanceInput {
  readonly id: string;
  readonly names: readonly string[];
  readonly samples: RunSampleSet;
}

/** One run's distances to the reference (0 for the reference itself). */
export interface DistanceRow {
  readonly id: string;
  /** Sliced W₂ in the reference's standard deviations. */
  readonly sliced: number;
  /** The mean over the common parameters of the binned L1 of the marginals, in [0, 2]. */
  readonly marginalL1: number;
}

export interface DistanceTable {
  readonly rows: readonly DistanceRow[];
  /** The reference's two interleaved halves compared: the noise of these numbers at this count. */
  readonly noise: { readonly sliced: number; readonly marginalL1: number };
  /** The parameters the distances are measured on. */
  readonly parameters: readonly string[];
}

/** `run`'s samples on `names`, in that order. */
function onNames(run: DistanceInput, names: readonly string[]): SampleSet {
  return selectCoordinates(
    run.samples,
    names.map((name) => run.names.indexOf(name)),
  );
}

function pair(a: SampleSet, b: SampleSet, scales: Float64Array): Omit<DistanceRow, 'id'> {
  const sliced = slicedWasserstein(a, b, { projections: PROJECTIONS, scales, seed: 1 });
  let total = 0;
  for (let i = 0; i < a.d; i++) total += binnedL1(column(a, i), column(b, i), { bins: BINS });
  return { sliced, marginalL1: total / a.d };
}

/**
 * The distances of every run to `reference` on `parameters` (names every run has).
 * @throws RangeError when the reference has fewer than 2 samples or a run lacks a parameter
 */
export function distanceTable(runs: readonly DistanceInput[], referenceId: string, parameters: readonly string[]): DistanceTable {
  const reference = runs.find((run) => run.id === referenceId);
  if (!reference) throw new RangeError(`reference: no run ${referenceId} among the runs compared`);
  for (const run of runs) {
    const missing = parameters.find((name) => !run.names.includes(name));
    if (missing) throw new RangeError(`run ${run.id} has no parameter ${missing}`);
  }
  const ref = onNames(reference, parameters);
  if (ref.count < 2) throw new RangeError(`reference: expected at least 2 samples, got ${ref.count}`);
  const scales = sampleStandardDeviations(ref);
  const rows = runs.map((run) => (run.id === referenceId ? { id: run.id, sliced: 0, marginalL1: 0 } : { id: run.id, ...pair(onNames(run, parameters), ref, scales) }));
  return { rows, noise: pair(halfOf(ref, 0), halfOf(ref, 1), scales), parameters };
}

/** The reference a comparison starts with: the one asked for (the address), else the first smc run, else the first run. */
export function defaultReference(runs: readonly { readonly id: string; readonly method: string }[], asked: string | null): string | null {
  if (asked && runs.some((run) => run.id === asked)) return asked;
  return runs.find((run) => run.method === 'smc')?.id ?? runs[0]?.id ?? null;
}
