/**
 * The run handlers through dispatch with real worker threads and SQLite: start, status events,
 * cancel and resume, extend, the state conflicts, annotations, lists, ledger, log and duplicate.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuplicatedProblem, EvaluationPage, LogEntry, RunList, RunRecord, RunStatusChange, ValidationOutcome } from '../../../../electron/contract';
import { createHandlerFixture, smallProblem, type HandlerFixture } from './helpers';

let fixture: HandlerFixture;
const statuses: RunStatusChange[] = [];
beforeAll(() => {
  fixture = createHandlerFixture();
  fixture.deps.events.subscribe('run/status', (change) => statuses.push(change));
  writeFileSync(join(fixture.dir, 'model.mjs'), 'export function forward([a, b]) { console.error("hello from the model"); return [(b - a) ** 2]; }\n');
  writeFileSync(join(fixture.dir, 'slow.mjs'), 'export async function forward([a, b]) { await new Promise((r) => setTimeout(r, 40)); return [(b - a) ** 2]; }\n');
});
afterAll(() => fixture.close());

async function call<T>(channel: string, payload: unknown): Promise<T> {
  const result = await fixture.dispatch(channel, payload);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

async function codeOf(channel: string, payload: unknown): Promise<string | null> {
  const result = await fixture.dispatch(channel, payload);
  return result.ok ? null : result.error.code;
}

async function waitForStatus(runId: string, status: string, timeoutMs = 60_000): Promise<RunRecord> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const run = await call<RunRecord>('run/get', { runId });
    if (run.status === status) return run;
    if (Date.now() > until) throw new Error(`run ${runId} is ${run.status}, not ${status}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Resolves once the hub has emitted run/status `status` for the run (at once if it already has). */
function statusReported(runId: string, status: string): Promise<void> {
  const seen = (change: RunStatusChange) => change.runId === runId && change.status === status;
  if (statuses.some(seen)) return Promise.resolve();
  return new Promise((resolve) => {
    const off = fixture.deps.events.subscribe('run/status', (change) => {
      if (!seen(change)) return;
      off();
      resolve();
    });
  });
}

describe('run lifecycle', () => {
  it('starts a run (queued), reports running and completed, then extends it', async () => {
    const run = await call<RunRecord>('run/start', { problem: smallProblem('model.mjs', 2), problemDir: fixture.dir, name: 'first' });
    expect(run).toMatchObject({ status: 'queued', name: 'first', problemDir: fixture.dir, iterations: 2 });
    expect(run.modelHash).toMatch(/^[0-9a-f]{64}$/);
    const done = await fixture.deps.manager.whenSettled(run.id);
    expect(done.status).toBe('completed');
    await statusReported(run.id, 'completed');
    expect(statuses.filter((s) => s.runId === run.id).map((s) => s.status)).toEqual(['queued', 'running', 'completed']);

    expect(await fixture.dispatch('run/resume', { runId: run.id })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: `Run ${run.id} cannot be resumed: it is completed (extend it to add iterations).` },
    });
    expect(await codeOf('run/cancel', { runId: run.id })).toBe('CONFLICT');
    // Past the 10 000 iterations a run may have: refused before its target changes.
    const tooMany = await fixture.dispatch('run/extend', { runId: run.id, iterations: 9999 });
    expect(tooMany.ok ? null : tooMany.error).toEqual({
      code: 'INVALID_REQUEST',
      message: `Run ${run.id} cannot be extended: iterations: expected at most 9998 more (a run has at most 10000 iterations and this one has 2), got 9999.`,
    });
    expect((await call<RunRecord>('run/get', { runId: run.id })).iterations).toBe(2);
    // More than a run may have in all is refused by the request's schema (core's MAX_ITERATIONS).
    const beyond = await fixture.dispatch('run/extend', { runId: run.id, iterations: 10_001 });
    expect(beyond.ok ? null : { code: beyond.error.code, paths: beyond.error.issues?.map((issue) => issue.path) }).toEqual({
      code: 'INVALID_REQUEST',
      paths: ['iterations'],
    });
    const extended = await call<RunRecord>('run/extend', { runId: run.id, iterations: 2 });
    expect(extended).toMatchObject({ iterations: 4, status: 'queued' });
    const after = await fixture.deps.manager.whenSettled(run.id);
    expect(after).toMatchObject({ status: 'completed', iterationsDone: 4, forwardEvaluations: 40 });

    const evaluations = await call<EvaluationPage>('run/evaluations', { runId: run.id, iteration: 1, limit: 3 });
    expect(evaluations.total).toBe(10);
    expect(evaluations.evaluations).toHaveLength(3);
    const logs = await call<LogEntry[]>('run/logs', { runId: run.id });
    expect(logs.some((line) => line.text.includes('hello from the model'))).toBe(true);
    const later = await call<LogEntry[]>('run/logs', { runId: run.id, afterSeq: logs.at(-1)!.seq });
    expect(later).toEqual([]);
  });

  it('cancels a running run, refuses to delete it while it runs, and resumes it to completion', async () => {
    const run = await call<RunRecord>('run/start', { problem: smallProblem('slow.mjs', 6), problemDir: fixture.dir });
    await waitForStatus(run.id, 'running');
    expect(await codeOf('run/delete', { runId: run.id })).toBe('CONFLICT');
    expect(await codeOf('run/extend', { runId: run.id, iterations: 1 })).toBe('CONFLICT');
    await call<RunRecord>('run/cancel', { runId: run.id });
    const cancelled = await fixture.deps.manager.whenSettled(run.id);
    expect(cancelled.status).toBe('cancelled');
    const resumed = await call<RunRecord>('run/resume', { runId: run.id });
    expect(resumed.status).toBe('queued');
    expect((await fixture.deps.manager.whenSettled(run.id)).status).toBe('completed');
  });

  it('refuses an invalid problem with every error and a missing model file with MODEL_SETUP, storing nothing', async () => {
    const before = (await call<RunList>('runs/list', {})).total;
    const invalid = await fixture.dispatch('run/start', { problem: { ...smallProblem('model.mjs'), name: '' } });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'INVALID_PROBLEM', issues: [{ path: 'name' }] } });
    const missing = await fixture.dispatch('run/start', { problem: smallProblem('missing.mjs'), problemDir: fixture.dir });
    expect(missing).toMatchObject({ ok: false, error: { code: 'MODEL_SETUP', issues: [{ path: 'model.path' }] } });
    expect((await call<RunList>('runs/list', {})).total).toBe(before);
  });

  it('answers NOT_FOUND for a run that does not exist', async () => {
    for (const channel of ['run/get', 'run/cancel', 'run/resume', 'run/iterations', 'run/logs', 'run/delete', 'run/duplicate']) {
      expect(await codeOf(channel, { runId: 'no-such-run' }), channel).toBe('NOT_FOUND');
    }
    expect(await codeOf('run/export', { runId: 'no-such-run', format: 'csv' })).toBe('NOT_FOUND');
    expect(await codeOf('run/rename', { runId: 'no-such-run', name: 'x' })).toBe('NOT_FOUND');
  });
});

