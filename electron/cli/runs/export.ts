/** `gmki runs export RUN_ID --format csv|json|npz|problem [--out FILE] [--force]`. */
import { suggestedExportFileName } from '../../contract/exports';
import { exportRun, isExportError } from '../../services/export';
import { findRun } from '../../services/runs/lifecycle';
import type { RunStore } from '../../services/store';
import { CliError, EXIT_INVALID, EXIT_OK } from '../errors';
import type { CliIo } from '../io';
import { cliLifecycle } from '../run-lifecycle';
import type { RunsOptions } from './args';

export async function exportCommand(store: RunStore, options: RunsOptions, io: CliIo): Promise<number> {
  const run = findRun(cliLifecycle(store), options.runId!);
  const format = options.format!;
  // Named after the run's id, which (unlike its name) tells the files of two runs apart.
  const file = options.out ?? suggestedExportFileName(run.id.slice(0, 8), format);
  try {
    const written = await exportRun(store, run.id, format, file, { force: options.force });
    io.stdout(`wrote ${written.file} (${written.bytes} bytes)\n`);
    return EXIT_OK;
  } catch (error) {
    if (isExportError(error)) throw new CliError(EXIT_INVALID, `gmki: ${error.message}`);
    throw error;
  }
}
