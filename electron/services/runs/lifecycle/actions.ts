/**
 * Creating, resuming, extending, cancelling and deleting a stored run: the checks and the store
 * changes, the same for the command line and the app. Running is the host's part: the app queues
 * the run in its manager and reports events, the command line supervises it in the terminal.
 */
import { extensionRefusal } from '../../../../core/methods/budget';
import { extensionError } from '../../../../core/problem/limits';
import type { ResolvedProblem } from '../../../../core/problem/types';
import { assertNever } from '../../../../core/util/assertNever';
import { allowsRunAction, type RunAction } from '../../../contract/run-actions';
import { softwareInfo } from '../../results/software';
import { isStoreError } from '../../store/errors';
import type { RunStore } from '../../store/run-store';
import type { NewRun, RunRecord } from '../../store/types';
import { modelFileHash } from '../model-file';
import type { LifecycleContext, RemedyWords } from './context';
import { RunLifecycleError } from './errors';
import { findRun } from './find';
import { requireStoredProblem } from './stored-problem';

/** A stored run and its problem, ready to be queued. */
export interface RunnableRun {
  readonly run: RunRecord;
  readonly problem: ResolvedProblem;
}

export interface NewRunRequest {
  /** The validated problem (settings resolved). */
  readonly problem: ResolvedProblem;
  /** Absolute folder the problem's relative paths (model files) resolve against. */
  readonly problemDir: string;
  /** The run's name; default the problem's. */
  readonly name?: string;
}

/**
 * Stores a new run as `queued` (`prepareNewRun`, then the store's row).
 * @throws ModelLoadError (path `model.path`) when a javascript model's file is missing
 */
export async function createRun(store: RunStore, request: NewRunRequest): Promise<RunRecord> {
  return store.createRun(await prepareNewRun(request));
}

/**
 * The row of a new run, with the SHA-256 of its model file and this build's name and version (the
 * reproducibility record), before any store is touched. Nothing of the user's code runs.
 * @throws ModelLoadError (path `model.path`) when a javascript model's file is missing
 */
export async function prepareNewRun(request: NewRunRequest): Promise<NewRun> {
  const { problem, problemDir } = request;
  const software = softwareInfo();
  return {
    name: request.name ?? problem.name,
    problem: problem.file,
    problemDir,
    nTheta: problem.parameterNames.length,
    softwareName: software.name,
    softwareVersion: software.version,
    modelHash: await modelFileHash(problem.model, problemDir),
  };
}

/**
 * An interrupted or cancelled run, to continue from its last committed iteration.
 * @throws RunLifecycleError RUN_NOT_FOUND, AMBIGUOUS_RUN_ID, WRONG_STATUS, INVALID_STORED_PROBLEM
 */
export function prepareResume(context: LifecycleContext, idOrPrefix: string): RunnableRun {
  const run = requireAction(context, findRun(context, idOrPrefix), 'resume');
  return { run, problem: requireStoredProblem(run) };
}

/**
 * Raises a completed run's iteration target by `iterations`, once its problem with the new target
 * has validated (so a refused extension changes nothing).
 * @throws RunLifecycleError RUN_NOT_FOUND, AMBIGUOUS_RUN_ID, WRONG_STATUS, NOT_EXTENSIBLE,
 *   TOO_MANY_ITERATIONS, INVALID_STORED_PROBLEM
 */
export function extendRun(context: LifecycleContext, idOrPrefix: string, iterations: number): RunnableRun {
  const run = requireAction(context, findRun(context, idOrPrefix), 'extend');
  const fixedLength = extensionRefusal(run.problem.settings.method);
  if (fixedLength) throw new RunLifecycleError('NOT_EXTENSIBLE', `run ${run.id} cannot be extended: ${fixedLength}`);
  const tooMany = extensionError(run.iterations, iterations);
  if (tooMany) throw new RunLifecycleError('TOO_MANY_ITERATIONS', `run ${run.id} cannot be extended: ${tooMany}`);
  const target = run.iterations + iterations;
  const problem = requireStoredProblem({ ...run, iterations: target });
  if (!context.store.setIterationsTarget(run.id, target)) throw new RunLifecycleError('RUN_NOT_FOUND', `run ${run.id} was deleted meanwhile`);
  return { run: findRun(context, run.id), problem };
}

/**
 * Stops a queued or running run: a queued one at once, a running one after the evaluations in
 * flight — through this process's manager, or by a request in the database that the process
 * running it polls.
 * @returns the run as it is now
 * @throws RunLifecycleError RUN_NOT_FOUND, AMBIGUOUS_RUN_ID, WRONG_STATUS
 */
export function cancelRun(context: LifecycleContext, idOrPrefix: string): RunRecord {
  const run = requireAction(context, findRun(context, idOrPrefix), 'cancel');
  if (context.manager) context.manager.cancel(run.id);
  else if (!context.store.requestCancel(run.id)) requireAction(context, findRun(context, run.id), 'cancel'); // it settled meanwhile
  return findRun(context, run.id);
}

/**
 * Deletes a run that is not queued or running, with everything stored for it.
 * @returns the run as it was
 * @throws RunLifecycleError RUN_NOT_FOUND, AMBIGUOUS_RUN_ID, WRONG_STATUS
 */
export function deleteRun(context: LifecycleContext, idOrPrefix: string): RunRecord {
  const run = requireAction(context, findRun(context, idOrPrefix), 'delete');
  try {
    context.store.deleteRun(run.id);
  } catch (error) {
    // Another process started it between the check and the delete.
    if (isStoreError(error, 'RUN_STATE')) throw refusal(context, { ...run, status: 'running' }, 'delete');
    throw error;
  }
  return run;
}

/** The run, when its status allows `action` (contract/run-actions.ts). */
function requireAction(context: LifecycleContext, run: RunRecord, action: RunAction): RunRecord {
  if (allowsRunAction(run.status, action)) return run;
  throw refusal(context, run, action);
}

/** "fix the cause and start a new run": a failed run would meet its failure again. */
const START_ANEW = 'fix the cause and start a new run';

/** Why `action` is refused in the run's status, and what to do instead in the host's words. */
function refusal(context: LifecycleContext, run: Pick<RunRecord, 'id' | 'status'>, action: RunAction): RunLifecycleError {
  return new RunLifecycleError('WRONG_STATUS', refusalSentence(run, action, context.remedies));
}

function refusalSentence({ id, status }: Pick<RunRecord, 'id' | 'status'>, action: RunAction, remedies: RemedyWords): string {
  switch (action) {
    case 'resume': {
      const remedy = status === 'completed' ? remedies.extend(id) : status === 'failed' ? START_ANEW : null;
      return `run ${id} cannot be resumed: it is ${status}${clause(remedy)}`;
    }
    case 'extend': {
      const live = status === 'queued' || status === 'running';
      const remedy = live ? 'wait until it has completed' : status === 'failed' ? START_ANEW : remedies.resume(id);
      return `run ${id} cannot be extended: it is ${status}, and only a completed run can be${clause(remedy)}`;
    }
    case 'cancel':
      return `run ${id} is ${status}: there is nothing to cancel`;
    case 'delete':
      return `run ${id} cannot be deleted while it is ${status}${clause(remedies.cancel(id))}`;
    default:
      return assertNever(action);
  }
}

function clause(remedy: string | null): string {
  return remedy === null ? '' : ` (${remedy})`;
}
