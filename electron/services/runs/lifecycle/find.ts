/** Finding a run by its id (or a unique prefix of it), with the status the user should see. */
import type { RunRecord, RunStatus } from '../../store/types';
import type { LifecycleContext } from './context';
import { RunLifecycleError } from './errors';

/**
 * The run with this id — or, where the host accepts prefixes, the one run whose id starts with
 * it — with its live status (`withLiveStatus`).
 * @throws RunLifecycleError RUN_NOT_FOUND, AMBIGUOUS_RUN_ID
 */
export function findRun(context: LifecycleContext, idOrPrefix: string): RunRecord {
  const { store } = context;
  const exact = store.getRun(idOrPrefix);
  if (exact) return withLiveStatus(context, exact);
  const matches = context.acceptIdPrefix ? store.findRunIds(idOrPrefix) : [];
  if (matches.length > 1) {
    throw new RunLifecycleError('AMBIGUOUS_RUN_ID', `several runs in ${store.path} have an id starting with '${idOrPrefix}': give more of the id`);
  }
  const match = matches.length === 1 ? store.getRun(matches[0]!) : null;
  if (match) return withLiveStatus(context, match);
  throw new RunLifecycleError('RUN_NOT_FOUND', `there is no run with id '${idOrPrefix}' in ${store.path}`);
}

/**
 * A resumed or extended run keeps its stored status (cancelled, interrupted, completed) until its
 * worker claims it; while this process's manager holds it in the queue, it is `queued` for the user.
 */
export function withLiveStatus<T extends { readonly id: string; readonly status: RunStatus; readonly error: string | null }>(
  context: Pick<LifecycleContext, 'manager'>,
  run: T,
): T {
  if (run.status === 'queued' || run.status === 'running' || !context.manager?.active().includes(run.id)) return run;
  return { ...run, status: 'queued', error: null };
}
