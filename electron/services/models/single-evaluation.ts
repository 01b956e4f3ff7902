/**
 * One forward evaluation in the model's own host (worker thread, process or HTTP), started and
 * closed around it, as a run would do it: the problem editor's Test evaluation and `gmki eval`;
 * and several θ in one host started once (`evaluateMany`, the prior-predictive check).
 */
import { performance } from 'node:perf_hooks';
import type { ResolvedProblem } from '../../../core/problem/types';
import type { LogStream } from '../store/types';
import { createModelHost } from './host-factory';
import type { CreateModelHost, EvaluationOutcome } from './host';

/** Lines of the model's log kept with the result (the newest). */
const LOG_LINES = 50;

export interface SingleEvaluation {
  /** The outcome (output or failure); null only when the host did not start the evaluation. */
  readonly outcome: EvaluationOutcome | null;
  /** Wall time of the evaluation, host start-up excluded. */
  readonly seconds: number;
  /** Wall time to start the host (workers, processes, the server's size checks). */
  readonly setupSeconds: number;
  /** The model's log (its stdout and stderr lines, restarts), at most the newest 50 lines. */
  readonly log: { readonly stream: LogStream; readonly text: string }[];
}

/**
 * Evaluates G(θ) once with `concurrency` 1 and no retry.
 * @param theta θ in physical units, one per parameter (the caller checks the length)
 * @throws ModelSetupError (a ModelLoadError naming the field) when the model cannot start
 */
export async function evaluateOnce(
  problem: ResolvedProblem,
  problemDir: string,
  theta: readonly number[],
  createHost: CreateModelHost = createModelHost,
): Promise<SingleEvaluation> {
  const { outcomes, seconds, setupSeconds, log } = await evaluateMany(problem, problemDir, [theta], { concurrency: 1, createHost });
  return { outcome: outcomes[0] ?? null, seconds, setupSeconds, log };
}

/** Several evaluations in one host: an outcome per θ (null where the host started none). */
export interface ManyEvaluations extends Omit<SingleEvaluation, 'outcome'> {
  readonly outcomes: readonly (EvaluationOutcome | null)[];
}

/**
 * Evaluates G at every θ in one host started once, `concurrency` at a time, without retries and
 * without stopping at a failure (each θ gets its outcome).
 * @throws ModelSetupError when the model cannot start
 */
export async function evaluateMany(
  problem: ResolvedProblem,
  problemDir: string,
  thetas: readonly (readonly number[])[],
  options: { readonly concurrency: number; readonly createHost?: CreateModelHost },
): Promise<ManyEvaluations> {
  const log: SingleEvaluation['log'] = [];
  const started = performance.now();
  const host = await (options.createHost ?? createModelHost)(problem.model, {
    problemDir,
    nTheta: problem.parameterNames.length,
    nOutputs: problem.observations.values.length,
    outputKind: problem.output.kind,
    concurrency: Math.max(1, Math.min(options.concurrency, thetas.length)),
    retries: 0,
    log: (stream, text) => {
      log.push({ stream, text });
      if (log.length > LOG_LINES) log.shift();
    },
  });
  try {
    const ready = performance.now();
    const done = await host.evaluateBatch(
      thetas.map((theta, index) => ({ index, theta })),
      { stopOnFailure: false },
    );
    const byIndex = new Map(done.map((outcome) => [outcome.index, outcome]));
    const outcomes = thetas.map((_, index) => byIndex.get(index) ?? null);
    return { outcomes, seconds: (performance.now() - ready) / 1000, setupSeconds: (ready - started) / 1000, log };
  } finally {
    await host.close();
  }
}

/** The prior means as written in the problem: θ in physical units, inside any bounds. */
export function priorMeanTheta(problem: ResolvedProblem): number[] {
  const parameters = problem.file.parameters as readonly { readonly prior: { readonly mean: number } }[];
  return parameters.map((parameter) => parameter.prior.mean);
}
