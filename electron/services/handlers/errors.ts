/**
 * Turning what a handler throws into the contract's error codes. Known errors of the services
 * keep their sentence; anything else becomes INTERNAL with a short message and never a stack trace.
 */
import type { AppError, ErrorCode, ErrorIssue } from '../../contract/result';
import { isExportError } from '../export/errors';
import { ModelLoadError } from '../models/types';
import { UnreadableFileError } from '../regular-files';
import { isRunLifecycleError, type RunLifecycleErrorCode } from '../runs/lifecycle/errors';
import { isStoreError } from '../store/errors';

/** An error a handler throws on purpose: its code and sentence reach the renderer as they are. */
export class HandlerError extends Error {
  override readonly name = 'HandlerError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: readonly ErrorIssue[],
  ) {
    super(message);
  }
}

const FILE_SYSTEM_WORDS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'it is a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOSPC: 'the disk is full',
  EROFS: 'the file system is read-only',
};

/** The contract's error for anything a handler threw. */
export function toAppError(error: unknown): AppError {
  if (error instanceof HandlerError) return withIssues(error.code, error.message, error.issues);
  if (error instanceof ModelLoadError) {
    return withIssues('MODEL_SETUP', `${error.path}: ${error.message}`, [{ path: error.path, message: error.message }]);
  }
  if (isRunLifecycleError(error)) return { code: LIFECYCLE_CODES[error.code], message: sentence(error.message) };
  if (error instanceof UnreadableFileError) return { code: 'IO', message: error.message };
  if (isStoreError(error)) {
    const code: ErrorCode =
      error.code === 'RUN_NOT_FOUND' ? 'NOT_FOUND' : error.code === 'RUN_STATE' ? 'CONFLICT' : error.code === 'INVALID_ARGUMENT' ? 'INVALID_REQUEST' : 'IO';
    return { code, message: error.message };
  }
  if (isExportError(error)) {
    const code: ErrorCode =
      error.code === 'RUN_NOT_FOUND'
        ? 'NOT_FOUND'
        : error.code === 'FILE_EXISTS' || error.code === 'NO_ITERATIONS'
          ? 'CONFLICT'
          : error.code === 'WRITE_FAILED'
            ? 'IO'
            : error.code === 'INVALID_RUN'
              ? 'INVALID_PROBLEM'
              : error.code === 'UNKNOWN_FORMAT' || error.code === 'INVALID_OPTION' || error.code === 'TOO_LARGE'
                ? 'INVALID_REQUEST'
                : 'INTERNAL';
    return { code, message: error.message };
  }
  const errno = (error as { code?: unknown } | null)?.code;
  if (typeof errno === 'string' && errno in FILE_SYSTEM_WORDS) {
    const path = (error as { path?: unknown }).path;
    return { code: 'IO', message: `${typeof path === 'string' ? `${path}: ` : ''}${FILE_SYSTEM_WORDS[errno]}` };
  }
  return { code: 'INTERNAL', message: `internal error: ${firstLine(error)}` };
}

const LIFECYCLE_CODES: Readonly<Record<RunLifecycleErrorCode, ErrorCode>> = {
  RUN_NOT_FOUND: 'NOT_FOUND',
  AMBIGUOUS_RUN_ID: 'NOT_FOUND',
  WRONG_STATUS: 'CONFLICT',
  INVALID_STORED_PROBLEM: 'INVALID_PROBLEM',
  TOO_MANY_ITERATIONS: 'INVALID_REQUEST',
  NOT_EXTENSIBLE: 'CONFLICT',
};

/** The lifecycle's clause as a sentence: capital first letter, full stop. */
function sentence(clause: string): string {
  return `${clause.charAt(0).toUpperCase()}${clause.slice(1)}.`;
}

function withIssues(code: ErrorCode, message: string, issues?: readonly ErrorIssue[]): AppError {
  return issues && issues.length > 0 ? { code, message, issues } : { code, message };
}

/** The first line of an error's message, cut to 300 characters: enough to report, never a stack. */
function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message || error.name : String(error);
  const line = text.split('\n')[0] ?? '';
  return line.length > 300 ? `${line.slice(0, 297)}…` : line;
}
