/**
 * Numbers of the run monitor's header in words: durations in human units, the progress fraction
 * and the counts line.
 */

/**
 * A duration in the two largest units that matter: "45 s", "3 min 20 s", "2 h 5 min", "3 d 4 h".
 * Under ten seconds one decimal is kept, so that a fast run does not read "0 s".
 */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '—';
  if (seconds < 10) return `${Number(seconds.toFixed(1))} s`;
  const total = Math.round(seconds);
  if (total < 60) return `${total} s`;
  const units: [number, string][] = [
    [86_400, 'd'],
    [3_600, 'h'],
    [60, 'min'],
    [1, 's'],
  ];
  for (let u = 0; u < units.length - 1; u++) {
    const [size, name] = units[u];
    if (total < size) continue;
    const [nextSize, nextName] = units[u + 1];
    const whole = Math.floor(total / size);
    const rest = Math.floor((total - whole * size) / nextSize);
    return rest === 0 ? `${whole} ${name}` : `${whole} ${name} ${rest} ${nextName}`;
  }
  return `${total} s`;
}

/** What the header's progress bar and counters show, from a progress event or a stored run. */
export interface ProgressFigures {
  readonly iteration: number;
  readonly iterations: number;
  readonly evaluationsDone: number;
  /** 0 when unknown. */
  readonly evaluationsTotal: number;
  readonly evaluationsFailed: number;
  readonly evaluationsInFlight: number;
  readonly elapsedSeconds: number;
  readonly etaSeconds: number | null;
}

/**
 * Percent done (0–100, whole numbers): by evaluations when their total is known (they move
 * within an iteration), by iterations otherwise. Never 100 before the last iteration is in.
 */
export function percentDone(figures: ProgressFigures): number {
  const byIterations = figures.iterations > 0 ? figures.iteration / figures.iterations : 0;
  const byEvaluations = figures.evaluationsTotal > 0 ? figures.evaluationsDone / figures.evaluationsTotal : byIterations;
  const fraction = Math.min(1, Math.max(0, byEvaluations));
  const percent = Math.floor(100 * fraction);
  return percent === 100 && figures.iteration < figures.iterations ? 99 : percent;
}

/** A count with thousands separators that do not depend on the machine's locale. */
export function formatCount(n: number): string {
  return Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}
