/**
 * The runs of Compare on one or two parameters, each drawn from what its posterior is: a mixture
 * run from its mixture (the marginal of the mixture on those coordinates), a particle run (eki,
 * eks, smc) from its particles — a kernel density estimate of them for the marginal curve, the
 * particles themselves for the pair's scatter. The Gaussian summary of a particle run would hide
 * its modes.
 */
import { isParticleMethod } from '../../../core/methods/budget';
import { selectCoordinates } from '../../../core/results/distance';
import { kernelDensityMixture } from '../../../core/results/kernel-density';
import type { CompareRun } from '../charts/compare';
import type { RunSampleSet } from '../runs/particles';
import { onParameters, type RunPosterior } from './common-parameters';

/** A run's posterior on Compare, with its method and, once loaded, its samples (physical units, its own parameter order). */
export interface ComparedPosterior extends RunPosterior {
  readonly method: string;
  readonly samples: RunSampleSet | null;
}

/** Whether the run is drawn from its samples: a particle run whose particles have arrived. */
export function drawnFromSamples(run: ComparedPosterior): boolean {
  return isParticleMethod(run.method) && run.samples !== null;
}

/**
 * `run` on the parameters `names` (one or two), as the overlay builders take it. A particle run
 * without its samples yet is drawn from its Gaussian summary, like a mixture (the screen says so).
 * @throws Error when the run lacks one of the parameters
 */
export function compareRunOn(run: ComparedPosterior, names: readonly string[]): CompareRun {
  const base = onParameters([run], names)[0]!;
  if (!drawnFromSamples(run)) return base;
  const indices = names.map((name) => run.names.indexOf(name));
  const transforms = base.transforms!;
  const shown = selectCoordinates(run.samples!, indices);
  const e = indices.length;
  const unconstrained = Float64Array.from(shown.samples as Float64Array, (theta, k) => transforms[k % e]!.toUnconstrained(theta));
  const { mixture } = kernelDensityMixture({ samples: unconstrained, count: shown.count, d: e }, { maxComponents: 1000 });
  return { ...base, mixture, points: shown.samples as Float64Array };
}
