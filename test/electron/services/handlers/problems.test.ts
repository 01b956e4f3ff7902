/**
 * The problem editor's handlers through dispatch: validation with every error or the budget,
 * the examples, a test evaluation in the model's real host, saved problems, settings defaults.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExampleInfo, SavedProblem, SettingsDefaults, TestEvaluation, ValidationOutcome } from '../../../../electron/contract';
import { resolveSettings } from '../../../../core/problem/settings';
import { SETTING_EXPLANATIONS } from '../../../../electron/services/handlers/settings';
import { createHandlerFixture, smallProblem, type HandlerFixture } from './helpers';

let fixture: HandlerFixture;
beforeAll(() => {
  fixture = createHandlerFixture();
  writeFileSync(join(fixture.dir, 'model.mjs'), 'export function forward([a, b]) { console.error("evaluating"); return [(b - a) ** 2]; }\n');
  writeFileSync(join(fixture.dir, 'wrong-length.mjs'), 'export function forward([a, b]) { return [a, b, 0]; }\n');
  writeFileSync(join(fixture.dir, 'throws.mjs'), "export function forward() { throw new Error('no convergence'); }\n");
});
afterAll(() => fixture.close());

async function call<T>(channel: string, payload: unknown): Promise<T> {
  const result = await fixture.dispatch(channel, payload);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describe('problem/validate', () => {
  it('reports the evaluation budget K·(2d+1)·iterations of a valid problem', async () => {
    const outcome = await call<ValidationOutcome>('problem/validate', { problem: smallProblem('model.mjs', 7) });
    expect(outcome).toMatchObject({ valid: true, summary: { nTheta: 2, nOutputs: 1, modelType: 'javascript', evaluationsPerIteration: 10, evaluationBudget: 70 } });
  });

  it('reports every error of an invalid problem with its JSON path, as the command line does', async () => {
    const problem = { ...smallProblem('model.mjs'), parameters: [{ name: 'a', prior: { mean: 0, std: -1 } }], observations: { values: [], noise: { std: 1 } } };
    const outcome = await call<ValidationOutcome>('problem/validate', { problem });
    expect(outcome.valid).toBe(false);
    if (outcome.valid) return;
    expect(outcome.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['parameters[0].prior.std', 'observations.values']));
  });
});

describe('problem/examples', () => {
  it('lists every built-in example with a valid problem', async () => {
    const examples = await call<ExampleInfo[]>('problem/examples', {});
    expect(examples.map((e) => e.id)).toContain('two-modal-2d');
    for (const example of examples) {
      expect((await call<ValidationOutcome>('problem/validate', { problem: example.problem })).valid).toBe(true);
    }
  });
});

describe('problem/test-evaluation', () => {
  it('evaluates the model at the prior mean in its worker and reports the output, length check and time', async () => {
    const result = await call<TestEvaluation>('problem/test-evaluation', { problem: smallProblem('model.mjs'), problemDir: fixture.dir });
    expect(result).toMatchObject({ theta: [0.5, -1], output: [2.25], expectedLength: 1, lengthOk: true, error: null });
    expect(result.seconds).toBeGreaterThanOrEqual(0);
    expect(result.setupSeconds).toBeGreaterThan(0);
  });

  it('evaluates at a given θ', async () => {
    const result = await call<TestEvaluation>('problem/test-evaluation', { problem: smallProblem('model.mjs'), problemDir: fixture.dir, theta: [1, 3] });
    expect(result.output).toEqual([4]);
  });

  it('fails the length check of an output of the wrong length, and quotes a model that throws', async () => {
    const wrong = await call<TestEvaluation>('problem/test-evaluation', { problem: smallProblem('wrong-length.mjs'), problemDir: fixture.dir });
    // The numbers that came back are shown with the failure, not hidden behind it.
    expect(wrong).toMatchObject({ output: null, returned: [0.5, -1, 0], expectedLength: 1, lengthOk: false, error: 'it returned 3 numbers, expected 1' });
    const throws = await call<TestEvaluation>('problem/test-evaluation', { problem: smallProblem('throws.mjs'), problemDir: fixture.dir });
    expect(throws).toMatchObject({ output: null, returned: null, lengthOk: false });
    expect(throws.error).toContain('no convergence');
  });

  it('answers MODEL_SETUP naming model.path for a missing model file, and INVALID_REQUEST for a θ of the wrong length', async () => {
    const missing = await fixture.dispatch('problem/test-evaluation', { problem: smallProblem('nowhere.mjs'), problemDir: fixture.dir });
    expect(missing).toMatchObject({ ok: false, error: { code: 'MODEL_SETUP', issues: [{ path: 'model.path' }] } });
    const short = await fixture.dispatch('problem/test-evaluation', { problem: smallProblem('model.mjs'), problemDir: fixture.dir, theta: [1] });
    expect(short).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', issues: [{ path: 'theta' }] } });
  });

  it('answers INVALID_PROBLEM with every error, and NOT_FOUND for a folder that does not exist', async () => {
    const invalid = await fixture.dispatch('problem/test-evaluation', { problem: { format: 'gmki-problem/1' } });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'INVALID_PROBLEM' } });
    if (!invalid.ok) expect(invalid.error.issues!.length).toBeGreaterThan(1);
    const nowhere = await fixture.dispatch('problem/test-evaluation', { problem: smallProblem('model.mjs'), problemDir: join(fixture.dir, 'nope') });
    expect(nowhere).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', issues: [{ path: 'problemDir' }] } });
  });
});

describe('saved problems', () => {
  it('saves, lists, gets, updates and deletes a draft (drafts need not be valid)', async () => {
    const saved = await call<SavedProblem>('problems/save', { name: 'draft', content: { format: 'gmki-problem/1' }, dir: fixture.dir });
    expect((await call<SavedProblem[]>('problems/list', {})).map((p) => p.id)).toContain(saved.id);
    const updated = await call<SavedProblem>('problems/save', { id: saved.id, name: 'draft 2', content: smallProblem('model.mjs') });
    expect(updated).toMatchObject({ id: saved.id, name: 'draft 2', createdAt: saved.createdAt, dir: null });
    expect((await call<SavedProblem>('problems/get', { id: saved.id })).content).toEqual(smallProblem('model.mjs'));
    expect(await call('problems/delete', { id: saved.id })).toEqual({ done: true });
    expect(await fixture.dispatch('problems/get', { id: saved.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await fixture.dispatch('problems/save', { id: saved.id, name: 'x', content: {} })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('settings/defaults', () => {
  it('gives every setting the engine resolves, with its default here and a one-line explanation', async () => {
    const defaults = await call<SettingsDefaults>('settings/defaults', {});
    const resolved = resolveSettings(undefined, { cpuCount: 2 }) as unknown as Record<string, unknown>;
    expect(defaults.settings.map((s) => s.key)).toEqual(Object.keys(resolved));
    for (const setting of defaults.settings) {
      expect(setting.default).toEqual(resolved[setting.key]);
      expect(setting.explanation.length, setting.key).toBeGreaterThan(20);
      expect(setting.explanation).not.toContain('\n');
    }
    expect(defaults.settings.find((s) => s.key === 'concurrency')!.default).toBe(2);
    expect(Object.keys(SETTING_EXPLANATIONS).every((key) => key in resolved)).toBe(true);
  });
});
