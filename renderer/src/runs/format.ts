/** How runs' numbers, times and states read on screen. */
import type { RunStatus } from '../../../electron/contract/types';

/** Element Plus tag types. */
export type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger';

export interface StatusLook {
  readonly label: string;
  readonly type: TagType;
  /** A mark that does not rely on colour alone. */
  readonly icon: string;
}

/**
 * Only `completed` is green: a cancelled or interrupted run stopped before its end and is no
 * success (product.md item 6, unlike Persalys' green tick on a stopped run).
 */
const LOOKS: Readonly<Record<RunStatus, StatusLook>> = {
  queued: { label: 'queued', type: 'info', icon: '…' },
  running: { label: 'running', type: 'primary', icon: '▶' },
  completed: { label: 'completed', type: 'success', icon: '✓' },
  failed: { label: 'failed', type: 'danger', icon: '✕' },
  cancelled: { label: 'cancelled', type: 'warning', icon: '■' },
  interrupted: { label: 'interrupted', type: 'warning', icon: '⏸' },
};

export function statusLook(status: RunStatus): StatusLook {
  return LOOKS[status];
}

/** True once a run will not change by itself any more. */
export function isSettled(status: RunStatus): boolean {
  return status !== 'queued' && status !== 'running';
}

/** `0.4 s`, `12 s`, `3 min 05 s`, `2 h 07 min`. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '—';
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole} s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes} min ${String(whole % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** `2026-11-27 08:41` in the viewer's time zone; `—` for none. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** Integers with thin thousands separators: `12 345`. */
export function formatCount(n: number): string {
  return Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
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
