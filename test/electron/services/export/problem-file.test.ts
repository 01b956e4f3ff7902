import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseProblem } from '../../../../core/problem/parse';
import type { ProblemFileAsRun } from '../../../../core/problem/types';
import { buildExport, exportRun, problemWithAbsolutePaths } from '../../../../electron/services/export/index';
import { createModelHost } from '../../../../electron/services/models';
import { openRunStore } from '../../../../electron/services/store/index';
import type { RunStore } from '../../../../electron/services/store/index';
import { boundedProblemJson, makeTempDir, parseOrThrow, removeDir, storeRun, sumProductModel, writeModelFile } from './fixtures';

describe('problem export', () => {
  let dir: string;
  let problemDir: string;
  let store: RunStore;
  beforeAll(() => {
    dir = makeTempDir();
    problemDir = join(dir, 'project');
    writeModelFile(problemDir);
    store = openRunStore(join(dir, 'gmki.sqlite'));
  });
  afterAll(() => {
    store.close();
    removeDir(dir);
  });

  it('writes the problem as run, valid under parseProblem, with the model path made absolute so it runs from anywhere', async () => {
    const { runId } = storeRun(store, boundedProblemJson(), sumProductModel, { problemDir });
    const elsewhere = join(dir, 'somewhere', 'else');
    const { file, bytes } = await exportRun(store, runId, 'problem', join(elsewhere, 'again.gmki.json'));
    const text = readFileSync(file, 'utf8');
    expect(bytes).toBe(Buffer.byteLength(text));
    expect(text).toMatch(/^\{\n {2}"format": "gmki-problem\/1",\n/);
    const json = JSON.parse(text);

    const parsed = parseProblem(json);
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    expect(json.model.path).toBe(join(problemDir, 'models', 'sum-product.mjs'));
    expect(isAbsolute(json.model.path)).toBe(true);
    const stored = store.getRun(runId)!.problem;
    expect({ ...json, model: stored.model }).toEqual(stored);
    // Settings are those of the run, resolved: running the file again reproduces the run.
    expect(json.settings).toEqual(stored.settings);
    expect(parseOrThrow(json).settings).toEqual(stored.settings);

    // Loaded against a folder that is not the problem's own, the model is found and evaluates.
    const host = await createModelHost(parseOrThrow(json).model, {
      problemDir: elsewhere,
      nTheta: 2,
      nOutputs: 2,
      concurrency: 1,
      log: () => {},
    });
    try {
      const [outcome] = await host.evaluateBatch([{ index: 0, theta: [1, 2] }]);
      expect(outcome!.output).toEqual([3, 2]);
    } finally {
      await host.close();
    }
  });

  it('exports the problem of a run that has no committed iteration yet', async () => {
    const run = store.createRun({
      name: 'queued',
      problem: parseOrThrow(boundedProblemJson()).file,
      problemDir,
      nTheta: 2,
      softwareName: 'gmki-studio',
      softwareVersion: '0',
      modelHash: null,
    });
    const json = JSON.parse(new TextDecoder().decode((await buildExport(store, run.id, 'problem')).data));
    expect(json.model).toEqual({ type: 'javascript', path: join(problemDir, 'models', 'sum-product.mjs') });
  });

  it('gives a command model an absolute working folder and leaves absolute, builtin and folder-less problems alone', () => {
    const withModel = (model: Record<string, unknown>): ProblemFileAsRun => ({ ...parseOrThrow(boundedProblemJson()).file, model });
    const command = (model: Record<string, unknown>, dirOf: string | null = problemDir) =>
      problemWithAbsolutePaths({ problem: withModel(model), problemDir: dirOf }).model;
    expect(command({ type: 'command', command: ['python3', 'model.py'] })).toEqual({ type: 'command', command: ['python3', 'model.py'], cwd: problemDir });
    expect(command({ type: 'command', command: ['./run.sh'], cwd: 'bin' })).toMatchObject({ cwd: join(problemDir, 'bin') });
    expect(command({ type: 'command', command: ['x'], cwd: '/opt/model' })).toMatchObject({ cwd: '/opt/model' });
    expect(command({ type: 'javascript', path: '/opt/model.mjs' })).toEqual({ type: 'javascript', path: '/opt/model.mjs' });
    expect(command({ type: 'builtin', name: 'two-modal-2d' })).toEqual({ type: 'builtin', name: 'two-modal-2d' });
    expect(command({ type: 'umbridge', url: 'http://localhost:4242', name: 'forward' })).toEqual({ type: 'umbridge', url: 'http://localhost:4242', name: 'forward' });
    expect(command({ type: 'javascript', path: 'model.mjs' }, null)).toEqual({ type: 'javascript', path: 'model.mjs' });

    const original = withModel({ type: 'javascript', path: 'model.mjs' });
    problemWithAbsolutePaths({ problem: original, problemDir });
    expect(original.model).toEqual({ type: 'javascript', path: 'model.mjs' });
  });
});
