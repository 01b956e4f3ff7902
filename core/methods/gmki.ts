/**
 * GMKI (gmki-paper, gmki-robust; core/gmki) as a method engine: K·(2d+1) sigma points per
 * iteration on the problem's folded target (`gmki-algorithm.md` §1), Markov in the mixture.
 */
import { resolveGmkiConfig, type GmkiConfig } from '../gmki/config';
import { exploreInThisThread, type ExplorationResult } from '../gmki/exploration';
import { evaluationsPerIteration, type PendingIteration } from '../gmki/process';
import { componentsWithFailures, everyComponentFailed } from '../gmki/skipped';
import { createGmkiStepper } from '../gmki/variants';
import { initialMixture } from '../inversion/initialization';
import { foldPrior } from '../inversion/target';
import { isGmkiMethod, type ResolvedProblem, type RunSettings } from '../problem/types';
import { componentsOf } from './budget';
import type { MethodEngine, PointLabel } from './types';

/**
 * The algorithm's configuration from a problem's resolved settings.
 * @throws RangeError when the settings name a method that is not GMKI
 */
export function gmkiConfigFromSettings(settings: RunSettings): GmkiConfig {
  const method = settings.method;
  if (!isGmkiMethod(method)) throw new RangeError(`method: expected one of GMKI's variants, got ${JSON.stringify(method)}`);
  return {
    method,
    nComponents: settings.components,
    dt: settings.dt,
    iterations: settings.iterations,
    exploration: settings.exploration,
    minWeight: settings.minWeight,
    sigmaPointAlpha: settings.sigmaPointAlpha,
    seed: settings.seed,
    splitThreshold: settings.splitThreshold,
    settleIterations: settings.settleIterations,
    modeSearch: settings.modeSearch,
  };
}

/** The labels of K·(2d+1) sigma points: component k's point i at k(2d+1) + i. */
export function sigmaPointLabels(nComponents: number, nTheta: number): PointLabel[] {
  const perComponent = 2 * nTheta + 1;
  return Array.from({ length: nComponents * perComponent }, (_, index) => ({
    kind: 'sigma-point' as const,
    component: Math.floor(index / perComponent),
    sigmaPoint: index % perComponent,
  }));
}

export function createGmkiEngine(problem: ResolvedProblem): MethodEngine<PendingIteration, ExplorationResult> {
  const target = foldPrior(problem);
  const config = resolveGmkiConfig(gmkiConfigFromSettings(problem.settings));
  const stepper = createGmkiStepper(config, target.gmki, problem.prior);
  const d = target.gmki.nTheta;
  const nK = componentsOf(problem.settings);
  const labels = sigmaPointLabels(nK, d);
  return {
    evaluationsPerIteration: evaluationsPerIteration(nK, d),
    initialState: () => ({ iteration: 0, mixture: initialMixture(problem, stepper.initialNormals), particles: null, methodState: null }),
    isDone: (state) => state.iteration >= config.iterations,
    prepare: (state, options) => stepper.explore(state, options.explorer ?? exploreInThisThread),
    ask(state, explored) {
      const pending = stepper.ask(state, explored);
      return { pending, points: pending.points, labels };
    },
    // A component with a failed sigma point is skipped for the iteration (core/gmki/process.ts,
    // analyzeIteration); with every component skipped nothing would be left to update.
    failureStop: (failed) => everyComponentFailed(failed, nK, d),
    tell(pending, outputs, failed) {
      const nPoints = labels.length;
      const augmented = new Float64Array(nPoints * target.nOutputs);
      for (let i = 0; i < nPoints; i++) {
        target.writeAugmentedOutput(
          pending.points.subarray(i * d, (i + 1) * d),
          outputs.subarray(i * target.nObservations, (i + 1) * target.nObservations),
          augmented,
          i * target.nOutputs,
        );
      }
      const result = stepper.tell(pending, augmented, failed && componentsWithFailures(failed, nK, d));
      const diagnostics = result.diagnostics;
      return {
        state: { ...result.state, particles: null, methodState: null },
        diagnostics: {
          misfit: Array.from(diagnostics.misfit),
          jitter: Array.from(diagnostics.jitter),
          explorationEss: Array.from(diagnostics.effectiveSampleSize, (x) => (Number.isNaN(x) ? null : x)),
          ...(diagnostics.nonlinearity && { nonlinearity: Array.from(diagnostics.nonlinearity) }),
          ...(diagnostics.structuralChanges && { structuralChanges: diagnostics.structuralChanges }),
        },
      };
    },
  };
}
