/**
 * The app window, hardened per architecture.md §5: sandboxed, no Node in the page, the preload in
 * its own context, no navigation, no new windows. The CSP lives in renderer/index.html's meta tag
 * (same text as the server's PAGE_CSP), so it holds for the built page and the dev server alike.
 * It opens where it was last closed (window-state-file.ts).
 */
import { join } from 'node:path';
import { BrowserWindow, screen, shell } from 'electron';
import { isAppPage } from './sender';
import { loadPlacement, trackWindowState } from './window-state-file';
import { MIN_SIZE } from './window-state';

export interface AppWindowOptions {
  /** out/main: the preload and the renderer are found next to it. */
  readonly mainDir: string;
  readonly appUrl: string;
  /** `<userData>/window-state.json`. */
  readonly stateFile: string;
}

export function createAppWindow({ mainDir, appUrl, stateFile }: AppWindowOptions): BrowserWindow {
  const { maximized, ...bounds } = loadPlacement(stateFile, screen);
  const window = new BrowserWindow({
    ...bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'GMKI Studio',
    webPreferences: {
      // A sandboxed preload must be one CommonJS file that requires nothing but 'electron'
      // (electron.vite.config.ts builds it so; the main-bundle test checks it).
      preload: join(mainDir, '../preload/index.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    },
  });
  if (maximized) window.maximize();
  trackWindowState(window, stateFile);
  // Never navigate away from the app page (hash routes of the page itself are not navigations).
  window.webContents.on('will-navigate', (event, url) => {
    if (!isAppPage(url, appUrl)) event.preventDefault();
  });
  window.webContents.on('will-redirect', (event, url) => {
    if (!isAppPage(url, appUrl)) event.preventDefault();
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  // The app needs no camera, microphone, notifications or geolocation: refuse every request.
  window.webContents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  // No new windows; https links open in the user's browser instead.
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  if (appUrl.startsWith('file:')) void window.loadFile(join(mainDir, '../renderer/index.html'));
  else void window.loadURL(appUrl);
  return window;
}
