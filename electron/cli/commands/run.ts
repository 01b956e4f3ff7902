/**
 * `gmki run PROBLEM`: validate, store the run in the database, run it in a worker thread with the
 * model in its host (worker threads, processes or HTTP), show progress, then write the result
 * files from the stored iterations and summarise. Every iteration is committed as it completes,
 * so a crash or Ctrl-C leaves a run that `gmki runs resume` continues exactly.
 */
import { ModelLoadError } from '../../services/models';
import { prepareNewRun } from '../../services/runs/lifecycle';
import type { RunOptions } from '../args';
import { CliError, EXIT_INVALID } from '../errors';
import type { CliIo } from '../io';
import { prepareOutputFiles } from '../output-files';
import { loadProblem } from '../problem-input';
import { openCliStore, withStore } from '../store-access';
import { finishSupervisedRun } from './run-outcome';
import { RESULT_FILE_NAMES } from './run-results';

export async function runCommand(options: RunOptions, io: CliIo): Promise<number> {
  const { file, dir, problem } = await loadProblem(options.problemFile, options.overrides);
  const outPaths = options.out ? await prepareOutputFiles(options.out, RESULT_FILE_NAMES, options.force) : [];
  // Everything about the problem is checked before the database is opened.
  const newRun = await prepareNewRun({ problem, problemDir: dir }).catch((error: unknown) => {
    if (error instanceof ModelLoadError) throw new CliError(EXIT_INVALID, `${file}: ${error.path}: ${error.message}`);
    throw error;
  });
  return withStore(openCliStore(options.db, 'write', io), (store) => {
    const run = store.createRun(newRun);
    return finishSupervisedRun(store, run.id, problem, { io, json: options.json, outPaths, out: options.out, force: options.force });
  });
}
