/**
 * The per-evaluation time limit every model type has (`problem-format.md` §2): a model that does
 * not answer within `timeoutSeconds` fails that evaluation as `timeout`, and what ran it is
 * stopped — the process group (command), the worker thread (javascript), the HTTP request
 * (umbridge) — so that a model stuck in a loop can never hang a run or a test evaluation.
 */
import type { ModelSpec } from '../../../core/problem/types';

/** The limit when the problem sets none: long enough for a real simulation, finite. */
export const DEFAULT_TIMEOUT_SECONDS = 600;

/** setTimeout's longest delay (about 24.8 days); a longer limit behaves as this one. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export function timeoutSecondsOf(spec: ModelSpec): number {
  return spec.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
}

/** `seconds` as a setTimeout delay. */
export function timerDelayMs(seconds: number): number {
  return Math.min(seconds * 1000, MAX_TIMER_MS);
}

/** "1 s", "0.5 s", "600 s": the limit as the messages quote it. */
export function describeLimit(seconds: number): string {
  return `${Number(seconds.toPrecision(6))} s`;
}
