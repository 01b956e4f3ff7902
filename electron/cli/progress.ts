/**
 * Progress of `gmki run`. On a terminal: one bar on stderr, redrawn in place at most ten times
 * a second (iteration, evaluations, elapsed, ETA). Otherwise (a pipe, a log file, CI): one line
 * per completed iteration, which is what a log reader wants and what tests can count.
 */
import type { IterationRecord } from '../../core/inversion/types';
import { mixtureWeights } from '../../core/gmki/state';
import { formatDuration, formatNumber, formatWeight } from './format';

export interface ProgressReporter {
  /** `done` evaluations of the current iteration are finished. */
  evaluated(done: number): void;
  /** An iteration finished `elapsedSeconds` after the run started. */
  iterationDone(record: IterationRecord, elapsedSeconds: number): void;
  /** Leaves the terminal on a fresh line (call once, also when the run failed). */
  finish(): void;
}

export interface ProgressOptions {
  readonly mode: 'bar' | 'lines';
  readonly write: (text: string) => void;
  readonly totalIterations: number;
  readonly evaluationsPerIteration: number;
  /** Terminal width for the bar (the line is cut to fit, so it never wraps). */
  readonly columns?: number;
  /** Seconds since the run started (injected so that tests need no clock). */
  readonly elapsed: () => number;
}

const REDRAW_INTERVAL_SECONDS = 0.1;
const BAR_WIDTH = 20;

export function createProgressReporter(options: ProgressOptions): ProgressReporter {
  return options.mode === 'bar' ? createBar(options) : createLines(options);
}

function createLines(options: ProgressOptions): ProgressReporter {
  const total = options.totalIterations * options.evaluationsPerIteration;
  const width = String(options.totalIterations).length;
  return {
    evaluated() {},
    iterationDone(record, elapsedSeconds) {
      const weights = mixtureWeights(record.mixture).map(formatWeight).join(' ');
      const misfit = record.diagnostics.misfit.length > 0 ? formatNumber(Math.min(...record.diagnostics.misfit)) : '–';
      options.write(
        `iteration ${String(record.iteration).padStart(width)}/${options.totalIterations}` +
          `  evaluations ${record.forwardEvaluations}/${total}` +
          `  elapsed ${formatDuration(elapsedSeconds)}` +
          `  weights ${weights}  best misfit ${misfit}\n`,
      );
    },
    finish() {},
  };
}

function createBar(options: ProgressOptions): ProgressReporter {
  const perIteration = options.evaluationsPerIteration;
  const total = options.totalIterations * perIteration;
  let iterationsDone = 0;
  let evaluationsDone = 0;
  let lastDraw = -Infinity;
  let drawn = false;

  const draw = (force: boolean): void => {
    const elapsed = options.elapsed();
    if (!force && elapsed - lastDraw < REDRAW_INTERVAL_SECONDS) return;
    lastDraw = elapsed;
    const fraction = total > 0 ? evaluationsDone / total : 1;
    const filled = Math.round(fraction * BAR_WIDTH);
    const eta = evaluationsDone > 0 ? (elapsed / evaluationsDone) * (total - evaluationsDone) : NaN;
    const current = Math.min(iterationsDone + 1, options.totalIterations);
    let line =
      `iteration ${current}/${options.totalIterations} ` +
      `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ` +
      `${evaluationsDone}/${total} evaluations  elapsed ${formatDuration(elapsed)}  ETA ${formatDuration(eta)}`;
    if (options.columns && line.length >= options.columns) line = line.slice(0, options.columns - 1);
    options.write(`\r${line}\x1b[K`);
    drawn = true;
  };

  return {
    evaluated(done) {
      evaluationsDone = iterationsDone * perIteration + done;
      draw(false);
    },
    iterationDone(record) {
      iterationsDone = record.iteration;
      evaluationsDone = iterationsDone * perIteration;
      draw(true);
    },
    finish() {
      if (drawn) options.write('\n');
    },
  };
}
