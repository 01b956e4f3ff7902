/**
 * The app window, hardened per architecture.md §5: no Node in the page, the preload in its own
 * context, no navigation, no new windows. The CSP lives in renderer/index.html's meta tag (same
 * text as the server's PAGE_CSP), so it holds for the built page and the dev server alike.
 */
import { join } from 'node:path';
import { BrowserWindow, shell } from 'electron';
import { isAppPage } from './sender';

export function createAppWindow(mainDir: string, appUrl: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    title: 'GMKI Studio',
    webPreferences: {
      preload: join(mainDir, '../preload/index.mjs'),
      contextIsolation: true,
      nodeIntegration: false,
      // With package.json `type: module` electron-vite emits the preload as ESM (index.mjs), and
      // Electron runs ESM preloads only unsandboxed (toolchain.md §2). What stays: context
      // isolation, no Node in the page, and a preload that exposes nothing but the contract.
      sandbox: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    },
  });
  // Never navigate away from the app page (hash routes of the page itself are not navigations).
  window.webContents.on('will-navigate', (event, url) => {
    if (!isAppPage(url, appUrl)) event.preventDefault();
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  // No new windows; https links open in the user's browser instead.
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  if (appUrl.startsWith('file:')) void window.loadFile(join(mainDir, '../renderer/index.html'));
  else void window.loadURL(appUrl);
  return window;
}
