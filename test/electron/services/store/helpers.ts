/**
 * Builders for the store tests: temporary database folders, runs, seeded mixtures and ledger rows
 * shaped like a real GMKI iteration (K·(2d+1) evaluations).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Mixture } from '../../../../core/gmki/state';
import type { ProblemFileAsRun, RunSettings } from '../../../../core/problem/types';
import type { EvaluationEntry, IterationEntry, NewRun } from '../../../../electron/services/store/index';
import { DEFAULT_TEST_SETTINGS } from '../../../support/problems';

export function makeTempDir(): string {
  return mkdtempSync(join(tmpdir(), 'gmki-store-'));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

export function problemAsRun(name = 'Two modes', settings: Partial<RunSettings> = {}): ProblemFileAsRun {
  return {
    format: 'gmki-problem/1',
    name,
    parameters: [{ name: 'a' }, { name: 'b' }],
    settings: { ...DEFAULT_TEST_SETTINGS, ...settings },
  };
}

export function newRun(overrides: Partial<NewRun> = {}): NewRun {
  return {
    name: 'first try',
    problem: problemAsRun(),
    problemDir: '/home/user/problems',
    nTheta: 2,
    softwareName: 'gmki-studio',
    softwareVersion: '0.1.0',
    modelHash: 'ab'.repeat(32),
    ...overrides,
  };
}

/** A deterministic pseudo-random sequence (xorshift32) so that no test depends on ambient randomness. */
export function seededValues(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32 - 0.5;
  };
}

export function randomMixture(nComponents: number, nTheta: number, seed = 1): Mixture {
  const next = seededValues(seed);
  const fill = (n: number) => Float64Array.from({ length: n }, next);
  return {
    nComponents,
    nTheta,
    logWeights: new Float64Array(nComponents).fill(-Math.log(nComponents)),
    means: fill(nComponents * nTheta),
    covariances: fill(nComponents * nTheta * nTheta),
  };
}

export function iterationEntry(iteration: number, mixture: Mixture, forwardEvaluations = 0): IterationEntry {
  const k = mixture.nComponents;
  return {
    iteration,
    mixture,
    diagnostics: { misfit: Array.from({ length: k }, (_, i) => i + 0.5), jitter: new Array<number>(k).fill(0), explorationEss: new Array<number | null>(k).fill(null) },
    forwardEvaluations,
    elapsedSeconds: iteration * 1.25,
  };
}

/** The K·(2d+1) ledger rows of one iteration, every one successful, outputs of length nY. */
export function ledgerRows(iteration: number, nComponents: number, nTheta: number, nY = 3, seed = iteration + 7): EvaluationEntry[] {
  const next = seededValues(seed);
  const rows: EvaluationEntry[] = [];
  const perComponent = 2 * nTheta + 1;
  for (let p = 0; p < nComponents * perComponent; p++) {
    rows.push({
      iteration,
      pointIndex: p,
      component: Math.floor(p / perComponent),
      sigmaPoint: p % perComponent,
      theta: Array.from({ length: nTheta }, next),
      output: Array.from({ length: nY }, next),
      error: null,
      durationMs: 1 + (p % 5),
      slot: p % 3,
      attempts: 1,
    });
  }
  return rows;
}

/** Bytes of a Float64Array, for bit-level comparison (toEqual treats NaN payloads and −0 loosely). */
export function bytesOf(values: Float64Array): Uint8Array {
  return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
}
