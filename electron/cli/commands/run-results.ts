/** The result files of `gmki run --out DIR` (`problem-format.md` §4). */
import type { ResolvedProblem } from '../../../core/problem/types';
import {
  buildMixtureJson,
  buildSamplesCsv,
  drawPosteriorSamples,
  softwareInfo,
  stringifyJson,
  writeFileAtomic,
} from '../../services/results/index';
import type { HistoryEntry } from '../../services/results/index';

export const RESULT_FILE_NAMES = ['mixture.json', 'samples.csv'] as const;

/**
 * Writes mixture.json and samples.csv, each atomically; the samples are `drawPosteriorSamples`'
 * (the run's seed and 'posterior-samples' stream), as every export of the run draws them.
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

  const { samples, components } = drawPosteriorSamples(history[history.length - 1]!.mixture, problem);
  await writeFileAtomic(samplesPath, buildSamplesCsv(problem.parameterNames, samples, components));
}
