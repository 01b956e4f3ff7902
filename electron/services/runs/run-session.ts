/**
 * One session of a run (architecture.md §2 steps 3–4): claims the run, continues from its last
 * committed iteration, drives core's ask/tell with the model host, commits each iteration in one
 * transaction with its ledger rows, and ends the run as completed, failed or cancelled.
 * It runs inside a run worker (run-worker.ts), but is plain code so it can be tested in-process.
 */
import type { ComponentExplorer } from '../../../core/gmki/exploration';
import { createInversion, describeSkippedFailures, EvaluationFailuresError } from '../../../core/inversion';
import type { EvaluationBatch, Inversion, IterationRecord, PointLabel } from '../../../core/inversion';
import { NotPositiveDefiniteError } from '../../../core/linalg/dense';
import { evaluationBudget } from '../../../core/methods/budget';
import type { ResolvedProblem } from '../../../core/problem/types';
import type { CreateModelHost, EvaluationOutcome, ModelHost } from '../models/host';
import { type StoreError, storageFailure } from '../store/errors';
import type { RunStore } from '../store/run-store';
import type { EvaluationEntry, RunOwner, RunRecord, RunStatus } from '../store/types';
import { describeFailedEvaluation, describeFirstFailure } from './failure-message';
import { progressOfRun, type RunProgress } from './progress';
import { problemOfRun } from './lifecycle/stored-problem';
import { createRunLog, type RunLog } from './run-log';

export interface RunSessionDeps {
  readonly store: RunStore;
  readonly createHost: CreateModelHost;
  readonly owner: RunOwner;
  /** Start the run only if it is still in this status (the one it had when it was queued). */
  readonly claimFrom?: RunStatus;
  /** True once the user asked to cancel (checked between evaluations). */
  readonly cancelRequested: () => boolean;
  /** `important` marks events that must not be throttled away (committed iterations, the end). */
  readonly onProgress?: (progress: RunProgress, important: boolean) => void;
  /** Monotonic milliseconds. */
  readonly now?: () => number;
  /** Re-runs of an evaluation whose process crashed. */
  readonly retries?: number;
  /** Told when a command model's process group starts and ends (for the manager's hard stop). */
  readonly onProcessGroup?: (pid: number, event: 'started' | 'ended') => void;
  /** Computes the exploration step's components (e.g. in worker threads); default: in this thread. */
  readonly explorer?: ComponentExplorer;
}

/**
 * Starts the error of a run whose model could not be started (missing export, import error,
 * unreachable server): the problem is unusable as it stands, which the CLI reports as exit 2.
 */
export const MODEL_SETUP_FAILURE = 'the model could not be started';

/** Raised when a run cannot start at all (not found, already running, invalid as stored). */
export class RunStartError extends Error {
  constructor(
    readonly code: 'NOT_FOUND' | 'NOT_RESUMABLE' | 'INVALID_PROBLEM' | 'MODEL_SETUP',
    message: string,
  ) {
    super(message);
    this.name = 'RunStartError';
  }
}

/** Runs `runId` until it completes, fails or is cancelled; returns its final record. */
export async function executeRun(runId: string, deps: RunSessionDeps): Promise<RunRecord> {
  const { store } = deps;
  const now = deps.now ?? (() => performance.now());
  const run = store.getRun(runId);
  if (!run) throw new RunStartError('NOT_FOUND', `there is no run with id ${runId}`);
  const problem = reparse(run);
  if (!store.claimRun(runId, deps.owner, deps.claimFrom)) {
    const current = store.getRun(runId);
    // Cancelled while it waited in the queue (from another process): nothing to do, nothing to say.
    if (current?.status === 'cancelled' && deps.claimFrom === 'queued') return current;
    throw new RunStartError('NOT_RESUMABLE', `run ${runId} is ${current?.status ?? 'gone'} and cannot be started`);
  }
  const sessionStart = now();
  const elapsed = (): number => run.elapsedSeconds + (now() - sessionStart) / 1000;

  const log = createRunLog(store, runId);
  let host: ModelHost | null = null;
  /** How the run ended, when the database could not record it. */
  let unrecorded: SessionOutcome | null = null;
  try {
    host = await createHostOrFail(problem, run, deps, log);
    const outcome = await iterate(run, problem, host, deps, log, elapsed, now);
    log.close(); // the model's last words are stored before the run shows as ended
    store.finishRun(runId, outcome.status, outcome.error, { elapsedSeconds: elapsed() });
  } catch (error) {
    const storage = storageFailure(error, store.path);
    const end = storage ? endOnStorageFailure(storage, store.getRun(runId)?.iterationsDone ?? 0) : failedBy(error);
    log.write('error', end.error!);
    log.close();
    try {
      store.finishRun(runId, end.status, end.error, { elapsedSeconds: elapsed() });
    } catch (again) {
      if (!storage || !storageFailure(again, store.path)) throw again;
      unrecorded = end; // still full: the manager records it later, or the next open finds the owner gone
    }
    if (!(storage || error instanceof RunStartError || error instanceof NotPositiveDefiniteError)) throw error;
  } finally {
    await host?.close();
    log.close(); // what the model wrote while it was closed
  }
  // The run manager announces the end itself: messages from this thread may arrive after the result.
  const final = store.getRun(runId)!;
  return unrecorded ? { ...final, ...unrecorded, ownerPid: null, ownerHost: null } : final;
}

