/**
 * What is checked about a database path before SQLite may touch it: that it is a regular file
 * (or nothing yet) whose first bytes say SQLite, and — for a writable open — that the file and its
 * folder can be written, since SQLite keeps its write-ahead log (`-wal`, `-shm`) and journals
 * beside the database. A path that fails is left exactly as it was: SQLite on `/dev/null` would
 * create `/dev/null-journal`, on a read-only file fail half-way.
 */
import { accessSync, closeSync, constants, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { StoreError } from './errors';

/** The 16 bytes every SQLite 3 database file starts with. */
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * @throws StoreError NOT_A_DATABASE (folder, device, not SQLite), MISSING_DATABASE (read-only open
 *   of a missing file), READ_ONLY (writable open of a file or folder that cannot be written)
 */
export function checkFileBeforeOpening(file: string, readonly: boolean): void {
  const stats = statSync(file, { throwIfNoEntry: false });
  if (stats === undefined) {
    if (readonly) throw new StoreError('MISSING_DATABASE', `There is no GMKI Studio database at ${file}.`);
    createFolder(file);
    return;
  }
  if (stats.isDirectory()) throw new StoreError('NOT_A_DATABASE', `${file} is a folder, not a GMKI Studio database file; nothing was changed.`);
  if (!stats.isFile()) {
    throw new StoreError(
      'NOT_A_DATABASE',
      `${file} is not a regular file (it is a device, a pipe or a socket), so it cannot hold a GMKI Studio database; nothing was changed.`,
    );
  }
  // An empty file is a valid, empty SQLite database.
  if (stats.size > 0 && !startsWithSqliteHeader(file)) throw notADatabase(file);
  if (readonly) return;
  if (!writable(file)) throw new StoreError('READ_ONLY', `${file} is read-only (there is no permission to write it).`);
  if (!writable(dirname(file))) {
    throw new StoreError('READ_ONLY', `${file} cannot be written: its folder ${dirname(file)} is read-only, and SQLite keeps its write-ahead log beside the database.`);
  }
}

export function notADatabase(file: string): StoreError {
  return new StoreError('NOT_A_DATABASE', `${file} is not an SQLite database, so GMKI Studio cannot keep runs in it; nothing was changed.`);
}

/** The folder of a new database file: created when missing, and it must be writable. */
function createFolder(file: string): void {
  const folder = dirname(file);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new StoreError('READ_ONLY', `Cannot create ${file}: the folder ${folder} cannot be created (${(error as Error).message}).`, { cause: error });
  }
  if (!statSync(folder).isDirectory()) throw new StoreError('NOT_A_DATABASE', `Cannot create ${file}: ${folder} is not a folder.`);
  if (!writable(folder)) throw new StoreError('READ_ONLY', `Cannot create ${file}: the folder ${folder} is read-only.`);
}

function startsWithSqliteHeader(file: string): boolean {
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  return header.equals(SQLITE_HEADER);
}

/** Whether this process may write `path` (permissions, read-only mounts), as the kernel says. */
function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
