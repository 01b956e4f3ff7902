/**
 * A whole inversion as an ask/tell process: the method of `settings.method` (core/methods) on
 * the problem, with points mapped to physical units for the model and outputs checked on the
 * way back.
 */
import { createMethodEngine, type EngineOptions, type InversionState } from '../methods';
import type { ResolvedProblem } from '../problem/types';
import { checkZeroDensities } from './zero-density';
import { describeOutputProblem, ModelOutputError } from './errors';
import { EvaluationFailuresError, failurePolicyStop, failuresOf } from './failures';
import type { EvaluationBatch, EvaluationPoint, IterationRecord } from './types';

export { gmkiConfigFromSettings } from '../methods';

export interface Inversion {
  readonly problem: ResolvedProblem;
  /** The latest state (iteration 0 = the initial one). */
  readonly state: InversionState;
  /** True once the method says the run is over (for GMKI: `settings.iterations` iterations are done). */
  readonly done: boolean;
  /** Forward evaluations of every iteration (the size of every batch). */
  readonly evaluationsPerIteration: number;
  /** Forward evaluations told so far, counting those of iterations before a resume. */
  readonly forwardEvaluations: number;
  /** The record of the state the inversion started from (iteration 0: no diagnostics yet). */
  readonly initialRecord: IterationRecord;
  /**
   * Computes the heavy part of the next ask() — GMKI's exploration step — with the options'
   * `explorer` (e.g. in worker threads), so that ask() then only builds the points. Optional:
   * ask() alone computes the same thing in this thread, with identical results.
   */
  prepare(): Promise<void>;
  /** The points of the next iteration. Calling it again before `tell` returns the same batch. */
  ask(): EvaluationBatch;
  /**
   * Finishes the iteration with the model's outputs, outputs[i] = G(points[i].theta) (length n_y),
   * or null where the evaluation failed: under `settings.onEvaluationFailure` "skip" the method
   * leaves those points out by its rule and the record lists them (`diagnostics.failures`).
   * @throws ModelOutputError naming the point when an output has the wrong length or is not finite
   * @throws EvaluationFailuresError when the failures stop the run (failures.ts); the iteration
   *   stays pending, nothing changes
   */
  tell(outputs: readonly (readonly number[] | null)[]): IterationRecord;
}

/** How a host runs an inversion's heavy work; results never depend on it. */
export type InversionOptions = EngineOptions;

/** A stored state to continue from; `particles` and `methodState` default to null (GMKI needs neither). */
export type ResumeState = Pick<InversionState, 'iteration' | 'mixture'> & {
  readonly particles?: InversionState['particles'];
  readonly methodState?: InversionState['methodState'];
};

/**
 * Starts an inversion of `problem`, or continues one from a stored state (resume/extend): every
 * method is Markov in its state and draws from random streams derived from the seed (and the
 * iteration), so a resumed run gives exactly what an uninterrupted run would have given. The
 * method is `problem.settings.method` (recorded with the resolved settings of every run).
 */
export function createInversion(problem: ResolvedProblem, resumeFrom?: ResumeState, options: InversionOptions = {}): Inversion {
  const engine = createMethodEngine(problem);
  const start: InversionState = resumeFrom
    ? { iteration: resumeFrom.iteration, mixture: resumeFrom.mixture, particles: resumeFrom.particles ?? null, methodState: resumeFrom.methodState ?? null }
    : engine.initialState();
  const d = problem.parameterNames.length;
  const nY = problem.observations.values.length;
  const perIteration = engine.evaluationsPerIteration;
  let state = start;
  let forwardEvaluations = start.iteration * perIteration;
  let pending: { pending: unknown; batch: EvaluationBatch } | null = null;
  let prepared: { state: InversionState; work: unknown } | null = null;

  const toPhysical = (u: Float64Array): number[] => Array.from(u, (value, i) => problem.transforms[i].toPhysical(value));
  const recordOf = (from: InversionState, diagnostics: IterationRecord['diagnostics']): IterationRecord => ({
    iteration: from.iteration,
    mixture: from.mixture,
    particles: from.particles,
    methodState: from.methodState,
    diagnostics,
    forwardEvaluations,
  });

  return {
    problem,
    get state() {
      return state;
    },
    get done() {
      return engine.isDone(state);
    },
    evaluationsPerIteration: perIteration,
    get forwardEvaluations() {
      return forwardEvaluations;
    },
    initialRecord: recordOf(start, { misfit: [], jitter: [], explorationEss: [] }),
    async prepare() {
      if (!engine.prepare || pending || engine.isDone(state) || prepared?.state === state) return;
      const from = state;
      prepared = { state: from, work: await engine.prepare(from, options) };
    },
    ask() {
      if (engine.isDone(state)) throw new Error(`the run is complete after ${state.iteration} iterations`);
      if (pending) return pending.batch;
      const next = engine.ask(state, prepared?.state === state ? prepared.work : undefined);
      prepared = null;
      const points: EvaluationPoint[] = next.labels.map((label, index) => ({
        index,
        label,
        theta: toPhysical(next.points.subarray(index * d, (index + 1) * d)),
      }));
      pending = { pending: next.pending, batch: { iteration: state.iteration + 1, points } };
      return pending.batch;
    },
    tell(outputs) {
      if (!pending) throw new Error('tell() called without a pending ask()');
      const { batch } = pending;
      if (outputs.length !== batch.points.length) throw new RangeError(`expected ${batch.points.length} outputs, got ${outputs.length}`);
      const values = new Float64Array(batch.points.length * nY);
      const failed = new Uint8Array(batch.points.length);
      let anyFailed = false;
      for (const point of batch.points) {
        const output = outputs[point.index];
        if (output === null) {
          failed[point.index] = 1;
          anyFailed = true;
          continue;
        }
        const problemText = describeOutputProblem(output, nY, problem.output.kind);
        if (problemText) throw new ModelOutputError(batch.iteration, point, problemText, problem.parameterNames);
        values.set(output, point.index * nY);
      }
      if (anyFailed) {
        const stop = failurePolicyStop(failed, problem.settings) ?? engine.failureStop?.(failed) ?? null;
        if (stop)
          throw new EvaluationFailuresError(
            batch.iteration,
            [...failed.keys()].filter((i) => failed[i] === 1),
            stop,
          );
      }
      checkZeroDensities(problem, batch, values, anyFailed ? failed : null);
      const result = engine.tell(pending.pending, values, anyFailed ? failed : null);
      state = result.state;
      pending = null;
      forwardEvaluations += batch.points.length;
      return recordOf(state, anyFailed ? { ...result.diagnostics, failures: failuresOf(batch, failed) } : result.diagnostics);
    },
  };
}
