/**
 * Native file dialogs of the desktop app, exposed by the preload as `window.gmkiDialogs` next to
 * the AppBridge. They are not channels: `gmki serve` has no dialogs (a browser cannot show the
 * server's file system), so the screens fall back to a path field where this is absent.
 * Every method resolves with an absolute path, or null when the user cancelled; it rejects only
 * for a caller's bug (options the main process refuses, named field by field).
 * After saveFile the system dialog has already asked whether to replace an existing file, so a
 * write to the chosen path passes `overwrite: true` (problem/write-file, run/export).
 */

export interface FileFilter {
  readonly name: string;
  /** Extensions without the dot: `['json']`. */
  readonly extensions: readonly string[];
}

export interface OpenFileOptions {
  readonly title?: string;
  readonly filters?: readonly FileFilter[];
  /** Pick a folder instead of a file. */
  readonly folder?: boolean;
  readonly defaultPath?: string;
}

export interface SaveFileOptions {
  readonly title?: string;
  readonly filters?: readonly FileFilter[];
  readonly defaultPath?: string;
}

export interface DesktopDialogs {
  openFile(options: OpenFileOptions): Promise<string | null>;
  saveFile(options: SaveFileOptions): Promise<string | null>;
}
