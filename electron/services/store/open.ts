/**
 * Opening the database file: refuse what is not ours without touching it (file-checks.ts, then
 * the file's identity), check its pages (`PRAGMA quick_check`), then WAL, foreign keys, a busy
 * timeout and the pending migrations. Nothing is written to a file before it has been recognised
 * as an undamaged GMKI Studio database whose schema this version knows.
 */
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { StoreError, damaged, sqliteCode, storageFailure } from './errors';
import { checkFileBeforeOpening, notADatabase } from './file-checks';
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
  /**
   * Run `PRAGMA quick_check` before anything is written (default: on a writable open), so that a
   * damaged file is refused at once instead of failing a run half-way. It reads every page: about
   * a second per few hundred MiB (`npm run bench` prints the figure), so read-only commands and
   * a process's second connection to a file it has checked skip it.
   */
  readonly integrityCheck?: boolean;
}

/** `PRAGMA application_id` of GMKI Studio's database files: "GMKI" in ASCII. */
export const GMKI_APPLICATION_ID = 0x474d4b49;

/** Default wait for another connection's write lock. */
export const DEFAULT_BUSY_TIMEOUT_MS = 10_000;

const PAGE_SIZE = 16_384;

/** Opens (creating if needed) and migrates the database at `path`; `:memory:` gives a private in-memory one. */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Database.Database {
  const readonly = options.readonly ?? false;
  const inMemory = path === ':memory:';
  const file = inMemory ? path : resolve(path);
  if (!inMemory) checkFileBeforeOpening(file, readonly);

  const db = loadDatabase(file, options, readonly);
  try {
    const { version, applicationId } = checkIdentity(db, file, readonly);
    if (!inMemory && (options.integrityCheck ?? !readonly)) checkIntegrity(db, file);
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
    if (!readonly) {
      migrate(db);
      // PRAGMA takes no bound parameters; the id is this file's constant.
      if (applicationId !== GMKI_APPLICATION_ID) db.pragma(`application_id = ${GMKI_APPLICATION_ID}`);
    }
    return db;
  } catch (error) {
    db.close();
    throw openFailure(error, file, readonly);
  }
}

/** What went wrong while opening, in the user's terms where SQLite's code says enough. */
function openFailure(error: unknown, file: string, readonly: boolean): unknown {
  const code = sqliteCode(error);
  if (readonly && (code === 'SQLITE_READONLY_DIRECTORY' || code === 'SQLITE_CANTOPEN')) {
    return new StoreError(
      'READ_ONLY',
      `${file} can only be read, and its folder ${dirname(file)} is read-only too: SQLite needs to create a small ` +
        'index file (-shm) beside a database it reads. Copy the database to a folder you can write, and open the copy.',
      { cause: error },
    );
  }
  return storageFailure(error, file) ?? error;
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
    if (sqliteCode(error) !== null) throw openFailure(error, file, readonly);
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

/**
 * Reads the file's identity (the first reads, so also where a damaged header shows) and refuses
 * what is not a GMKI Studio database this version can open: another program's SQLite file (its
 * own application id, or tables but no `runs`) and newer schemas. A file from before application
 * ids were set is recognised by its `runs` table; an empty file is ours to create.
 */
function checkIdentity(db: Database.Database, file: string, readonly: boolean): { version: number; applicationId: number } {
  let version: number;
  let applicationId: number;
  let tables: string[];
  try {
    version = schemaVersion(db);
    applicationId = db.pragma('application_id', { simple: true }) as number;
    tables = db.prepare<[], string>(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name`).pluck().all();
  } catch (error) {
    if (sqliteCode(error) === 'SQLITE_NOTADB') throw notADatabase(file);
    if (sqliteCode(error)?.startsWith('SQLITE_CORRUPT')) throw damaged(file, (error as Error).message, error);
    throw error;
  }
  const ours = applicationId === GMKI_APPLICATION_ID || (applicationId === 0 && (version === 0 ? tables.length === 0 : tables.includes('runs')));
  if (!ours) {
    const whose = applicationId !== 0 ? `application id ${applicationId}` : `tables ${listed(tables)}`;
    throw new StoreError('NOT_A_DATABASE', `${file} is an SQLite database of another program (${whose}), not a GMKI Studio database; nothing was changed.`);
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
  return { version, applicationId };
}

/**
 * `PRAGMA quick_check`: every page of every table and index is read and its structure checked
 * (not that indexes match their tables, which integrity_check adds at several times the cost).
 */
function checkIntegrity(db: Database.Database, file: string): void {
  let findings: string[];
  try {
    findings = db.prepare<[], string>('PRAGMA quick_check(1)').pluck().all();
  } catch (error) {
    const code = sqliteCode(error);
    if (code === 'SQLITE_NOTADB' || code?.startsWith('SQLITE_CORRUPT')) throw damaged(file, (error as Error).message, error);
    throw error;
  }
  if (findings.length !== 1 || findings[0] !== 'ok') throw damaged(file, oneLine(findings.join('; ')));
}

/** quick_check's report on one line, without its "*** in database main ***" heading. */
function oneLine(report: string): string {
  return report
    .replace(/\*\*\* in database \w+ \*\*\*/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function listed(names: readonly string[]): string {
  const shown = names.slice(0, 5).join(', ');
  return names.length > 5 ? `${shown} and ${names.length - 5} more` : shown;
}
