/**
 * Why the lifecycle refused: one error class with a code that survives any boundary as data, and
 * a sentence for the user. The sentence starts in lower case without a final full stop, so that
 * each host frames it its own way (`gmki: …` on the command line, `… .` in the app).
 */

export type RunLifecycleErrorCode =
  /** No run has that id (or, where prefixes are accepted, no id starts with it). */
  | 'RUN_NOT_FOUND'
  /** Several ids start with the prefix given. */
  | 'AMBIGUOUS_RUN_ID'
  /** The run's status does not allow the action (contract/run-actions.ts). */
  | 'WRONG_STATUS'
  /** The problem stored with the run no longer validates, so it cannot run again. */
  | 'INVALID_STORED_PROBLEM'
  /** Extending would take the run past the most iterations a run may have (core/problem/limits.ts). */
  | 'TOO_MANY_ITERATIONS'
  /** The run's method has no iterations to add (smc ends where its tempering does). */
  | 'NOT_EXTENSIBLE';

export class RunLifecycleError extends Error {
  override readonly name = 'RunLifecycleError';
  constructor(
    readonly code: RunLifecycleErrorCode,
    message: string,
    /** INVALID_STORED_PROBLEM: every error of the stored problem as `path: message`. */
    readonly problems: readonly string[] = [],
  ) {
    super(message);
  }
}

/** True for a lifecycle error (also a plain object that crossed a boundary), optionally of one code. */
export function isRunLifecycleError(error: unknown, code?: RunLifecycleErrorCode): error is RunLifecycleError {
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as { name?: unknown; code?: unknown };
  return candidate.name === 'RunLifecycleError' && (code === undefined || candidate.code === code);
}
