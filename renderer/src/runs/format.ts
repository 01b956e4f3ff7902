/** How runs' numbers and times read on screen (their states: status.ts). */

/**
 * How precise a duration reads, by what it is:
 * - `'elapsed'`: a run's elapsed time or its ETA;
 * - `'measured'`: one evaluation's measured time, precise enough to compare two models;
 * - `'estimate'`: a planned run's expected time, rounded as far as an estimate deserves.
 */
export type DurationPrecision = 'elapsed' | 'measured' | 'estimate';

/**
 * A duration in words; `—` for an unknown, negative or infinite one.
 * - `'elapsed'` (default): one decimal under ten seconds, so that a fast run does not read
 *   "3 s" for 3.4 s, then the two largest units that matter, a zero lower unit dropped:
 *   "3.5 s", "45 s", "3 min 20 s", "2 min", "2 h 5 min", "3 d 4 h".
 * - `'measured'`: milliseconds under a second ("0.4 ms", "12.3 ms", "420 ms"), then as `'elapsed'`
 *   but with the lower unit rounded, not truncated: 2 h 40 min 38 s reads "2 h 41 min".
 * - `'estimate'`: "under a second", "about 42 s", "about 4 min", "about 2 h 10 min" (minutes to
 *   the nearest 5 past the first hour), "about 3 days 4 h".
 */
export function formatDuration(seconds: number | null | undefined, precision: DurationPrecision = 'elapsed'): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '—';
  switch (precision) {
    case 'elapsed':
      return twoUnits(seconds, Math.floor);
    case 'measured':
      if (seconds < 0.001) return `${significant(seconds * 1000, 2)} ms`;
      if (seconds < 1) return `${significant(seconds * 1000, 3)} ms`;
      return twoUnits(seconds, Math.round);
    case 'estimate':
      return estimate(seconds);
    default:
      return assertNever(precision);
  }
}

/**
 * The two largest units; `lower` takes the lower unit from the fraction left: an elapsed time
 * truncates it like a clock (never more time than has passed), a measured one rounds it.
 */
function twoUnits(seconds: number, lower: (x: number) => number): string {
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
    const inLower = lower(total / nextSize);
    const perUnit = size / nextSize;
    const whole = Math.floor(inLower / perUnit);
    const rest = inLower - whole * perUnit;
    return rest === 0 ? `${whole} ${name}` : `${whole} ${name} ${rest} ${nextName}`;
  }
  return `${total} s`;
}

function estimate(seconds: number): string {
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

function significant(x: number, digits: number): string {
  return String(Number(x.toPrecision(digits)));
}

function assertNever(value: never): never {
  throw new Error(`formatDuration: expected a precision 'elapsed', 'measured' or 'estimate', got ${String(value)}`);
}

/** `2026-11-27 08:41` in the viewer's time zone; `—` for none. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** Integers with thin thousands separators that do not depend on the machine's locale: `12 345`. */
export function formatCount(n: number): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
}

/** A parameter value in 4 significant digits, exponent form when very large or small. */
export function formatValue(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  if (x === 0) return '0';
  const magnitude = Math.abs(x);
  if (magnitude >= 1e5 || magnitude < 1e-3) return x.toExponential(3);
  return Number(x.toPrecision(4)).toString();
}

/** A weight as a percentage: `52.3 %`, `<0.1 %`. */
export function formatWeight(w: number): string {
  if (!Number.isFinite(w)) return '—';
  if (w > 0 && w < 0.001) return '<0.1 %';
  return `${(w * 100).toFixed(1)} %`;
}
