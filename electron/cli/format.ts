/** Number and duration wording of the command's human output. */

/** 4 significant digits, no trailing zeros: `0.3333`, `1.2e-7`, `-12.5`. */
export function formatNumber(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(4))) : String(x);
}

/** A weight: three decimals, or scientific when below 0.001 (weights go down to minWeight). */
export function formatWeight(w: number): string {
  return w >= 0.001 || w === 0 ? w.toFixed(3) : w.toExponential(1);
}

/** `0.42 s`, `12.3 s`, `3 min 05 s`, `1 h 02 min`. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–';
  if (seconds < 10) return `${seconds.toFixed(2)} s`;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const whole = Math.round(seconds);
  if (whole < 3600) return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
  const minutes = Math.round(whole / 60);
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
