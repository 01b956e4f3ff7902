/** `gmki runs resume | extend | cancel`: continuing and stopping stored runs. */
import { problemOfRun } from '../../services/runs/stored-problem';
import type { RunStore } from '../../services/store';
import type { RunRecord } from '../../services/store/types';
import { finishSupervisedRun } from '../commands/run-outcome';
import { RESULT_FILE_NAMES } from '../commands/run-results';
import { CliError, EXIT_INVALID, EXIT_OK } from '../errors';
import type { CliIo } from '../io';
import { prepareOutputFiles } from '../output-files';
import { requireRun } from '../store-access';
import type { RunsOptions } from './args';

export async function resumeRun(store: RunStore, options: RunsOptions, io: CliIo): Promise<number> {
  const run = requireRun(store, options.runId!);
  if (run.status !== 'interrupted' && run.status !== 'cancelled') {
    const why =
      run.status === 'completed'
        ? `it is completed (add iterations with: gmki runs extend ${run.id} --iterations N)`
        : run.status === 'running'
          ? 'it is running'
          : `it is ${run.status}${run.status === 'failed' ? ': fix the cause and start a new run' : ''}`;
    throw new CliError(EXIT_INVALID, `gmki: run ${run.id} cannot be resumed: ${why}`);
  }
  return continueRun(store, run, options, io);
}

export async function extendRun(store: RunStore, options: RunsOptions, io: CliIo): Promise<number> {
  const run = requireRun(store, options.runId!);
  if (run.status !== 'completed') {
    throw new CliError(EXIT_INVALID, `gmki: run ${run.id} is ${run.status}; only a completed run can be extended${run.status === 'interrupted' || run.status === 'cancelled' ? ' (resume it first)' : ''}`);
  }
  const outPaths = await outputPaths(options);
  store.setIterationsTarget(run.id, run.iterations + options.iterations!);
  const extended = store.getRun(run.id)!;
  return finishSupervisedRun(store, run.id, problemOf(extended), { io, json: options.json, outPaths, out: options.out });
}

export function cancelRun(store: RunStore, options: RunsOptions, io: CliIo): number {
  const run = requireRun(store, options.runId!);
  if (!store.requestCancel(run.id)) {
    throw new CliError(EXIT_INVALID, `gmki: run ${run.id} is ${run.status}, not running: nothing to cancel`);
  }
  io.stdout(`asked run ${run.id} to stop after the evaluations in flight\n`);
  return EXIT_OK;
}

async function continueRun(store: RunStore, run: RunRecord, options: RunsOptions, io: CliIo): Promise<number> {
  const outPaths = await outputPaths(options);
  return finishSupervisedRun(store, run.id, problemOf(run), { io, json: options.json, outPaths, out: options.out });
}

function outputPaths(options: RunsOptions): Promise<string[]> {
  return options.out ? prepareOutputFiles(options.out, RESULT_FILE_NAMES, options.force) : Promise.resolve([]);
}

function problemOf(run: RunRecord) {
  const parsed = problemOfRun(run);
  if (!parsed.ok) {
    throw new CliError(EXIT_INVALID, [`gmki: the stored problem of run ${run.id} is not valid:`, ...parsed.errors.map((e) => `  ${e}`)]);
  }
  return parsed.problem;
}
