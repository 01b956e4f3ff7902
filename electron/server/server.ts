/**
 * `gmki serve` (architecture.md §1, §5; docs/security.md): the contract's handlers over HTTP on
 * 127.0.0.1 only. `POST /api/<channel>` with a JSON body answers the channel's Result as JSON;
 * `GET /api/events` streams the event map as server-sent events; anything else is the built
 * renderer, which holds no data and needs no token. Every API request needs the token and must
 * come from the app's own page (or from no browser at all); no CORS headers are ever sent;
 * request bodies are JSON and limited in size.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Result } from '../contract/result';
import type { Dispatch } from '../services/handlers';
import type { EventHub } from '../services/handlers/events';
import { carriesToken, createToken } from './auth';
import { streamEvents } from './event-stream';
import { foreignOriginRefusal, isJsonContentType } from './request-guards';
import { serveStatic } from './static-files';

/** The only address the server listens on: never reachable from another machine. */
export const HOST = '127.0.0.1';

/** Largest request body accepted (a problem file with a large covariance fits easily). */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

/** Where electron-vite puts the renderer build, relative to this file. */
export const DEFAULT_RENDERER_DIR = fileURLToPath(new URL('../../out/renderer/', import.meta.url));

export interface AppServerOptions {
  readonly dispatch: Dispatch;
  readonly events: EventHub;
  /** 0 picks a free port. */
  readonly port: number;
  readonly rendererDir?: string;
  /** Default: a new random token. */
  readonly token?: string;
}

export interface AppServer {
  readonly port: number;
  readonly token: string;
  /** The URL to open, token included. */
  readonly url: string;
  /** Stops listening, ends the event streams and open connections. */
  close(): Promise<void>;
}

// Pages and replies of this server are not to be framed, sniffed, cached or embedded by anyone.
const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Starts the server; rejects when the port cannot be used (EADDRINUSE …). */
export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  const token = options.token ?? createToken();
  const rendererDir = options.rendererDir ?? DEFAULT_RENDERER_DIR;
  const streams = new Set<() => void>();
  let port = options.port;

  const server: Server = createServer((request, response) => {
    void handle(request, response).catch(() => {
      if (!response.headersSent) sendJson(response, 500, { ok: false, error: { code: 'INTERNAL', message: 'internal error' } });
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // A page of another site that rebinds its name to 127.0.0.1 still sends its own Host: refused.
    const host = request.headers.host;
    if (!allowedHost(host, port)) {
      sendText(response, 421, 'This server answers only at 127.0.0.1 or localhost.\n');
      return;
    }
    const url = new URL(request.url ?? '/', `http://${HOST}:${port}`);
    if (url.pathname.startsWith('/api/')) {
      await handleApi(request, response, url, host);
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendText(response, 405, 'Method not allowed\n');
      return;
    }
    await serveStatic(rendererDir, url.pathname, response, SECURITY_HEADERS);
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, url: URL, host: string): Promise<void> {
    const refusal = foreignOriginRefusal(request.headers, host);
    if (refusal) return sendJson(response, 403, failure(refusal));
    const channel = url.pathname.slice('/api/'.length);
    if (channel === 'events') {
      if (request.method !== 'GET') return sendText(response, 405, 'Method not allowed\n');
      // EventSource cannot send headers: the stream alone takes the token from its URL.
      if (!carriesToken(request, url, token, 'header-or-query')) return unauthorized(response);
      const stop = streamEvents(options.events, response, SECURITY_HEADERS);
      streams.add(stop);
      response.on('close', () => streams.delete(stop));
      return;
    }
    if (request.method !== 'POST') return sendText(response, 405, 'Use POST for API channels.\n');
    if (!carriesToken(request, url, token, 'header')) return unauthorized(response);
    if (!isJsonContentType(request.headers['content-type'])) {
      return sendJson(response, 415, failure('API calls must send their body as Content-Type: application/json.'));
    }
    const name = decodedChannel(channel);
    if (name === null) return sendJson(response, 400, failure('The address names no channel: it is not valid percent-encoding.'));
    const body = await readBody(request, MAX_BODY_BYTES);
    if (body === 'too-large') {
      // A declared length over the limit is refused before its body is read: close the connection.
      if (!request.readableEnded) {
        response.setHeader('Connection', 'close');
        response.once('finish', () => request.socket.destroySoon());
      }
      sendJson(response, 413, failure(`The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB.`));
      return;
    }
    let payload: unknown = undefined;
    if (body.length > 0) {
      try {
        payload = JSON.parse(body.toString('utf8'));
      } catch {
        return sendJson(response, 400, failure('The request body is not valid JSON.'));
      }
    }
    // The envelope carries the outcome; HTTP 200 means the channel answered.
    sendJson(response, 200, await options.dispatch(name, payload));
  }

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port, HOST, () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    token,
    url: `http://${HOST}:${port}/?token=${token}`,
    close() {
      for (const stop of [...streams]) stop();
      return new Promise((resolvePromise) => {
        server.close(() => resolvePromise());
        server.closeAllConnections();
      });
    },
  };
}

function allowedHost(host: string | undefined, port: number): host is string {
  return host === `${HOST}:${port}` || host === `localhost:${port}`;
}

/** The channel a path names (`run%2Fstart` is `run/start`), or null when its encoding is broken. */
function decodedChannel(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}

function unauthorized(response: ServerResponse): void {
  response.setHeader('WWW-Authenticate', 'Bearer');
  sendText(response, 401, 'Unauthorized: open the URL that gmki serve printed (it carries the token).\n');
}

function failure(message: string): Result<never> {
  return { ok: false, error: { code: 'INVALID_REQUEST', message } };
}

/**
 * The body, or 'too-large' as soon as it passes `limit` (declared or counted). The rest of an
 * oversized body is not read: the reply closes the connection instead.
 */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve('too-large');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        // Discard the rest and answer once it has arrived: clients report a connection closed
        // during their upload as a network error, not as the 413 it is. Only a holder of the
        // token gets this far.
        request.off('data', onData);
        chunks.length = 0;
        request.resume();
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.once('end', () => resolve(size > limit ? 'too-large' : Buffer.concat(chunks)));
    request.once('error', reject);
  });
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  response.end(body);
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(text);
}
