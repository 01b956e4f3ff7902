import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBuiltinModel } from '../../../../core/problem/builtins';
import { getExampleProblem } from '../../../../core/problem/examples';
import { createRandomStream } from '../../../../core/random/random';
import { sampleMixture, samplesToPhysical } from '../../../../core/results/sampling';
import { buildMixtureJson, buildSamplesCsv, drawPosteriorSamples, softwareInfo, stringifyJson } from '../../../../electron/services/results/index';
import { exportRun } from '../../../../electron/services/export/index';
import { openRunStore } from '../../../../electron/services/store/index';
import type { RunStore } from '../../../../electron/services/store/index';
import { boundedProblemJson, makeTempDir, removeDir, storeRun, sumProductModel } from './fixtures';
import type { StoredRun } from './fixtures';

/** Rows of a CSV without quoted fields (parameter names are identifiers). */
function parseCsv(text: string): { header: string[]; rows: number[][] } {
  expect(text.endsWith('\n')).toBe(true);
  const [header, ...lines] = text.slice(0, -1).split('\n');
  return { header: header.split(','), rows: lines.map((line) => line.split(',').map(Number)) };
}

function bytes(values: Float64Array | number[]): Uint8Array {
  const array = values instanceof Float64Array ? values : Float64Array.from(values);
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

describe('CSV and JSON exports of a stored run', () => {
  let dir: string;
  let store: RunStore;
  let run: StoredRun;
  let partial: StoredRun;
  let example: StoredRun;
  beforeAll(() => {
    dir = makeTempDir();
    store = openRunStore(join(dir, 'gmki.sqlite'));
    run = storeRun(store, boundedProblemJson(), sumProductModel, { problemDir: dir });
    partial = storeRun(store, boundedProblemJson({ iterations: 4 }), sumProductModel, { problemDir: dir, commit: 2 });
    const twoModal = getExampleProblem('two-modal-2d')!.problem;
    example = storeRun(store, { ...twoModal, settings: { ...twoModal.settings, iterations: 2, posteriorSamples: 50 } }, getBuiltinModel('two-modal-2d')!.forward);
  });
  afterAll(() => {
    store.close();
    removeDir(dir);
  });

  async function exportText(runId: string, format: 'csv' | 'json', name: string, samples?: number): Promise<string> {
    const { file } = await exportRun(store, runId, format, join(dir, 'out', name), { samples });
    return readFile(file, 'utf8');
  }

  it('writes settings.posteriorSamples rows of the final mixture, in physical units, as the in-memory sampling gives them', async () => {
    const { header, rows } = parseCsv(await exportText(run.runId, 'csv', 'samples.csv'));
    expect(header).toEqual(['a', 'k', 'component']);
    expect(rows).toHaveLength(300);

    const final = run.records.at(-1)!.mixture;
    const drawn = sampleMixture(final, 300, createRandomStream(7, 'posterior-samples'));
    const physical = samplesToPhysical(drawn.samples, run.problem.transforms);
    expect(rows.map((row) => row.slice(0, 2)).flat()).toEqual(Array.from(physical));
    expect(rows.map((row) => row[2])).toEqual(Array.from(drawn.components));
    // k has a lower bound of 0: every sample of it is positive, which the u-space samples are not.
    expect(rows.every((row) => row[1] > 0)).toBe(true);
    expect(Array.from(drawn.samples).some((u, i) => i % 2 === 1 && u < 0)).toBe(true);
    expect(rows.every((row) => Number.isInteger(row[2]) && row[2] >= 0 && row[2] < 2)).toBe(true);
  });

  it('writes from the store exactly the samples.csv and mixture.json of the in-memory run (gmki run --out writes these exports: test/cli/run-results.test.ts)', async () => {
    const { samples, components } = drawPosteriorSamples(run.history.at(-1)!, run.problem);
    expect(await exportText(run.runId, 'csv', 'same.csv')).toBe(buildSamplesCsv(run.problem.parameterNames, samples, components));
    const mixtureJson = buildMixtureJson({ problem: run.problem.file, parameterNames: run.problem.parameterNames, history: run.history, software: softwareInfo() });
    expect(await exportText(run.runId, 'json', 'same.json')).toBe(stringifyJson(mixtureJson));
  });

  it('draws the same samples every time, and a smaller count gives the first rows of the default', async () => {
    const full = await exportText(run.runId, 'csv', 'again-1.csv');
    expect(await exportText(run.runId, 'csv', 'again-2.csv')).toBe(full);
    const few = parseCsv(await exportText(run.runId, 'csv', 'few.csv', 17));
    expect(few.rows).toHaveLength(17);
    expect(few.rows).toEqual(parseCsv(full).rows.slice(0, 17));
  });

  it('samples a run that stopped early from its last committed iteration', async () => {
    const { rows } = parseCsv(await exportText(partial.runId, 'csv', 'partial.csv'));
    const drawn = sampleMixture(partial.records[2].mixture, 300, createRandomStream(7, 'posterior-samples'));
    expect(rows.map((row) => row.slice(0, 2)).flat()).toEqual(Array.from(samplesToPhysical(drawn.samples, partial.problem.transforms)));
  });

  it('writes mixture.json with the structure of problem-format.md §4 and every committed mixture bit for bit', async () => {
    for (const stored of [run, partial, example]) {
      const json = JSON.parse(await exportText(stored.runId, 'json', `mixture-${stored.runId}.json`));
      expect(Object.keys(json)).toEqual([
        'format',
        'method',
        'problem',
        'parameterNames',
        'space',
        'history',
        'final',
        'forwardEvaluations',
        'elapsedSeconds',
        'software',
      ]);
      expect(json.format).toBe('gmki-result/1');
      expect(json.space).toBe('unconstrained');
      // The stored problem, its automatic settings (null) written as the numbers the run used (§4).
      const storedProblem = store.getRun(stored.runId)!.problem;
      const nTheta = stored.problem.parameterNames.length;
      expect(storedProblem.settings).toMatchObject({ sigmaPointAlpha: null, settleIterations: null });
      expect(json.problem).toEqual({
        ...storedProblem,
        settings: { ...storedProblem.settings, sigmaPointAlpha: Math.min(Math.sqrt(4 / nTheta), 1), settleIterations: Math.ceil(storedProblem.settings.iterations / 4) },
      });
      expect(json.parameterNames).toEqual(stored.problem.parameterNames);
      const record = store.getRun(stored.runId)!;
      expect(json.software).toEqual({ name: record.softwareName, version: record.softwareVersion });

      const committed = store.getIterations(stored.runId);
      expect(json.history.map((entry: { iteration: number }) => entry.iteration)).toEqual(committed.map((entry) => entry.iteration));
      const { nComponents: K, nTheta: d } = committed[0].mixture;
      committed.forEach((entry, i) => {
        const written = json.history[i];
        expect(Object.keys(written)).toEqual(['iteration', 'weights', 'means', 'covariances', 'forwardEvaluations', 'elapsedSeconds']);
        expect(written.weights).toHaveLength(K);
        expect(written.means).toHaveLength(K);
        expect(written.means[0]).toHaveLength(d);
        expect(written.covariances[0]).toHaveLength(d);
        expect(written.covariances[0][0]).toHaveLength(d);
        expect(bytes(written.weights)).toEqual(bytes(Float64Array.from(entry.mixture.logWeights, Math.exp)));
        expect(bytes(written.means.flat())).toEqual(bytes(entry.mixture.means));
        expect(bytes(written.covariances.flat(2))).toEqual(bytes(entry.mixture.covariances));
        expect(written.forwardEvaluations).toBe(entry.forwardEvaluations);
        expect(written.elapsedSeconds).toBe(entry.elapsedSeconds);
      });
      const last = committed.at(-1)!;
      expect(json.final).toEqual({ weights: json.history.at(-1).weights, means: json.history.at(-1).means, covariances: json.history.at(-1).covariances });
      expect(json.forwardEvaluations).toBe(last.forwardEvaluations);
      expect(json.elapsedSeconds).toBe(last.elapsedSeconds);
    }
  });

  it('records the iterations that were committed, not the ones the run was asked for', async () => {
    const json = JSON.parse(await exportText(partial.runId, 'json', 'partial.json'));
    expect(json.problem.settings.iterations).toBe(4);
    expect(json.history).toHaveLength(3);
  });
});