describe('browsing and annotating runs', () => {
  it('renames, annotates and tags a run, and finds it by search, tag and status with the total', async () => {
    const run = await call<RunRecord>('run/start', { problem: smallProblem('model.mjs', 1), problemDir: fixture.dir, name: 'to annotate' });
    await fixture.deps.manager.whenSettled(run.id);
    expect((await call<RunRecord>('run/rename', { runId: run.id, name: '  renamed run  ' })).name).toBe('renamed run');
    expect((await call<RunRecord>('run/notes', { runId: run.id, notes: 'looks bimodal' })).notes).toBe('looks bimodal');
    expect((await call<RunRecord>('run/tags', { runId: run.id, tags: ['paper', 'fig3', 'paper'] })).tags).toEqual(['fig3', 'paper']);

    expect((await call<RunList>('runs/list', { search: 'bimodal' })).runs.map((r) => r.id)).toEqual([run.id]);
    expect((await call<RunList>('runs/list', { tag: 'fig3' })).runs.map((r) => r.id)).toEqual([run.id]);
    const page = await call<RunList>('runs/list', { status: 'completed', limit: 1 });
    expect(page.runs).toHaveLength(1);
    expect(page.total).toBeGreaterThan(1);
    expect(await call('runs/tags', {})).toEqual([
      { tag: 'fig3', runs: 1 },
      { tag: 'paper', runs: 1 },
    ]);
  });

  it('duplicates a run as a valid problem to open in the editor, and deletes the run', async () => {
    const run = await call<RunRecord>('run/start', { problem: smallProblem('model.mjs', 1), problemDir: fixture.dir });
    await fixture.deps.manager.whenSettled(run.id);
    const copy = await call<DuplicatedProblem>('run/duplicate', { runId: run.id });
    expect(copy.problemDir).toBe(fixture.dir);
    expect((await call<ValidationOutcome>('problem/validate', { problem: copy.problem })).valid).toBe(true);
    const deleted: string[] = [];
    const stop = fixture.deps.events.subscribe('run/deleted', ({ runId }) => deleted.push(runId));
    expect(await call('run/delete', { runId: run.id })).toEqual({ done: true });
    stop();
    expect(deleted).toEqual([run.id]);
    expect(await codeOf('run/get', { runId: run.id })).toBe('NOT_FOUND');
  });
});
