/**
 * The renderer's one door to the services: the preload's IPC bridge in the desktop app
 * (`window.gmki`), an HTTP bridge in a browser. Only the Pinia stores call it (house-style.md).
 */
import type { AppBridge } from '../../../electron/contract/channel-map';
import type { DesktopDialogs } from '../../../electron/contract/dialogs';
import { createHttpBridge } from './http';

declare global {
  interface Window {
    gmki?: AppBridge;
    /** Native file dialogs; only the desktop app has them (a browser shows path fields instead). */
    gmkiDialogs?: DesktopDialogs;
  }
}

/** The token `gmki serve` put in the URL; kept for the session, dropped from the address bar. */
function takeServerToken(): string {
  const remembered = sessionStorage.getItem('gmki-token');
  const fromUrl = new URLSearchParams(location.search).get('token');
  const token = fromUrl ?? remembered ?? '';
  if (fromUrl) {
    sessionStorage.setItem('gmki-token', fromUrl);
    history.replaceState(history.state, '', location.pathname + location.hash);
  }
  return token;
}

let bridge: AppBridge | null = null;

export function useBridge(): AppBridge {
  bridge ??= window.gmki ?? createHttpBridge(takeServerToken());
  return bridge;
}

/** True inside the desktop app (IPC), false in a browser. */
export const isDesktop = (): boolean => window.gmki !== undefined;

/** The native dialogs, or null in a browser (screens then offer a path field). */
export const nativeDialogs = (): DesktopDialogs | null => window.gmkiDialogs ?? null;
