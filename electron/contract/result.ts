/**
 * The reply envelope of every channel (house-style "Main process"): thrown errors lose their
 * class across IPC and HTTP, so every reply is data with a machine-readable code and a sentence.
 */

/** Every error code a channel can answer with. */
export const ERROR_CODES = [
  /** The payload does not match the channel's schema, or the channel does not exist. */
  'INVALID_REQUEST',
  /** The run, problem or example named in the request does not exist. */
  'NOT_FOUND',
  /** The problem file breaks a rule of problem-format.md §1; `issues` lists every error. */
  'INVALID_PROBLEM',
  /** The request does not fit the current state (resume a running run, overwrite a file …). */
  'CONFLICT',
  /** The forward model cannot start (missing file, command not found, server unreachable). */
  'MODEL_SETUP',
  /** The file system refused (no such folder, no permission, disk full). */
  'IO',
  /** A bug of ours: the message is short and never carries a stack trace. */
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One located problem: a field path (`runId`, `parameters[1].prior.std`) and a sentence. */
export interface ErrorIssue {
  readonly path: string;
  readonly message: string;
}

/** What a failed request answers. */
export interface AppError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly issues?: readonly ErrorIssue[];
}

/** A channel's reply: the value, or an error with a code. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

/** A successful reply. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** A failed reply; `issues` only when there are any. */
export function fail<T = never>(code: ErrorCode, message: string, issues?: readonly ErrorIssue[]): Result<T> {
  return { ok: false, error: issues && issues.length > 0 ? { code, message, issues } : { code, message } };
}
