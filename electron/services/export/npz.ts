/**
 * A run as a NumPy `.npz` archive (a stored ZIP of `.npy` files, what `numpy.savez` writes), for
 * NumPy users (product.md #14). `numpy.load(file)` gives a dict-like object with these keys
 * (K components, d parameters, N+1 committed iterations 0..N, n posterior samples):
 *
 * | key                   | dtype  | shape        | content                                          |
 * |-----------------------|--------|--------------|--------------------------------------------------|
 * | `weights`             | `<f8`  | (K,)         | final mixture weights w_k (sum 1)                |
 * | `means`               | `<f8`  | (K, d)       | final component means, in u                      |
 * | `covariances`         | `<f8`  | (K, d, d)    | final component covariances, in u                |
 * | `weights_history`     | `<f8`  | (N+1, K)     | weights after each iteration (row 0 = initial)   |
 * | `means_history`       | `<f8`  | (N+1, K, d)  | means after each iteration, in u                 |
 * | `iterations`          | `<i8`  | (N+1,)       | iteration numbers 0..N                           |
 * | `forward_evaluations` | `<i8`  | (N+1,)       | forward evaluations up to each iteration         |
 * | `elapsed_seconds`     | `<f8`  | (N+1,)       | run time when each iteration was complete        |
 * | `samples`             | `<f8`  | (n, d)       | posterior samples, physical units                |
 * | `components`          | `<i4`  | (n,)         | component (0-based) each sample came from        |
 * | `parameter_names`     | `<U…`  | (d,)         | parameter names, the columns of means/samples    |
 *
 * A run of a particle method (eki, eks, smc) stores its Gaussian summary as the K = 1 mixture,
 * and instead of `components` (PARTICLE_NPZ_KEYS):
 *
 * | `particle_indices`         | `<i4` | (n,)   | particle (0-based) each sample is                |
 * | `particles`                | `<f8` | (J, d) | the final ensemble, in u                         |
 * | `particle_weights`         | `<f8` | (J,)   | its normalised weights (1/J each when equal)     |
 * | `particle_log_likelihoods` | `<f8` | (J,)   | log-likelihoods at the particles (smc only)      |
 *
 * u is the unconstrained space the mixture lives in (= θ for parameters without bounds,
 * problem-format.md §1.1), exactly as mixture.json reports it; the samples are the same rows as
 * the CSV export's. Per-iteration covariances are left out (N+1·K·d² doubles grow fast); the
 * JSON export has them.
 */
import type { HistoryEntry, PosteriorSamples } from '../results/index';
import type { NpyArray } from './npy';
import { encodeNpy, encodeNpyHeader, encodeNumbers } from './npy';
import { yieldToEventLoop, type ByteSink } from './sink';
import { StoredZipWriter } from './zip';

/** The keys of the arrays of the final mixture and its history, written first (from memory). */
const MIXTURE_KEYS = ['weights', 'means', 'covariances', 'weights_history', 'means_history', 'iterations', 'forward_evaluations', 'elapsed_seconds'] as const;
type MixtureKey = (typeof MIXTURE_KEYS)[number];

/** The keys of the archive, in the order they are written. */
export const NPZ_KEYS = [...MIXTURE_KEYS, 'samples', 'components', 'parameter_names'] as const;
/** The keys of a particle run's archive, in the order they are written (smc adds `particle_log_likelihoods`). */
export const PARTICLE_NPZ_KEYS = [
  ...NPZ_KEYS.filter((key) => key !== 'components'),
  'particle_indices',
  'particles',
  'particle_weights',
  'particle_log_likelihoods',
] as const;
export type NpzKey = (typeof NPZ_KEYS)[number] | (typeof PARTICLE_NPZ_KEYS)[number];

/** Sample indices (`components`, `particle_indices`) are encoded this many at a time. */
const INDICES_PER_PIECE = 1 << 16;

export interface NpzExportInput {
  /** d names, in the order of the mixture's and the samples' columns. */
  readonly parameterNames: readonly string[];
  /** Committed iterations 0..N in order, each with K components in d dimensions. */
  readonly history: readonly HistoryEntry[];
  /** n, the number of posterior samples that `samples` holds in all. */
  readonly sampleCount: number;
  /** Posterior samples of the final iteration in order, in pieces (`posteriorSampleChunks`). */
  readonly samples: Iterable<PosteriorSamples>;
}

/**
 * Writes the `.npz` (see the table above) to `sink`: the mixture's arrays, then the samples piece
 * by piece with a turn of the event loop after each (their indices kept until their own entry),
 * then the rest, so that the size of the samples does not stall the process writing them.
 * @throws RangeError when the history is empty, shapes disagree, the pieces do not hold
 *   `sampleCount` samples, or the archive would need ZIP64 (4 GiB)
 */
