/** Handlers that read and annotate stored runs: lists, one run, its iterations, diagnostics, ledger and log, names, notes, tags. */
import { diagnoseRun } from '../../../core/results/diagnostics';
import { problemWarnings } from '../../../core/problem/warnings';
import { problemOfRun } from '../runs/lifecycle/stored-problem';
import type { IterationEntry } from '../store/types';
import type { IterationData } from '../../contract/types';
import type { ParsedRequestOf, ResponseOf } from '../../contract/channel-map';
import type { HandlerDeps } from './deps';
import { withLiveStatus } from '../runs/lifecycle';
import { requireRun } from './runs';

/** Default page size of runs/list: a screenful with room; the browser pages or filters for more. */
const DEFAULT_RUN_PAGE = 200;

/** runs/list: newest first, with the total matching the query. */
export async function listRuns(deps: HandlerDeps, request: ParsedRequestOf<'runs/list'>): Promise<ResponseOf<'runs/list'>> {
  const query = { search: request.search, status: request.status, tag: request.tag };
  return {
    runs: deps.store.listRuns({ ...query, limit: request.limit ?? DEFAULT_RUN_PAGE, offset: request.offset ?? 0 }).map((run) => withLiveStatus(deps, run)),
    total: deps.store.countRuns(query),
  };
}

/** runs/tags: every tag in use with its number of runs. */
export async function listRunTags(deps: HandlerDeps): Promise<ResponseOf<'runs/tags'>> {
  return deps.store.listTags();
}

/** run/get */
export async function getRun(deps: HandlerDeps, request: ParsedRequestOf<'run/get'>): Promise<ResponseOf<'run/get'>> {
  return requireRun(deps, request.runId);
}

/** run/iterations: the mixture of every committed iteration (or a range) as plain arrays. */
export async function getIterations(deps: HandlerDeps, request: ParsedRequestOf<'run/iterations'>): Promise<ResponseOf<'run/iterations'>> {
  const run = requireRun(deps, request.runId);
  const parameters = (run.problem.parameters ?? []) as readonly { name: string }[];
  return {
    runId: run.id,
    parameterNames: parameters.map((parameter) => parameter.name),
    space: 'unconstrained',
    iterations: deps.store.getIterations(run.id, { from: request.from, to: request.to }).map(toIterationData),
  };
}

/** Float64Arrays (row-major) to nested number arrays, log-weights to weights. */
export function toIterationData(entry: IterationEntry): IterationData {
  const { nComponents: k, nTheta: d, logWeights, means, covariances } = entry.mixture;
  const rows = (data: Float64Array, offset: number, n: number, m: number) =>
    Array.from({ length: n }, (_, i) => Array.from(data.subarray(offset + i * m, offset + (i + 1) * m)));
  return {
    iteration: entry.iteration,
    weights: Array.from(logWeights, Math.exp),
    means: rows(means, 0, k, d),
    covariances: Array.from({ length: k }, (_, c) => rows(covariances, c * d * d, d, d)),
    diagnostics: entry.diagnostics,
    forwardEvaluations: entry.forwardEvaluations,
    elapsedSeconds: entry.elapsedSeconds,
  };
}

/**
 * run/diagnostics: what in the run's result deserves a second look (core/results/diagnostics.ts,
 * as `gmki runs show` reports it), with the run's own weight floor; null before two iterations.
 */
export async function getDiagnostics(deps: HandlerDeps, request: ParsedRequestOf<'run/diagnostics'>): Promise<ResponseOf<'run/diagnostics'>> {
  const run = requireRun(deps, request.runId);
  const history = deps.store.getIterations(run.id);
  const problem = problemOfRun(run);
  const warnings = problem.ok ? problemWarnings(problem.problem) : [];
  return history.length > 1 ? diagnoseRun(history, { minWeight: run.problem.settings.minWeight, problemWarnings: warnings }) : null;
}

/** run/evaluations: a page of the ledger. */
export async function getEvaluations(deps: HandlerDeps, request: ParsedRequestOf<'run/evaluations'>): Promise<ResponseOf<'run/evaluations'>> {
  const run = requireRun(deps, request.runId);
  const filter = { iteration: request.iteration, failedOnly: request.failedOnly };
  return {
    evaluations: deps.store.getEvaluations(run.id, { ...filter, limit: request.limit ?? 1000, offset: request.offset ?? 0 }),
    total: deps.store.countEvaluations(run.id, filter),
  };
}

/** run/logs: lines after `afterSeq`, to follow a log as it grows. */
export async function getLogs(deps: HandlerDeps, request: ParsedRequestOf<'run/logs'>): Promise<ResponseOf<'run/logs'>> {
  const run = requireRun(deps, request.runId);
  return deps.store.getLogs(run.id, { afterSeq: request.afterSeq, limit: request.limit });
}

/** run/rename (the store changes nothing when there is no such run: NOT_FOUND then). */
export async function renameRun(deps: HandlerDeps, request: ParsedRequestOf<'run/rename'>): Promise<ResponseOf<'run/rename'>> {
  deps.store.renameRun(request.runId, request.name);
  return requireRun(deps, request.runId);
}

/** run/notes */
export async function setNotes(deps: HandlerDeps, request: ParsedRequestOf<'run/notes'>): Promise<ResponseOf<'run/notes'>> {
  deps.store.setNotes(request.runId, request.notes);
  return requireRun(deps, request.runId);
}

/** run/tags: replaces the run's tags. */
export async function setTags(deps: HandlerDeps, request: ParsedRequestOf<'run/tags'>): Promise<ResponseOf<'run/tags'>> {
  deps.store.setTags(request.runId, request.tags);
  return requireRun(deps, request.runId);
}
