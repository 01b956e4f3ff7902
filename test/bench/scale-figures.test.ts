/**
 * The scale benchmark's figures (bench/scale-figures.ts) on hand-made histories whose answers are
 * known: the mirror-mode criterion on components placed at the truth and at its mirror image, and
 * the utilisation and GMKI's own time from timings and ledgers chosen to give round numbers.
 */
import { describe, expect, it } from 'vitest';
import { DARCY_TRUTH } from '../../core/problem/darcy-data';
import { darcyMirroredTheta } from '../../core/problem/darcy-truth';
import type { IterationEntry } from '../../electron/services/store/types';
import { componentModes, modesFound, ownTime, utilisation, type IterationLedger } from '../../bench/scale-figures';

const D = DARCY_TRUTH.length;

function entryWith(means: readonly ArrayLike<number>[], weights: readonly number[], extra: Partial<IterationEntry> = {}): IterationEntry {
  const flat = new Float64Array(means.length * D);
  means.forEach((mean, k) => flat.set(mean, k * D));
  return {
    iteration: 0,
    mixture: { nComponents: means.length, nTheta: D, logWeights: Float64Array.from(weights, Math.log), means: flat, covariances: new Float64Array(means.length * D * D) },
    diagnostics: { misfit: [], jitter: [], explorationEss: [] },
    forwardEvaluations: 0,
    elapsedSeconds: 0,
    ...extra,
  };
}

describe('mirror modes', () => {
  const truth = Float64Array.from(DARCY_TRUTH);
  const mirrored = darcyMirroredTheta(DARCY_TRUTH);
  const halfway = truth.map((value, l) => (value + mirrored[l]!) / 2);

  it('measures each component against the truth and its mirror image', () => {
    const [atTruth, atMirror] = componentModes(entryWith([truth, mirrored], [0.4, 0.6]));
    expect(atTruth).toMatchObject({ component: 0, truth: 0 });
    expect(atTruth!.weight).toBeCloseTo(0.4, 12);
    expect(atTruth!.mirrored).toBeGreaterThan(0.6); // the two modes are far apart
    expect(atMirror).toMatchObject({ component: 1, mirrored: 0 });
  });

  it('needs a component of weight ≥ 0.15 within 0.6 at each mode', () => {
    expect(modesFound(componentModes(entryWith([truth, mirrored, halfway], [0.5, 0.3, 0.2])))).toEqual({ truth: true, mirrored: true });
    expect(modesFound(componentModes(entryWith([truth, mirrored, halfway], [0.8, 0.1, 0.1])))).toEqual({ truth: true, mirrored: false });
    expect(modesFound(componentModes(entryWith([truth, truth, mirrored.map(() => 0)], [0.4, 0.4, 0.2])))).toEqual({ truth: true, mirrored: false });
  });
});

describe('utilisation and GMKI’s own time', () => {
  // Two iterations of 10 s each (wall between commits): ask 1 s, evaluations 8 s, tell 0.5 s, commit 0.5 s.
  const timings = { askMs: 1000, evaluationMs: 8000, tellMs: 500 };
  const history = [0, 1, 2].map((n) =>
    entryWith([DARCY_TRUTH], [1], { iteration: n, elapsedSeconds: 5 + 10 * n, diagnostics: { misfit: [], jitter: [], explorationEss: [], ...(n > 0 && { timings }) } }),
  );
  // Each batch: 2 slots × 8 s = 16 s of slot time, 15.2 s of it evaluating.
  const ledgers: IterationLedger[] = [1, 2].map((n) => ({
    iteration: n,
    evaluations: 40,
    busyMs: 15_200,
    perSlot: new Map([
      [0, 20],
      [1, 20],
    ]),
  }));

  it('divides the ledger’s busy time by the slots’ time in the evaluation phases and over the iterations', () => {
    const use = utilisation(history, ledgers, 2);
    expect(use.evaluations).toBe(80);
    expect(use.duringEvaluation).toBeCloseTo(0.95, 12);
    expect(use.overIterations).toBeCloseTo(0.76, 12);
    expect(use.idleMsPerIteration.median).toBeCloseTo(2000, 9);
    expect(use.slackMsPerIteration.max).toBeCloseTo(800, 9);
    expect([...use.evaluationsPerSlot]).toEqual([
      [0, 40],
      [1, 40],
    ]);
  });

  it('splits the time between batches into ask, tell and the commit', () => {
    const own = ownTime(history);
    expect(own.total.mean).toBeCloseTo(1500, 9);
    expect(own.ask.max).toBe(1000);
    expect(own.tell.median).toBe(500);
    expect(own.commitAndOther.mean).toBeCloseTo(500, 9);
  });

  it('refuses a history without timings', () => {
    const old = history.map((entry) => ({ ...entry, diagnostics: { misfit: [], jitter: [], explorationEss: [] } }));
    expect(() => ownTime(old)).toThrow(/iteration 1 has no timings/);
  });
});
