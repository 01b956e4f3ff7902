/** Runs with every field filled, for the browser's pure helpers and the store tests. */
import type { ProblemFileAsRun } from '../../../core/problem/types';
import type { RunRecord, RunSummary } from '../../../electron/contract/types';
import { DEFAULT_TEST_SETTINGS } from '../../support/problems';

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
    failedEvaluations: 0,
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

/**
 * A run record: runSummary's fields and a problem as run named problemName, with the test
 * settings (gmki-paper, components and iterations as the summary says) unless `problem` is given.
 */
export function runRecord(overrides: Partial<RunSummary> & { readonly problem?: ProblemFileAsRun } = {}): RunRecord {
  const { problem, problemName, ...summary } = runSummary(overrides) as RunSummary & { problem?: ProblemFileAsRun };
  return {
    ...summary,
    problem: problem ?? {
      format: 'gmki-problem/1',
      name: problemName,
      settings: { ...DEFAULT_TEST_SETTINGS, components: summary.components, iterations: summary.iterations, seed: summary.seed },
    },
  };
}
