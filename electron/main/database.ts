/**
 * The desktop app's run database: the same file the `gmki` command uses by default, opened with
 * the Electron build of better-sqlite3 (toolchain.md §4). node_modules holds the build for Node
 * (tests, CLI, `gmki serve`); `npm run native:electron` puts the Electron one under native/.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app, dialog } from 'electron';
import { defaultDatabasePath, isStoreError, openRunStore, type RunStore } from '../services/store';

/** Where `npm run native:electron` puts the addon for this Electron version (dev) or the package ships it. */
export function electronNativeBinding(): string | undefined {
  const base = app.isPackaged ? process.resourcesPath : app.getAppPath();
  const path = join(base, 'native', `electron-${process.versions.electron}`, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  return existsSync(path) ? path : undefined;
}

/** Opens the database, or explains in a dialog why it cannot (and returns null). */
export function openAppStore(): RunStore | null {
  const file = defaultDatabasePath();
  try {
    const store = openRunStore(file, { nativeBinding: electronNativeBinding() });
    store.markDeadRunsInterrupted();
    return store;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const hint =
      isStoreError(error, 'NATIVE_MODULE') || !electronNativeBinding()
        ? '\n\nThe database module must be built for this Electron version once: run `npm run native:electron` in the GMKI Studio folder (it needs the internet). The command line (`npx gmki`) works without it.'
        : '';
    dialog.showErrorBox('GMKI Studio cannot open its run database', `${file}\n\n${detail}${hint}`);
    return null;
  }
}
