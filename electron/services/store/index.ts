/**
 * The run store: every run, committed iteration, forward evaluation and log line in one SQLite
 * file shared by the CLI and the app (architecture.md §4). `openRunStore` is the one entry point;
 * each concern prepares its statements once per store in its own file and contributes methods.
 */
import type Database from 'better-sqlite3';
import { iterationMethods } from './iterations';
import { ledgerMethods } from './ledger';
import { listingMethods } from './listing';
import { logMethods } from './logs';
import { openDatabase } from './open';
import { problemMethods } from './problems';
import type { RunStore } from './run-store';
import { runMethods } from './runs';
import { tagMethods } from './tags';

export { StoreError, isStoreError, storageFailure, type StoreErrorCode } from './errors';
export { currentOwner, isOwnerAlive } from './liveness';
export { dataDirectory, defaultDatabasePath } from './location';
export { MAX_LOG_TEXT } from './logs';
export { SCHEMA_VERSION } from './migrations/index';
export type { RunStore } from './run-store';
export * from './types';

export interface OpenRunStoreOptions {
  /** Path of a `better_sqlite3.node` built for Electron's ABI (toolchain.md §4); Node's own build otherwise. */
  readonly nativeBinding?: string;
  /** Read without writing anything (no WAL switch, no migration); every write method then throws. */
  readonly readonly?: boolean;
  /** How long to wait for another process's write lock (default 10 s). */
  readonly busyTimeoutMs?: number;
  /** Check every page (`PRAGMA quick_check`) before writing anything; default on a writable open (open.ts). */
  readonly integrityCheck?: boolean;
}

/**
 * Opens the database at `path`, creating the file and its folder when missing and migrating it to
 * the current schema. Throws a `StoreError`: `NOT_A_DATABASE` (not SQLite, another program's
 * SQLite file, a device), `NEWER_SCHEMA` (written by a newer GMKI Studio), `CORRUPT` (damaged
 * pages), `READ_ONLY` (a writable open of a file or folder that cannot be written),
 * `NATIVE_MODULE` (addon not loadable) — in each case the file is left as it was.
 */
export function openRunStore(path: string, options: OpenRunStoreOptions = {}): RunStore {
  const db = openDatabase(path, options);
  return {
    path: db.name,
    readonly: db.readonly,
    ...runMethods(db),
    ...listingMethods(db),
    ...tagMethods(db),
    ...iterationMethods(db),
    ...ledgerMethods(db),
    ...logMethods(db),
    ...problemMethods(db),
    checkpoint() {
      if (!db.readonly && !db.memory) db.pragma('wal_checkpoint(PASSIVE)');
    },
    close() {
      closeDatabase(db);
    },
  };
}

function closeDatabase(db: Database.Database): void {
  if (!db.open) return;
  try {
    // Lets SQLite refresh the planner statistics the listing indexes depend on; cheap when nothing changed.
    if (!db.readonly) db.pragma('optimize');
  } catch {
    // Only statistics: a full disk must not keep the file open (and its folder's mount busy).
  }
  db.close();
}