export async function writeNpzExport(input: NpzExportInput, sink: ByteSink): Promise<void> {
  const { mixture, rest } = npzArrays(input);
  const d = input.parameterNames.length;
  const n = input.sampleCount;
  const zip = new StoredZipWriter(sink);
  for (const key of MIXTURE_KEYS) await zip.add(`${key}.npy`, encodeNpy(mixture[key]));

  const indices = new Int32Array(n);
  const header = encodeNpyHeader('<f8', [n, d]);
  const samples = await zip.begin('samples.npy', header.length + 8 * n * d);
  await samples.write(header);
  let rows = 0;
  for (const piece of input.samples) {
    if (rows + piece.components.length > n) throw new RangeError(`samples: more than the ${n} announced`);
    await samples.write(encodeNumbers({ dtype: '<f8', data: piece.samples }));
    indices.set(piece.components, rows);
    rows += piece.components.length;
    await yieldToEventLoop();
  }
  if (rows !== n) throw new RangeError(`samples: ${rows} written, ${n} announced`);
  await samples.end();

  for (const [key, array] of rest) {
    if (array !== 'indices') {
      await zip.add(`${key}.npy`, encodeNpy(array));
      continue;
    }
    const indicesHeader = encodeNpyHeader('<i4', [n]);
    const entry = await zip.begin(`${key}.npy`, indicesHeader.length + 4 * n);
    await entry.write(indicesHeader);
    for (let start = 0; start < n; start += INDICES_PER_PIECE) {
      await entry.write(encodeNumbers({ dtype: '<i4', data: indices.subarray(start, start + INDICES_PER_PIECE) }));
      await yieldToEventLoop();
    }
    await entry.end();
  }
  await zip.finish();
}

/**
 * The arrays of the archive before encoding: the mixture's (written before the samples) and, in
 * the order written after them, the rest — `'indices'` where the samples' component or particle
 * indices go.
 */
function npzArrays(input: NpzExportInput): { mixture: Record<MixtureKey, NpyArray>; rest: [NpzKey, NpyArray | 'indices'][] } {
  const { history, parameterNames } = input;
  const last = history[history.length - 1];
  if (!last) throw new RangeError('history: expected at least the initial iteration, got none');
  const { nComponents: K, nTheta: d } = last.mixture;
  if (d !== parameterNames.length) throw new RangeError(`parameterNames: expected ${d} names, got ${parameterNames.length}`);
  for (const entry of history) {
    if (entry.mixture.nComponents !== K || entry.mixture.nTheta !== d) {
      throw new RangeError(`history: iteration ${entry.iteration} has K = ${entry.mixture.nComponents}, d = ${entry.mixture.nTheta}; expected K = ${K}, d = ${d}`);
    }
  }
  const rows = history.length;
  const weightsHistory = new Float64Array(rows * K);
  const meansHistory = new Float64Array(rows * K * d);
  history.forEach((entry, r) => {
    weightsHistory.set(weightsOf(entry), r * K);
    meansHistory.set(entry.mixture.means, r * K * d);
  });
  const mixture: Record<MixtureKey, NpyArray> = {
    weights: { dtype: '<f8', shape: [K], data: weightsOf(last) },
    means: { dtype: '<f8', shape: [K, d], data: last.mixture.means },
    covariances: { dtype: '<f8', shape: [K, d, d], data: last.mixture.covariances },
    weights_history: { dtype: '<f8', shape: [rows, K], data: weightsHistory },
    means_history: { dtype: '<f8', shape: [rows, K, d], data: meansHistory },
    iterations: { dtype: '<i8', shape: [rows], data: BigInt64Array.from(history, (entry) => BigInt(entry.iteration)) },
    forward_evaluations: { dtype: '<i8', shape: [rows], data: BigInt64Array.from(history, (entry) => BigInt(entry.forwardEvaluations)) },
    elapsed_seconds: { dtype: '<f8', shape: [rows], data: Float64Array.from(history, (entry) => entry.elapsedSeconds) },
  };
  const names: NpyArray = { dtype: 'unicode', shape: [d], data: [...parameterNames] };
  const ensemble = last.particles;
  if (!ensemble)
    return {
      mixture,
      rest: [
        ['components', 'indices'],
        ['parameter_names', names],
      ],
    };
  const J = ensemble.nParticles;
  const rest: [NpzKey, NpyArray | 'indices'][] = [
    ['parameter_names', names],
    ['particle_indices', 'indices'],
    ['particles', { dtype: '<f8', shape: [J, d], data: ensemble.positions }],
    ['particle_weights', { dtype: '<f8', shape: [J], data: ensemble.logWeights ? Float64Array.from(ensemble.logWeights, Math.exp) : new Float64Array(J).fill(1 / J) }],
  ];
  if (ensemble.logLikelihoods) rest.push(['particle_log_likelihoods', { dtype: '<f8', shape: [J], data: ensemble.logLikelihoods }]);
  return { mixture, rest };
}

/** w_k = exp(log w_k), as mixture.json's `weights` (mixtureWeights), so both exports agree. */
function weightsOf(entry: HistoryEntry): Float64Array {
  return Float64Array.from(entry.mixture.logWeights, Math.exp);
}
