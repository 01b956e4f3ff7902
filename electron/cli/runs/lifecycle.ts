/** `gmki runs resume | extend | cancel`: continuing and stopping stored runs. */
import { cancelRun as cancelStoredRun, extendRun as extendStoredRun, prepareResume, type RunnableRun } from '../../services/runs/lifecycle';
import type { RunStore } from '../../services/store';
import { finishSupervisedRun } from '../commands/run-outcome';
import { RESULT_FILE_NAMES } from '../commands/run-results';
import { EXIT_OK } from '../errors';
import type { CliIo } from '../io';
import { prepareOutputFiles } from '../output-files';
import { cliLifecycle } from '../run-lifecycle';
import type { RunsOptions } from './args';

export async function resumeRun(store: RunStore, options: RunsOptions, io: CliIo): Promise<number> {
  const resumable = prepareResume(cliLifecycle(store), options.runId!);
  return continueRun(store, resumable, await outputPaths(options), options, io);
}

export async function extendRun(store: RunStore, options: RunsOptions, io: CliIo): Promise<number> {
  // The files are checked before the run's target is raised: a refusal must change nothing.
  const outPaths = await outputPaths(options);
  return continueRun(store, extendStoredRun(cliLifecycle(store), options.runId!, options.iterations!), outPaths, options, io);
}

export function cancelRun(store: RunStore, options: RunsOptions, io: CliIo): number {
  const run = cancelStoredRun(cliLifecycle(store), options.runId!);
  // A queued run is cancelled at once; a running one stops when its process next looks.
  io.stdout(run.status === 'cancelled' ? `cancelled run ${run.id} before it started\n` : `asked run ${run.id} to stop after the evaluations in flight\n`);
  return EXIT_OK;
}

function continueRun(store: RunStore, { run, problem }: RunnableRun, outPaths: string[], options: RunsOptions, io: CliIo): Promise<number> {
  return finishSupervisedRun(store, run.id, problem, { io, json: options.json, outPaths, out: options.out, force: options.force });
}

function outputPaths(options: RunsOptions): Promise<string[]> {
  return options.out ? prepareOutputFiles(options.out, RESULT_FILE_NAMES, options.force) : Promise.resolve([]);
}
