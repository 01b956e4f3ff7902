/**
 * One method run in this process through core's ask/tell driver (createInversion), with a
 * built-in model called synchronously — no store, no worker threads. Evaluations are what the
 * method asked: the driver's own count (`forwardEvaluations`), checked against the model calls.
 */
import { createInversion } from '../../core/inversion';
import type { Mixture } from '../../core/gmki/state';
import { evaluationBudget } from '../../core/methods/budget';
import { getBuiltinModel, getExampleProblem, parseProblem, type ProblemFile } from '../../core/problem';
import type { ResolvedProblem } from '../../core/problem/types';

/** What the accuracy measures need of a finished run. */
export interface MethodRun {
  /** The final mixture (GMKI, dfgmvi: the posterior; uki: its one Gaussian; particle methods: their Gaussian summary). */
  readonly mixture: Mixture;
  /** The final particles (J×d, θ = u for the bench's problems); null for mixture methods. */
  readonly particles: Float64Array | null;
  /** Forward evaluations the method asked for (the driver's count). */
  readonly evaluations: number;
  /** The budget its settings declare before the run (`exact`, or smc's `at-most`). */
  readonly declared: { readonly total: number; readonly bound: 'exact' | 'at-most' };
  readonly iterations: number;
}

/** The example problem `exampleId` with `settings` written over its own. */
export function benchProblem(exampleId: string, settings: NonNullable<ProblemFile['settings']>): ResolvedProblem {
  const example = getExampleProblem(exampleId);
  if (!example) throw new Error(`no example problem '${exampleId}'`);
  const file = structuredClone(example.problem) as ProblemFile;
  file.settings = { ...file.settings, ...settings };
  const parsed = parseProblem(file);
  if (!parsed.ok) throw new Error(`${exampleId} with ${JSON.stringify(settings)}: ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  for (const [i, transform] of parsed.problem.transforms.entries())
    if (transform.kind !== 'identity') throw new Error(`${exampleId}: parameter ${i} is bounded; the bench measures L1 in θ = u only`);
  return parsed.problem;
}

/** Runs `problem` to its end with its built-in model, counting every model call. */
export function runMethod(problem: ResolvedProblem): MethodRun {
  if (problem.model.type !== 'builtin') throw new Error(`${problem.name}: the bench runs built-in models only`);
  const model = getBuiltinModel(problem.model.name);
  if (!model) throw new Error(`no built-in model '${problem.model.name}'`);
  const inversion = createInversion(problem);
  let calls = 0;
  while (!inversion.done) {
    const batch = inversion.ask();
    inversion.tell(
      batch.points.map((point) => {
        calls++;
        return Array.from(model.forward(point.theta));
      }),
    );
  }
  if (calls !== inversion.forwardEvaluations)
    throw new Error(`${problem.name}: the driver counted ${inversion.forwardEvaluations} evaluations, the model was called ${calls} times`);
  const { state } = inversion;
  const budget = evaluationBudget(problem.settings, problem.parameterNames.length);
  return {
    mixture: state.mixture,
    particles: state.particles?.positions ?? null,
    evaluations: inversion.forwardEvaluations,
    declared: { total: budget.total, bound: budget.bound },
    iterations: state.iteration,
  };
}
