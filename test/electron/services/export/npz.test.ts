import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExport, exportRun, memorySink, NPZ_KEYS, writeNpzExport } from '../../../../electron/services/export/index';
import { drawPosteriorSamples } from '../../../../electron/services/results/index';
import { openRunStore } from '../../../../electron/services/store/index';
import type { IterationEntry, RunStore } from '../../../../electron/services/store/index';
import { boundedProblemJson, makeTempDir, removeDir, storeRun, sumProductModel } from './fixtures';
import type { StoredRun } from './fixtures';
import { readNpz } from './npz-reader';
import type { NpyRead } from './npz-reader';
import { pythonWith } from '../../../support/python';

function bytesOf(values: Float64Array | Int32Array): Uint8Array {
  return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
}

/** `array`'s data as float64 bytes, after checking its dtype and shape. */
function f8(array: NpyRead | undefined, shape: number[]): Uint8Array {
  expect(array?.descr).toBe('<f8');
  expect(array?.shape).toEqual(shape);
  return bytesOf(array!.data as Float64Array);
}

function concat(parts: Float64Array[]): Float64Array {
  const out = new Float64Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const weightsOf = (entry: IterationEntry): Float64Array => Float64Array.from(entry.mixture.logWeights, Math.exp);

describe('NPZ export', () => {
  let dir: string;
  let store: RunStore;
  let run: StoredRun;
  let file: string;
  let npz: Uint8Array;
  beforeAll(async () => {
    dir = makeTempDir();
    store = openRunStore(join(dir, 'gmki.sqlite'));
    run = storeRun(store, boundedProblemJson({ components: 3, iterations: 4, posteriorSamples: 250 }), sumProductModel, { problemDir: dir });
    file = (await exportRun(store, run.runId, 'npz', join(dir, 'run.npz'))).file;
    npz = new Uint8Array(await readFile(file));
  });
  afterAll(() => {
    store.close();
    removeDir(dir);
  });

  it('is a stored ZIP whose CRCs, headers and .npy members a reader written from the specs accepts', () => {
    const arrays = readNpz(npz);
    expect([...arrays.keys()]).toEqual([...NPZ_KEYS]);
    for (const array of arrays.values()) expect(array.dataOffset % 64).toBe(0);
  });

  it("holds the store's final mixture and its history exactly", () => {
    const arrays = readNpz(npz);
    const committed = store.getIterations(run.runId);
    const last = committed.at(-1)!;
    const rows = committed.length;
    const [K, d] = [3, 2];
    expect(rows).toBe(5);
    expect(f8(arrays.get('weights'), [K])).toEqual(bytesOf(weightsOf(last)));
    expect(f8(arrays.get('means'), [K, d])).toEqual(bytesOf(last.mixture.means));
    expect(f8(arrays.get('covariances'), [K, d, d])).toEqual(bytesOf(last.mixture.covariances));
    expect(f8(arrays.get('weights_history'), [rows, K])).toEqual(bytesOf(concat(committed.map(weightsOf))));
    expect(f8(arrays.get('means_history'), [rows, K, d])).toEqual(bytesOf(concat(committed.map((entry) => entry.mixture.means))));
    expect(f8(arrays.get('elapsed_seconds'), [rows])).toEqual(bytesOf(Float64Array.from(committed, (entry) => entry.elapsedSeconds)));

    const iterations = arrays.get('iterations')!;
    expect(iterations.descr).toBe('<i8');
    expect(Array.from(iterations.data as BigInt64Array)).toEqual([0n, 1n, 2n, 3n, 4n]);
    const evaluations = arrays.get('forward_evaluations')!;
    expect(evaluations.descr).toBe('<i8');
    expect(Array.from(evaluations.data as BigInt64Array)).toEqual(committed.map((entry) => BigInt(entry.forwardEvaluations)));

    const names = arrays.get('parameter_names')!;
    expect(names).toMatchObject({ descr: '<U1', shape: [2], data: ['a', 'k'] });
  });

  it('holds the same posterior samples as the CSV export, in physical units, with int32 components', async () => {
    const arrays = readNpz(npz);
    const expected = drawPosteriorSamples(run.records.at(-1)!, run.problem);
    expect(f8(arrays.get('samples'), [250, 2])).toEqual(bytesOf(expected.samples));
    const components = arrays.get('components')!;
    expect(components.descr).toBe('<i4');
    expect(components.shape).toEqual([250]);
    expect(bytesOf(components.data as Int32Array)).toEqual(bytesOf(expected.components));

    const csv = new TextDecoder()
      .decode((await buildExport(store, run.runId, 'csv')).data)
      .trim()
      .split('\n')
      .slice(1);
    const samples = components.data as Int32Array;
    const values = arrays.get('samples')!.data as Float64Array;
    csv.forEach((line, r) => expect(line).toBe(`${values[2 * r]},${values[2 * r + 1]},${samples[r]}`));
  });

  it('gives the same bytes every time (no dates or randomness inside), and honours a sample count', async () => {
    expect((await buildExport(store, run.runId, 'npz')).data).toEqual(npz);
    const fewer = readNpz((await buildExport(store, run.runId, 'npz', { samples: 5 })).data);
    expect(fewer.get('samples')!.shape).toEqual([5, 2]);
    expect(fewer.get('components')!.shape).toEqual([5]);
  });

  // numpy is the reader users have; this proves the archive is what numpy.load expects.
  const python = pythonWith(['numpy']);
  if (!python.command) console.log(`Skipping the numpy.load test: ${python.reason}.`);
  it.skipIf(!python.command)('loads with numpy.load (allow_pickle=False) to the same values, dtypes and shapes', async () => {
    // Also a hand-built archive with non-ASCII names and empty arrays, which a run cannot produce.
    const oddFile = join(dir, 'odd.npz');
    const odd = { samples: new Float64Array(0), components: new Int32Array(0), source: 'component' as const };
    const mixture = { nComponents: 1, nTheta: 2, logWeights: Float64Array.of(0), means: Float64Array.of(-0, 5e-324), covariances: Float64Array.of(1, 0.5, 0.5, 2) };
    const sink = memorySink(Number.POSITIVE_INFINITY, () => new Error('unreachable'));
    await writeNpzExport(
      { parameterNames: ['θ₁', 'x😀y'], history: [{ iteration: 0, mixture, forwardEvaluations: 0, elapsedSeconds: 0 }], sampleCount: 0, samples: [odd] },
      sink,
    );
    await writeFile(oddFile, sink.bytes());

    const script = [
      'import json, sys, zipfile, numpy',
      'out = {}',
      'for path in sys.argv[1:]:',
      '    assert zipfile.ZipFile(path).testzip() is None',
      '    with numpy.load(path, allow_pickle=False) as data:',
      '        out[path] = {k: {"dtype": data[k].dtype.str, "shape": list(data[k].shape), "values": data[k].tolist()} for k in data.files}',
      'print(json.dumps(out))',
    ].join('\n');
    const result = spawnSync(python.command!, ['-c', script, file, oddFile], { encoding: 'utf8', timeout: 60_000 });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const loaded = JSON.parse(result.stdout) as Record<string, Record<string, { dtype: string; shape: number[]; values: unknown }>>;

    for (const [path, bytes] of [
      [file, npz],
      [oddFile, new Uint8Array(await readFile(oddFile))],
    ] as const) {
      const ours = readNpz(bytes);
      expect(Object.keys(loaded[path])).toEqual([...NPZ_KEYS]);
      for (const [key, array] of ours) {
        const theirs = loaded[path][key];
        expect(theirs.dtype, key).toBe(array.descr);
        expect(theirs.shape, key).toEqual(array.shape);
        const flat = [theirs.values].flat(Infinity);
        const mine = Array.from(array.data as ArrayLike<unknown>, (value) => (typeof value === 'bigint' ? Number(value) : value));
        expect(flat, key).toEqual(mine);
      }
    }
    expect(loaded[oddFile].parameter_names.values).toEqual(['θ₁', 'x😀y']);
    expect(Object.is((loaded[oddFile].means.values as number[][])[0][0], -0)).toBe(true);
  });
});
