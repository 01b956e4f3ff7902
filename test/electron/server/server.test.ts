/**
 * `gmki serve`'s server with real services: SQLite in a temp folder, runs in worker threads, the
 * HTTP server on an ephemeral port of 127.0.0.1. The token guards every API request (the page's
 * files need none and no cookie is set), no CORS header is ever sent, static files stay inside
 * the renderer folder, and a whole run goes through HTTP and server-sent events.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExampleInfo, ExportOutcome, IterationHistory, RunList, RunProgress, RunRecord, RunStatusChange, ValidationOutcome } from '../../../electron/contract';
import { serveApp, type ServeInstance } from '../../../electron/server/app';
import { openRunStore, type RunStore } from '../../../electron/services/store';
import { client, openEventStream, rawRequest, value, type Client, type RawRequest } from './helpers';

let dir: string;
let store: RunStore;
let instance: ServeInstance;
let api: Client;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gmki-server-'));
  const renderer = join(dir, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>GMKI</title><script src="/assets/app.js"></script>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(renderer, 'assets', 'app.css'), 'body{}');
  writeFileSync(join(dir, 'secret.txt'), 'do not serve me');
  writeFileSync(join(dir, 'failing.mjs'), "export function forward() { throw new Error('division by zero'); }\n");
  store = openRunStore(join(dir, 'runs.sqlite'));
  instance = await serveApp({ store, port: 0, rendererDir: renderer, defaultProblemDir: dir });
  base = `http://127.0.0.1:${instance.server.port}`;
  api = client(base, instance.server.token);
});
afterAll(async () => {
  await instance.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A raw request to this file's server (headers like Host and Content-Length can be anything). */
const raw = (options: RawRequest) => rawRequest(instance.server.port, options);

