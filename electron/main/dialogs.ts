/**
 * Native file dialogs for the renderer (electron/contract/dialogs.ts), behind the same sender
 * check as the IPC gate: only the app's own page may open them, with options checked field by
 * field, on the window that asked (so the dialog is modal to it).
 */
import type { BrowserWindow, Dialog, IpcMain, IpcMainInvokeEvent, OpenDialogOptions, SaveDialogOptions, WebContents } from 'electron';
import { z } from 'zod';
import { DESKTOP_IPC } from '../contract/desktop';
import type { OpenFileOptions, SaveFileOptions } from '../contract/dialogs';
import { requestIssues } from '../services/handlers/request-issues';
import { isAppPage } from './sender';

const filters = z
  .array(
    z.strictObject({
      name: z.string().min(1).max(100),
      // `*` is "all files"; anything else is an extension without its dot.
      extensions: z
        .array(z.string().regex(/^(\*|[A-Za-z0-9_-]{1,20})$/, 'expected an extension without the dot, or *'))
        .min(1)
        .max(20),
    }),
  )
  .max(20);
const title = z.string().max(200);
const defaultPath = z
  .string()
  .min(1)
  .max(4096)
  .refine((path) => !path.includes('\0'), 'expected a path without NUL characters');

export const OPEN_OPTIONS = z.strictObject({ title: title.optional(), filters: filters.optional(), folder: z.boolean().optional(), defaultPath: defaultPath.optional() });
export const SAVE_OPTIONS = z.strictObject({ title: title.optional(), filters: filters.optional(), defaultPath: defaultPath.optional() });

export interface DialogHandlerOptions {
  readonly ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  readonly dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  /** The window of a sender (BrowserWindow.fromWebContents). */
  readonly windowOf: (sender: WebContents) => BrowserWindow | null;
  readonly appUrl: string;
}

/**
 * Registers `gmki:dialog/open` and `gmki:dialog/save`; returns the function that removes them.
 * They resolve with the chosen absolute path or null (cancelled), and reject — a caller's bug,
 * never the user's — for a foreign sender or options that do not fit.
 */
export function registerDialogs({ ipcMain, dialog, windowOf, appUrl }: DialogHandlerOptions): () => void {
  const checked = <T>(event: IpcMainInvokeEvent, schema: z.ZodType<T>, options: unknown, what: string): T => {
    if (!isAppPage(event.senderFrame?.url, appUrl)) throw new Error('unknown sender');
    const parsed = schema.safeParse(options ?? {}, { reportInput: true });
    if (!parsed.success) {
      throw new Error(
        `invalid ${what} options: ${requestIssues(parsed.error)
          .map((i) => `${i.path}: ${i.message}`)
          .join('; ')}`,
      );
    }
    return parsed.data;
  };

  ipcMain.handle(DESKTOP_IPC.openDialog, async (event, options: unknown) => {
    const request: OpenFileOptions = checked(event, OPEN_OPTIONS, options, 'open dialog');
    const settings: OpenDialogOptions = {
      ...common(request),
      properties: [request.folder ? 'openDirectory' : 'openFile', 'createDirectory'],
    };
    const window = windowOf(event.sender);
    const result = window ? await dialog.showOpenDialog(window, settings) : await dialog.showOpenDialog(settings);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  });

  ipcMain.handle(DESKTOP_IPC.saveDialog, async (event, options: unknown) => {
    const request: SaveFileOptions = checked(event, SAVE_OPTIONS, options, 'save dialog');
    // The system dialog asks before replacing a file, so callers may then write with overwrite.
    const settings: SaveDialogOptions = { ...common(request), properties: ['createDirectory', 'showOverwriteConfirmation'] };
    const window = windowOf(event.sender);
    const result = window ? await dialog.showSaveDialog(window, settings) : await dialog.showSaveDialog(settings);
    return result.canceled || !result.filePath ? null : result.filePath;
  });

  return () => {
    ipcMain.removeHandler(DESKTOP_IPC.openDialog);
    ipcMain.removeHandler(DESKTOP_IPC.saveDialog);
  };
}

function common(request: SaveFileOptions): { title?: string; defaultPath?: string; filters?: { name: string; extensions: string[] }[] } {
  return {
    ...(request.title !== undefined ? { title: request.title } : {}),
    ...(request.defaultPath !== undefined ? { defaultPath: request.defaultPath } : {}),
    ...(request.filters ? { filters: request.filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })) } : {}),
  };
}
