/**
 * A whole inversion as an ask/tell process: GMKI (core/gmki) on the problem's folded target,
 * with points mapped to physical units for the model and outputs checked on the way back.
 */
import { resolveGmkiConfig, type GmkiConfig } from '../gmki/config';
import { exploreInThisThread, type ComponentExplorer, type ExplorationResult } from '../gmki/exploration';
import { evaluationsPerIteration, type PendingIteration } from '../gmki/process';
import { createGmkiStepper } from '../gmki/variants';
import type { GmkiState } from '../gmki/state';
import type { ResolvedProblem, RunSettings } from '../problem/types';
import { describeOutputProblem, ModelOutputError } from './errors';
import { initialMixture } from './initialization';
import { foldPrior } from './target';
import type { EvaluationBatch, EvaluationPoint, IterationRecord } from './types';

export interface Inversion {
  readonly problem: ResolvedProblem;
  /** The latest state (iteration 0 = the initial mixture). */
  readonly state: GmkiState;
  /** True once `settings.iterations` iterations are done. */
  readonly done: boolean;
  /** Forward evaluations told so far, counting those of iterations before a resume. */
  readonly forwardEvaluations: number;
  /** The record of iteration 0 (the initial mixture; no diagnostics yet). */
  readonly initialRecord: IterationRecord;
  /**
   * Computes the heavy part of the next ask() — GMKI's exploration step — with the options'
   * `explorer` (e.g. in worker threads), so that ask() then only builds the points. Optional:
   * ask() alone computes the same thing in this thread, with identical results.
   */
  prepare(): Promise<void>;
  /** The K·(2d+1) points of the next iteration. Calling it again before `tell` returns the same batch. */
  ask(): EvaluationBatch;
  /**
   * Finishes the iteration with the model's outputs, outputs[i] = G(points[i].theta) (length n_y).
   * @throws ModelOutputError naming the point when an output has the wrong length or is not finite
   */
  tell(outputs: readonly (readonly number[])[]): IterationRecord;
}

/** How a host runs an inversion's heavy work; results never depend on it. */
export interface InversionOptions {
  /** Computes the exploration step's components for prepare(); default: in this thread. */
  readonly explorer?: ComponentExplorer;
}

/** The algorithm's configuration from a problem's resolved settings. */
export function gmkiConfigFromSettings(settings: RunSettings): GmkiConfig {
  return {
    method: settings.method,
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

/**
 * Starts an inversion of `problem`, or continues one from a stored state (resume/extend): the
 * random streams depend only on the seed, and both methods are Markov in the state, so a resumed
 * run gives exactly what an uninterrupted run would have given. The method is
 * `problem.settings.method` (recorded with the resolved settings of every run).
 */
export function createInversion(problem: ResolvedProblem, resumeFrom?: GmkiState, options: InversionOptions = {}): Inversion {
  const target = foldPrior(problem);
  const config = resolveGmkiConfig(gmkiConfigFromSettings(problem.settings));
  const stepper = createGmkiStepper(config, target.gmki, problem.prior);
  const start: GmkiState = resumeFrom ?? { iteration: 0, mixture: initialMixture(problem) };
  const d = target.gmki.nTheta;
  const perIteration = evaluationsPerIteration(start.mixture.nComponents, d);
  const nK = start.mixture.nComponents;
  let state = start;
  let forwardEvaluations = start.iteration * perIteration;
  let pending: { iteration: PendingIteration; batch: EvaluationBatch } | null = null;
  let prepared: { state: GmkiState; explored: ExplorationResult } | null = null;

  const toPhysical = (u: Float64Array): number[] => Array.from(u, (value, i) => problem.transforms[i].toPhysical(value));

  return {
    problem,
    get state() {
      return state;
    },
    get done() {
      return state.iteration >= config.iterations;
    },
    get forwardEvaluations() {
      return forwardEvaluations;
    },
    initialRecord: {
      iteration: start.iteration,
      mixture: start.mixture,
      diagnostics: { misfit: [], jitter: [], explorationEss: [] },
      forwardEvaluations,
    },
    async prepare() {
      if (pending || state.iteration >= config.iterations || prepared?.state === state) return;
      const from = state;
      const explored = await stepper.explore(from, options.explorer ?? exploreInThisThread);
      prepared = { state: from, explored };
    },
    ask() {
      if (state.iteration >= config.iterations) throw new Error(`the run has done all ${config.iterations} iterations`);
      if (pending) return pending.batch;
      const next = stepper.ask(state, prepared?.state === state ? prepared.explored : undefined);
      prepared = null;
      const points: EvaluationPoint[] = [];
      for (let index = 0; index < nK * (2 * d + 1); index++) {
        points.push({
          index,
          component: Math.floor(index / (2 * d + 1)),
          sigmaPoint: index % (2 * d + 1),
          theta: toPhysical(next.points.subarray(index * d, (index + 1) * d)),
        });
      }
      pending = { iteration: next, batch: { iteration: next.iteration, points } };
      return pending.batch;
    },
    tell(outputs) {
      if (!pending) throw new Error('tell() called without a pending ask()');
      const { iteration, batch } = pending;
      if (outputs.length !== batch.points.length)
        throw new RangeError(`expected ${batch.points.length} outputs, got ${outputs.length}`);
      const augmented = new Float64Array(batch.points.length * target.nOutputs);
      for (const point of batch.points) {
        const problemText = describeOutputProblem(outputs[point.index], target.nObservations);
        if (problemText) throw new ModelOutputError(batch.iteration, point, problemText, problem.parameterNames);
        const u = iteration.points.subarray(point.index * d, (point.index + 1) * d);
        target.writeAugmentedOutput(u, outputs[point.index], augmented, point.index * target.nOutputs);
      }
      const result = stepper.tell(iteration, augmented);
      state = result.state;
      pending = null;
      forwardEvaluations += batch.points.length;
      return {
        iteration: state.iteration,
        mixture: state.mixture,
        diagnostics: {
          misfit: Array.from(result.diagnostics.misfit),
          jitter: Array.from(result.diagnostics.jitter),
          explorationEss: Array.from(result.diagnostics.effectiveSampleSize, (x) => (Number.isNaN(x) ? null : x)),
          ...(result.diagnostics.nonlinearity && { nonlinearity: Array.from(result.diagnostics.nonlinearity) }),
          ...(result.diagnostics.structuralChanges && { structuralChanges: result.diagnostics.structuralChanges }),
        },
        forwardEvaluations,
      };
    },
  };
}
