/**
 * `gmki run PROBLEM`: validate, load the model, drive the inversion's ask/tell loop with the
 * model evaluated in this process, report progress, write the result files, summarise.
 */
import { randomUUID } from 'node:crypto';
import { evaluationsPerIteration } from '../../../core/gmki/process';
import { createInversion } from '../../../core/inversion/index';
import { ModelOutputError } from '../../../core/inversion/errors';
import { NotPositiveDefiniteError } from '../../../core/linalg/dense';
import type { ResolvedProblem } from '../../../core/problem/types';
import { describeEvaluationFailure, evaluateBatch, EvaluationFailure, loadModel, ModelLoadError } from '../../services/models/index';
import type { LoadedModel } from '../../services/models/index';
import type { HistoryEntry } from '../../services/results/index';
import type { RunOptions } from '../args';
import { CliError, EXIT_INVALID, EXIT_OK, EXIT_RUN_FAILED } from '../errors';
import type { CliIo } from '../io';
import { prepareOutputFiles } from '../output-files';
import { loadProblem } from '../problem-input';
import { createProgressReporter } from '../progress';
import { buildRunSummaryJson, formatHumanSummary } from '../summary';
import type { RunOutcome } from '../summary';
import { RESULT_FILE_NAMES, writeRunResults } from './run-results';

export async function runCommand(options: RunOptions, io: CliIo): Promise<number> {
  const { file, dir, problem } = await loadProblem(options.problemFile, options.overrides);
  const outPaths = options.out ? await prepareOutputFiles(options.out, RESULT_FILE_NAMES, options.force) : [];
  const model = await loadModelOrExplain(problem, file, dir);

  const id = randomUUID();
  const started = performance.now();
  const elapsed = (): number => (performance.now() - started) / 1000;
  const { history, error } = await iterate(problem, model, options, io, elapsed);
  const last = history[history.length - 1]!;
  const outcome: RunOutcome = {
    id,
    name: problem.name,
    iteration: last.iteration,
    mixture: last.mixture,
    forwardEvaluations: last.forwardEvaluations,
    // A completed run reports the time of its last iteration, as mixture.json does.
    elapsedSeconds: error === undefined ? last.elapsedSeconds : elapsed(),
    ...(error === undefined ? {} : { error }),
    ...(options.out && error === undefined ? { out: options.out } : {}),
  };

  if (error !== undefined) {
    io.stderr(`gmki: run failed: ${error}\n`);
    if (options.json) io.stdout(`${JSON.stringify(buildRunSummaryJson(outcome))}\n`);
    return EXIT_RUN_FAILED;
  }
  if (outPaths.length > 0) {
    try {
      await writeRunResults(problem, history, outPaths);
    } catch (writeError) {
      const reason = writeError instanceof Error ? writeError.message : String(writeError);
      throw new CliError(EXIT_RUN_FAILED, `gmki: the run completed but its results could not be written: ${reason}`);
    }
  }
  io.stdout(
    options.json
      ? `${JSON.stringify(buildRunSummaryJson(outcome))}\n`
      : formatHumanSummary(outcome, problem.parameterNames, problem.transforms, outPaths),
  );
  return EXIT_OK;
}

async function loadModelOrExplain(problem: ResolvedProblem, file: string, dir: string): Promise<LoadedModel> {
  try {
    return await loadModel(problem.model, dir);
  } catch (error) {
    if (error instanceof ModelLoadError) throw new CliError(EXIT_INVALID, `${file}: ${error.path}: ${error.message}`);
    throw error;
  }
}

/**
 * The ask/tell loop. A model failure or a numerical failure ends the run with a message (the
 * completed iterations are kept in `history`); anything else is a bug and propagates.
 */
async function iterate(
  problem: ResolvedProblem,
  model: LoadedModel,
  options: RunOptions,
  io: CliIo,
  elapsed: () => number,
): Promise<{ history: HistoryEntry[]; error?: string }> {
  const { settings } = problem;
  const inversion = createInversion(problem);
  const history: HistoryEntry[] = [
    { iteration: 0, mixture: inversion.state.mixture, forwardEvaluations: 0, elapsedSeconds: 0 },
  ];
  const progress = createProgressReporter({
    mode: io.stderrIsTTY ? 'bar' : 'lines',
    // With --json, stdout carries only the final JSON object.
    write: io.stderrIsTTY || options.json ? io.stderr : io.stdout,
    totalIterations: settings.iterations,
    evaluationsPerIteration: evaluationsPerIteration(settings.components, problem.parameterNames.length),
    columns: io.stderrColumns,
    elapsed,
  });
  let iteration = 1;
  try {
    while (!inversion.done) {
      const batch = inversion.ask();
      iteration = batch.iteration;
      const outputs = await evaluateBatch(model, batch.points, {
        nOutputs: problem.observations.values.length,
        concurrency: settings.concurrency,
        onEvaluated: (done) => progress.evaluated(done),
      });
      const record = inversion.tell(outputs);
      const elapsedSeconds = elapsed();
      const { mixture, forwardEvaluations } = record;
      history.push({ iteration: record.iteration, mixture, forwardEvaluations, elapsedSeconds });
      progress.iterationDone(record, elapsedSeconds);
    }
    return { history };
  } catch (error) {
    if (error instanceof EvaluationFailure) {
      return { history, error: describeEvaluationFailure(error, iteration, problem.parameterNames) };
    }
    if (error instanceof ModelOutputError) return { history, error: error.message };
    if (error instanceof NotPositiveDefiniteError) {
      return { history, error: `iteration ${iteration}: numerical failure: ${error.message}` };
    }
    throw error;
  } finally {
    progress.finish();
  }
}
