/**
 * The monitor's running copy of a run's history: iterations fetched a few at a time (`from` the
 * next one) become the chart builders' HistoryEntry list, and log lines followed by `afterSeq`.
 */
import type { HistoryEntry } from '../charts/history';
import type { IterationData, LogEntry } from '../../../electron/contract/types';
import { mixtureOf } from '../runs/mixture';

/** The iteration to ask for next (`run/iterations { from }`): one past the last one held. */
export function nextIteration(history: readonly HistoryEntry[]): number {
  return history.length === 0 ? 0 : history[history.length - 1].iteration + 1;
}

/**
 * `history` with `incoming` added, in iteration order, one entry per iteration (a refetched
 * iteration replaces the held one). Misfits that crossed HTTP as null (non-finite) become NaN,
 * which the charts draw as gaps; an smc iteration keeps its tempering figures, and an iteration
 * its failed evaluations (diagnostics.failures).
 */
export function mergeIterations(history: readonly HistoryEntry[], incoming: readonly IterationData[]): HistoryEntry[] {
  if (incoming.length === 0) return [...history];
  const byIteration = new Map<number, HistoryEntry>(history.map((entry) => [entry.iteration, entry]));
  for (const data of incoming) {
    const misfit = (data.diagnostics?.misfit ?? []).map((value) => (typeof value === 'number' ? value : Number.NaN));
    const smc = data.diagnostics?.smc;
    const failures = data.diagnostics?.failures;
    byIteration.set(data.iteration, {
      iteration: data.iteration,
      mixture: mixtureOf(data),
      diagnostics: { misfit, ...(smc ? { smc } : {}), ...(failures ? { failures } : {}) },
    });
  }
  return [...byIteration.values()].sort((a, b) => a.iteration - b.iteration);
}

/** The sequence number to follow the log from (`run/logs { afterSeq }`). */
export function lastSeq(logs: readonly LogEntry[]): number {
  return logs.length === 0 ? 0 : logs[logs.length - 1].seq;
}

/**
 * `logs` with the lines of `incoming` it does not hold yet, keeping the newest `cap` lines (a
 * model that prints on every evaluation would otherwise grow the page without bound).
 */
export function appendLogs(logs: readonly LogEntry[], incoming: readonly LogEntry[], cap = 2000): LogEntry[] {
  const after = lastSeq(logs);
  const fresh = incoming.filter((line) => line.seq > after).sort((a, b) => a.seq - b.seq);
  const merged = fresh.length === 0 ? [...logs] : [...logs, ...fresh];
  return merged.length > cap ? merged.slice(merged.length - cap) : merged;
}
