/**
 * Issue 11 item 1, over real HTTP: a page of another local server (another port of 127.0.0.1)
 * that got hold of the token must still not be able to drive the API — start a run whose command
 * model runs any program, or listen to the event stream. The requests below carry exactly the
 * headers a browser sends for such a page; the app's own requests (same origin) keep working.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunList } from '../../../electron/contract';
import { serveApp, type ServeInstance } from '../../../electron/server/app';
import { openRunStore, type RunStore } from '../../../electron/services/store';
import { client, rawRequest, value, type RawRequest } from './helpers';

let dir: string;
let store: RunStore;
let instance: ServeInstance;
let own: string;
let token: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gmki-cross-site-'));
  mkdirSync(join(dir, 'renderer'));
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>GMKI</title>');
  store = openRunStore(join(dir, 'runs.sqlite'));
  instance = await serveApp({ store, port: 0, rendererDir: join(dir, 'renderer'), defaultProblemDir: dir });
  own = `http://127.0.0.1:${instance.server.port}`;
  token = instance.server.token;
});
afterAll(async () => {
  await instance.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const raw = (options: RawRequest) => rawRequest(instance.server.port, options);

/** A run whose command model would run a program of the attacker's choice. */
const attack = () =>
  JSON.stringify({
    problem: {
      format: 'gmki-problem/1',
      name: 'not yours',
      parameters: [{ name: 'a', prior: { mean: 0, std: 1 } }],
      observations: { values: [1], noise: { std: 1 } },
      model: { type: 'command', command: ['touch', join(dir, 'pwned')] },
      settings: { components: 1, iterations: 1, concurrency: 1 },
    },
  });

/** The status of a GET of the event stream, closed as soon as its headers arrive. */
function streamStatus(path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: instance.server.port, path, headers }, (res) => {
      resolve(res.statusCode ?? 0);
      res.destroy();
    });
    req.on('error', reject);
    req.end();
  });
}

async function runCount(): Promise<number> {
  return value(await client(own, token).call<RunList>('runs/list', {})).total;
}

/** A port of 127.0.0.1 other than the server's: where the other local server would be. */
const otherPort = (): number => (instance.server.port === 65535 ? 1024 : instance.server.port + 1);

describe('requests from a page of another origin', () => {
  it.each([
    ['another port of 127.0.0.1', () => `http://127.0.0.1:${otherPort()}`],
    ['another port of localhost', () => `http://localhost:${otherPort()}`],
    ['localhost while the request went to 127.0.0.1', () => `http://localhost:${instance.server.port}`],
    ['https on the same port', () => `https://127.0.0.1:${instance.server.port}`],
    ['another site', () => 'https://evil.example'],
    ['an opaque origin (sandboxed frame, file://)', () => 'null'],
  ])('refuses a call with the right token from %s (403, JSON)', async (_label, origin) => {
    const reply = await raw({
      path: '/api/run/start',
      method: 'POST',
      headers: { Origin: origin(), Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: attack(),
    });
    expect(reply.status).toBe(403);
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(reply.body)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST', message: expect.stringContaining(`only the GMKI Studio page at ${own}`) },
    });
    expect(await runCount()).toBe(0);
  });

  it.each(['same-site', 'cross-site', 'something-new'])('refuses a call marked Sec-Fetch-Site: %s even without an Origin', async (site) => {
    const reply = await raw({
      path: '/api/run/start',
      method: 'POST',
      headers: { 'Sec-Fetch-Site': site, Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: attack(),
    });
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(await runCount()).toBe(0);
  });

  it('refuses the reproduced attack: a no-cors POST with ?token= and a text/plain body', async () => {
    const asBrowserSendsIt = await raw({
      path: `/api/run/start?token=${token}`,
      method: 'POST',
      headers: { Origin: `http://127.0.0.1:${otherPort()}`, 'Sec-Fetch-Site': 'same-site', 'Sec-Fetch-Mode': 'no-cors', 'Content-Type': 'text/plain;charset=UTF-8' },
      body: attack(),
    });
    expect(asBrowserSendsIt.status).toBe(403);
    // Even a browser that sends neither header cannot: the URL's token does not count for a call.
    const withoutHeaders = await raw({ path: `/api/run/start?token=${token}`, method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: attack() });
    expect(withoutHeaders.status).toBe(401);
    expect(await runCount()).toBe(0);
  });

  it('refuses the event stream to another origin, with the right token', async () => {
    expect(await streamStatus(`/api/events?token=${token}`, { Origin: `http://127.0.0.1:${otherPort()}` })).toBe(403);
    expect(await streamStatus(`/api/events?token=${token}`, { 'Sec-Fetch-Site': 'same-site', 'Sec-Fetch-Mode': 'cors' })).toBe(403);
    expect(await streamStatus(`/api/events?token=${token}`, { 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'no-cors' })).toBe(403);
  });
});

describe("the app's own requests", () => {
  it('pass from the page at 127.0.0.1 and from the page at localhost', async () => {
    const fromOwnPage = await raw({
      path: '/api/runs/list',
      method: 'POST',
      headers: { Origin: own, 'Sec-Fetch-Site': 'same-origin', Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(fromOwnPage.status).toBe(200);
    expect(JSON.parse(fromOwnPage.body)).toMatchObject({ ok: true, value: { total: 0 } });
    const viaLocalhost = await raw({
      path: '/api/runs/list',
      method: 'POST',
      headers: {
        Host: `localhost:${instance.server.port}`,
        Origin: `http://localhost:${instance.server.port}`,
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json; charset=utf-8',
      },
      body: '{}',
    });
    expect(viaLocalhost.status).toBe(200);
  });

  it('open the event stream with ?token= (same origin, or the user opening it)', async () => {
    expect(await streamStatus(`/api/events?token=${token}`, { 'Sec-Fetch-Site': 'same-origin', 'Sec-Fetch-Mode': 'cors' })).toBe(200);
    expect(await streamStatus(`/api/events?token=${token}`, { 'Sec-Fetch-Site': 'none' })).toBe(200);
    expect(await streamStatus(`/api/events`, { Authorization: `Bearer ${token}` })).toBe(200);
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx', undefined])(
    'must send JSON: a body of type %s is refused (415), as no HTML form can send JSON',
    async (type) => {
      const reply = await raw({
        path: '/api/runs/list',
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, ...(type === undefined ? {} : { 'Content-Type': type }) },
        body: '{}',
      });
      expect(reply.status).toBe(415);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', message: expect.stringContaining('application/json') } });
    },
  );
});
