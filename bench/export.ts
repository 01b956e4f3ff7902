/**
 * Exports do not hold the main thread (issue 11 item 7): a run of the paper's 2-D four-mode
 * example is stored by a real run manager, then 10⁶ posterior samples are written as CSV and as
 * NPZ through the export service, as `gmki serve` writes them, while this thread measures its own
 * event-loop delay. Before, the whole export was one synchronous block (10⁷ samples: 16 s).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseProblem } from '../core/problem';
import { getExampleProblem } from '../core/problem/examples';
import { exportRun } from '../electron/services/export';
import { createRunManager } from '../electron/services/runs/run-manager';
import { openRunStore } from '../electron/services/store';

export interface ExportFigures {
  readonly format: 'csv' | 'npz';
  readonly samples: number;
  readonly seconds: number;
  readonly mebibytes: number;
  readonly maxDelayMs: number;
  readonly p99DelayMs: number;
}

export async function benchExports(samples = 1_000_000): Promise<ExportFigures[]> {
  const dir = mkdtempSync(join(tmpdir(), 'gmki-bench-export-'));
  const example = getExampleProblem('four-modal-2d');
  if (!example) throw new Error('no example four-modal-2d');
  const parsed = parseProblem({ ...example.problem, settings: { ...(example.problem.settings as object), iterations: 5 } });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const store = openRunStore(join(dir, 'runs.sqlite'));
  const run = store.createRun({ name: 'bench', problem: parsed.problem.file, problemDir: dir, nTheta: 2, softwareName: 'bench', softwareVersion: '0', modelHash: null });
  const manager = createRunManager({ store });
  manager.enqueue(run.id);
  const final = await manager.whenSettled(run.id);
  await manager.close();
  if (final.status !== 'completed') throw new Error(`bench run ended ${final.status}: ${final.error}`);
  const figures: ExportFigures[] = [];
  for (const format of ['csv', 'npz'] as const) {
    const histogram = monitorEventLoopDelay({ resolution: 1 });
    histogram.enable();
    const started = performance.now();
    const { bytes } = await exportRun(store, run.id, format, join(dir, `export.${format}`), { samples });
    const seconds = (performance.now() - started) / 1000;
    histogram.disable();
    figures.push({ format, samples, seconds, mebibytes: bytes / 2 ** 20, maxDelayMs: histogram.max / 1e6, p99DelayMs: histogram.percentile(99) / 1e6 });
  }
  store.close();
  rmSync(dir, { recursive: true, force: true });
  return figures;
}
