/**
 * Which page may call the IPC gate: only the app's own renderer (architecture.md §5). Anything
 * else that ends up in a frame of our window (a navigation we failed to stop, an injected iframe)
 * must not reach the handlers, which read and write the user's files.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The renderer's URL: the dev server under `electron-vite dev`, else the built page next to out/main. */
export function appPageUrl(mainDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const devServer = env.ELECTRON_RENDERER_URL;
  if (devServer) return devServer;
  return pathToFileURL(join(mainDir, '../renderer/index.html')).href;
}

/**
 * True when `senderUrl` is the app page. The hash (the renderer routes with hash history) and the
 * query may differ; the dev server is trusted by origin, the built page by its exact file path.
 */
export function isAppPage(senderUrl: string | undefined | null, appUrl: string): boolean {
  if (!senderUrl) return false;
  let sender: URL;
  let app: URL;
  try {
    sender = new URL(senderUrl);
    app = new URL(appUrl);
  } catch {
    return false;
  }
  if (app.protocol === 'file:') return sender.protocol === 'file:' && sender.host === app.host && sender.pathname === app.pathname;
  return sender.origin === app.origin;
}
