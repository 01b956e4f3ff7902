/**
 * THE channel map: for every channel, the request the renderer sends and the value it gets back.
 * Requests are the schemas' input types (optional fields may be left out); handlers receive the
 * parsed output types.
 */
import type { z } from 'zod';
import type { Channel, EventName } from './channels';
import type { Result } from './result';
import type { RequestSchemas } from './schemas/index';
import type {
  Done,
  DuplicatedProblem,
  EvaluationPage,
  ExampleInfo,
  ExportOutcome,
  IterationHistory,
  LogEntry,
  ProblemFileContent,
  RunDiagnostics,
  RunFields,
  RunList,
  RunProgress,
  RunDeleted,
  RunRecord,
  RunSamples,
  RunStatusChange,
  SavedProblem,
  SavedProblemSummary,
  SettingsDefaults,
  TestEvaluation,
  TestEvaluations,
  ValidationOutcome,
  WrittenFile,
} from './types';

/** What each channel answers with when it succeeds. */
export interface ChannelResponses {
  'problem/validate': ValidationOutcome;
  'problem/examples': readonly ExampleInfo[];
  'problem/test-evaluation': TestEvaluation;
  'problem/test-evaluations': TestEvaluations;
  'problem/read-file': ProblemFileContent;
  'problem/write-file': WrittenFile;
  'problems/list': readonly SavedProblemSummary[];
  'problems/get': SavedProblem;
  'problems/save': SavedProblem;
  'problems/delete': Done;
  'run/start': RunRecord;
  'run/cancel': RunRecord;
  'run/resume': RunRecord;
  'run/extend': RunRecord;
  'runs/list': RunList;
  'runs/tags': readonly { readonly tag: string; readonly runs: number }[];
  'run/get': RunRecord;
  'run/iterations': IterationHistory;
  'run/samples': RunSamples;
  'run/evaluations': EvaluationPage;
  'run/logs': readonly LogEntry[];
  /** null before the run has two iterations. */
  'run/diagnostics': RunDiagnostics | null;
  /** null when the run's problem has no `fields` hook. */
  'run/fields': RunFields | null;
  'run/rename': RunRecord;
  'run/notes': RunRecord;
  'run/tags': RunRecord;
  'run/delete': Done;
  'run/duplicate': DuplicatedProblem;
  'run/export': ExportOutcome;
  'settings/defaults': SettingsDefaults;
}

/** Request and response of every channel. */
export type ChannelMap = {
  readonly [C in Channel]: { readonly request: z.input<RequestSchemas[C]>; readonly response: ChannelResponses[C] };
};

/** What the renderer sends on channel C. */
export type RequestOf<C extends Channel> = ChannelMap[C]['request'];
/** What a handler of channel C receives: the request after its schema (defaults filled in, strings trimmed). */
export type ParsedRequestOf<C extends Channel> = z.output<RequestSchemas[C]>;
/** The value channel C answers with. */
export type ResponseOf<C extends Channel> = ChannelMap[C]['response'];

/** The payload of every event. */
export interface EventMap {
  'run/progress': RunProgress;
  'run/status': RunStatusChange;
  'run/deleted': RunDeleted;
}

/** Keeps EventMap and EVENTS in step: a name in one but not the other fails the typecheck. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const eventsMatch: Same<keyof EventMap, EventName> = true;
const responsesMatch: Same<keyof ChannelResponses, Channel> = true;
void eventsMatch;
void responsesMatch;

/**
 * What the renderer talks to, and all it talks to (architecture.md §1): over IPC in Electron
 * (the preload), over HTTP + server-sent events in a browser (`gmki serve`). Never rejects:
 * failures, transport ones included, arrive as `{ ok: false, error }`.
 */
export interface AppBridge {
  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>>;
  /** Calls `listener` for every event of that name until the returned function is called. */
  subscribe<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void;
}
