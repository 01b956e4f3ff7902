/**
 * Handlers that start and stop runs: start (validate, store, queue), cancel, resume, extend,
 * delete and duplicate. The decisions are the run lifecycle's (services/runs/lifecycle); these
 * queue runs in this process's run manager, which runs them in worker threads, and report events.
 */
import {
  cancelRun as cancelStoredRun,
  createRun,
  deleteRun as deleteStoredRun,
  extendRun as extendStoredRun,
  findRun,
  prepareResume,
  problemFileAsRun,
  type LifecycleContext,
} from '../runs/lifecycle';
import type { RunRecord } from '../store/types';
import type { ParsedRequestOf, ResponseOf } from '../../contract/channel-map';
import type { HandlerDeps } from './deps';
import { reportStatus, reportWhenSettled } from './events';
import { problemFolder, requireValidProblem } from './problem-input';

/** The lifecycle as the app uses it: exact run ids, this process's manager, refusals naming the app's buttons. */
export function appLifecycle(deps: HandlerDeps): LifecycleContext {
  return {
    store: deps.store,
    manager: deps.manager,
    remedies: {
      extend: () => 'extend it to add iterations',
      resume: () => 'resume it first',
      cancel: () => 'cancel it first',
    },
  };
}

/** The run with its live status, or NOT_FOUND. */
export function requireRun(deps: HandlerDeps, runId: string): RunRecord {
  return findRun(appLifecycle(deps), runId);
}

/** Queues a stored run in this process's manager and reports its status now and when it settles. */
function enqueue(deps: HandlerDeps, runId: string): RunRecord {
  deps.manager.enqueue(runId);
  reportWhenSettled(deps.manager, deps.store, deps.events, runId);
  const run = requireRun(deps, runId);
  reportStatus(deps.events, run.id, run.status, run.error);
  return run;
}

/**
 * run/start: validates the problem (every error at once), checks its model file and records its
 * hash, stores the run as `queued` and queues it. The reply comes before any evaluation.
 */
export async function startRun(deps: HandlerDeps, request: ParsedRequestOf<'run/start'>): Promise<ResponseOf<'run/start'>> {
  const problem = requireValidProblem(request.problem, deps.cpuCount);
  const problemDir = await problemFolder(request.problemDir, deps.defaultProblemDir);
  const run = await createRun(deps.store, { problem, problemDir, name: request.name });
  return enqueue(deps, run.id);
}

/** run/cancel: a queued run is cancelled at once; a running one stops after the evaluations in flight. */
export async function cancelRun(deps: HandlerDeps, request: ParsedRequestOf<'run/cancel'>): Promise<ResponseOf<'run/cancel'>> {
  const after = cancelStoredRun(appLifecycle(deps), request.runId);
  reportStatus(deps.events, after.id, after.status, after.error);
  return after;
}

/** run/resume: continues an interrupted or cancelled run from its last committed iteration. */
export async function resumeRun(deps: HandlerDeps, request: ParsedRequestOf<'run/resume'>): Promise<ResponseOf<'run/resume'>> {
  const { run } = prepareResume(appLifecycle(deps), request.runId);
  return enqueue(deps, run.id);
}

/** run/extend: adds iterations to a completed run and continues it. */
export async function extendRun(deps: HandlerDeps, request: ParsedRequestOf<'run/extend'>): Promise<ResponseOf<'run/extend'>> {
  const { run } = extendStoredRun(appLifecycle(deps), request.runId, request.iterations);
  return enqueue(deps, run.id);
}

/** run/delete: a queued or running run must be cancelled first. */
export async function deleteRun(deps: HandlerDeps, request: ParsedRequestOf<'run/delete'>): Promise<ResponseOf<'run/delete'>> {
  const run = deleteStoredRun(appLifecycle(deps), request.runId);
  deps.events.emit('run/deleted', { runId: run.id });
  return { done: true };
}

/**
 * run/duplicate: the run's problem as run (settings resolved, iterations as extended) to open in
 * the editor as a new problem, with the folder its model paths resolve against.
 */
export async function duplicateRun(deps: HandlerDeps, request: ParsedRequestOf<'run/duplicate'>): Promise<ResponseOf<'run/duplicate'>> {
  const run = requireRun(deps, request.runId);
  return { problem: problemFileAsRun(run), problemDir: run.problemDir };
}
