/**
 * The result files of `gmki run --out DIR` (`problem-format.md` §4): the run's `json` and `csv`
 * exports under fixed names (contract RUN_RESULT_FILES), written by the export service — so they
 * are byte for byte what the app exports and `gmki runs export` writes for the same run.
 */
import { RUN_RESULT_FILES } from '../../contract/exports';
import { exportRun, isExportError } from '../../services/export';
import type { RunStore } from '../../services/store';
import { CliError, EXIT_RUN_FAILED } from '../errors';
import { dbHint } from '../run-lifecycle';

export const RESULT_FILE_NAMES: readonly string[] = RUN_RESULT_FILES.map((file) => file.name);

/**
 * Writes the result files of stored run `runId` to `paths`, each atomically. Every file is tried,
 * so a failure (a full disk, a folder gone) names each file that is missing, never only the first.
 * @param paths one path per RUN_RESULT_FILES entry, in its order (checked beforehand)
 * @param force replace files that exist; without it a file that appeared since the check is kept
 * @throws CliError (exit 1) naming each file not written, why, and the command that writes it
 *   again: the run itself is stored
 */
export async function writeRunResults(store: RunStore, runId: string, paths: readonly string[], force: boolean): Promise<void> {
  const failures: { readonly message: string; readonly again: string }[] = [];
  for (const [index, { format }] of RUN_RESULT_FILES.entries()) {
    const path = paths[index]!;
    try {
      await exportRun(store, runId, format, path, { force });
    } catch (error) {
      if (!isExportError(error)) throw error;
      failures.push({
        message: `gmki: ${error.message}`,
        again: `  gmki runs export ${runId} --format ${format} --out ${JSON.stringify(path)} --force${dbHint(store)}`,
      });
    }
  }
  if (failures.length === 0) return;
  const what = failures.length === 1 ? 'the file' : 'the files';
  throw new CliError(EXIT_RUN_FAILED, [
    ...failures.map((failure) => failure.message),
    `The run is stored; write ${what} again with:`,
    ...failures.map((failure) => failure.again),
  ]);
}
