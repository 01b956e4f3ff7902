/**
 * Opening the database file: refuse what is not ours without touching it, then WAL, foreign keys,
 * a busy timeout and the pending migrations. Nothing is written to a file before it has been
 * recognised as an SQLite database whose schema this version knows.
 */
import { closeSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { StoreError, sqliteCode } from './errors';
import { SCHEMA_VERSION, migrate, schemaVersion } from './migrations/index';

export interface OpenDatabaseOptions {
  /** Path of a `better_sqlite3.node` built for another ABI (the Electron copy, toolchain.md §4). */
  readonly nativeBinding?: string;
  /** Open without writing anything: no WAL switch, no migration. The file must exist and be current. */
  readonly readonly?: boolean;
  /**
   * How long a statement waits for another connection's write lock before SQLITE_BUSY. The CLI
   * and the app write the same file; an iteration commit holds the lock for tens of milliseconds.
   */
  readonly busyTimeoutMs?: number;
}

/** Default wait for another connection's write lock. */
export const DEFAULT_BUSY_TIMEOUT_MS = 10_000;

const PAGE_SIZE = 16_384;

/** The 16 bytes every SQLite 3 database file starts with. */
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Opens (creating if needed) and migrates the database at `path`; `:memory:` gives a private in-memory one. */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Database.Database {
  const readonly = options.readonly ?? false;
  const inMemory = path === ':memory:';
  const file = inMemory ? path : resolve(path);
  if (!inMemory) checkFileBeforeOpening(file, readonly);

  const db = loadDatabase(file, options, readonly);
  try {
    const version = checkSchemaVersion(db, file, readonly);
    if (!readonly) {
      // A new file gets 16 KiB pages (SQLite's default is 4 KiB): an iteration writes ~5 MB of
      // BLOBs (1.3 MB of covariances, 2 570 ledger rows of ~1.3 KB at d = 128, K = 10), and larger
      // pages mean fewer overflow pages and B-tree splits per commit. Ignored for an existing file.
      if (version === 0) db.pragma(`page_size = ${PAGE_SIZE}`);
      // WAL: readers never block the writer, so the app can browse while the CLI runs.
      db.pragma('journal_mode = WAL');
      // NORMAL is durable against a crash of the process (what "a crash loses at most the
      // iteration in progress" needs) and skips an fsync per commit; a power cut may roll back
      // the last commits, never corrupt the file.
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    if (!readonly) migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Refuses folders and non-SQLite files by their first bytes, before SQLite may touch them. */
function checkFileBeforeOpening(file: string, readonly: boolean): void {
  const stats = statSync(file, { throwIfNoEntry: false });
  if (stats === undefined) {
    if (readonly) throw new StoreError('MISSING_DATABASE', `There is no GMKI Studio database at ${file}.`);
    mkdirSync(dirname(file), { recursive: true });
    return;
  }
  if (stats.isDirectory()) throw new StoreError('NOT_A_DATABASE', `${file} is a folder, not a GMKI Studio database file; nothing was changed.`);
  // An empty file is a valid, empty SQLite database.
  if (stats.size === 0) return;
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  if (!header.equals(SQLITE_HEADER)) throw notADatabase(file);
}

function notADatabase(file: string): StoreError {
  return new StoreError('NOT_A_DATABASE', `${file} is not an SQLite database, so GMKI Studio cannot keep runs in it; nothing was changed.`);
}

function loadDatabase(file: string, options: OpenDatabaseOptions, readonly: boolean): Database.Database {
  try {
    return new Database(file, {
      readonly,
      fileMustExist: readonly,
      timeout: options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS,
      ...(options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }),
    });
  } catch (error) {
    if (sqliteCode(error) !== null) throw error;
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new StoreError(
      'NATIVE_MODULE',
      options.nativeBinding === undefined
        ? `The SQLite module (better-sqlite3) could not be loaded: ${reason}. Run \`npm rebuild better-sqlite3\` with the Node.js that runs GMKI Studio.`
        : `The SQLite module built for the desktop app could not be loaded from ${options.nativeBinding}: ${reason}. ` +
            'Run `npm run native:electron` on a machine with network access to build it, or use `npx gmki serve`, which does not need it.',
      { cause: error },
    );
  }
}

/** Reads `user_version` (the first read, so also where a damaged file shows) and refuses what this version cannot open. */
function checkSchemaVersion(db: Database.Database, file: string, readonly: boolean): number {
  let version: number;
  try {
    version = schemaVersion(db);
  } catch (error) {
    if (sqliteCode(error) === 'SQLITE_NOTADB') throw notADatabase(file);
    if (sqliteCode(error) === 'SQLITE_CORRUPT') throw new StoreError('CORRUPT', `${file} is a damaged SQLite database; nothing was changed.`, { cause: error });
    throw error;
  }
  if (version > SCHEMA_VERSION) {
    throw new StoreError(
      'NEWER_SCHEMA',
      `${file} was written by a newer GMKI Studio (schema ${version}, this version knows ${SCHEMA_VERSION}); nothing was changed. Update GMKI Studio to open it.`,
    );
  }
  if (readonly && version < SCHEMA_VERSION) {
    throw new StoreError(
      'OLDER_SCHEMA',
      `${file} has schema ${version} and needs an upgrade to ${SCHEMA_VERSION}, which a read-only open cannot do; open it once with write access.`,
    );
  }
  return version;
}
