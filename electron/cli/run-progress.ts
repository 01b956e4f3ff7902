/**
 * Shows a stored run's progress events (from the run manager) the way `gmki run` always has:
 * a bar redrawn in place on a terminal, one line per committed iteration otherwise.
 */
import type { RunProgress } from '../services/runs/progress';
import { formatDuration, formatNumber } from './format';
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
      const failed = progress.evaluationsFailed > 0 ? `  ${progress.evaluationsFailed} failed` : '';
      if (mode === 'lines') {
        if (progress.iteration <= lastLineIteration || progress.weights.length === 0) return;
        lastLineIteration = progress.iteration;
        const width = String(progress.iterations).length;
        write(
          `iteration ${String(progress.iteration).padStart(width)}${ofPlanned(progress, progress.iterations)}` +
            `  evaluations ${progress.evaluationsDone}${ofPlanned(progress, progress.evaluationsTotal)}${failed}` +
            `  elapsed ${formatDuration(progress.elapsedSeconds)}` +
            `  ${progressFigures(progress)}\n`,
        );
        return;
      }
      const current = Math.min(progress.iteration + 1, progress.iterations);
      // smc plans an upper bound only: its tempering (β towards 1) shows how far it is, not a bar.
      const tempering = progress.tempering;
      const fraction = progress.evaluationsTotal > 0 ? progress.evaluationsDone / progress.evaluationsTotal : 1;
      const filled = Math.round(Math.min(1, fraction) * BAR_WIDTH);
      const gauge = tempering ? `stage ${tempering.stage} β ${formatNumber(tempering.beta)}` : `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}]`;
      let line =
        `iteration ${current}${ofPlanned(progress, progress.iterations)} ${gauge} ` +
        `${progress.evaluationsDone}${ofPlanned(progress, progress.evaluationsTotal)} evaluations${failed}  ` +
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

/** `/30` for a planned count, ` of ≤ 501` for smc's upper bound. */
function ofPlanned(progress: RunProgress, planned: number): string {
  return progress.tempering ? ` of ≤ ${planned}` : `/${planned}`;
}
