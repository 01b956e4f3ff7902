/**
 * The gate of every channel: a payload that does not fit the channel's schema is answered with
 * INVALID_REQUEST naming the field, before any handler runs. The table has one row per channel
 * (the compiler refuses a missing one).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel } from '../../../../electron/contract';
import { CHANNELS } from '../../../../electron/contract';
import { createHandlerFixture, type HandlerFixture } from './helpers';

const INVALID: { readonly [C in Channel]: { readonly payload: unknown; readonly field: string; readonly says: RegExp } } = {
  'problem/validate': { payload: { problem: 'x' }, field: 'problem', says: /expected an object, got "x"/ },
  'problem/examples': { payload: { extra: 1 }, field: 'extra', says: /unknown field/ },
  'problem/test-evaluation': { payload: { problem: {}, theta: [1, 'two'] }, field: 'theta[1]', says: /expected a number, got "two"/ },
  'problem/test-evaluations': { payload: { problem: {}, thetas: [[1], []] }, field: 'thetas[1]', says: /expected a list of length ≥ 1, got an empty array/ },
  'problem/read-file': { payload: { path: 'problem.gmki.json' }, field: 'path', says: /absolute path, got "problem.gmki.json"/ },
  'problem/write-file': { payload: { path: '/tmp/p.gmki.json', content: {}, overwrite: 'yes' }, field: 'overwrite', says: /true or false, got "yes"/ },
  'problems/list': { payload: { limit: 3 }, field: 'limit', says: /unknown field/ },
  'problems/get': { payload: { id: 3 }, field: 'id', says: /expected a string, got 3/ },
  'problems/save': { payload: { name: 'n', content: {}, dir: 'relative/dir' }, field: 'dir', says: /absolute path/ },
  'problems/delete': { payload: {}, field: 'id', says: /expected a string, got nothing/ },
  'run/start': { payload: { problem: {}, problemDir: 'here' }, field: 'problemDir', says: /absolute path, got "here"/ },
  'run/cancel': { payload: { runId: 3 }, field: 'runId', says: /expected a string, got 3/ },
  'run/resume': { payload: { runId: '' }, field: 'runId', says: /length ≥ 1/ },
  'run/extend': { payload: { runId: 'r', iterations: 2.5 }, field: 'iterations', says: /expected an integer, got 2.5/ },
  'runs/list': { payload: { status: 'sleeping' }, field: 'status', says: /expected one of queued, running.*got "sleeping"/ },
  'runs/tags': { payload: [], field: '(request)', says: /expected an object, got an empty array/ },
  'run/get': { payload: null, field: 'runId', says: /expected a string/ },
  'run/iterations': { payload: { runId: 'r', from: -1 }, field: 'from', says: /≥ 0, got -1/ },
  'run/samples': { payload: { runId: 'r', count: 0 }, field: 'count', says: /≥ 1, got 0/ },
  'run/evaluations': { payload: { runId: 'r', failedOnly: 'yes' }, field: 'failedOnly', says: /true or false, got "yes"/ },
  'run/logs': { payload: { runId: 'r', limit: 0 }, field: 'limit', says: /≥ 1, got 0/ },
  'run/diagnostics': { payload: { runId: 7 }, field: 'runId', says: /expected a string, got 7/ },
  'run/fields': { payload: { runId: 'r', iteration: -1 }, field: 'iteration', says: /≥ 0/ },
  'run/rename': { payload: { runId: 'r', name: '   ' }, field: 'name', says: /length ≥ 1/ },
  'run/notes': { payload: { runId: 'r' }, field: 'notes', says: /expected a string, got nothing/ },
  'run/tags': { payload: { runId: 'r', tags: 'a,b' }, field: 'tags', says: /expected an array, got "a,b"/ },
  'run/delete': { payload: { runId: ['r'] }, field: 'runId', says: /expected a string, got an array of 1 item/ },
  'run/duplicate': { payload: { run: 'r' }, field: 'run', says: /unknown field/ },
  'run/export': { payload: { runId: 'r', format: 'pdf' }, field: 'format', says: /expected one of csv, json, npz, problem, got "pdf"/ },
  'settings/defaults': { payload: 'all', field: '(request)', says: /expected an object, got "all"/ },
};

let fixture: HandlerFixture;
beforeAll(() => {
  fixture = createHandlerFixture();
});
afterAll(() => fixture.close());

describe('dispatch', () => {
  it.each(CHANNELS.map((channel) => [channel]))('answers INVALID_REQUEST naming the field for a bad %s payload', async (channel) => {
    const { payload, field, says } = INVALID[channel];
    const result = await fixture.dispatch(channel, payload);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_REQUEST');
    const issue = result.error.issues?.find((i) => i.path === field);
    expect(issue, JSON.stringify(result.error)).toBeDefined();
    expect(issue!.message).toMatch(says);
    expect(result.error.message).toContain(`${field}: `);
  });

  it('says which channel does not exist', async () => {
    const result = await fixture.dispatch('run/explode', {});
    expect(result).toEqual({ ok: false, error: { code: 'INVALID_REQUEST', message: 'unknown channel "run/explode"' } });
  });

  it('reads a missing payload of a channel without parameters as {}', async () => {
    const result = await fixture.dispatch('runs/tags', undefined);
    expect(result).toEqual({ ok: true, value: [] });
  });
});
