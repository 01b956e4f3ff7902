/**
 * The run's evaluation budget and expected wall time (product.md item 4): K·(2d+1) forward
 * evaluations per iteration, times the iterations, times the measured seconds of one evaluation,
 * divided by the evaluations that run at once.
 */

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
        : `${formatCount(evaluations)} × ${formatSeconds(seconds as number)} ÷ ${slots} slot${slots === 1 ? '' : 's'} ≈ ${formatSeconds(wallSeconds)}`,
    wallText: wallSeconds === null ? null : formatDuration(wallSeconds),
  };
}

/** 38550 → "38 550" (thin groups, as the design docs write counts). */
export function formatCount(n: number): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
}

/** A measured time, precise enough to compare: "0.4 ms", "12 ms", "1.5 s", "42 s", "3 min 20 s", "2 h 5 min". */
export function formatSeconds(seconds: number): string {
  if (seconds < 0.001) return `${round(seconds * 1000, 2)} ms`;
  if (seconds < 1) return `${round(seconds * 1000, 3)} ms`;
  if (seconds < 10) return `${round(seconds, 2)} s`;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) {
    const total = Math.round(seconds);
    const s = total % 60;
    return `${Math.floor(total / 60)} min${s ? ` ${s} s` : ''}`;
  }
  const minutes = Math.round(seconds / 60);
  const m = minutes % 60;
  return `${Math.floor(minutes / 60)} h${m ? ` ${m} min` : ''}`;
}

/** An expected duration in human units: "under a second", "about 40 s", "about 4 min", "about 2 h 10 min", "about 3 days 4 h". */
export function formatDuration(seconds: number): string {
  if (seconds < 1) return 'under a second';
  if (seconds < 59.5) return `about ${Math.round(seconds)} s`;
  if (seconds < 3600 - 30) return `about ${Math.round(seconds / 60)} min`;
  if (seconds < 86_400 - 1800) {
    const minutes = Math.round(seconds / 60);
    // Minutes to the nearest 5 past the first hour: an estimate is not that precise.
    const m = Math.round((minutes % 60) / 5) * 5;
    const h = Math.floor(minutes / 60) + (m === 60 ? 1 : 0);
    const rest = m === 60 ? 0 : m;
    return `about ${h} h${rest ? ` ${rest} min` : ''}`;
  }
  const hours = Math.round(seconds / 3600);
  const days = Math.floor(hours / 24);
  const h = hours % 24;
  return `about ${days} day${days === 1 ? '' : 's'}${h ? ` ${h} h` : ''}`;
}

/** The median of a non-empty list (measurements: robust to one slow first call). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median: expected at least one value, got none');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function round(x: number, significant: number): string {
  return String(Number(x.toPrecision(significant)));
}
