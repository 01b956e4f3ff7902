/**
 * The database the CLI works on: `--db FILE`, or the app's own (so runs started here appear in
 * the desktop app and the other way round). Opening it also turns runs left `running` by a dead
 * process into `interrupted`, ready to resume.
 */
import { resolve } from 'node:path';
import { defaultDatabasePath, isStoreError, openRunStore, type RunStore } from '../services/store';
import { CliError, EXIT_INVALID } from './errors';

export function openCliStore(dbOption: string | undefined): RunStore {
  const path = dbOption ? resolve(dbOption) : defaultDatabasePath();
  let store: RunStore;
  try {
    store = openRunStore(path);
  } catch (error) {
    if (isStoreError(error)) throw new CliError(EXIT_INVALID, `gmki: ${error.message}`);
    throw error;
  }
  store.markDeadRunsInterrupted();
  return store;
}
