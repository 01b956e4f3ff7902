/**
 * The figures of the scale benchmark (bench/scale.ts) from what a finished run stored: the
 * ledger's evaluation durations and slots, each iteration's timings (diagnostics.timings: ask,
 * evaluations, tell) and commit times, and the final mixture against the Darcy truth and its
 * mirror image.
 */
import { DARCY_TRUTH } from '../core/problem/darcy-data';
import { darcyModeErrors } from '../core/problem/darcy-truth';
import type { IterationEntry } from '../electron/services/store/types';

/** The ledger of one iteration, summed. */
export interface IterationLedger {
  readonly iteration: number;
  readonly evaluations: number;
  /** Σ duration_ms of its evaluations. */
  readonly busyMs: number;
  /** Evaluations per slot. */
  readonly perSlot: ReadonlyMap<number, number>;
}

export interface Utilisation {
  readonly evaluations: number;
  /** Σ duration_ms / (slots × Σ evaluation-phase wall): how full the slots were while a batch ran. */
  readonly duringEvaluation: number;
  /** Σ duration_ms / (slots × wall from the initial commit to the last): GMKI and commits count as idle. */
  readonly overIterations: number;
  /** Per iteration, wall minus its evaluation phase (GMKI's ask and tell, the commit): the slots wait. */
  readonly idleMsPerIteration: Summary;
  /** Per iteration: its evaluation phase's wall × slots minus its busy time (the batch's ragged end, dispatch). */
  readonly slackMsPerIteration: Summary;
  readonly evaluationsPerSlot: ReadonlyMap<number, number>;
}

export interface Summary {
  readonly median: number;
  readonly mean: number;
  readonly max: number;
}

export function summary(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, mean: values.reduce((a, b) => a + b, 0) / values.length, max: sorted.at(-1)! };
}

function timingsOf(entry: IterationEntry) {
  const timings = entry.diagnostics.timings;
  if (!timings) throw new Error(`iteration ${entry.iteration} has no timings in its diagnostics (a run from before they were recorded?)`);
  return timings;
}

/** Iteration n's wall time: from the commit of n − 1 to (just before) the commit of n, in ms. */
const wallMs = (history: readonly IterationEntry[], n: number): number => (history[n]!.elapsedSeconds - history[n - 1]!.elapsedSeconds) * 1000;

export function utilisation(history: readonly IterationEntry[], ledgers: readonly IterationLedger[], slots: number): Utilisation {
  const iterations = history.slice(1);
  const busy = ledgers.reduce((sum, ledger) => sum + ledger.busyMs, 0);
  const evaluating = iterations.reduce((sum, entry) => sum + timingsOf(entry).evaluationMs, 0);
  const span = (history.at(-1)!.elapsedSeconds - history[0]!.elapsedSeconds) * 1000;
  const perSlot = new Map<number, number>();
  for (const ledger of ledgers) for (const [slot, count] of ledger.perSlot) perSlot.set(slot, (perSlot.get(slot) ?? 0) + count);
  return {
    evaluations: ledgers.reduce((sum, ledger) => sum + ledger.evaluations, 0),
    duringEvaluation: busy / (slots * evaluating),
    overIterations: busy / (slots * span),
    idleMsPerIteration: summary(iterations.map((entry) => wallMs(history, entry.iteration) - timingsOf(entry).evaluationMs)),
    slackMsPerIteration: summary(ledgers.map((ledger) => slots * timingsOf(history[ledger.iteration]!).evaluationMs - ledger.busyMs)),
    evaluationsPerSlot: perSlot,
  };
}

/** GMKI's own time per iteration (ask = exploration + sigma points, tell = analysis) and the rest between batches. */
export function ownTime(history: readonly IterationEntry[]): { ask: Summary; tell: Summary; total: Summary; commitAndOther: Summary } {
  const iterations = history.slice(1);
  const timings = iterations.map(timingsOf);
  return {
    ask: summary(timings.map((t) => t.askMs)),
    tell: summary(timings.map((t) => t.tellMs)),
    total: summary(timings.map((t) => t.askMs + t.tellMs)),
    commitAndOther: summary(iterations.map((entry, i) => wallMs(history, entry.iteration) - timings[i]!.askMs - timings[i]!.evaluationMs - timings[i]!.tellMs)),
  };
}

export interface ComponentModes {
  readonly component: number;
  readonly weight: number;
  /** Relative error of log κ against the truth and against the mirrored truth. */
  readonly truth: number;
  readonly mirrored: number;
}

/** Issue 9's criterion: a component of weight ≥ 0.15 within 0.6 of each of the two modes. */
export const MODE_WEIGHT = 0.15;
export const MODE_ERROR = 0.6;

export function componentModes(entry: IterationEntry): ComponentModes[] {
  const { nComponents, nTheta, logWeights, means } = entry.mixture;
  return Array.from({ length: nComponents }, (_, k) => {
    const errors = darcyModeErrors(means.subarray(k * nTheta, (k + 1) * nTheta), DARCY_TRUTH);
    return { component: k, weight: Math.exp(logWeights[k]!), truth: errors.truth, mirrored: errors.mirrored };
  });
}

export function modesFound(components: readonly ComponentModes[]): { truth: boolean; mirrored: boolean } {
  const heavy = components.filter((c) => c.weight >= MODE_WEIGHT);
  return { truth: heavy.some((c) => c.truth <= MODE_ERROR), mirrored: heavy.some((c) => c.mirrored <= MODE_ERROR) };
}