function failedBy(error: unknown): SessionOutcome {
  return { status: 'failed', error: error instanceof NotPositiveDefiniteError ? `numerical failure: ${error.message}` : errorText(error) };
}

/**
 * A full disk (or a file that became read-only) stops the run where it is: the iteration being
 * committed was rolled back whole, the ones before it are stored, so the run is `interrupted`
 * and resumes once there is room. A damaged file fails it: resuming would meet the damage again.
 */
function endOnStorageFailure(failure: StoreError, iterationsDone: number): SessionOutcome {
  if (failure.code === 'CORRUPT') return { status: 'failed', error: failure.message };
  const remedy = failure.code === 'DISK_FULL' ? 'free some space' : failure.code === 'READ_ONLY' ? 'make it writable again' : 'check the disk';
  return { status: 'interrupted', error: `${failure.message}: the run stopped after iteration ${iterationsDone}, which is stored; ${remedy}, then resume it` };
}

function reparse(run: RunRecord): ResolvedProblem {
  const parsed = problemOfRun(run);
  if (!parsed.ok) {
    throw new RunStartError('INVALID_PROBLEM', `the stored problem of run ${run.id} is not valid: ${parsed.errors.join('; ')}`);
  }
  return parsed.problem;
}

async function createHostOrFail(problem: ResolvedProblem, run: RunRecord, deps: RunSessionDeps, log: RunLog): Promise<ModelHost> {
  try {
    return await deps.createHost(problem.model, {
      problemDir: run.problemDir ?? process.cwd(),
      nTheta: problem.parameterNames.length,
      nOutputs: problem.observations.values.length,
      outputKind: problem.output.kind,
      concurrency: problem.settings.concurrency,
      retries: deps.retries ?? 1,
      log: (stream, text) => log.write(stream, text),
      onProcessGroup: deps.onProcessGroup,
    });
  } catch (error) {
    throw new RunStartError('MODEL_SETUP', `${MODEL_SETUP_FAILURE}: ${errorText(error)}`);
  }
}

interface SessionOutcome {
  readonly status: Extract<RunStatus, 'completed' | 'failed' | 'cancelled' | 'interrupted'>;
  readonly error: string | null;
}

