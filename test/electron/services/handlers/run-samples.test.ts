/**
 * run/samples through dispatch on real runs (SQLite, worker threads): an smc run's samples are
 * its particles — in order when count = J, as samples.csv has them — and any count gives exactly
 * the rows of the CSV export of that count, for a particle run and for a GMKI run; a request too
 * large, a run without a posterior and an unknown run are refused with their reasons.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportOutcome, RunRecord, RunSamples } from '../../../../electron/contract';
import { MAX_SAMPLE_NUMBERS } from '../../../../electron/contract/types';
import { createHandlerFixture, smallProblem, type HandlerFixture } from './helpers';

let fixture: HandlerFixture;
let smc: RunRecord;
let gmki: RunRecord;
let failed: RunRecord;

async function runToEnd(problem: Record<string, unknown>, name: string): Promise<RunRecord> {
  const started = await fixture.dispatch('run/start', { problem, problemDir: fixture.dir, name });
  if (!started.ok) throw new Error(started.error.message);
  return fixture.deps.manager.whenSettled((started.value as RunRecord).id);
}

beforeAll(async () => {
  fixture = createHandlerFixture('gmki-run-samples-');
  writeFileSync(join(fixture.dir, 'two-modal.mjs'), 'export function forward([a, b]) { return [(b - a) ** 2]; }\n');
  writeFileSync(join(fixture.dir, 'broken.mjs'), 'export function forward() { return [Number.NaN]; }\n');
  const base = smallProblem('two-modal.mjs');
  smc = await runToEnd({ ...base, settings: { method: 'smc', particles: 60, mhSteps: 3, maxStages: 8, concurrency: 1, posteriorSamples: 60 } }, 'smc');
  gmki = await runToEnd(base, 'gmki');
  failed = await runToEnd(smallProblem('broken.mjs'), 'broken');
}, 120_000);
afterAll(() => fixture.close());

async function samplesOf(runId: string, count: number): Promise<RunSamples> {
  const reply = await fixture.dispatch('run/samples', { runId, count });
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value as RunSamples;
}

/** The rows of the run's samples.csv exported with `count` samples: numbers, and the last column. */
async function csvRows(runId: string, count: number): Promise<{ header: string; rows: number[][]; indices: number[] }> {
  const reply = await fixture.dispatch('run/export', { runId, format: 'csv', samples: count });
  if (!reply.ok) throw new Error(reply.error.message);
  const outcome = reply.value as ExportOutcome;
  if (outcome.kind !== 'download') throw new Error('expected a download');
  const [header, ...lines] = Buffer.from(outcome.base64, 'base64').toString('utf8').trimEnd().split('\n');
  const table = lines.map((line) => line.split(',').map(Number));
  return { header: header!, rows: table.map((row) => row.slice(0, -1)), indices: table.map((row) => row.at(-1)!) };
}

describe('run/samples', () => {
  it('gives an smc run’s particles, in order, when count = J: the rows of samples.csv', async () => {
    expect(smc.status).toBe('completed');
    const samples = await samplesOf(smc.id, 60);
    expect(samples).toMatchObject({ runId: smc.id, iteration: smc.iterationsDone, parameterNames: ['a', 'b'], source: 'particle', count: 60, particles: 60 });
    expect(samples.indices).toEqual(Array.from({ length: 60 }, (_, j) => j));
    const csv = await csvRows(smc.id, 60);
    expect(csv.header).toBe('a,b,particle');
    expect(samples.samples).toEqual(csv.rows);
    // The particles are the last iteration's ensemble (in u = θ here: no bounds).
    const positions = fixture.deps.store.getLatestIteration(smc.id)!.particles!.positions;
    expect(samples.samples.flat()).toEqual(Array.from(positions));
  });

  it('resamples particles by weight for another count, exactly as the export of that count', async () => {
    const [samples, csv] = await Promise.all([samplesOf(smc.id, 150), csvRows(smc.id, 150)]);
    expect(samples.samples).toEqual(csv.rows);
    expect(samples.indices).toEqual(csv.indices);
    expect(new Set(samples.indices).size).toBeLessThan(150);
  });

  it('draws from a GMKI run’s mixture, exactly as the export of that count', async () => {
    const [samples, csv] = await Promise.all([samplesOf(gmki.id, 25), csvRows(gmki.id, 25)]);
    expect(samples).toMatchObject({ source: 'component', count: 25, particles: null });
    expect(samples.samples).toEqual(csv.rows);
    expect(samples.indices).toEqual(csv.indices);
  });

  it('refuses more numbers than one reply carries, naming count and the most it can have', async () => {
    // 25 parameters: 100 000 rows (the most rows) would be 2.5 million numbers.
    const wide = smallProblem('broken.mjs');
    wide.parameters = Array.from({ length: 25 }, (_, i) => ({ name: `p${i}`, prior: { mean: 0, std: 1 } }));
    const run = await runToEnd(wide, 'wide');
    const most = MAX_SAMPLE_NUMBERS / 25;
    const reply = await fixture.dispatch('run/samples', { runId: run.id, count: 100_000 });
    expect(reply).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_REQUEST',
        issues: [{ path: 'count', message: `expected at most ${most} samples of 25 parameters (${MAX_SAMPLE_NUMBERS} numbers), got 100000` }],
      },
    });
  });

  it('refuses a run without a completed iteration (CONFLICT) and an unknown run (NOT_FOUND)', async () => {
    expect(failed.iterationsDone).toBe(0);
    const none = await fixture.dispatch('run/samples', { runId: failed.id, count: 5 });
    expect(none).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: `Run ${failed.id} (broken) has no completed iteration, so it has no posterior to draw samples from.` },
    });
    const missing = await fixture.dispatch('run/samples', { runId: 'no-such-run', count: 5 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
