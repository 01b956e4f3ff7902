/**
 * The run lifecycle (electron/services/runs/lifecycle) as the command line uses it: run ids may
 * be shortened to a unique prefix, and a refusal names the command to type instead — with
 * `--db FILE` when the run is not in the default database, so that it works as printed.
 */
import { defaultDatabasePath, type RunStore } from '../services/store';
import type { LifecycleContext } from '../services/runs/lifecycle';

export function cliLifecycle(store: RunStore): LifecycleContext {
  const db = dbHint(store);
  return {
    store,
    acceptIdPrefix: true,
    remedies: {
      extend: (id) => `add iterations with: gmki runs extend ${id} --iterations N${db}`,
      resume: (id) => `resume it first: gmki runs resume ${id}${db}`,
      cancel: (id) => `cancel it first: gmki runs cancel ${id}${db}`,
    },
  };
}

/** ` --db FILE` when the store is not the default database, '' otherwise. */
export function dbHint(store: Pick<RunStore, 'path'>): string {
  return store.path === defaultDatabasePath() ? '' : ` --db ${JSON.stringify(store.path)}`;
}
