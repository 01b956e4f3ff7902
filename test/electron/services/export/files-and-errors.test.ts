import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExport, exportRun, isExportError } from '../../../../electron/services/export/index';
import type { ExportError, ExportErrorCode, ExportFormat } from '../../../../electron/services/export/index';
import { openRunStore } from '../../../../electron/services/store/index';
import type { RunStore } from '../../../../electron/services/store/index';
import { boundedProblemJson, makeTempDir, parseOrThrow, removeDir, storeRun, sumProductModel } from './fixtures';

/** The ExportError a promise rejects with, after checking its code. */
async function rejection(promise: Promise<unknown>, code: ExportErrorCode): Promise<ExportError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the export to fail');
    },
    (reason: unknown) => reason,
  );
  expect(isExportError(error, code), String(error)).toBe(true);
  return error as ExportError;
}

describe('export files and errors', () => {
  let dir: string;
  let store: RunStore;
  let runId: string;
  let emptyRunId: string;
  let failedAtStartId: string;
  beforeAll(() => {
    dir = makeTempDir();
    store = openRunStore(join(dir, 'gmki.sqlite'));
    runId = storeRun(store, boundedProblemJson({ posteriorSamples: 20 }), sumProductModel, { problemDir: dir }).runId;
    emptyRunId = store.createRun({
      name: 'not started',
      problem: parseOrThrow(boundedProblemJson()).file,
      problemDir: dir,
      nTheta: 2,
      softwareName: 'gmki-studio',
      softwareVersion: '0',
      modelHash: null,
    }).id;
    // The model failed in iteration 1: only the initial mixture (iteration 0) was committed.
    failedAtStartId = storeRun(store, boundedProblemJson(), sumProductModel, { problemDir: dir, commit: 0, name: 'failed at once' }).runId;
    store.finishRun(failedAtStartId, 'failed', 'iteration 1, component 0, sigma point 0: the model returned NaN at output 1 (of 2).');
  });
  afterAll(() => {
    store.close();
    removeDir(dir);
  });

  it('refuses to overwrite an existing file without force, naming it and leaving it and its folder as they were', async () => {
    const folder = join(dir, 'existing');
    const file = join(folder, 'samples.csv');
    await exportRun(store, runId, 'problem', join(folder, 'seed.gmki.json'));
    writeFileSync(file, 'precious\n');
    for (const format of ['csv', 'json', 'npz', 'problem'] as const) {
      const error = await rejection(exportRun(store, runId, format, file), 'FILE_EXISTS');
      expect(error.message).toContain(file);
      expect(error.message).toMatch(/force/);
    }
    expect(readFileSync(file, 'utf8')).toBe('precious\n');
    expect(readdirSync(folder).sort()).toEqual(['samples.csv', 'seed.gmki.json']);
  });

  it("overwrites with force, atomically, with exactly the export's bytes", async () => {
    const file = join(dir, 'forced.npz');
    writeFileSync(file, 'old content');
    const result = await exportRun(store, runId, 'npz', file, { force: true });
    const expected = (await buildExport(store, runId, 'npz')).data;
    expect(result).toEqual({ file, bytes: expected.byteLength });
    expect(new Uint8Array(readFileSync(file))).toEqual(expected);
    expect(readdirSync(dir).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('creates missing folders, resolves a relative path and reports the absolute file and its size', async () => {
    const target = join(dir, 'new', 'nested', 'mixture.json');
    const result = await exportRun(store, runId, 'json', relative(process.cwd(), target));
    expect(result.file).toBe(resolve(target));
    expect(result.bytes).toBe(readFileSync(target).byteLength);
    expect(readdirSync(join(dir, 'new', 'nested'))).toEqual(['mixture.json']);
  });

  it('says why when the file cannot be written', async () => {
    writeFileSync(join(dir, 'a-file'), '');
    const file = join(dir, 'a-file', 'samples.csv');
    const error = await rejection(exportRun(store, runId, 'csv', file), 'WRITE_FAILED');
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/not a folder/);
  });

  it('rejects an unknown run id, writing nothing', async () => {
    const file = join(dir, 'nothing.csv');
    const error = await rejection(exportRun(store, 'no-such-run', 'csv', file), 'RUN_NOT_FOUND');
    expect(error.message).toBe('There is no run with id no-such-run.');
    expect(existsSync(file)).toBe(false);
  });

  it('rejects a run without a committed iteration for every format that needs a mixture', async () => {
    for (const format of ['csv', 'json', 'npz'] as const) {
      const file = join(dir, `empty.${format}`);
      const error = await rejection(exportRun(store, emptyRunId, format, file), 'NO_ITERATIONS');
      expect(error.message).toMatch(/has no committed iteration yet/);
      expect(error.message).toContain('not started');
      expect(existsSync(file)).toBe(false);
    }
  });

  it('rejects samples and mixture of a run that completed no iteration: its initial mixture is not a posterior', async () => {
    for (const format of ['csv', 'json', 'npz'] as const) {
      const file = join(dir, `failed-at-start.${format}`);
      const error = await rejection(exportRun(store, failedAtStartId, format, file), 'NO_ITERATIONS');
      expect(error.message).toBe(
        `Run ${failedAtStartId} (failed at once) completed no iteration (failed: iteration 1, component 0, sigma point 0: the model returned NaN at output 1 (of 2)), ` +
          'so it has no posterior to export: its only mixture is the initial one, drawn from the prior.',
      );
      expect(existsSync(file)).toBe(false);
    }
    // The problem file is what a user needs to fix and rerun it.
    expect((await buildExport(store, failedAtStartId, 'problem')).fileName).toBe('failed-at-once.gmki.json');
  });

  it('rejects an unknown format, listing the known ones', async () => {
    const error = await rejection(exportRun(store, runId, 'xlsx' as ExportFormat, join(dir, 'x.xlsx')), 'UNKNOWN_FORMAT');
    expect(error.message).toBe('Unknown export format "xlsx": expected one of csv, json, npz, problem.');
  });

  it('rejects a sample count that is not an integer ≥ 0', async () => {
    for (const samples of [-1, 2.5, Number.NaN]) {
      await rejection(exportRun(store, runId, 'csv', join(dir, 'bad-count.csv'), { samples }), 'INVALID_OPTION');
    }
    expect(existsSync(join(dir, 'bad-count.csv'))).toBe(false);
  });

  it('tells export errors apart by name and code, also as plain data that crossed IPC', () => {
    expect(isExportError({ name: 'ExportError', code: 'FILE_EXISTS', message: 'x' }, 'FILE_EXISTS')).toBe(true);
    expect(isExportError({ name: 'ExportError', code: 'FILE_EXISTS' }, 'RUN_NOT_FOUND')).toBe(false);
    expect(isExportError(new Error('FILE_EXISTS'))).toBe(false);
    expect(isExportError(null)).toBe(false);
  });

  it('names a download after the run and the format', async () => {
    const content = await buildExport(store, runId, 'csv');
    expect(content).toMatchObject({ format: 'csv', fileName: 'export-test-samples.csv', mediaType: 'text/csv' });
    expect((await buildExport(store, runId, 'problem')).fileName).toBe('export-test.gmki.json');
  });
});
