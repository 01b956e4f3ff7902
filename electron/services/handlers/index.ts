/**
 * The handlers of every channel (architecture.md §1): plain functions `(deps, request)` that the
 * Electron IPC gate, `gmki serve` and the tests call alike. `createHandlers` wraps each into a
 * function that answers a `Result`; `dispatch` is the one gate for payloads of unknown shape:
 * channel → schema → handler → Result, errors as codes, never a stack trace.
 */
import type { Channel } from '../../contract/channels';
import { isChannel } from '../../contract/channels';
import type { ParsedRequestOf, ResponseOf } from '../../contract/channel-map';
import type { Result } from '../../contract/result';
import { fail } from '../../contract/result';
import { REQUEST_SCHEMAS } from '../../contract/schemas/index';
import type { HandlerDeps } from './deps';
import { toAppError } from './errors';
import { exportRunHandler } from './exports';
import { deleteProblem, getProblem, listExamples, listProblems, saveProblem, validateProblem } from './problems';
import { readProblemFile, writeProblemFile } from './problem-files';
import { getDiagnostics, getEvaluations, getIterations, getLogs, getRun, listRunTags, listRuns, renameRun, setNotes, setTags } from './run-data';
import { requestIssues, requestMessage } from './request-issues';
import { getRunFields } from './run-fields';
import { getRunSamples } from './run-samples';
import { cancelRun, deleteRun, duplicateRun, extendRun, resumeRun, startRun } from './runs';
import { settingsDefaults } from './settings';
import { testEvaluation, testEvaluations } from './test-evaluation';

export type { HandlerDeps } from './deps';
export { connectRunEvents, createEventHub } from './events';
export type { EventHub } from './events';
export { HandlerError, toAppError } from './errors';

/** A channel's handler: a parsed request in, its value out; it throws to fail (see toAppError). */
export type Handler<C extends Channel> = (deps: HandlerDeps, request: ParsedRequestOf<C>) => Promise<ResponseOf<C>>;

/** Every channel's handler; a channel without one fails the typecheck. */
export const HANDLERS: { readonly [C in Channel]: Handler<C> } = {
  'problem/validate': validateProblem,
  'problem/examples': listExamples,
  'problem/test-evaluation': testEvaluation,
  'problem/test-evaluations': testEvaluations,
  'problem/read-file': readProblemFile,
  'problem/write-file': writeProblemFile,
  'problems/list': listProblems,
  'problems/get': getProblem,
  'problems/save': saveProblem,
  'problems/delete': deleteProblem,
  'run/start': startRun,
  'run/cancel': cancelRun,
  'run/resume': resumeRun,
  'run/extend': extendRun,
  'runs/list': listRuns,
  'runs/tags': listRunTags,
  'run/get': getRun,
  'run/iterations': getIterations,
  'run/samples': getRunSamples,
  'run/evaluations': getEvaluations,
  'run/logs': getLogs,
  'run/diagnostics': getDiagnostics,
  'run/fields': getRunFields,
  'run/rename': renameRun,
  'run/notes': setNotes,
  'run/tags': setTags,
  'run/delete': deleteRun,
  'run/duplicate': duplicateRun,
  'run/export': exportRunHandler,
  'settings/defaults': settingsDefaults,
};

/** The handlers bound to `deps`, each answering a Result (for callers whose requests are already typed). */
export type BoundHandlers = { readonly [C in Channel]: (request: ParsedRequestOf<C>) => Promise<Result<ResponseOf<C>>> };

/** Binds every handler to `deps`; a handler's throw becomes `{ ok: false, error }` with its code. */
export function createHandlers(deps: HandlerDeps): BoundHandlers {
  const bound = {} as Record<Channel, (request: never) => Promise<Result<unknown>>>;
  for (const channel of Object.keys(HANDLERS) as Channel[]) {
    const handler = HANDLERS[channel] as (deps: HandlerDeps, request: unknown) => Promise<unknown>;
    bound[channel] = async (request: unknown) => {
      try {
        return { ok: true, value: await handler(deps, request) };
      } catch (error) {
        return { ok: false, error: toAppError(error) };
      }
    };
  }
  return bound as unknown as BoundHandlers;
}

/** `dispatch(channel, payload)`: the gate for payloads from IPC or HTTP. */
export type Dispatch = (channel: string, payload: unknown) => Promise<Result<unknown>>;

/**
 * Parses `payload` with the channel's schema (INVALID_REQUEST naming each field that does not
 * fit; a missing payload counts as `{}`), then calls the handler.
 */
export function createDispatch(deps: HandlerDeps): Dispatch {
  const handlers = createHandlers(deps);
  return async (channel, payload) => {
    if (!isChannel(channel)) return fail('INVALID_REQUEST', `unknown channel ${JSON.stringify(channel)}`);
    const parsed = REQUEST_SCHEMAS[channel].safeParse(payload ?? {}, { reportInput: true });
    if (!parsed.success) {
      const issues = requestIssues(parsed.error);
      return fail('INVALID_REQUEST', requestMessage(channel, issues), issues);
    }
    return (handlers[channel] as (request: unknown) => Promise<Result<unknown>>)(parsed.data);
  };
}
