/**
 * Exports produced in pieces (issue 11 item 7): the pieces are exactly the samples of one draw,
 * a download stops at its size limit, an NPZ that would pass 4 GiB is refused before any work,
 * and a failure while writing leaves no file, not even the staged one.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExport, exportRun, isExportError, prepareExport } from '../../../../electron/services/export/index';
import type { ResolvedProblem } from '../../../../core/problem/types';
import { drawPosteriorSamples, posteriorSampleChunks, type FinalIteration } from '../../../../electron/services/results/index';
import { openRunStore, type RunStore } from '../../../../electron/services/store/index';
import { boundedProblemJson, makeTempDir, parseOrThrow, removeDir, storeRun, sumProductModel } from './fixtures';

let dir: string;
let store: RunStore;
let runId: string;

beforeAll(() => {
  dir = makeTempDir();
  store = openRunStore(join(dir, 'runs.sqlite'));
  runId = storeRun(store, boundedProblemJson(), sumProductModel, { problemDir: dir }).runId;
});
afterAll(() => {
  store.close();
  removeDir(dir);
});

function concat<T extends Float64Array | Int32Array>(parts: readonly T[], make: (n: number) => T): T {
  const out = make(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

describe('posteriorSampleChunks', () => {
  it('gives, piece after piece, exactly the samples of one draw (d = 3, odd; any piece size)', () => {
    const problem = parseOrThrow({
      ...boundedProblemJson(),
      parameters: [
        { name: 'a', prior: { mean: 1, std: 1 } },
        { name: 'b', prior: { mean: 1, std: 2, lower: 0 } },
        { name: 'c', prior: { mean: 0, std: 0.5, lower: -1, upper: 1 } },
      ],
    });
    const d = 3;
    const mixture = {
      nComponents: 2,
      nTheta: d,
      logWeights: Float64Array.of(Math.log(0.3), Math.log(0.7)),
      means: Float64Array.of(0, 1, -1, 2, 0, 0.5),
      covariances: Float64Array.of(1, 0.2, 0, 0.2, 2, 0.1, 0, 0.1, 0.5, 0.5, 0, 0, 0, 0.5, 0, 0, 0, 0.5),
    };
    expectPiecesToBeTheDraw({ mixture }, problem, 1001);
  });

  it('does the same for the particles of a particle run, in order or resampled by weight', () => {
    const problem = parseOrThrow(boundedProblemJson());
    const J = 5;
    const positions = Float64Array.from({ length: 2 * J }, (_, i) => i / 3);
    const mixture = { nComponents: 1, nTheta: 2, logWeights: Float64Array.of(0), means: Float64Array.of(0, 0), covariances: Float64Array.of(1, 0, 0, 1) };
    const equal = { nParticles: J, nTheta: 2, positions, logWeights: null, logLikelihoods: null };
    expectPiecesToBeTheDraw({ mixture, particles: equal }, problem, J);
    expectPiecesToBeTheDraw({ mixture, particles: equal }, problem, 333);
    const weighted = { ...equal, logWeights: Float64Array.from([0.1, 0.5, 0.2, 0.1, 0.1], Math.log) };
    expectPiecesToBeTheDraw({ mixture, particles: weighted }, problem, J);
  });
});

/** `posteriorSampleChunks` with several piece sizes, put together, equals one `drawPosteriorSamples`. */
function expectPiecesToBeTheDraw(final: FinalIteration, problem: ResolvedProblem, count: number): void {
  const whole = drawPosteriorSamples(final, problem, count);
  for (const rows of [1, 2, 7, 1000, count + 1]) {
    const pieces = [...posteriorSampleChunks(final, problem, count, rows)];
    expect(pieces).toHaveLength(Math.ceil(count / rows));
    expect(
      concat(
        pieces.map((p) => p.samples),
        (n) => new Float64Array(n),
      ),
    ).toEqual(whole.samples);
    expect(
      concat(
        pieces.map((p) => p.components),
        (n) => new Int32Array(n),
      ),
    ).toEqual(whole.components);
    for (const piece of pieces) expect(piece.source).toBe(whole.source);
  }
  expect([...posteriorSampleChunks(final, problem, 0, 7)]).toEqual([]);
}

describe('limits', () => {
  it('stops a download at its size limit, saying how to get the file instead', async () => {
    const error: unknown = await buildExport(store, runId, 'csv', { samples: 10_000 }, 64 * 1024).catch((thrown: unknown) => thrown);
    expect(isExportError(error, 'TOO_LARGE')).toBe(true);
    expect((error as Error).message).toBe(
      `This export is larger than 0.0625 MiB, more than a download carries: ask for fewer samples, or write it to a file (gmki runs export ${runId} --format csv --out FILE).`,
    );
    // The same export fits a file.
    const { bytes } = await exportRun(store, runId, 'csv', join(dir, 'fits.csv'), { samples: 10_000 });
    expect(bytes).toBeGreaterThan(64 * 1024);
  });

  it('refuses an NPZ over 4 GiB at once, with the largest sample count that fits', () => {
    let refused: unknown = null;
    try {
      prepareExport(store, runId, 'npz', { samples: 300_000_000 });
    } catch (error) {
      refused = error;
    }
    expect(isExportError(refused, 'TOO_LARGE')).toBe(true);
    expect((refused as Error).message).toBe('300000000 samples of 2 parameters need more than the 4 GiB an NPZ file can hold: ask for at most 214695935.');
  });
});

describe('a failure while writing', () => {
  it('leaves no file and no staged file behind', async () => {
    const folder = join(dir, 'failing');
    const bad = storeRun(store, boundedProblemJson(), sumProductModel, { commit: 1, name: 'bad covariance' });
    const record = bad.records[2]!;
    // A covariance far from positive definite: sampling fails once the export has begun.
    store.commitIteration(bad.runId, { ...record, mixture: { ...record.mixture, covariances: record.mixture.covariances.map(() => -1) }, elapsedSeconds: 1 }, []);
    const error: unknown = await exportRun(store, bad.runId, 'csv', join(folder, 'bad.csv')).catch((thrown: unknown) => thrown);
    expect(isExportError(error, 'SAMPLING_FAILED')).toBe(true);
    expect(existsSync(join(folder, 'bad.csv'))).toBe(false);
    expect(readdirSync(folder)).toEqual([]);
  });
});
