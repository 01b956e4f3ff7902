/**
 * Shows a stored run's progress events (from the run manager) the way `gmki run` always has:
 * a bar redrawn in place on a terminal, one line per committed iteration otherwise.
 */
import type { RunProgress } from '../services/runs/progress';
import { formatDuration } from './format';
import { progressFigures } from './method-lines';

export interface RunProgressView {
  show(progress: RunProgress): void;
  /** Leaves the terminal on a fresh line. */
  finish(): void;
}

const BAR_WIDTH = 20;

export function createRunProgressView(mode: 'bar' | 'lines', write: (text: string) => void, columns?: number): RunProgressView {
  let lastLineIteration = -1;
  let drawn = false;
  return {
    show(progress) {
      if (mode === 'lines') {
        if (progress.iteration <= lastLineIteration || progress.weights.length === 0) return;
        lastLineIteration = progress.iteration;
        const width = String(progress.iterations).length;
        write(
          `iteration ${String(progress.iteration).padStart(width)}/${progress.iterations}` +
            `  evaluations ${progress.evaluationsDone}/${progress.evaluationsTotal}` +
            `  elapsed ${formatDuration(progress.elapsedSeconds)}` +
            `  ${progressFigures(progress)}\n`,
        );
        return;
      }
      const fraction = progress.evaluationsTotal > 0 ? progress.evaluationsDone / progress.evaluationsTotal : 1;
      const filled = Math.round(Math.min(1, fraction) * BAR_WIDTH);
      const current = Math.min(progress.iteration + 1, progress.iterations);
      const failed = progress.evaluationsFailed > 0 ? `  ${progress.evaluationsFailed} failed` : '';
      let line =
        `iteration ${current}/${progress.iterations} [${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ` +
        `${progress.evaluationsDone}/${progress.evaluationsTotal} evaluations${failed}  ` +
        `elapsed ${formatDuration(progress.elapsedSeconds)}  ETA ${formatDuration(progress.etaSeconds ?? NaN)}`;
      if (columns && line.length >= columns) line = line.slice(0, columns - 1);
      write(`\r${line}\x1b[K`);
      drawn = true;
    },
    finish() {
      if (drawn) write('\n');
      drawn = false;
    },
  };
}
