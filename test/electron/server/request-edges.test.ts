/**
 * Odd requests a holder of the token might send, and what run names can do to replies: a channel
 * name that is not valid percent-encoding is a bad request (it was a 500 "internal error"), and a
 * run name with line breaks and quotes never reaches a header — downloads travel as JSON, their
 * file name is made safe, and no reply carries Content-Disposition or a cookie.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportOutcome } from '../../../electron/contract';
import { serveApp, type ServeInstance } from '../../../electron/server/app';
import { openRunStore, type RunStore } from '../../../electron/services/store';
import { boundedProblemJson, makeTempDir, removeDir, storeRun, sumProductModel } from '../services/export/fixtures';
import { client, rawRequest, value } from './helpers';

let dir: string;
let store: RunStore;
let instance: ServeInstance;
let runId: string;

beforeAll(async () => {
  dir = makeTempDir();
  store = openRunStore(join(dir, 'runs.sqlite'));
  runId = storeRun(store, boundedProblemJson(), sumProductModel, { problemDir: dir }).runId;
  instance = await serveApp({ store, port: 0, rendererDir: join(dir, 'no-renderer'), defaultProblemDir: dir });
});
afterAll(async () => {
  await instance.close();
  store.close();
  removeDir(dir);
});

const post = (path: string, body: string) =>
  rawRequest(instance.server.port, {
    path,
    method: 'POST',
    headers: { Authorization: `Bearer ${instance.server.token}`, 'Content-Type': 'application/json' },
    body,
  });

describe('odd requests', () => {
  it.each(['/api/%E0%A4%A', '/api/run%2', '/api/%'])('answers a channel name that is not valid percent-encoding (%s) with 400 and JSON', async (path) => {
    const reply = await post(path, '{}');
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toEqual({ ok: false, error: { code: 'INVALID_REQUEST', message: 'The address names no channel: it is not valid percent-encoding.' } });
  });

  it('answers an unknown channel as the contract says (INVALID_REQUEST in the envelope)', async () => {
    const reply = await post('/api/run%2Fnothing', '{}');
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', message: 'unknown channel "run/nothing"' } });
  });
});

describe('run names in replies', () => {
  it('never reach a header: a name with line breaks and quotes gives a safe download file name', async () => {
    const api = client(`http://127.0.0.1:${instance.server.port}`, instance.server.token);
    const name = 'x"\r\nSet-Cookie: stolen=1\r\nContent-Disposition: attachment; filename="../../evil.sh"';
    value(await api.call('run/rename', { runId, name }));
    const reply = await post('/api/run/export', JSON.stringify({ runId, format: 'csv', samples: 3 }));
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.headers)).not.toContain('set-cookie');
    expect(Object.keys(reply.headers)).not.toContain('content-disposition');
    const outcome = (JSON.parse(reply.body) as { value: ExportOutcome }).value;
    expect(outcome.kind).toBe('download');
    if (outcome.kind !== 'download') return;
    expect(outcome.fileName).toMatch(/^[\p{L}\p{N}._-]+$/u);
    expect(outcome.fileName.startsWith('.')).toBe(false);
    expect(outcome.fileName.endsWith('-samples.csv')).toBe(true);
  });
});
