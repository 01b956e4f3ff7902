/**
 * Where the database lives by default: the app's data folder, the one Electron's
 * `app.getPath('userData')` gives for the product name "GMKI Studio", so that `gmki` on a terminal
 * and the desktop app share one file. `GMKI_DATA_DIR` overrides the folder (tests, portable setups).
 */
import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

export const APP_FOLDER_NAME = 'GMKI Studio';
export const DATABASE_FILE_NAME = 'gmki.sqlite';

/** What the path depends on, injectable for tests; defaults to this process's environment. */
export interface LocationContext {
  readonly env?: NodeJS.ProcessEnv;
  readonly platform?: NodeJS.Platform;
  readonly home?: string;
}

/**
 * The app's data folder: Linux `$XDG_CONFIG_HOME/GMKI Studio` (default `~/.config/GMKI Studio`),
 * macOS `~/Library/Application Support/GMKI Studio`, Windows `%APPDATA%\GMKI Studio`;
 * `GMKI_DATA_DIR` when set.
 */
export function dataDirectory(context: LocationContext = {}): string {
  const env = context.env ?? process.env;
  const platform = context.platform ?? process.platform;
  const home = context.home ?? homedir();
  const path = platform === 'win32' ? win32 : posix;
  if (env.GMKI_DATA_DIR) return path.resolve(env.GMKI_DATA_DIR);
  switch (platform) {
    case 'win32':
      return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
    default:
      // As Electron does: XDG_CONFIG_HOME only when it is an absolute path.
      return path.join(env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(home, '.config'), APP_FOLDER_NAME);
  }
}

/** The database file the CLI and the app use unless told otherwise (`--db`, a setting). */
export function defaultDatabasePath(context: LocationContext = {}): string {
  const platform = context.platform ?? process.platform;
  return (platform === 'win32' ? win32 : posix).join(dataDirectory(context), DATABASE_FILE_NAME);
}
