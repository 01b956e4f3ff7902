/**
 * Handlers that start and stop runs: start (validate, store, queue), cancel, resume, extend,
 * delete and duplicate. The run manager of this process runs them in worker threads.
 */
import { softwareInfo } from '../results/software';
import { modelFileHash } from '../runs/model-file';
import { problemOfRun } from '../runs/stored-problem';
import type { RunRecord } from '../store/types';
import type { ParsedRequestOf, ResponseOf } from '../../contract/channel-map';
import type { HandlerDeps } from './deps';
import { HandlerError } from './errors';
import { reportStatus, reportWhenSettled } from './events';
import { problemFolder, requireValidProblem } from './problem-input';

/** The run (with its live status, see withLiveStatus), or NOT_FOUND. */
export function requireRun(deps: HandlerDeps, runId: string): RunRecord {
  const run = deps.store.getRun(runId);
  if (!run) throw new HandlerError('NOT_FOUND', `There is no run with id ${runId}.`);
  return withLiveStatus(deps, run);
}

/**
 * A resumed or extended run keeps its stored status (cancelled, interrupted, completed) until its
 * worker claims it; while this process's manager holds it in the queue, it is `queued` for the user.
 */
export function withLiveStatus<T extends { readonly id: string; readonly status: RunRecord['status'] }>(deps: HandlerDeps, run: T): T {
  if (run.status === 'queued' || run.status === 'running' || !deps.manager.active().includes(run.id)) return run;
  return { ...run, status: 'queued', error: null };
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
  const modelHash = await modelFileHash(problem.model, problemDir);
  const software = softwareInfo();
  const run = deps.store.createRun({
    name: request.name ?? problem.name,
    problem: problem.file,
    problemDir,
    nTheta: problem.parameterNames.length,
    softwareName: software.name,
    softwareVersion: software.version,
    modelHash,
  });
  return enqueue(deps, run.id);
}

/** run/cancel: a queued run is cancelled at once; a running one stops after the evaluations in flight. */
export async function cancelRun(deps: HandlerDeps, request: ParsedRequestOf<'run/cancel'>): Promise<ResponseOf<'run/cancel'>> {
  const run = requireRun(deps, request.runId);
  if (run.status !== 'queued' && run.status !== 'running') {
    throw new HandlerError('CONFLICT', `Run ${run.id} is ${run.status}: there is nothing to cancel.`);
  }
  deps.manager.cancel(run.id);
  const after = requireRun(deps, run.id);
  reportStatus(deps.events, after.id, after.status, after.error);
  return after;
}

/** run/resume: continues an interrupted or cancelled run from its last committed iteration. */
export async function resumeRun(deps: HandlerDeps, request: ParsedRequestOf<'run/resume'>): Promise<ResponseOf<'run/resume'>> {
  const run = requireRun(deps, request.runId);
  if (run.status !== 'interrupted' && run.status !== 'cancelled') {
    const hint = run.status === 'completed' ? ' (add iterations with run/extend)' : run.status === 'failed' ? ': fix the cause and start a new run' : '';
    throw new HandlerError('CONFLICT', `Run ${run.id} is ${run.status} and cannot be resumed${hint}.`);
  }
  requireRunnable(run);
  return enqueue(deps, run.id);
}

/** run/extend: adds iterations to a completed run and continues it. */
export async function extendRun(deps: HandlerDeps, request: ParsedRequestOf<'run/extend'>): Promise<ResponseOf<'run/extend'>> {
  const run = requireRun(deps, request.runId);
  if (run.status !== 'completed') {
    const hint = run.status === 'interrupted' || run.status === 'cancelled' ? ' (resume it first)' : '';
    throw new HandlerError('CONFLICT', `Run ${run.id} is ${run.status}; only a completed run can be extended${hint}.`);
  }
  deps.store.setIterationsTarget(run.id, run.iterations + request.iterations);
  requireRunnable(requireRun(deps, run.id));
  return enqueue(deps, run.id);
}

/** run/delete: a queued or running run must be cancelled first. */
export async function deleteRun(deps: HandlerDeps, request: ParsedRequestOf<'run/delete'>): Promise<ResponseOf<'run/delete'>> {
  const run = requireRun(deps, request.runId);
  if (run.status === 'queued' || run.status === 'running') {
    throw new HandlerError('CONFLICT', `Run ${run.id} is ${run.status}; cancel it before deleting it.`);
  }
  deps.store.deleteRun(run.id);
  return { done: true };
}

/**
 * run/duplicate: the run's problem as run (settings resolved, iterations as extended) to open in
 * the editor as a new problem, with the folder its model paths resolve against.
 */
export async function duplicateRun(deps: HandlerDeps, request: ParsedRequestOf<'run/duplicate'>): Promise<ResponseOf<'run/duplicate'>> {
  const run = requireRun(deps, request.runId);
  return { problem: { ...run.problem, settings: { ...run.problem.settings, iterations: run.iterations } }, problemDir: run.problemDir };
}

/** A stored problem that no longer validates (e.g. an older engine's) cannot run again. */
function requireRunnable(run: RunRecord): void {
  const parsed = problemOfRun(run);
  if (!parsed.ok) {
    throw new HandlerError('INVALID_PROBLEM', `The stored problem of run ${run.id} is not valid: ${parsed.errors[0]}`);
  }
}
