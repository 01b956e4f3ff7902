/**
 * The one error class the store throws on purpose. Its `code` survives IPC and comlink as data
 * (house-style: thrown classes do not), and its message is a sentence a user can act on; and the
 * translation of SQLite's failures a user can meet (disk full, damaged file) into such errors.
 */
import { statfsSync } from 'node:fs';
import { dirname } from 'node:path';

export type StoreErrorCode =
  /** The path is not a GMKI Studio database: not SQLite, another program's SQLite file, a folder, a device. */
  | 'NOT_A_DATABASE'
  /** The file was written by a newer GMKI Studio whose schema this version does not know. */
  | 'NEWER_SCHEMA'
  /** A read-only store was asked to open a file that still needs a migration. */
  | 'OLDER_SCHEMA'
  /** A read-only store was asked to open a file that does not exist. */
  | 'MISSING_DATABASE'
  /** The SQLite database is damaged (quick_check, SQLITE_CORRUPT) or a stored array has the wrong size. */
  | 'CORRUPT'
  /** The file, or the folder SQLite keeps its write-ahead log in, cannot be written. */
  | 'READ_ONLY'
  /** The disk holding the database is full (SQLITE_FULL, or an I/O error with no space left). */
  | 'DISK_FULL'
  /** Any other failure to read or write the file (SQLITE_IOERR): a failing or removed disk. */
  | 'IO_ERROR'
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

/**
 * The StoreError a failed SQLite call means for the user, naming the database file — disk full,
 * damaged file, read-only — or null for any other error (a bug, a constraint of ours).
 */
export function storageFailure(error: unknown, file: string): StoreError | null {
  if (isStoreError(error) && STORAGE_CODES.has(error.code)) return error;
  const code = sqliteCode(error);
  if (code === null) return null;
  if (code === 'SQLITE_FULL' || (code.startsWith('SQLITE_IOERR') && isDiskFull(file))) return diskFull(file, error);
  if (code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT_') || code === 'SQLITE_NOTADB') return damaged(file, (error as Error).message, error);
  if (code.startsWith('SQLITE_READONLY')) {
    return new StoreError('READ_ONLY', `${file} cannot be written (${(error as Error).message}): is the file or its folder read-only?`, { cause: error });
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return new StoreError('IO_ERROR', `reading or writing ${file} failed (${(error as Error).message}, ${code}): is the disk failing, or was it removed?`, {
      cause: error,
    });
  }
  return null;
}

const STORAGE_CODES = new Set<StoreErrorCode>(['DISK_FULL', 'IO_ERROR', 'CORRUPT', 'READ_ONLY']);

export function diskFull(file: string, cause?: unknown): StoreError {
  return new StoreError('DISK_FULL', `the disk is full (${file})`, { cause });
}

/** A damaged database: what SQLite found, that nothing was changed, and how to get the runs back. */
export function damaged(file: string, finding: string, cause?: unknown): StoreError {
  return new StoreError(
    'CORRUPT',
    `${file} is damaged (SQLite found: ${finding}); nothing was changed. Keep a copy of it. SQLite can usually recover ` +
      `what is readable into a new file — sqlite3 ${JSON.stringify(file)} .recover | sqlite3 recovered.sqlite — which GMKI Studio ` +
      'can then open; or move the damaged file away to start with an empty database.',
    { cause },
  );
}

/** True when the file system holding `file` has (almost) no space left for SQLite to write a page. */
function isDiskFull(file: string): boolean {
  try {
    const stats = statfsSync(dirname(file));
    return stats.bavail * stats.bsize < 64 * 1024;
  } catch {
    return false;
  }
}
