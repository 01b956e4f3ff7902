/**
 * The application menu as data (menu.ts builds it with Electron's Menu). Items that act in the
 * renderer send a MenuCommand; the rest are Electron roles. Shortcuts follow each platform's
 * conventions through `CmdOrCtrl`.
 */
import type { BaseWindow, MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, MenuRoute } from '../contract/desktop';

export interface MenuContext {
  /** A packaged app hides reload and the developer tools. */
  readonly isPackaged: boolean;
  readonly platform: NodeJS.Platform;
}

export interface MenuActions {
  /** Sends a command to the renderer of `window` (the focused one when the item was clicked). */
  readonly send: (command: MenuCommand, window: BaseWindow | undefined) => void;
  readonly about: () => void;
}

export function buildMenuTemplate({ isPackaged, platform }: MenuContext, { send, about }: MenuActions): MenuItemConstructorOptions[] {
  const command = (label: string, value: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: (_item, window) => send(value, window),
  });
  const go = (label: string, route: MenuRoute, accelerator?: string) => command(label, { command: 'navigate', route }, accelerator);
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const mac = platform === 'darwin';

  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      command('New problem', { command: 'new-problem' }, 'CmdOrCtrl+N'),
      command('Open problem…', { command: 'open-problem' }, 'CmdOrCtrl+O'),
      command('Save problem', { command: 'save-problem' }, 'CmdOrCtrl+S'),
      command('Save problem as…', { command: 'save-problem-as' }, 'CmdOrCtrl+Shift+S'),
      separator,
      command('Export…', { command: 'export' }, 'CmdOrCtrl+E'),
      // On macOS, Quit lives in the application menu.
      ...(mac ? [] : [separator, { label: 'Quit', role: 'quit', accelerator: 'Ctrl+Q' } satisfies MenuItemConstructorOptions]),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [{ role: 'undo' }, { role: 'redo' }, separator, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'delete' }, separator, { role: 'selectAll' }],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      go('Runs', '/runs', 'CmdOrCtrl+1'),
      go('Problem', '/problem', 'CmdOrCtrl+2'),
      go('Run setup', '/setup', 'CmdOrCtrl+3'),
      go('Compare', '/compare', 'CmdOrCtrl+4'),
      go('Help', '/help', 'CmdOrCtrl+5'),
      separator,
      command('Toggle dark theme', { command: 'toggle-theme' }, 'CmdOrCtrl+Shift+D'),
      separator,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
      // Reloading loses unsaved edits and the tools expose internals: for development only.
      ...(isPackaged ? [] : ([separator, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }] satisfies MenuItemConstructorOptions[])),
    ],
  };
  const window: MenuItemConstructorOptions = {
    label: 'Window',
    submenu: [
      { role: 'minimize' },
      ...(mac ? ([{ role: 'zoom' }, separator, { role: 'front' }] satisfies MenuItemConstructorOptions[]) : [{ role: 'close' } satisfies MenuItemConstructorOptions]),
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: 'Help',
    submenu: [go('GMKI guide', '/help', 'F1'), separator, { label: 'About GMKI Studio', click: () => about() }],
  };
  return [...(mac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []), file, edit, view, window, help];
}
