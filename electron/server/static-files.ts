/**
 * The built renderer (out/renderer) as static files: correct content types, no way out of the
 * folder (the path is resolved and must stay inside it), index.html for `/`, and a small page
 * saying what to do when the renderer has not been built.
 */
import { open, realpath, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { pipeline } from 'node:stream';
import { extname, join, resolve, sep } from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The policy of the renderer's own meta tag (renderer/index.html), sent as a header too, plus what
 * only a header can say: no framing by other pages.
 */
export const PAGE_CSP = "default-src 'self'; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>GMKI Studio</title></head>
<body><h1>GMKI Studio</h1><p>The app's pages have not been built yet: run <code>npm run build</code> first, then start <code>npx gmki serve</code> again.</p></body></html>
`;

/**
 * Sends the file at URL path `pathname` from `root`; 404 when there is none or it lies outside
 * `root` (`..`, encoded slashes, symbolic links out of the folder).
 */
export async function serveStatic(root: string, pathname: string, response: ServerResponse, headers: Record<string, string>): Promise<void> {
  const rootInfo = await stat(root).catch(() => null);
  if (!rootInfo?.isDirectory()) {
    send(response, 503, 'text/html; charset=utf-8', NOT_BUILT_PAGE, headers);
    return;
  }
  const file = await resolveInside(root, pathname === '/' ? '/index.html' : pathname);
  if (!file) {
    send(response, 404, 'text/plain; charset=utf-8', 'Not found\n', headers);
    return;
  }
  await sendFile(file, response, headers);
}

/**
 * Sends the file at `file` (already checked to lie in the folder). It is opened before anything
 * is sent, so a file gone meanwhile is a 404; a read that fails later cuts the reply off. Neither
 * may crash the server (an unhandled stream error would end the process).
 */
export async function sendFile(file: string, response: ServerResponse, headers: Record<string, string>): Promise<void> {
  const handle = await open(file, 'r').catch(() => null);
  if (!handle) {
    send(response, 404, 'text/plain; charset=utf-8', 'Not found\n', headers);
    return;
  }
  const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  const csp: Record<string, string> = type.startsWith('text/html') ? { 'Content-Security-Policy': PAGE_CSP } : {};
  response.writeHead(200, { ...headers, ...csp, 'Content-Type': type, 'X-Content-Type-Options': 'nosniff' });
  pipeline(handle.createReadStream(), response, (error) => {
    if (error) response.destroy();
  });
}

/** The real path of a regular file under `root` named by `pathname`, or null. */
export async function resolveInside(root: string, pathname: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const realRoot = await realpath(root).catch(() => null);
  if (!realRoot) return null;
  const candidate = resolve(join(realRoot, decoded));
  if (!isInside(realRoot, candidate)) return null;
  // Symbolic links are followed, then checked again: the real file must live in the folder too.
  const real = await realpath(candidate).catch(() => null);
  if (!real || !isInside(realRoot, real)) return null;
  const info = await stat(real).catch(() => null);
  return info?.isFile() ? real : null;
}

function isInside(root: string, path: string): boolean {
  return path.startsWith(root.endsWith(sep) ? root : root + sep);
}

function send(response: ServerResponse, status: number, type: string, body: string, headers: Record<string, string>): void {
  response.writeHead(status, { ...headers, 'Content-Type': type });
  response.end(body);
}
