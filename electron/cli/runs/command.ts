/** `gmki runs <subcommand>`: dispatch, with the database opened once and always closed. */
import { assertNever } from '../../../core/util/assertNever';
import type { CliIo } from '../io';
import { openCliStore, withStore } from '../store-access';
import type { RunsOptions } from './args';
import { deleteRun, listRuns, showRun, tagRun } from './browse';
import { exportCommand } from './export';
import { cancelRun, extendRun, resumeRun } from './lifecycle';

/** The subcommands that only read. */
const READING = new Set<RunsOptions['subcommand']>(['list', 'show', 'export']);

export async function runsCommand(options: RunsOptions, io: CliIo): Promise<number> {
  const store = openCliStore(options.db, READING.has(options.subcommand) ? 'read' : 'write', io);
  return withStore(store, async () => {
    switch (options.subcommand) {
      case 'list':
        return listRuns(store, options, io);
      case 'show':
        return showRun(store, options, io);
      case 'resume':
        return await resumeRun(store, options, io);
      case 'extend':
        return await extendRun(store, options, io);
      case 'cancel':
        return cancelRun(store, options, io);
      case 'export':
        return await exportCommand(store, options, io);
      case 'delete':
        return deleteRun(store, options, io);
      case 'tag':
        return tagRun(store, options, io);
      default:
        return assertNever(options.subcommand);
    }
  });
}
