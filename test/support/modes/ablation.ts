/**
 * gmki-robust with one ingredient changed at a time, on the mode-discovery benchmarks: the
 * measurements behind each ingredient (`npm run bench:modes -- --ablation`). Drives the same
 * stepper createInversion uses, with RobustOptions other than the run defaults.
 */
import { resolveGmkiConfig } from '../../../core/gmki/config';
import { createGmkiStepper } from '../../../core/gmki/variants';
import type { GmkiState } from '../../../core/gmki/state';
import { foldPrior, gmkiConfigFromSettings, initialMixture } from '../../../core/inversion';
import { robustOptionsFromConfig, type RobustOptions } from '../../../core/gmki/robust/options';
import { getBuiltinModel } from '../../../core/problem';
import { massRatios, mixtureBasinMasses } from './basins';
import { benchmarkProblem, type BenchmarkRun, type ModeBenchmark } from './benchmarks';

export interface AblationVariant {
  readonly name: string;
  readonly change: Partial<RobustOptions>;
}

/** The full method, then each ingredient turned off or replaced. */
export const ABLATION_VARIANTS: readonly AblationVariant[] = [
  { name: 'gmki-robust (all ingredients)', change: {} },
  { name: 'paper weight rule (likelihood at the mean)', change: { evidenceWeights: false } },
  { name: 'centre-point ȳ for every component', change: { predictedOutput: 'centre' } },
  { name: 'unscented ȳ for every component', change: { predictedOutput: 'unscented' } },
  { name: 'no split/merge (and no mode search)', change: { splitMerge: false } },
  { name: 'no mode search', change: { modeSearch: false } },
  { name: 'split on curvature alone (no turning-point test)', change: { splitRule: 'curvature' } },
  { name: 'iid initial means', change: { latinHypercube: false } },
];

/** Runs gmki-robust with `change` applied to its options on one benchmark and seed. */
export function runAblation(benchmark: ModeBenchmark, seed: number, change: Partial<RobustOptions>): BenchmarkRun {
  const problem = benchmarkProblem(benchmark, 'gmki-robust', seed);
  const model = problem.model.type === 'builtin' ? getBuiltinModel(problem.model.name) : undefined;
  if (!model) throw new Error(`${benchmark.id}: benchmarks use built-in models`);
  const config = resolveGmkiConfig(gmkiConfigFromSettings(problem.settings));
  const options = { ...robustOptionsFromConfig(config), ...change };
  const target = foldPrior(problem);
  const stepper = createGmkiStepper(config, target.gmki, problem.prior, options);
  let state: GmkiState = { iteration: 0, mixture: initialMixture(problem, stepper.initialNormals) };
  const d = problem.parameterNames.length;
  let evaluations = 0;
  while (state.iteration < config.iterations) {
    const pending = stepper.ask(state);
    const nPoints = pending.points.length / d;
    const outputs = new Float64Array(nPoints * target.nOutputs);
    for (let p = 0; p < nPoints; p++) {
      const u = pending.points.subarray(p * d, (p + 1) * d);
      const theta = Array.from(u, (value, i) => problem.transforms[i].toPhysical(value));
      target.writeAugmentedOutput(u, model.forward(theta), outputs, p * target.nOutputs);
    }
    evaluations += nPoints;
    state = stepper.tell(pending, outputs).state;
  }
  const ratios = massRatios(mixtureBasinMasses(state.mixture, benchmark.basinFunctionals()), benchmark.trueBasinMasses());
  return {
    l1: benchmark.l1(state.mixture),
    evaluations,
    massRatios: ratios,
    allModesFound: ratios.every((r) => r >= 1 / 3),
    extra: benchmark.extra?.(state.mixture) ?? {},
    final: state.mixture,
  };
}
