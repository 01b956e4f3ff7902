/**
 * The `samples.csv` result file (`problem-format.md` §4): header = parameter names then
 * `component`; one row per posterior sample in physical units. `drawPosteriorSamples` is the one
 * way every result and export draws those samples, so the same run always gives the same rows.
 */
import type { Mixture } from '../../../core/gmki/state';
import type { ResolvedProblem } from '../../../core/problem/types';
import { createRandomStream } from '../../../core/random/random';
import { sampleMixture, samplesToPhysical } from '../../../core/results/sampling';

/** Posterior samples in physical units and the component each one came from. */
export interface PosteriorSamples {
  /** count×d, row-major, θ in physical units. */
  readonly samples: Float64Array;
  /** count component indices (0-based, as in mixture.json's arrays). */
  readonly components: Int32Array;
}

/**
 * Draws the run's posterior samples from `mixture` (its final one): seeded by the run's seed on
 * the run's own 'posterior-samples' stream, so their number never changes the run's other draws
 * and the same run always yields the same samples; mapped from u to physical units.
 * @param count how many (default `settings.posteriorSamples`)
 * @throws NotPositiveDefiniteError when a covariance is far from positive definite
 */
export function drawPosteriorSamples(
  mixture: Mixture,
  problem: Pick<ResolvedProblem, 'transforms' | 'settings'>,
  count: number = problem.settings.posteriorSamples,
): PosteriorSamples {
  const random = createRandomStream(problem.settings.seed, 'posterior-samples');
  const { samples, components } = sampleMixture(mixture, count, random);
  return { samples: samplesToPhysical(samples, problem.transforms), components };
}

/**
 * @param parameterNames d names (the header's first d columns)
 * @param samples count×d physical values, row-major
 * @param components count component indices (0-based, as in mixture.json's arrays)
 * @returns the CSV text, `\n` line ends, a final line break; numbers in shortest round-trip form
 */
export function buildSamplesCsv(
  parameterNames: readonly string[],
  samples: Float64Array,
  components: Int32Array,
): string {
  const d = parameterNames.length;
  const count = components.length;
  if (samples.length !== count * d) {
    throw new RangeError(`samples: expected ${count}×${d} = ${count * d} values, got ${samples.length}`);
  }
  const lines: string[] = [[...parameterNames, 'component'].map(csvField).join(',')];
  for (let r = 0; r < count; r++) {
    const row: string[] = [];
    for (let j = 0; j < d; j++) row.push(String(samples[r * d + j]));
    row.push(String(components[r]));
    lines.push(row.join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** Parameter names are identifiers (§1), but quote defensively so the header never breaks. */
function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
