/**
 * The database the CLI works on: `--db FILE`, or the app's own (so runs started here appear in
 * the desktop app and the other way round). A command that writes opens it writable, with its
 * pages checked first, and turns runs left `running` (or `queued`) by a dead process into
 * `interrupted`, ready to resume; a command that only reads opens a file it cannot write
 * read-only, and says so.
 */
import { resolve } from 'node:path';
import { defaultDatabasePath, isStoreError, openRunStore, storageFailure, type RunStore } from '../services/store';
import { CliError, EXIT_INVALID, EXIT_RUN_FAILED } from './errors';
import type { CliIo } from './io';

/** `read`: runs list, show, export. `write`: everything that changes or runs a run. */
export type StoreAccess = 'read' | 'write';

const READ_COMMANDS = 'Reading it works: gmki runs list, runs show and runs export.';

/**
 * @throws CliError (exit 2) naming the file: not a GMKI Studio database, damaged, newer, or — for
 *   `write` — read-only
 */
export function openCliStore(dbOption: string | undefined, access: StoreAccess, io: Pick<CliIo, 'stderr'>): RunStore {
  const path = dbOption ? resolve(dbOption) : defaultDatabasePath();
  let store: RunStore;
  try {
    // The check reads every page; a command that only reads meets any damage where it reads.
    store = openRunStore(path, { integrityCheck: access === 'write' });
  } catch (error) {
    if (!isStoreError(error)) throw error;
    if (error.code !== 'READ_ONLY') throw new CliError(EXIT_INVALID, `gmki: ${error.message}`);
    if (access === 'write') throw new CliError(EXIT_INVALID, `gmki: ${error.message} ${READ_COMMANDS}`);
    store = openReadOnly(path);
    io.stderr(`gmki: note: ${path} cannot be written, so it is opened read-only.\n`);
    return store;
  }
  store.markDeadRunsInterrupted();
  return store;
}

function openReadOnly(path: string): RunStore {
  try {
    return openRunStore(path, { readonly: true });
  } catch (error) {
    if (isStoreError(error)) throw new CliError(EXIT_INVALID, `gmki: ${error.message}`);
    throw error;
  }
}

/**
 * Runs `command` on the store and closes it; a database failure on the way (disk full, a damaged
 * page) becomes a sentence naming the file (exit 1) instead of an internal error.
 */
export async function withStore<T>(store: RunStore, command: (store: RunStore) => Promise<T> | T): Promise<T> {
  try {
    return await command(store);
  } catch (error) {
    const failure = storageFailure(error, store.path);
    if (failure) throw new CliError(EXIT_RUN_FAILED, `gmki: ${failure.message}`);
    throw error;
  } finally {
    store.close();
  }
}
