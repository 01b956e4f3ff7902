/**
 * run/export through dispatch on a real run whose model failed in iteration 1: the run holds only
 * the initial mixture (iteration 0), which is drawn from the prior and is no posterior.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportOutcome, RunRecord } from '../../../../electron/contract';
import { createHandlerFixture, smallProblem, type HandlerFixture } from './helpers';

let fixture: HandlerFixture;
let failed: RunRecord;
beforeAll(async () => {
  fixture = createHandlerFixture('gmki-export-handler-');
  writeFileSync(join(fixture.dir, 'broken.mjs'), 'export function forward() { return [Number.NaN]; }\n');
  const started = await fixture.dispatch('run/start', { problem: smallProblem('broken.mjs'), problemDir: fixture.dir, name: 'broken at once' });
  if (!started.ok) throw new Error(started.error.message);
  failed = await fixture.deps.manager.whenSettled((started.value as RunRecord).id);
});
afterAll(() => fixture.close());

describe('run/export of a run that completed no iteration', () => {
  it('is a failed run with iteration 0 only', () => {
    expect(failed).toMatchObject({ status: 'failed', iterationsDone: 0 });
    expect(fixture.deps.store.getLatestIteration(failed.id)?.iteration).toBe(0);
  });

  it('refuses samples, NPZ and mixture with a CONFLICT that says why, as a download and as a file', async () => {
    for (const format of ['csv', 'npz', 'json'] as const) {
      for (const path of [undefined, join(fixture.dir, `out.${format}`)]) {
        const reply = await fixture.dispatch('run/export', { runId: failed.id, format, path });
        expect(reply.ok, `${format} ${path ?? 'download'}`).toBe(false);
        if (reply.ok) continue;
        expect(reply.error.code).toBe('CONFLICT');
        expect(reply.error.message).toContain(`Run ${failed.id} (broken at once) completed no iteration (failed: `);
        expect(reply.error.message).toContain('so it has no posterior to export');
      }
    }
  });

  it('still exports the problem file, to fix and run again', async () => {
    const reply = await fixture.dispatch('run/export', { runId: failed.id, format: 'problem' });
    expect(reply.ok).toBe(true);
    expect((reply as { value: ExportOutcome }).value).toMatchObject({ kind: 'download', fileName: 'broken-at-once.gmki.json' });
  });
});
