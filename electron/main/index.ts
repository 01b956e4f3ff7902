/**
 * The Electron main process: the run database, the services behind the IPC gate, native dialogs,
 * the application menu, and one hardened window on the renderer that remembers where it was.
 */
/// <reference types="electron-vite/node" />
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain } from 'electron';
// The build emits these workers as chunks of out/main; their .ts sources do not exist at run time.
import createRunWorker from '../services/runs/run-worker?nodeWorker';
import createJavascriptWorker from '../services/models/javascript-worker?nodeWorker';
import javascriptWorkerFile from '../services/models/javascript-worker?modulePath';
import explorationWorkerFile from '../services/workers/exploration-worker?modulePath';
import type { RunStore } from '../services/store';
import { electronNativeBinding, openAppStore } from './database';
import { registerDialogs } from './dialogs';
import { IPC_EVENT_PREFIX, registerGate } from './gate';
import { installAppMenu } from './menu';
import { appPageUrl } from './sender';
import { openAppServices, type AppServices } from './services';
import { createAppWindow } from './window';
import { WINDOW_STATE_FILE } from './window-state-file';

const here = fileURLToPath(new URL('.', import.meta.url));
const appUrl = appPageUrl(here);

let store: RunStore | null = null;
let services: AppServices | null = null;
let unregister: (() => void) | null = null;

const openWindow = (): BrowserWindow => createAppWindow({ mainDir: here, appUrl, stateFile: join(app.getPath('userData'), WINDOW_STATE_FILE) });

async function start(): Promise<void> {
  await app.whenReady();
  store = openAppStore();
  // openAppStore has explained the failure in a dialog; without the database nothing works.
  if (!store) {
    app.quit();
    return;
  }
  services = openAppServices({
    store,
    spawnRunWorker: () => createRunWorker({}),
    // Run workers open the database and start model and exploration workers themselves: tell
    // them where the Electron build of better-sqlite3 and the built worker chunks are.
    workerEnvironment: { nativeBinding: electronNativeBinding(), javascriptWorkerFile, explorationWorkerFile },
    createJavascriptWorker,
  });
  const unregisterGate = registerGate({ ipcMain, dispatch: services.dispatch, appUrl });
  const unregisterDialogs = registerDialogs({ ipcMain, dialog, windowOf: (sender) => BrowserWindow.fromWebContents(sender), appUrl });
  unregister = () => {
    unregisterGate();
    unregisterDialogs();
  };
  services.events.subscribeAll((name, payload) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed()) window.webContents.send(IPC_EVENT_PREFIX + name, payload);
    }
  });
  installAppMenu();
  openWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
}

void start();

let quitting = false;
app.on('will-quit', (event) => {
  if (quitting || !services) {
    store?.close();
    store = null;
    return;
  }
  // Runs must be cancelled (resumable) before the store they write to closes: wait, then quit.
  event.preventDefault();
  quitting = true;
  unregister?.();
  void services.close().finally(() => {
    services = null;
    app.quit();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
