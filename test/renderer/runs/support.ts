/** A run summary with every field filled, for the browser's pure helpers. */
import type { RunSummary } from '../../../electron/contract/types';

export function runSummary(overrides: Partial<RunSummary> = {}): RunSummary {
  return {
    id: 'r1',
    name: 'first run',
    status: 'completed',
    problemName: 'square-map',
    problemDir: null,
    method: 'gmki-paper',
    seed: 1,
    components: 3,
    nTheta: 1,
    iterations: 30,
    iterationsDone: 30,
    forwardEvaluations: 270,
    elapsedSeconds: 1.5,
    softwareName: 'gmki-studio',
    softwareVersion: '0.1.0',
    modelHash: null,
    error: null,
    notes: '',
    tags: [],
    createdAt: '2026-11-27T08:00:00.000Z',
    startedAt: '2026-11-27T08:00:01.000Z',
    finishedAt: '2026-11-27T08:00:03.000Z',
    ownerPid: null,
    ownerHost: null,
    cancelRequested: false,
    ...overrides,
  };
}