describe('the token', () => {
  it('prints a URL on 127.0.0.1 with a long random token', () => {
    expect(instance.server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
  });

  it('refuses API calls and the event stream without the token or with a wrong one (401)', async () => {
    const body = JSON.stringify({});
    const json = { 'Content-Type': 'application/json' };
    expect((await fetch(`${base}/api/runs/list`, { method: 'POST', body, headers: json })).status).toBe(401);
    expect((await fetch(`${base}/api/runs/list`, { method: 'POST', body, headers: { ...json, Authorization: 'Bearer wrong' } })).status).toBe(401);
    expect((await fetch(`${base}/api/runs/list`, { method: 'POST', body, headers: { ...json, Authorization: `Bearer ${instance.server.token.slice(1)}` } })).status).toBe(
      401,
    );
    expect((await fetch(`${base}/api/events`)).status).toBe(401);
    expect((await fetch(`${base}/api/events?token=${instance.server.token.slice(1)}`)).status).toBe(401);
  });

  it('takes the token of an API call from its Authorization header only, never from the URL or a cookie', async () => {
    const token = instance.server.token;
    const json = { 'Content-Type': 'application/json' };
    expect((await fetch(`${base}/api/runs/list?token=${token}`, { method: 'POST', body: '{}', headers: json })).status).toBe(401);
    expect((await fetch(`${base}/api/runs/list`, { method: 'POST', body: '{}', headers: { ...json, Cookie: `gmki_token=${token}` } })).status).toBe(401);
    expect((await fetch(`${base}/api/runs/list`, { method: 'POST', body: '{}', headers: { ...json, Authorization: `Bearer ${token}` } })).status).toBe(200);
  });

  it('sets no cookie: the page and its assets load without the token (they hold no data), so a reload works', async () => {
    const page = await fetch(instance.server.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('set-cookie')).toBeNull();
    expect((await fetch(`${base}/`)).status).toBe(200);
    expect((await fetch(`${base}/assets/app.js`)).status).toBe(200);
    // Other sites may not embed them (Cross-Origin-Resource-Policy).
    expect(page.headers.get('cross-origin-resource-policy')).toBe('same-origin');
  });
});

describe('the network boundary', () => {
  it('listens on 127.0.0.1 only', async () => {
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && a.family === 'IPv4' && !a.internal)
      .map((a) => a!.address);
    for (const address of others) {
      const refused = await new Promise<boolean>((resolve) => {
        const socket = connect({ host: address, port: instance.server.port });
        socket.once('connect', () => (socket.destroy(), resolve(false)));
        socket.once('error', () => resolve(true));
      });
      expect(refused, `reachable at ${address}`).toBe(true);
    }
    const ipv6 = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: '::1', port: instance.server.port });
      socket.once('connect', () => (socket.destroy(), resolve(false)));
      socket.once('error', () => resolve(true));
    });
    expect(ipv6).toBe(true);
  });

  it('refuses a request for another host name (DNS rebinding)', async () => {
    const reply = await raw({ path: `/?token=${instance.server.token}`, headers: { Host: 'evil.example:80' } });
    expect(reply.status).toBe(421);
  });

  it('sends no CORS headers, not to a preflight and not to a call from another origin (refused, 403)', async () => {
    const preflight = await raw({
      path: '/api/runs/list',
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST', Authorization: `Bearer ${instance.server.token}` },
    });
    const call = await raw({
      path: '/api/runs/list',
      method: 'POST',
      headers: { Origin: 'https://evil.example', Authorization: `Bearer ${instance.server.token}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(call.status).toBe(403);
    for (const reply of [preflight, call]) {
      expect(Object.keys(reply.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    }
  });

  it('refuses a body over the size limit and a body that is not JSON', async () => {
    const declared = await raw({
      path: '/api/problem/validate',
      method: 'POST',
      headers: { Authorization: `Bearer ${instance.server.token}`, 'Content-Type': 'application/json', 'Content-Length': 64 * 1024 * 1024 },
    });
    expect(declared.status).toBe(413);
    const big = await fetch(`${base}/api/problem/validate`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${instance.server.token}`, 'Content-Type': 'application/json' },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < 20; i++) controller.enqueue(new Uint8Array(1024 * 1024).fill(32));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit).then(
      (r) => ({ status: r.status }),
      (error: Error) => ({ status: -1, message: `${error.message} ${String((error as { cause?: unknown }).cause)}` }),
    );
    expect(big.status).toBe(413);
    const bad = await raw({
      path: '/api/problem/validate',
      method: 'POST',
      headers: { Authorization: `Bearer ${instance.server.token}`, 'Content-Type': 'application/json' },
      body: '{nope',
    });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
  });
});

