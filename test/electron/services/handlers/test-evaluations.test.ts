/**
 * problem/test-evaluations through dispatch with real worker threads: several θ in one model
 * host started once, every θ evaluated whatever the others did, bad requests named.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestEvaluations } from '../../../../electron/contract';
import { createHandlerFixture, smallProblem, type HandlerFixture } from './helpers';

let fixture: HandlerFixture;
beforeAll(() => {
  fixture = createHandlerFixture('gmki-test-evaluations-');
  // A module-level count: one host (one worker, module imported once) numbers the calls 1, 2, 3 …
  writeFileSync(
    join(fixture.dir, 'counting.mjs'),
    'let calls = 0;\nexport function forward([a, b]) {\n  calls += 1;\n  if (a === 99) throw new Error("no convergence at a = 99");\n  return [calls];\n}\n',
  );
  writeFileSync(join(fixture.dir, 'square.mjs'), 'export function forward([a, b]) { return [(b - a) ** 2]; }\n');
});
afterAll(() => fixture.close());

async function batch(problem: Record<string, unknown>, thetas: number[][]): Promise<TestEvaluations> {
  const reply = await fixture.dispatch('problem/test-evaluations', { problem, problemDir: fixture.dir, thetas });
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.value as TestEvaluations;
}

describe('problem/test-evaluations', () => {
  it('evaluates every θ in order in one host started once, and times the batch and the start', async () => {
    const result = await batch(smallProblem('counting.mjs'), [
      [0, 0],
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    // settings.concurrency is 1 in smallProblem: one worker, so the module saw four calls.
    expect(result.concurrency).toBe(1);
    expect(result.points.map((point) => point.output)).toEqual([[1], [2], [3], [4]]);
    expect(result.points.map((point) => point.theta)).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    expect(result.points.every((point) => point.lengthOk && point.error === null && point.expectedLength === 1)).toBe(true);
    expect(result.setupSeconds).toBeGreaterThan(0);
    expect(result.seconds).toBeGreaterThanOrEqual(Math.max(...result.points.map((point) => point.seconds)));
  });

  it("goes on after a failed θ, which keeps the model's own words", async () => {
    const result = await batch(smallProblem('counting.mjs'), [
      [0, 0],
      [99, 0],
      [2, 2],
    ]);
    expect(result.points.map((point) => point.error)).toEqual([null, 'no convergence at a = 99', null]);
    expect(result.points[1]).toMatchObject({ output: null, lengthOk: false });
    expect(result.points[2]!.output).toEqual([3]);
  });

  it("runs the problem's concurrency at a time, at most one per θ", async () => {
    const parallel = { ...smallProblem('square.mjs'), settings: { ...(smallProblem('square.mjs').settings as object), concurrency: 2 } };
    const result = await batch(parallel, [
      [0, 1],
      [0, 2],
      [0, 3],
    ]);
    expect(result.concurrency).toBe(2);
    expect(result.points.map((point) => point.output)).toEqual([[1], [4], [9]]);
    expect((await batch(parallel, [[1, 1]])).concurrency).toBe(1);
  });

  it('names a θ of the wrong length, and answers MODEL_SETUP for a model that cannot start', async () => {
    const short = await fixture.dispatch('problem/test-evaluations', { problem: smallProblem('square.mjs'), problemDir: fixture.dir, thetas: [[1, 2], [1]] });
    expect(short).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST', issues: [{ path: 'thetas[1]', message: 'expected 2 numbers (one per parameter), got 1' }] },
    });
    const missing = await fixture.dispatch('problem/test-evaluations', { problem: smallProblem('nowhere.mjs'), problemDir: fixture.dir, thetas: [[1, 2]] });
    expect(missing).toMatchObject({ ok: false, error: { code: 'MODEL_SETUP', issues: [{ path: 'model.path' }] } });
  });
});
