/**
 * The run's evaluation budget and expected wall time (product.md item 4): K·(2d+1) forward
 * evaluations per iteration, times the iterations, times the measured seconds of one evaluation,
 * divided by the evaluations that run at once.
 */
import { formatCount, formatDuration } from '../runs/format';

export interface BudgetInput {
  /** K */
  readonly components: number;
  /** d, the number of parameters. */
  readonly nTheta: number;
  readonly iterations: number;
  /** Measured (or entered) wall time of one forward evaluation; null when not known yet. */
  readonly secondsPerEvaluation: number | null;
  /** settings.concurrency: evaluations allowed in flight at once. */
  readonly concurrency: number;
}

export interface BudgetEstimate {
  /** K·(2d+1) */
  readonly evaluationsPerIteration: number;
  /** K·(2d+1)·iterations */
  readonly evaluations: number;
  /**
   * Evaluations that really run at once: no more than one iteration's evaluations, because an
   * iteration needs all of its results before the next can start.
   */
  readonly slots: number;
  /** null until the time of one evaluation is known. */
  readonly wallSeconds: number | null;
  /** "K·(2d+1)·iterations = 3·(2·2+1)·30 = 450 evaluations" */
  readonly evaluationFormula: string;
  /** "450 × 12 ms ÷ 2 slots ≈ 2.7 s", or null without a time. */
  readonly timeFormula: string | null;
  /** "about 3 s", or null without a time. */
  readonly wallText: string | null;
}

export function estimateBudget(input: BudgetInput): BudgetEstimate {
  const { components: K, nTheta: d, iterations } = input;
  const evaluationsPerIteration = K * (2 * d + 1);
  const evaluations = evaluationsPerIteration * iterations;
  const slots = Math.max(1, Math.min(Math.floor(input.concurrency), evaluationsPerIteration));
  const seconds = input.secondsPerEvaluation;
  const known = seconds !== null && Number.isFinite(seconds) && seconds >= 0;
  const wallSeconds = known ? (evaluations * seconds) / slots : null;
  return {
    evaluationsPerIteration,
    evaluations,
    slots,
    wallSeconds,
    evaluationFormula: `K·(2d+1)·iterations = ${K}·(2·${d}+1)·${iterations} = ${formatCount(evaluations)} evaluation${evaluations === 1 ? '' : 's'}`,
    timeFormula:
      wallSeconds === null
        ? null
        : `${formatCount(evaluations)} × ${formatDuration(seconds as number, 'measured')} ÷ ${slots} slot${slots === 1 ? '' : 's'} ≈ ${formatDuration(wallSeconds, 'measured')}`,
    wallText: wallSeconds === null ? null : formatDuration(wallSeconds, 'estimate'),
  };
}

/** The median of a non-empty list (measurements: robust to one slow first call). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median: expected at least one value, got none');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
