/**
 * Runs a stored run to its end in this process (in a worker thread, through the run manager),
 * showing progress. The first Ctrl-C cancels cooperatively (the run can be resumed); a second one
 * leaves at once, and the next `gmki` finds the run `interrupted`.
 */
import type { RunStore } from '../services/store';
import type { RunRecord } from '../services/store/types';
import { createRunManager } from '../services/runs/run-manager';
import type { CliIo } from './io';
import { createRunProgressView } from './run-progress';

export async function superviseRun(store: RunStore, runId: string, io: CliIo, json: boolean): Promise<RunRecord> {
  const manager = createRunManager({ store });
  const view = createRunProgressView(
    io.stderrIsTTY ? 'bar' : 'lines',
    // With --json, stdout carries only the final JSON object.
    io.stderrIsTTY || json ? io.stderr : io.stdout,
    io.stderrColumns,
  );
  const unsubscribe = manager.onProgress((progress) => {
    if (progress.runId === runId) view.show(progress);
  });
  let interrupts = 0;
  const onInterrupt = (): void => {
    interrupts++;
    if (interrupts === 1) {
      view.finish();
      io.stderr('gmki: cancelling after the evaluations in flight (Ctrl-C again to leave at once)…\n');
      manager.cancel(runId);
    } else {
      process.exit(130);
    }
  };
  process.on('SIGINT', onInterrupt);
  try {
    manager.enqueue(runId);
    return await manager.whenSettled(runId);
  } finally {
    process.off('SIGINT', onInterrupt);
    unsubscribe();
    view.finish();
    await manager.close();
  }
}