describe('static files', () => {
  const token = () => instance.server.token;
  it('serves the renderer with content types', async () => {
    const js = await fetch(`${base}/assets/app.js?token=${token()}`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const css = await fetch(`${base}/assets/app.css?token=${token()}`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const page = await fetch(`${base}/?token=${token()}`);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'self';.*frame-ancestors 'none'/);
    expect(await page.text()).toContain('<title>GMKI</title>');
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/assets/%2e%2e%5c%2e%2e%5csecret.txt', '/..%00/secret.txt', '/assets'])(
    'refuses %s',
    async (path) => {
      const reply = await raw({ path: `${path}?token=${token()}` });
      expect(reply.status).toBe(404);
      expect(reply.body).not.toContain('do not serve me');
    },
  );

  it('says to run npm run build when the renderer is missing', async () => {
    const other = await serveApp({ store, port: 0, rendererDir: join(dir, 'not-built') });
    try {
      const reply = await fetch(other.server.url);
      expect(reply.status).toBe(503);
      expect(await reply.text()).toContain('npm run build');
    } finally {
      await other.close();
    }
  });
});

describe('a run over HTTP', () => {
  it('validates an example, runs it with progress over SSE, lists it, reads iterations, exports CSV and deletes it', async () => {
    const examples = value(await api.call<ExampleInfo[]>('problem/examples'));
    const example = examples.find((e) => e.id === 'square-map-1d')!;
    const validation = value(await api.call<ValidationOutcome>('problem/validate', { problem: example.problem }));
    expect(validation.valid).toBe(true);
    if (!validation.valid) return;
    expect(validation.summary.evaluationBudget).toBe(3 * 3 * 30);

    const stream = await openEventStream(base, instance.server.token);
    try {
      const problem = { ...example.problem, settings: { ...(example.problem.settings as object), iterations: 4 } };
      const run = value(await api.call<RunRecord>('run/start', { problem, name: 'over http' }));
      expect(run.status).toBe('queued');
      const done = await stream.waitFor(
        (e) => e.event === 'run/status' && (e.data as RunStatusChange).runId === run.id && (e.data as RunStatusChange).status === 'completed',
      );
      expect(done.data).toEqual({ runId: run.id, status: 'completed', error: null });
      const progress = stream.events.filter((e) => e.event === 'run/progress').map((e) => e.data as RunProgress);
      expect(progress.length).toBeGreaterThan(0);
      expect(progress.at(-1)).toMatchObject({ runId: run.id, iteration: 4, iterations: 4 });

      const list = value(await api.call<RunList>('runs/list', { search: 'over http' }));
      expect(list.total).toBe(1);
      expect(list.runs[0]).toMatchObject({ id: run.id, status: 'completed', iterationsDone: 4, forwardEvaluations: 36 });

      const history = value(await api.call<IterationHistory>('run/iterations', { runId: run.id }));
      expect(history.parameterNames).toEqual(['theta']);
      expect(history.iterations.map((i) => i.iteration)).toEqual([0, 1, 2, 3, 4]);
      const last = history.iterations.at(-1)!;
      expect(last.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      expect(last.means).toHaveLength(3);
      expect(last.covariances[0]).toEqual([[expect.any(Number)]]);

      const csv = value(await api.call<ExportOutcome>('run/export', { runId: run.id, format: 'csv', samples: 20 }));
      expect(csv).toMatchObject({ kind: 'download', fileName: 'over-http-samples.csv', mediaType: 'text/csv' });
      if (csv.kind !== 'download') return;
      const lines = Buffer.from(csv.base64, 'base64').toString('utf8').trim().split('\n');
      expect(lines[0]).toBe('theta,component');
      expect(lines).toHaveLength(21);

      const target = join(dir, 'exported.csv');
      const written = value(await api.call<ExportOutcome>('run/export', { runId: run.id, format: 'csv', path: target }));
      expect(written).toMatchObject({ kind: 'file', file: target });
      const again = await api.call('run/export', { runId: run.id, format: 'csv', path: target });
      expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      expect(value(await api.call<ExportOutcome>('run/export', { runId: run.id, format: 'csv', path: target, overwrite: true }))).toMatchObject({ kind: 'file' });

      expect(value(await api.call('run/delete', { runId: run.id }))).toEqual({ done: true });
      expect(await api.call('run/get', { runId: run.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    } finally {
      await stream.close();
    }
  });

  it("brings a failing model's own message to run/get and to the status event", async () => {
    const stream = await openEventStream(base, instance.server.token);
    try {
      const problem = {
        format: 'gmki-problem/1',
        name: 'failing',
        parameters: [{ name: 'a', prior: { mean: 0, std: 1 } }],
        observations: { values: [1], noise: { std: 1 } },
        model: { type: 'javascript', path: 'failing.mjs' },
        settings: { components: 1, iterations: 2, concurrency: 1 },
      };
      const run = value(await api.call<RunRecord>('run/start', { problem, problemDir: dir }));
      const failed = await stream.waitFor(
        (e) => e.event === 'run/status' && (e.data as RunStatusChange).runId === run.id && (e.data as RunStatusChange).status === 'failed',
      );
      expect((failed.data as RunStatusChange).error).toContain('division by zero');
      const record = value(await api.call<RunRecord>('run/get', { runId: run.id }));
      expect(record.status).toBe('failed');
      expect(record.error).toMatch(/iteration 1, component 0, sigma point \d+.*the model raised an error: division by zero/);
    } finally {
      await stream.close();
    }
  });
});
