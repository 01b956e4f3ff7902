/**
 * The Electron main process: one hardened window on the built renderer (architecture.md §5) and
 * the run database. The typed IPC gate, menus and dialogs arrive with the desktop-app issue;
 * until then the window shows the renderer's start page and the engine is used through `npx gmki`.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, shell } from 'electron';
import type { RunStore } from '../services/store';
import { openAppStore } from './database';

const here = fileURLToPath(new URL('.', import.meta.url));

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    title: 'GMKI Studio',
    webPreferences: {
      preload: join(here, '../preload/index.mjs'),
      contextIsolation: true,
      nodeIntegration: false,
      // An ESM preload needs the sandbox off (toolchain.md §2); it exposes only the contract.
      sandbox: false,
    },
  });
  // Never navigate away from the app or open new windows; external links go to the browser.
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  void window.loadFile(join(here, '../renderer/index.html'));
  return window;
}

let store: RunStore | null = null;

void app.whenReady().then(() => {
  store = openAppStore();
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('will-quit', () => {
  store?.close();
  store = null;
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
