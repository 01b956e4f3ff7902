/** Talking to a real `gmki serve` in tests: API calls with the token, raw requests, and the event stream read as it arrives. */
import { request as httpRequest } from 'node:http';
import type { Result } from '../../../electron/contract';

export interface Client {
  readonly base: string;
  readonly token: string;
  call<T = unknown>(channel: string, payload?: unknown): Promise<Result<T>>;
}

export function client(base: string, token: string): Client {
  return {
    base,
    token,
    async call<T>(channel: string, payload: unknown = {}) {
      const response = await fetch(`${base}/api/${channel}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(payload),
      });
      if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
      return (await response.json()) as Result<T>;
    },
  };
}

/** The value of a successful Result, or a thrown error with the Result's message. */
export function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

export interface ServerEvent {
  readonly event: string;
  readonly data: unknown;
}

/** Reads `GET /api/events` (server-sent events) into `events` until `close()`. */
export async function openEventStream(base: string, token: string) {
  const controller = new AbortController();
  const response = await fetch(`${base}/api/events?token=${token}`, { signal: controller.signal });
  if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
  const events: ServerEvent[] = [];
  const waiters: { predicate: (e: ServerEvent) => boolean; resolve: (e: ServerEvent) => void }[] = [];
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const pump = (async () => {
    try {
      for (;;) {
        const { done, value: chunk } = await reader.read();
        if (done) return;
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const name = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (!name || data === undefined) continue;
          const event = { event: name, data: JSON.parse(data) as unknown };
          events.push(event);
          for (const waiter of [...waiters]) {
            if (waiter.predicate(event)) {
              waiters.splice(waiters.indexOf(waiter), 1);
              waiter.resolve(event);
            }
          }
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    response,
    events,
    /** Resolves with the first event (already received or to come) that satisfies `predicate`. */
    waitFor(predicate: (e: ServerEvent) => boolean, timeoutMs = 60_000): Promise<ServerEvent> {
      const seen = events.find(predicate);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no such event within ${timeoutMs} ms; got ${JSON.stringify(events.map((e) => e.event))}`)), timeoutMs);
        waiters.push({ predicate, resolve: (e) => (clearTimeout(timer), resolve(e)) });
      });
    },
    async close() {
      controller.abort();
      await pump;
    },
  };
}

export interface RawRequest {
  readonly path: string;
  readonly method?: string;
  readonly headers?: Record<string, string | number>;
  readonly body?: string;
}

export interface RawReply {
  readonly status: number;
  readonly headers: Record<string, unknown>;
  readonly body: string;
}

/** A request with exactly the given headers (fetch would set or forbid some: Host, Origin, Sec-Fetch-*, Content-Length). */
export function rawRequest(port: number, options: RawRequest): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: options.path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    // A declared length with no body: send only the headers and let the server answer at once.
    if (options.body === undefined && options.headers?.['Content-Length'] !== undefined) req.flushHeaders();
    else req.end();
  });
}
