/** The result files of `gmki run --out DIR` (`problem-format.md` §4). */
import { createRandomStream } from '../../../core/random/random';
import { sampleMixture, samplesToPhysical } from '../../../core/results/sampling';
import type { ResolvedProblem } from '../../../core/problem/types';
import {
  buildMixtureJson,
  buildSamplesCsv,
  softwareInfo,
  stringifyJson,
  writeFileAtomic,
} from '../../services/results/index';
import type { HistoryEntry } from '../../services/results/index';

export const RESULT_FILE_NAMES = ['mixture.json', 'samples.csv'] as const;

/**
 * Writes mixture.json and samples.csv, each atomically. The samples come from their own random
 * stream, so their number never changes the run's other draws.
 * @param paths the two paths, in the order of RESULT_FILE_NAMES
 */
export async function writeRunResults(
  problem: ResolvedProblem,
  history: readonly HistoryEntry[],
  paths: readonly string[],
): Promise<void> {
  const [mixturePath, samplesPath] = paths as [string, string];
  const mixtureJson = buildMixtureJson({
    problem: problem.file,
    parameterNames: problem.parameterNames,
    history,
    software: softwareInfo(),
  });
  await writeFileAtomic(mixturePath, stringifyJson(mixtureJson));

  const final = history[history.length - 1]!.mixture;
  const random = createRandomStream(problem.settings.seed, 'posterior-samples');
  const { samples, components } = sampleMixture(final, problem.settings.posteriorSamples, random);
  const physical = samplesToPhysical(samples, problem.transforms);
  await writeFileAtomic(samplesPath, buildSamplesCsv(problem.parameterNames, physical, components));
}
