/**
 * The event channel's promise (architecture.md §2): at most ten run/progress events a second per
 * run, the latest one winning, the end's progress before the end's status. Once on a scripted
 * stream with a fake clock, once on a real run whose iterations come faster than that.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EventName } from '../../../../electron/contract/channels';
import type { RunProgress } from '../../../../electron/contract/types';
import { connectRunEvents, createEventHub, PROGRESS_INTERVAL_MS, reportStatus } from '../../../../electron/services/handlers/events';
import { createRunManager, type RunManager } from '../../../../electron/services/runs/run-manager';
import { openRunStore } from '../../../../electron/services/store';
import { smallProblem } from './helpers';
import { parseProblem } from '../../../../core/problem';

/** The most events of `times` (sorted) that fall in any window [t, t + 1000 ms). */
function mostInOneSecond(times: readonly number[]): number {
  let most = 0;
  for (let i = 0; i < times.length; i++) {
    let j = i;
    while (j < times.length && times[j]! < times[i]! + 1000) j++;
    most = Math.max(most, j - i);
  }
  return most;
}

/** The hub's events in order, with the channel clock's reading when each was emitted. */
function recordHub(clock: () => number) {
  const hub = createEventHub();
  const events: { event: EventName; at: number; payload: unknown }[] = [];
  hub.subscribeAll((event, payload) => events.push({ event, at: clock(), payload }));
  const progress = () => events.filter((e) => e.event === 'run/progress');
  return { hub, events, progress };
}

const progressOf = (runId: string, iteration: number, status: RunProgress['status'] = 'running'): RunProgress => ({
  runId,
  status,
  method: 'gmki-paper',
  iteration,
  iterations: 50,
  evaluationsDone: 10 * iteration,
  evaluationsTotal: 500,
  evaluationsFailed: 0,
  evaluationsInFlight: 0,
  elapsedSeconds: iteration / 50,
  etaSeconds: null,
  weights: [0.5, 0.5],
  misfit: [1, 2],
});

afterEach(() => {
  vi.useRealTimers();
});

describe('run/progress on the event channel', () => {
  it('sends at most one event per run every 100 ms, the latest, however fast the manager reports', () => {
    vi.useFakeTimers();
    const listeners = new Set<(progress: RunProgress) => void>();
    const manager: Pick<RunManager, 'onProgress'> = {
      onProgress(listener) {
        listeners.add(listener);
        return () => void listeners.delete(listener);
      },
    };
    const { hub, events, progress } = recordHub(() => Date.now());
    const disconnect = connectRunEvents(manager, hub, () => Date.now());
    const report = (event: RunProgress) => listeners.forEach((listener) => listener(event));

    // Two runs, each committing an iteration every 20 ms (50 a second) for two seconds.
    for (let i = 0; i <= 100; i++) {
      report(progressOf('a', i));
      report(progressOf('b', i));
      vi.advanceTimersByTime(20);
    }
    report(progressOf('a', 100, 'completed'));
    reportStatus(hub, 'a', 'completed', null);
    vi.advanceTimersByTime(PROGRESS_INTERVAL_MS);

    for (const runId of ['a', 'b']) {
      const times = progress()
        .filter((e) => (e.payload as RunProgress).runId === runId)
        .map((e) => e.at);
      for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(PROGRESS_INTERVAL_MS);
      expect(mostInOneSecond(times)).toBeLessThanOrEqual(10);
      expect(times.length).toBeGreaterThanOrEqual(20);
    }
    // The end is never thinned away, and its status follows its progress.
    const ofA = events.filter((e) => (e.payload as { runId: string }).runId === 'a');
    expect(ofA.at(-2)).toMatchObject({ event: 'run/progress', payload: { status: 'completed', iteration: 100 } });
    expect(ofA.at(-1)).toMatchObject({ event: 'run/status', payload: { runId: 'a', status: 'completed', error: null } });
    disconnect();
  });

  it('keeps a real run whose iterations come faster than that to ten events a second, ending with its end', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gmki-events-'));
    const store = openRunStore(join(dir, 'runs.sqlite'));
    const manager = createRunManager({ store });
    try {
      writeFileSync(join(dir, 'model.mjs'), 'export function forward([a, b]) { return [(b - a) ** 2]; }\n');
      const parsed = parseProblem(smallProblem('model.mjs', 60));
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      const runId = store.createRun({
        name: 'fast',
        problem: parsed.problem.file,
        problemDir: dir,
        nTheta: 2,
        softwareName: 'test',
        softwareVersion: '0',
        modelHash: null,
      }).id;
      // The channel's own clock, read when it emits: the spacing it keeps is measured exactly.
      let reading = 0;
      const clock = () => (reading = performance.now());
      const { hub, events, progress } = recordHub(() => reading);
      let fromManager = 0;
      manager.onProgress(() => fromManager++);
      const disconnect = connectRunEvents(manager, hub, clock);
      manager.enqueue(runId);
      const final = await manager.whenSettled(runId);
      reportStatus(hub, runId, final.status, final.error);
      await vi.waitFor(() => expect(events.at(-1)?.event).toBe('run/status'), { timeout: 5000 });
      disconnect();

      expect(final.status).toBe('completed');
      const times = progress().map((e) => e.at);
      expect(mostInOneSecond(times)).toBeLessThanOrEqual(10);
      // The manager passed every committed iteration (61 and more events); the channel thinned them.
      expect(fromManager).toBeGreaterThan(60);
      expect(times.length).toBeLessThan(fromManager);
      expect(events.at(-2)).toMatchObject({ event: 'run/progress', payload: { runId, status: 'completed', iteration: 60 } });
      expect(events.at(-1)).toMatchObject({ event: 'run/status', payload: { runId, status: 'completed' } });
    } finally {
      await manager.close();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
