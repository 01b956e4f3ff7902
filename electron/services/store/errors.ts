/**
 * The one error class the store throws on purpose. Its `code` survives IPC and comlink as data
 * (house-style: thrown classes do not), and its message is a sentence a user can act on.
 */

export type StoreErrorCode =
  /** The file exists but is not an SQLite database (or is a folder). */
  | 'NOT_A_DATABASE'
  /** The file was written by a newer GMKI Studio whose schema this version does not know. */
  | 'NEWER_SCHEMA'
  /** A read-only store was asked to open a file that still needs a migration. */
  | 'OLDER_SCHEMA'
  /** A read-only store was asked to open a file that does not exist. */
  | 'MISSING_DATABASE'
  /** The SQLite database is damaged (SQLITE_CORRUPT) or a stored array has the wrong size. */
  | 'CORRUPT'
  /** better-sqlite3's native module could not be loaded (wrong ABI, missing Electron build). */
  | 'NATIVE_MODULE'
  /** A caller passed a value the store refuses (empty name, negative count, wrong shape …). */
  | 'INVALID_ARGUMENT'
  | 'RUN_NOT_FOUND'
  /** The run's status does not allow the operation (commit to a run that is not running …). */
  | 'RUN_STATE';

/** An error of the run store, with a machine-readable code and a sentence for the user. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** True for a store error with the given code (works on plain objects that crossed a boundary). */
export function isStoreError(error: unknown, code?: StoreErrorCode): error is StoreError {
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as { name?: unknown; code?: unknown };
  return candidate.name === 'StoreError' && (code === undefined || candidate.code === code);
}

/** SQLite's error code of a better-sqlite3 error (`SQLITE_CONSTRAINT_FOREIGNKEY` …), if any. */
export function sqliteCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}
