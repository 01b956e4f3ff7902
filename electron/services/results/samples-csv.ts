/**
 * The `samples.csv` result file (`problem-format.md` §4): header = parameter names then
 * `component` (or `particle`); one row per posterior sample in physical units.
 * `drawPosteriorSamples` (or `posteriorSampleChunks`, the same samples in pieces) is the one way
 * every result and export draws those samples, so the same run always gives the same rows.
 */
import type { Mixture } from '../../../core/gmki/state';
import type { ParticleEnsemble } from '../../../core/methods/types';
import type { ResolvedProblem } from '../../../core/problem/types';
import { createRandomStream, type RandomStream } from '../../../core/random/random';
import { mixtureSampler, particleSampler, sampleMixture, sampleParticles, samplesToPhysical } from '../../../core/results/sampling';

/** Posterior samples in physical units and where each one came from. */
export interface PosteriorSamples {
  /** count×d, row-major, θ in physical units. */
  readonly samples: Float64Array;
  /** count indices (0-based): the mixture component, or the particle (`source`), of each sample. */
  readonly components: Int32Array;
  /** What `components` counts: mixture components (GMKI, uki) or particles (eki, eks, smc). */
  readonly source: 'component' | 'particle';
}

/** The last committed iteration of a run: its mixture, and its ensemble for a particle method. */
export interface FinalIteration {
  readonly mixture: Mixture;
  readonly particles?: ParticleEnsemble | null;
}

/**
 * Draws the run's posterior samples from its final iteration: the particles of a particle
 * method (all of them, in order, when `count` is their number; else resampled by weight), or
 * draws from the mixture. Seeded by the run's seed on the run's own 'posterior-samples' stream,
 * so their number never changes the run's other draws and the same run always yields the same
 * samples; mapped from u to physical units.
 * @param count how many (default `settings.posteriorSamples`)
 * @throws NotPositiveDefiniteError when a covariance is far from positive definite
 */
export function drawPosteriorSamples(
  final: FinalIteration,
  problem: Pick<ResolvedProblem, 'transforms' | 'settings'>,
  count: number = problem.settings.posteriorSamples,
): PosteriorSamples {
  const random = createRandomStream(problem.settings.seed, 'posterior-samples');
  if (final.particles) {
    const { samples, particles } = sampleParticles(final.particles, count, random);
    return { samples: samplesToPhysical(samples, problem.transforms), components: particles, source: 'particle' };
  }
  const { samples, components } = sampleMixture(final.mixture, count, random);
  return { samples: samplesToPhysical(samples, problem.transforms), components, source: 'component' };
}

/**
 * The samples of `drawPosteriorSamples(final, problem, count)`, drawn at most `rows` at a time
 * from the same random stream: put together, the pieces are exactly its samples, in its order
 * (for exports too large to draw and hold at once).
 */
export function* posteriorSampleChunks(
  final: FinalIteration,
  problem: Pick<ResolvedProblem, 'transforms' | 'settings'>,
  count: number,
  rows: number,
): Generator<PosteriorSamples> {
  if (!Number.isInteger(rows) || rows < 1) throw new RangeError(`rows: expected an integer ≥ 1, got ${rows}`);
  const random = createRandomStream(problem.settings.seed, 'posterior-samples');
  const draw = pieceDrawer(final, count);
  for (let done = 0; done < count; done += rows) {
    const piece = draw(Math.min(rows, count - done), random);
    yield { samples: samplesToPhysical(piece.samples, problem.transforms), components: piece.indices, source: piece.source };
  }
}

/** Draws pieces of the `total` samples of `final`; what serves every piece (Cholesky factors, weights) is made once. */
function pieceDrawer(
  final: FinalIteration,
  total: number,
): (count: number, random: RandomStream) => { samples: Float64Array; indices: Int32Array; source: PosteriorSamples['source'] } {
  if (final.particles) {
    const draw = particleSampler(final.particles, total);
    return (count, random) => {
      const { samples, particles } = draw(count, random);
      return { samples, indices: particles, source: 'particle' };
    };
  }
  const draw = mixtureSampler(final.mixture);
  return (count, random) => {
    const { samples, components } = draw(count, random);
    return { samples, indices: components, source: 'component' };
  };
}

/**
 * @param parameterNames d names (the header's first d columns)
 * @param samples count×d physical values, row-major
 * @param components count component (or particle) indices (0-based, as in mixture.json's arrays)
 * @param source the last column's name: `component` or `particle`
 * @returns the CSV text, `\n` line ends, a final line break; numbers in shortest round-trip form
 */
export function buildSamplesCsv(
  parameterNames: readonly string[],
  samples: Float64Array,
  components: Int32Array,
  source: PosteriorSamples['source'] = 'component',
): string {
  return samplesCsvHeader(parameterNames, source) + samplesCsvRows(parameterNames.length, samples, components);
}

/** The header line of samples.csv, with its line break. */
export function samplesCsvHeader(parameterNames: readonly string[], source: PosteriorSamples['source']): string {
  return `${[...parameterNames, source].map(csvField).join(',')}\n`;
}

/** The rows of samples.csv for `samples` (count×d, row-major) and their indices, each with its line break. */
export function samplesCsvRows(d: number, samples: Float64Array, components: Int32Array): string {
  const count = components.length;
  if (samples.length !== count * d) {
    throw new RangeError(`samples: expected ${count}×${d} = ${count * d} values, got ${samples.length}`);
  }
  let text = '';
  for (let r = 0; r < count; r++) {
    const row: string[] = [];
    for (let j = 0; j < d; j++) row.push(String(samples[r * d + j]));
    row.push(String(components[r]));
    text += `${row.join(',')}\n`;
  }
  return text;
}

/** Parameter names are identifiers (§1), but quote defensively so the header never breaks. */
function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
