/**
 * The native-dialog handlers with a stand-in ipcMain and dialog: only the app page may open them,
 * options are checked field by field, the dialog is modal to the sender's window, and the answer
 * is the chosen path or null.
 */
import { describe, expect, it, vi } from 'vitest';
import { DESKTOP_IPC } from '../../../electron/contract/desktop';
import { registerDialogs } from '../../../electron/main/dialogs';

const APP_URL = 'file:///opt/gmki/out/renderer/index.html';
type Handler = (event: unknown, options: unknown) => Promise<string | null>;

function setup(answers: { open?: object; save?: object } = {}) {
  const handlers = new Map<string, Handler>();
  const ipcMain = { handle: (name: string, h: Handler) => void handlers.set(name, h), removeHandler: (name: string) => void handlers.delete(name) };
  const window = { id: 1 };
  const dialog = {
    showOpenDialog: vi.fn(async (_window: unknown, _options: unknown) => answers.open ?? { canceled: false, filePaths: ['/home/u/p.gmki.json'] }),
    showSaveDialog: vi.fn(async (_window: unknown, _options: unknown) => answers.save ?? { canceled: false, filePath: '/home/u/new.gmki.json' }),
  };
  const unregister = registerDialogs({ ipcMain: ipcMain as never, dialog: dialog as never, windowOf: () => window as never, appUrl: APP_URL });
  const event = (url: string | null) => ({ senderFrame: url === null ? null : { url }, sender: {} });
  return { handlers, dialog, window, unregister, event, open: handlers.get(DESKTOP_IPC.openDialog)!, save: handlers.get(DESKTOP_IPC.saveDialog)! };
}

describe('native dialogs', () => {
  it('opens a file dialog modal to the sender’s window and answers the chosen path', async () => {
    const { open, dialog, window, event } = setup();
    const filters = [{ name: 'GMKI problems', extensions: ['json'] }];
    expect(await open(event(APP_URL + '#/problem'), { title: 'Open problem', filters, defaultPath: '/home/u' })).toBe('/home/u/p.gmki.json');
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(window, { title: 'Open problem', filters, defaultPath: '/home/u', properties: ['openFile', 'createDirectory'] });
  });

  it('picks a folder with folder: true, and answers null when cancelled', async () => {
    const { open, dialog, event } = setup({ open: { canceled: true, filePaths: [] } });
    expect(await open(event(APP_URL), { folder: true })).toBeNull();
    expect(dialog.showOpenDialog.mock.calls[0]![1]).toMatchObject({ properties: ['openDirectory', 'createDirectory'] });
  });

  it('saves with the system asking before replacing, and answers null when cancelled', async () => {
    const { save, dialog, event } = setup();
    expect(await save(event(APP_URL), { defaultPath: 'problem.gmki.json' })).toBe('/home/u/new.gmki.json');
    expect(dialog.showSaveDialog.mock.calls[0]![1]).toEqual({ defaultPath: 'problem.gmki.json', properties: ['createDirectory', 'showOverwriteConfirmation'] });
    const cancelled = setup({ save: { canceled: true, filePath: '' } });
    expect(await cancelled.save(cancelled.event(APP_URL), undefined)).toBeNull();
  });

  it('refuses a foreign sender and a sender without a frame, without showing a dialog', async () => {
    const { open, save, dialog, event } = setup();
    await expect(open(event('https://evil.example/'), {})).rejects.toThrow('unknown sender');
    await expect(save(event('file:///tmp/other.html'), {})).rejects.toThrow('unknown sender');
    await expect(open(event(null), {})).rejects.toThrow('unknown sender');
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('refuses options that do not fit, naming the field', async () => {
    const { open, save, dialog, event } = setup();
    await expect(open(event(APP_URL), { folder: 'yes' })).rejects.toThrow(/invalid open dialog options: folder: expected true or false, got "yes"/);
    await expect(open(event(APP_URL), { filters: [{ name: 'x', extensions: ['.json'] }] })).rejects.toThrow(
      /filters\[0\]\.extensions\[0\]: expected an extension without the dot/,
    );
    await expect(save(event(APP_URL), { folder: true })).rejects.toThrow(/invalid save dialog options: folder: unknown field/);
    await expect(save(event(APP_URL), { defaultPath: 'a\0b' })).rejects.toThrow(/defaultPath: expected a path without NUL/);
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('removes its handlers', () => {
    const { handlers, unregister } = setup();
    expect([...handlers.keys()].sort()).toEqual([DESKTOP_IPC.openDialog, DESKTOP_IPC.saveDialog]);
    unregister();
    expect(handlers.size).toBe(0);
  });
});
