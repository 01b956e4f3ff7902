/**
 * The small HTTP client the UM-Bridge host needs: JSON requests over keep-alive connections
 * (node:http/https with an Agent; Node 20's global fetch cannot take one without undici), at
 * most `maxSockets` at once, every request abortable by close() and aborted when its answer has
 * not fully arrived within the time limit.
 */
import http from 'node:http';
import https from 'node:https';
import { describeLimit, timerDelayMs } from './timeout';

export interface HttpReply {
  readonly status: number;
  readonly statusText: string;
  readonly body: string;
}

/** Answers larger than this are cut off (an output of ~1e6 numbers still fits). */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

export class JsonHttpClient {
  private readonly agent: http.Agent;
  private readonly transport: typeof http | typeof https;
  private readonly inFlight = new Set<http.ClientRequest>();
  private closed = false;

  /**
   * @param baseUrl e.g. `http://localhost:4242` or `https://host/prefix/`; paths are appended
   * @param timeoutSeconds how long one request may take, from sending to the end of the answer
   */
  constructor(
    private readonly baseUrl: URL,
    maxSockets: number,
    private readonly timeoutSeconds: number,
  ) {
    const secure = baseUrl.protocol === 'https:';
    this.transport = secure ? https : http;
    this.agent = new (secure ? https.Agent : http.Agent)({ keepAlive: true, maxSockets });
  }

  get(path: string): Promise<HttpReply> {
    return this.request('GET', path, undefined);
  }

  post(path: string, body: unknown): Promise<HttpReply> {
    return this.request('POST', path, JSON.stringify(body));
  }

  /** Aborts requests in flight (they reject) and closes idle connections. */
  close(): void {
    this.closed = true;
    for (const request of this.inFlight) request.destroy(new Error('the model host was closed'));
    this.agent.destroy();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /**
   * Resolves with any HTTP status; rejects on a network error, a RequestTimeoutError, or when closed. A kept-alive
   * connection the server closed while idle fails before the request reaches it: that request
   * is sent once more on a fresh connection (what Node's documentation recommends).
   */
  private async request(method: 'GET' | 'POST', path: string, body: string | undefined): Promise<HttpReply> {
    try {
      return await this.send(method, path, body);
    } catch (error) {
      if (!(error instanceof StaleConnectionError) || this.closed) throw error instanceof StaleConnectionError ? error.cause : error;
      return this.send(method, path, body);
    }
  }

  private send(method: 'GET' | 'POST', path: string, body: string | undefined): Promise<HttpReply> {
    if (this.closed) return Promise.reject(new Error('the model host was closed'));
    const url = new URL(path.replace(/^\//, ''), this.baseUrl.href.endsWith('/') ? this.baseUrl : `${this.baseUrl.href}/`);
    return new Promise((resolve, reject) => {
      const headers: http.OutgoingHttpHeaders = { accept: 'application/json' };
      if (body !== undefined) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = Buffer.byteLength(body);
      }
      let responded = false;
      const request = this.transport.request(url, { method, agent: this.agent, headers }, (response) => {
        responded = true;
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= MAX_BODY_BYTES) chunks.push(chunk);
        });
        response.on('end', () => {
          this.inFlight.delete(request);
          resolve({
            status: response.statusCode ?? 0,
            statusText: response.statusMessage ?? '',
            body: Buffer.concat(chunks).toString('utf8'),
          });
        });
        response.on('error', reject);
      });
      this.inFlight.add(request);
      const timer = setTimeout(() => request.destroy(new RequestTimeoutError(this.timeoutSeconds)), timerDelayMs(this.timeoutSeconds));
      request.once('close', () => clearTimeout(timer));
      request.on('error', (error: NodeJS.ErrnoException) => {
        this.inFlight.delete(request);
        const stale = request.reusedSocket && error.code === 'ECONNRESET' && !responded;
        reject(stale ? new StaleConnectionError(error) : error);
      });
      request.end(body);
    });
  }
}

/** A request aborted because its answer did not arrive within the model's `timeoutSeconds`. */
export class RequestTimeoutError extends Error {
  constructor(readonly seconds: number) {
    super(`no answer within ${describeLimit(seconds)} (timeoutSeconds)`);
    this.name = 'RequestTimeoutError';
  }
}

/** A network error on a reused keep-alive connection before any answer. */
class StaleConnectionError extends Error {
  constructor(override readonly cause: Error) {
    super(cause.message);
  }
}
