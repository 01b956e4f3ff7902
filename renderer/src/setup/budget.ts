/**
 * The run's evaluation budget and expected wall time (product.md item 4): K·(2d+1) forward
 * evaluations per iteration (or the batch of another method, core/methods/budget.ts), times the
 * iterations, times the measured seconds of one evaluation, divided by the evaluations that run
 * at once. An smc run's budget is an upper bound: it usually ends earlier.
 */
import { evaluationBudget } from '../../../core/methods/budget';
import { isGmkiMethod, type RunSettings } from '../../../core/problem/types';
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
  /** The resolved settings, for a method other than GMKI (its batch and iterations); absent: GMKI. */
  readonly settings?: RunSettings;
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
  /** `exact`, or `at-most` for a method that may stop earlier (smc): the figures are upper bounds. */
  readonly bound: 'exact' | 'at-most';
}

/** The evaluations formula of a method other than GMKI, e.g. "at most J·(1 + maxStages·mhSteps) = …". */
function methodFormula(settings: RunSettings, d: number, total: number): string {
  const count = `${formatCount(total)} evaluation${total === 1 ? '' : 's'}`;
  const { perIteration, iterations } = evaluationBudget(settings, d);
  if (settings.method === 'uki') return `(2d+1)·iterations = (2·${d}+1)·${settings.iterations} = ${count}`;
  if (settings.method === 'smc') return `at most J·(1 + maxStages·mhSteps) = ${perIteration}·(1 + ${settings.maxStages}·${settings.mhSteps}) = ${count}`;
  return `J·iterations = ${perIteration}·${iterations} = ${count}`;
}

export function estimateBudget(input: BudgetInput): BudgetEstimate {
  const { components: K, nTheta: d } = input;
  const other = input.settings && !isGmkiMethod(input.settings.method) ? evaluationBudget(input.settings, d) : null;
  const iterations = other?.iterations ?? input.iterations;
  const evaluationsPerIteration = other?.perIteration ?? K * (2 * d + 1);
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
    evaluationFormula:
      other && input.settings
        ? methodFormula(input.settings, d, evaluations)
        : `K·(2d+1)·iterations = ${K}·(2·${d}+1)·${iterations} = ${formatCount(evaluations)} evaluation${evaluations === 1 ? '' : 's'}`,
    timeFormula:
      wallSeconds === null
        ? null
        : `${formatCount(evaluations)} × ${formatDuration(seconds as number, 'measured')} ÷ ${slots} slot${slots === 1 ? '' : 's'} ≈ ${formatDuration(wallSeconds, 'measured')}`,
    wallText: wallSeconds === null ? null : (other?.bound === 'at-most' ? 'at most ' : '') + formatDuration(wallSeconds, 'estimate'),
    bound: other?.bound ?? 'exact',
  };
}

/** The median of a non-empty list (measurements: robust to one slow first call). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median: expected at least one value, got none');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
