/**
 * The end of `gmki run`, `runs resume` and `runs extend`: supervise the stored run, then write
 * the result files and the summary, and choose the exit status from how the run ended.
 */
import type { ResolvedProblem } from '../../../core/problem/types';
import type { RunStore } from '../../services/store';
import { MODEL_SETUP_FAILURE } from '../../services/runs/run-session';
import { EXIT_INVALID, EXIT_OK, EXIT_RUN_FAILED } from '../errors';
import type { CliIo } from '../io';
import { dbHint } from '../run-lifecycle';
import { temperingOutcome } from '../method-lines';
import { diagnoseStoredRun, diagnosticsJson, formatDiagnostics } from '../run-diagnostics';
import { superviseRun } from '../supervise';
import { buildRunSummaryJson, formatHumanSummary } from '../summary';
import type { RunOutcome } from '../summary';
import { writeRunResults } from './run-results';

export interface OutcomeOptions {
  readonly io: CliIo;
  readonly json: boolean;
  /** mixture.json and samples.csv paths, checked beforehand (empty: no files). */
  readonly outPaths: readonly string[];
  readonly out: string | undefined;
  /** --force: replace result files that exist. */
  readonly force: boolean;
}

export async function finishSupervisedRun(store: RunStore, runId: string, problem: ResolvedProblem, options: OutcomeOptions): Promise<number> {
  const { io } = options;
  const record = await superviseRun(store, runId, io, options.json);
  const iterations = store.getIterations(runId);
  const last = iterations[iterations.length - 1];
  const completed = record.status === 'completed';
  if (completed && options.outPaths.length > 0) await writeRunResults(store, runId, options.outPaths, options.force);

  const outcome: RunOutcome = {
    id: record.id,
    status: record.status,
    name: record.name,
    method: record.method,
    iteration: last?.iteration ?? 0,
    mixture: last?.mixture ?? null,
    forwardEvaluations: record.forwardEvaluations,
    failedEvaluations: store.countEvaluations(runId, { failedOnly: true }),
    elapsedSeconds: record.elapsedSeconds,
    ...(record.error === null ? {} : { error: record.error }),
    ...(completed && options.out ? { out: options.out } : {}),
  };
  const diagnostics = completed ? diagnoseStoredRun(iterations, problem.settings.minWeight, problem) : null;
  const smc = last?.diagnostics.smc;
  const tempering = completed ? temperingOutcome(smc, problem.settings.maxStages) : null;
  if (options.json) {
    const diagnosed = diagnosticsJson(diagnostics);
    const evidence = smc ? { logEvidence: smc.logEvidence, beta: smc.beta, stages: smc.stage } : {};
    io.stdout(`${JSON.stringify({ ...buildRunSummaryJson(outcome, problem), ...evidence, ...(diagnosed ? { diagnostics: diagnosed } : {}) })}\n`);
  }
  if (completed) {
    if (!options.json) {
      io.stdout(formatHumanSummary(outcome, problem.parameterNames, problem.transforms, options.outPaths, problem.reference));
      if (tempering && !tempering.warning) io.stdout(`${tempering.text}\n`);
      io.stdout(`Stored as run ${record.id} in ${store.path}.\n`);
    }
    if (tempering?.warning) io.stderr(`warning: ${tempering.text}\n`);
    io.stderr(formatDiagnostics(diagnostics, false));
    return EXIT_OK;
  }
  if (record.status === 'interrupted') {
    io.stderr(`gmki: run ${record.id} stopped: ${record.error}\ncontinue it with: gmki runs resume ${record.id}${dbHint(store)}\n`);
    return EXIT_RUN_FAILED;
  }
  if (record.status === 'cancelled') {
    io.stderr(`gmki: run ${record.id} cancelled after ${outcome.iteration} iterations; continue it with: gmki runs resume ${record.id}${dbHint(store)}\n`);
    return EXIT_RUN_FAILED;
  }
  io.stderr(`gmki: run failed: ${record.error ?? record.status}\n`);
  const setupFailed = record.iterationsDone === 0 && (record.error ?? '').startsWith(MODEL_SETUP_FAILURE);
  return setupFailed ? EXIT_INVALID : EXIT_RUN_FAILED;
}
