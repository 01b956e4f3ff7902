/**
 * Exports of a particle run (eks here; eki and smc store their ensembles the same way): the
 * samples are the final particles — in order when their number is asked for, resampled with the
 * run's seed otherwise —, mixture.json declares the method and carries the ensemble, the NPZ has
 * the particle arrays. Real SQLite, the real inversion.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExport, memorySink, PARTICLE_NPZ_KEYS, writeNpzExport } from '../../../../electron/services/export/index';
import { openRunStore, type RunStore } from '../../../../electron/services/store/index';
import { boundedProblemJson, makeTempDir, removeDir, storeRun, sumProductModel, type StoredRun } from './fixtures';
import { readNpz } from './npz-reader';

const text = async (store: RunStore, runId: string, format: string, samples?: number): Promise<string> =>
  new TextDecoder().decode((await buildExport(store, runId, format, samples === undefined ? {} : { samples })).data);

describe('exports of a particle run', () => {
  let dir: string;
  let store: RunStore;
  let run: StoredRun;
  /** The final particles in physical units (k = exp(u) with its lower bound 0), row by row. */
  let physical: number[][];
  beforeAll(() => {
    dir = makeTempDir();
    store = openRunStore(join(dir, 'gmki.sqlite'));
    run = storeRun(store, boundedProblemJson({ method: 'eks', particles: 40, iterations: 3, posteriorSamples: 40 }), sumProductModel, { problemDir: dir });
    const { positions } = run.records.at(-1)!.particles!;
    physical = Array.from({ length: 40 }, (_, j) => [positions[2 * j], run.problem.transforms[1].toPhysical(positions[2 * j + 1])]);
  });
  afterAll(() => {
    store.close();
    removeDir(dir);
  });

  it('writes the final particles as samples.csv, in order, with a particle column', async () => {
    const lines = (await text(store, run.runId, 'csv')).trimEnd().split('\n');
    expect(lines[0]).toBe('a,k,particle');
    const rows = lines.slice(1).map((line) => line.split(',').map(Number));
    expect(rows.map((row) => row.slice(0, 2))).toEqual(physical);
    expect(rows.map((row) => row[2])).toEqual(Array.from({ length: 40 }, (_, j) => j));
  });

  it('resamples the particles with the run’s seed when another count is asked, the same rows every time', async () => {
    const first = await text(store, run.runId, 'csv', 100);
    expect(await text(store, run.runId, 'csv', 100)).toBe(first);
    const rows = first
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',').map(Number));
    expect(rows).toHaveLength(100);
    for (const row of rows) expect(row.slice(0, 2)).toEqual(physical[row[2]]);
    expect(new Set(rows.map((row) => row[2])).size).toBeGreaterThan(20);
  });

  it('declares the method in mixture.json and carries the final ensemble in u beside the Gaussian summary', async () => {
    const json = JSON.parse(await text(store, run.runId, 'json'));
    expect(json.method).toBe('eks');
    expect(json.final.weights).toEqual([1]);
    const { positions } = run.records.at(-1)!.particles!;
    expect(json.particles.positions).toEqual(Array.from({ length: 40 }, (_, j) => [positions[2 * j], positions[2 * j + 1]]));
    expect(json.particles).not.toHaveProperty('weights');
    expect(json.particles).not.toHaveProperty('logLikelihoods');
    expect(json.history.map((entry: { weights: number[] }) => entry.weights)).toEqual([[1], [1], [1], [1]]);
  });

  it('puts the ensemble in the NPZ and counts samples by particle', async () => {
    const arrays = readNpz((await buildExport(store, run.runId, 'npz')).data);
    expect([...arrays.keys()]).toEqual(PARTICLE_NPZ_KEYS.filter((key) => key !== 'particle_log_likelihoods'));
    expect(arrays.get('particles')!.shape).toEqual([40, 2]);
    expect(Array.from(arrays.get('particles')!.data as Float64Array)).toEqual(Array.from(run.records.at(-1)!.particles!.positions));
    expect(Array.from(arrays.get('particle_indices')!.data as Int32Array)).toEqual(Array.from({ length: 40 }, (_, j) => j));
    expect(Array.from(arrays.get('particle_weights')!.data as Float64Array)).toEqual(new Array(40).fill(1 / 40));
    expect(arrays.has('components')).toBe(false);
  });

  it('adds the log-likelihoods when the ensemble has them', async () => {
    const last = run.records.at(-1)!;
    const logLikelihoods = Float64Array.from({ length: 40 }, (_, j) => -j);
    const sink = memorySink(Number.POSITIVE_INFINITY, () => new Error('unreachable'));
    await writeNpzExport(
      {
        parameterNames: ['a', 'k'],
        history: [{ ...last, particles: { ...last.particles!, logLikelihoods }, elapsedSeconds: 1 }],
        sampleCount: 0,
        samples: [],
      },
      sink,
    );
    const arrays = readNpz(sink.bytes());
    expect([...arrays.keys()]).toEqual([...PARTICLE_NPZ_KEYS]);
    expect(arrays.get('particle_log_likelihoods')!.data).toEqual(logLikelihoods);
  });
});
