/**
 * run/fields on real runs (SQLite, run worker threads) with a real field hook in worker threads:
 * the hook at each component's centre, heaviest first, and at the reference; another iteration;
 * a failure at one θ that leaves the others; grids of the wrong shape in the checker's words;
 * null without a hook; NOT_FOUND and MODEL_SETUP.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError, RunFields, RunRecord } from '../../../../electron/contract';
import { componentCentre } from '../../../../core/results/reference';
import { parseProblem } from '../../../../core/problem/parse';
import { createHandlerFixture, smallProblem, type HandlerFixture } from './helpers';

let fixture: HandlerFixture;
beforeAll(() => {
  fixture = createHandlerFixture('gmki-run-fields-');
  writeFileSync(join(fixture.dir, 'model.mjs'), 'export function forward([a, b]) { return [(b - a) ** 2]; }\n');
  // θ itself as a 2×1 grid; the reference (a = 9) is where the hook breaks.
  writeFileSync(
    join(fixture.dir, 'fields.mjs'),
    'export function fields([a, b]) {\n  if (a === 9) throw new Error("no field at the truth");\n  return { theta: { nx: 2, ny: 1, values: [a, b], label: "θ" } };\n}\n',
  );
  // A 2×2 grid with the two values of θ only.
  writeFileSync(join(fixture.dir, 'short.mjs'), 'export const fields = (theta) => ({ k: { nx: 2, ny: 2, values: theta } });\n');
});
afterAll(() => fixture.close());

async function call<T>(channel: string, payload: unknown): Promise<T> {
  const result = await fixture.dispatch(channel, payload);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

async function errorOf(channel: string, payload: unknown): Promise<AppError> {
  const result = await fixture.dispatch(channel, payload);
  if (result.ok) throw new Error(`${channel} succeeded: ${JSON.stringify(result.value)}`);
  return result.error;
}

/** A completed run of the small problem with `extra` top-level entries (fields, reference). */
async function completedRun(extra: Record<string, unknown>): Promise<RunRecord> {
  const problem = { ...smallProblem('model.mjs', 3), ...extra };
  const run = await call<RunRecord>('run/start', { problem, problemDir: fixture.dir });
  expect((await fixture.deps.manager.whenSettled(run.id)).status).toBe('completed');
  return call<RunRecord>('run/get', { runId: run.id });
}

describe('run/fields', () => {
  it("evaluates the hook at every component's centre, heaviest first, and at the reference, which fails alone", async () => {
    // b is bounded below: its centre is the median of the component's marginal, as the distances use.
    const run = await completedRun({
      fields: { path: 'fields.mjs' },
      reference: { theta: [9, 1], label: 'truth' },
      parameters: [
        { name: 'a', prior: { mean: 0.5, std: 1 } },
        { name: 'b', prior: { mean: 1, std: 1, lower: -3 } },
      ],
    });
    const fields = (await call<RunFields | null>('run/fields', { runId: run.id }))!;
    expect(fields.iteration).toBe(3);
    expect(fields.omitted).toBe(0);
    const last = fixture.deps.store.getIterations(run.id, { from: 3, to: 3 })[0]!.mixture;
    const parsed = parseProblem(run.problem);
    if (!parsed.ok) throw new Error('the stored problem should parse');
    const weights = Array.from(last.logWeights, Math.exp);
    expect(fields.components.map((c) => c.component)).toEqual(weights[0]! >= weights[1]! ? [0, 1] : [1, 0]);
    for (const entry of fields.components) {
      const centre = Array.from(componentCentre(last, entry.component, parsed.problem.transforms));
      expect(entry.theta).toEqual(centre);
      expect(entry.weight).toBeCloseTo(weights[entry.component]! / (weights[0]! + weights[1]!), 12);
      expect(entry.error).toBeNull();
      expect(entry.grids).toEqual([{ name: 'theta', label: 'θ', nx: 2, ny: 1, x: [0, 1], y: [0, 0], values: centre }]);
    }
    expect(fields.reference).toMatchObject({ label: 'truth', theta: [9, 1], grids: null, error: 'no field at the truth' });
    expect(fields.seconds).toBeGreaterThan(0);
  }, 120_000);

  it('takes another iteration, answers null without a hook, and NOT_FOUND for an iteration or a run that is not there', async () => {
    const run = await completedRun({ fields: { path: 'fields.mjs' } });
    const first = (await call<RunFields | null>('run/fields', { runId: run.id, iteration: 1 }))!;
    expect(first.iteration).toBe(1);
    expect(first.reference).toBeNull();
    const missing = await errorOf('run/fields', { runId: run.id, iteration: 7 });
    expect(missing).toMatchObject({ code: 'NOT_FOUND', message: `Run ${run.id} has no iteration 7 (it has 3).` });
    expect((await errorOf('run/fields', { runId: 'no-such-run' })).code).toBe('NOT_FOUND');
    const plain = await completedRun({});
    expect(await call<RunFields | null>('run/fields', { runId: plain.id })).toBeNull();
  }, 120_000);

  it("gives every θ the checker's sentence when the hook answers grids of the wrong shape", async () => {
    const run = await completedRun({ fields: { path: 'short.mjs' }, reference: { theta: [1, 2] } });
    const fields = (await call<RunFields | null>('run/fields', { runId: run.id }))!;
    expect(fields.components).toHaveLength(2);
    for (const entry of [...fields.components, fields.reference!]) {
      expect(entry).toMatchObject({ grids: null, error: 'field "k".values: expected nx·ny = 2·2 = 4 numbers, got 2' });
    }
  }, 120_000);

  it("says MODEL_SETUP naming fields.path when the hook's module is not there", async () => {
    const run = await completedRun({ fields: { path: 'gone.mjs' } });
    const refused = await errorOf('run/fields', { runId: run.id });
    expect(refused.code).toBe('MODEL_SETUP');
    expect(refused.issues?.[0]).toEqual({ path: 'fields.path', message: `fields module "gone.mjs" not found (looked for ${join(fixture.dir, 'gone.mjs')})` });
  }, 120_000);
});