async function iterate(
  run: RunRecord,
  problem: ResolvedProblem,
  host: ModelHost,
  deps: RunSessionDeps,
  log: RunLog,
  elapsed: () => number,
  now: () => number,
): Promise<SessionOutcome> {
  const { store } = deps;
  const latest = store.getLatestIteration(run.id);
  const inversion = createInversion(problem, latest ?? undefined, { explorer: deps.explorer });
  if (!latest) store.commitIteration(run.id, { ...inversion.initialRecord, elapsedSeconds: elapsed() }, []);

  let lastRecord: IterationRecord | null = null;
  let failed = 0;
  // "stop": the host stops launching at the first failure; "skip": it evaluates the whole batch and
  // the method leaves the failed points out (core/methods/README.md, "Failed evaluations").
  const skipFailures = problem.settings.onEvaluationFailure === 'skip';
  // smc plans an upper bound of iterations and usually ends earlier: no ETA from that bound.
  const exactBudget = evaluationBudget(problem.settings, problem.parameterNames.length).bound === 'exact';
  const sessionIterationsStart = now();
  const startIteration = inversion.state.iteration;
  // Called after every evaluation: everything it shows is known here, so it reads no database.
  const report = (inFlight: number, doneInBatch: number, important: boolean): void => {
    const current: RunRecord = {
      ...run,
      status: 'running',
      iterationsDone: inversion.state.iteration,
      forwardEvaluations: inversion.forwardEvaluations,
    };
    const perIteration = (now() - sessionIterationsStart) / 1000 / Math.max(1, inversion.state.iteration - startIteration);
    const eta = exactBudget && inversion.state.iteration > startIteration ? perIteration * (current.iterations - inversion.state.iteration) : null;
    deps.onProgress?.(progressOfRun(current, { record: lastRecord, doneInBatch, failed, inFlight, etaSeconds: eta, elapsedSeconds: elapsed() }), important);
  };

  while (!inversion.done) {
    if (deps.cancelRequested()) return { status: 'cancelled', error: 'cancelled by the user' };
    const askStart = now();
    await inversion.prepare();
    const batch = inversion.ask();
    const evaluationStart = now();
    const abort = new AbortController();
    let done = 0;
    const evaluating = host.evaluateBatch(
      batch.points.map((point) => ({ index: point.index, theta: point.theta })),
      {
        signal: abort.signal,
        stopOnFailure: !skipFailures,
        onOutcome: (outcome) => {
          done++;
          if (outcome.failure) failed++;
          if (deps.cancelRequested()) abort.abort();
          report(Math.min(host.slots, batch.points.length - done), done, false);
        },
      },
    );
    // Move committed pages out of the write-ahead log while the model works, so commits stay short.
    store.checkpoint();
    const outcomes = await evaluating;
    const evaluationEnd = now();
    const ledger = outcomes.map((outcome) => ledgerRow(batch, outcome));
    const failure = outcomes.find((outcome) => outcome.failure !== null && outcome.failure !== 'cancelled');
    if (failure && !skipFailures) {
      store.recordEvaluations(run.id, ledger);
      const point = batch.points[failure.index];
      const message = describeFailedEvaluation(batch.iteration, point, failure.failure!, failure.error, problem.parameterNames);
      log.write('error', message);
      return { status: 'failed', error: message };
    }
    if (outcomes.length < batch.points.length || deps.cancelRequested() || outcomes.some((outcome) => outcome.failure === 'cancelled')) {
      store.recordEvaluations(run.id, ledger);
      return { status: 'cancelled', error: `cancelled by the user during iteration ${batch.iteration}` };
    }
    const told = tellSkippingFailures(inversion, batch, outcomes, problem, log);
    if ('error' in told) {
      store.recordEvaluations(run.id, ledger);
      return told;
    }
    const timings = { askMs: evaluationStart - askStart, evaluationMs: evaluationEnd - evaluationStart, tellMs: now() - evaluationEnd };
    lastRecord = { ...told, diagnostics: { ...told.diagnostics, timings } };
    store.commitIteration(run.id, { ...lastRecord, elapsedSeconds: elapsed() }, ledger);
    report(0, 0, true);
  }
  // A method that may end before the iterations it planned (smc) records the iterations it did.
  if (!exactBudget) store.setIterationsTarget(run.id, inversion.state.iteration);
  return { status: 'completed', error: null };
}

/**
 * Tells the batch's outputs (null where an evaluation failed, under "skip"); logs a warning line
 * for an iteration with failures, or returns the failed outcome when they stop the run.
 */
function tellSkippingFailures(
  inversion: Inversion,
  batch: EvaluationBatch,
  outcomes: readonly EvaluationOutcome[],
  problem: ResolvedProblem,
  log: RunLog,
): IterationRecord | SessionOutcome {
  const example = (): string => describeFirstFailure(batch, outcomes, problem.parameterNames) ?? '';
  try {
    const record = inversion.tell(outcomes.map((outcome) => outcome.output));
    const failures = record.diagnostics.failures;
    if (failures)
      log.write(
        'warning',
        `iteration ${batch.iteration}: ${describeSkippedFailures(problem.settings.method, batch.iteration, batch.points.length, failures)}. The first: ${example()}`,
      );
    return record;
  } catch (error) {
    if (!(error instanceof EvaluationFailuresError)) throw error;
    const message = `${error.message}. The first: ${example()}`;
    log.write('error', message);
    return { status: 'failed', error: message };
  }
}

/**
 * The ledger's two label columns: a sigma point is (component k, sigma point i); a particle j is
 * (j, 0), its `component` column counting particles (store README, "The ledger").
 */
function ledgerLabel(label: PointLabel): Pick<EvaluationEntry, 'component' | 'sigmaPoint'> {
  return label.kind === 'sigma-point' ? { component: label.component, sigmaPoint: label.sigmaPoint } : { component: label.particle, sigmaPoint: 0 };
}

function ledgerRow(batch: EvaluationBatch, outcome: EvaluationOutcome): EvaluationEntry {
  const point = batch.points[outcome.index];
  return {
    iteration: batch.iteration,
    pointIndex: point.index,
    ...ledgerLabel(point.label),
    theta: point.theta,
    output: outcome.output,
    error: outcome.error,
    durationMs: outcome.durationMs,
    slot: outcome.slot,
    attempts: outcome.attempts,
  };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
