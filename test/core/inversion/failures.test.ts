/**
 * Failed evaluations under settings.onEvaluationFailure (core/inversion/failures.ts and each
 * method's rule, core/methods/README.md "Failed evaluations"): with "skip" a GMKI component with
 * a failed sigma point keeps its previous state with its weight at the floor while the others
 * are updated exactly as without the failure; uki, an iteration where every component or every
 * evaluation failed, or more than maxFailureFraction of them, stop with a message; "stop" stops
 * at any failure. Runs with a model that fails on ~2 % of points (by a hash of θ) complete.
 */
import { describe, expect, it } from 'vitest';
import { createInversion, EvaluationFailuresError, type IterationRecord } from '../../../core/inversion';
import type { RunSettings } from '../../../core/problem/types';
import { failsAt, forward as failingModel } from '../../fixtures/models/fails-sometimes.mjs';
import { bytesOf } from '../../electron/services/store/helpers';
import { diag, simpleProblem } from '../../support/problems';
import { runInversion } from '../../support/runInversion';

const model = (theta: readonly number[]): number[] => [(theta[1] - theta[0]) ** 2, theta[0] + theta[1]];
const sometimesFailing = (theta: readonly number[]): number[] | null => (failsAt(theta) ? null : failingModel(theta));

function problem(settings: Partial<RunSettings>) {
  return simpleProblem({
    priorMean: [0, 1],
    priorCovariance: diag([1, 1]),
    observations: [4.2, 0.5],
    noiseCovariance: diag([1, 0.25]),
    settings: { components: 3, iterations: 12, seed: 11, onEvaluationFailure: 'skip', ...settings },
  });
}

/** Component k's mean, covariance (bytes) and weight. */
function componentOf(record: Pick<IterationRecord, 'mixture'>, k: number) {
  const { means, covariances, logWeights, nTheta: d } = record.mixture;
  return {
    mean: bytesOf(means.slice(k * d, (k + 1) * d)),
    covariance: bytesOf(covariances.slice(k * d * d, (k + 1) * d * d)),
    weight: Math.exp(logWeights[k]),
  };
}

describe.each([
  // No splits or re-seeding, so that gmki-robust's other components are compared like the paper's.
  { method: 'gmki-paper' as const, extra: {} },
  { method: 'gmki-robust' as const, extra: { splitThreshold: 1e9, modeSearch: false } },
  { method: 'dfgmvi' as const, extra: {} },
])('$method with a failed sigma point', ({ method, extra }) => {
  const settings = { method, ...extra };

  it('keeps that component as it was with its weight at the floor, and updates the others exactly as without the failure', () => {
    const clean = createInversion(problem(settings));
    const withFailure = createInversion(problem(settings));
    const outputs = clean.ask().points.map((point) => model(point.theta));
    const batch = withFailure.ask();
    const failing = batch.points.find((point) => point.label.kind === 'sigma-point' && point.label.component === 1 && point.label.sigmaPoint === 2)!;
    const expected = clean.tell(outputs);
    const record = withFailure.tell(outputs.map((output, i) => (i === failing.index ? null : output)));

    const before = componentOf(withFailure.initialRecord, 1);
    const kept = componentOf(record, 1);
    expect(kept.mean).toEqual(before.mean);
    expect(kept.covariance).toEqual(before.covariance);
    expect(kept.weight / 1e-15).toBeCloseTo(1, 9);
    for (const k of [0, 2]) {
      expect(componentOf(record, k).mean).toEqual(componentOf(expected, k).mean);
      expect(componentOf(record, k).covariance).toEqual(componentOf(expected, k).covariance);
    }
    // The others share the mass component 1 no longer holds, in the same proportion as without the failure.
    expect(componentOf(record, 0).weight / componentOf(record, 2).weight).toBeCloseTo(componentOf(expected, 0).weight / componentOf(expected, 2).weight, 12);
    expect(record.mixture.logWeights.reduce((sum, l) => sum + Math.exp(l), 0)).toBeCloseTo(1, 14);
    expect(record.diagnostics.failures).toEqual({ count: 1, perComponent: [0, 1, 0] });
    expect(Number.isNaN(record.diagnostics.misfit[1])).toBe(true);
    expect(record.forwardEvaluations).toBe(15);
    expect(expected.diagnostics.failures).toBeUndefined();
  });

  it('stops when every component has a failed sigma point, and the iteration can still be told', () => {
    const inversion = createInversion(problem(settings));
    const batch = inversion.ask();
    const outputs = batch.points.map((point) => (point.label.kind === 'sigma-point' && point.label.sigmaPoint === 0 ? null : model(point.theta)));
    expect(() => inversion.tell(outputs)).toThrow(EvaluationFailuresError);
    expect(() => inversion.tell(outputs)).toThrow(
      "iteration 1: every component has a failed sigma point, so no component can be updated (a component's update needs all 2d+1 of its outputs)",
    );
    expect(inversion.state.iteration).toBe(0);
    expect(inversion.tell(batch.points.map((point) => model(point.theta))).iteration).toBe(1);
  });
});

describe('what stops a run whatever the method', () => {
  it('all evaluations failed', () => {
    const inversion = createInversion(problem({ method: 'eki', particles: 10 }));
    const error = catchFailure(() => inversion.tell(inversion.ask().points.map(() => null)));
    expect(error.message).toBe('iteration 1: all 10 evaluations failed');
    expect(error.failed).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('more than maxFailureFraction of the evaluations failed', () => {
    const inversion = createInversion(problem({ method: 'eki', particles: 10, maxFailureFraction: 0.2 }));
    const batch = inversion.ask();
    // 2 of 10 is at the bound and goes on; 3 of 10 is over it.
    expect(inversion.tell(batch.points.map((point) => (point.index < 2 ? null : model(point.theta)))).diagnostics.failures).toEqual({ count: 2, particles: [0, 1] });
    const next = inversion.ask();
    const error = catchFailure(() => inversion.tell(next.points.map((point) => (point.index % 3 === 0 && point.index < 9 ? null : model(point.theta)))));
    expect(error.message).toBe('iteration 2: 3 of 10 evaluations failed, more than settings.maxFailureFraction = 0.2 of them: the model looks broken');
    expect(error.failed).toEqual([0, 3, 6]);
  });

  it('any failure when onEvaluationFailure is "stop" (the default)', () => {
    const inversion = createInversion(problem({ onEvaluationFailure: 'stop' }));
    const outputs = inversion.ask().points.map((point) => (point.index === 4 ? null : model(point.theta)));
    expect(() => inversion.tell(outputs)).toThrow('iteration 1: 1 of 15 evaluations failed and settings.onEvaluationFailure is "stop"');
    expect(simpleProblem({ priorMean: [0], priorCovariance: [[1]], observations: [1], noiseCovariance: [[1]] }).settings.onEvaluationFailure).toBe('stop');
  });

  it('any failure of uki: its one Gaussian needs every sigma point', () => {
    const inversion = createInversion(problem({ method: 'uki' }));
    const outputs = inversion.ask().points.map((point) => (point.index === 3 ? null : model(point.theta)));
    expect(() => inversion.tell(outputs)).toThrow(/^iteration 1: uki's one Gaussian has a failed sigma point and its Kalman step needs all 2d\+1 outputs/);
  });

  it('eki and eks with fewer than 2 particles that succeeded', () => {
    for (const method of ['eki', 'eks'] as const) {
      const inversion = createInversion(problem({ method, particles: 3, maxFailureFraction: 1 }));
      const outputs = inversion.ask().points.map((point) => (point.index > 0 ? null : model(point.theta)));
      expect(() => inversion.tell(outputs)).toThrow("iteration 1: only 1 particle succeeded, too few for the ensemble's covariance (at least 2)");
    }
  });
});

describe.each(['eki', 'eks'] as const)('%s with failed particles', (method) => {
  it('re-draws them from the Gaussian of the others, and draws the same noise for the others as without the failures', () => {
    const withFailures = createInversion(problem({ method, particles: 40 }));
    const batch = withFailures.ask();
    const failed = new Set([3, 17]);
    const record = withFailures.tell(batch.points.map((point) => (failed.has(point.index) ? null : model(point.theta))));
    expect(record.diagnostics.failures).toEqual({ count: 2, particles: [3, 17] });
    const after = record.particles!.positions;
    expect(after.every(Number.isFinite)).toBe(true);
    for (const j of failed) {
      // re-drawn: no longer at the θ that failed, within 5 ensemble standard deviations of the ensemble mean
      expect(after[2 * j]).not.toBe(batch.points[j].theta[0]);
      for (const r of [0, 1]) expect(Math.abs(after[2 * j + r] - record.mixture.means[r])).toBeLessThan(5 * Math.sqrt(record.mixture.covariances[3 * r]));
    }
    // The others moved, and each by its own noise: particle j's draw does not depend on which
    // others failed, so two runs that differ only in failed particles move the same particle alike.
    const otherFailures = createInversion(problem({ method, particles: 40 }));
    const other = otherFailures.tell(otherFailures.ask().points.map((point) => (point.index === 3 ? null : model(point.theta))));
    for (let j = 0; j < 40; j++) {
      if (failed.has(j)) continue;
      expect([after[2 * j], after[2 * j + 1]]).not.toEqual(batch.points[j].theta);
      // the moments differ a little (38 vs 39 particles); the noise is the same, so the moves agree closely
      for (const r of [0, 1]) expect(Math.abs(after[2 * j + r] - other.particles!.positions[2 * j + r])).toBeLessThan(0.5);
    }
  });
});

describe('smc with failed evaluations', () => {
  it('gives failed initial draws likelihood 0 (not resampled) and rejects failed proposals', () => {
    const inversion = createInversion(problem({ method: 'smc', particles: 50, mhSteps: 3, maxStages: 3 }));
    const initial = inversion.ask();
    const first = inversion.tell(initial.points.map((point) => (point.index % 10 === 0 ? null : model(point.theta))));
    const survivors = first.particles!.positions;
    for (let j = 0; j < 50; j++) {
      expect(Number.isFinite(first.particles!.logLikelihoods![j])).toBe(true);
      for (const dead of [0, 10, 20, 30, 40]) expect([survivors[2 * j], survivors[2 * j + 1]]).not.toEqual(initial.points[dead].theta);
    }
    const proposals = inversion.ask();
    const moved = inversion.tell(proposals.points.map((point) => (point.index < 25 ? null : model(point.theta))));
    for (let j = 0; j < 25; j++) {
      expect(moved.particles!.positions.slice(2 * j, 2 * j + 2)).toEqual(survivors.slice(2 * j, 2 * j + 2));
      expect(moved.particles!.logLikelihoods![j]).toBe(first.particles!.logLikelihoods![j]);
    }
    expect(moved.diagnostics.failures).toEqual({ count: 25, particles: Array.from({ length: 25 }, (_, j) => j) });
  });
});

describe('runs with a model that fails on ~2 % of points (a hash of θ)', () => {
  it.each([
    { method: 'gmki-paper' as const, settings: {} },
    { method: 'gmki-robust' as const, settings: {} },
    { method: 'dfgmvi' as const, settings: { dt: 0.2 } },
    { method: 'eki' as const, settings: { particles: 50 } },
    { method: 'eks' as const, settings: { particles: 50, dt: 0.1 } },
    { method: 'smc' as const, settings: { particles: 200, mhSteps: 5, maxStages: 10 } },
  ])('$method completes, records every failure, and repeats bit for bit', ({ method, settings }) => {
    const run = () => runInversion(problem({ method, ...settings }), sometimesFailing).history;
    const history = run();
    const failures = history.reduce((sum, record) => sum + (record.diagnostics.failures?.count ?? 0), 0);
    expect(failures, 'the model failed somewhere').toBeGreaterThan(0);
    const last = history.at(-1)!;
    expect(last.mixture.means.every(Number.isFinite)).toBe(true);
    expect(last.mixture.logWeights.reduce((sum, l) => sum + Math.exp(l), 0)).toBeCloseTo(1, 12);
    const again = run().at(-1)!;
    expect(bytesOf(again.mixture.means)).toEqual(bytesOf(last.mixture.means));
    expect(bytesOf(again.mixture.covariances)).toEqual(bytesOf(last.mixture.covariances));
  });

  it('gmki-robust still finds both modes of the two-modal posterior (θ2 − θ1 ≈ ±2.05)', () => {
    const history = runInversion(problem({ method: 'gmki-robust', components: 4, iterations: 30 }), sometimesFailing).history;
    expect(history.filter((record) => record.diagnostics.failures).length).toBeGreaterThan(0);
    const last = history.at(-1)!.mixture;
    const gaps = [0, 1, 2, 3].filter((k) => Math.exp(last.logWeights[k]) > 0.05).map((k) => last.means[2 * k + 1] - last.means[2 * k]);
    expect(gaps.some((gap) => Math.abs(gap - 2.05) < 0.3)).toBe(true);
    expect(gaps.some((gap) => Math.abs(gap + 2.05) < 0.3)).toBe(true);
  });

  it('gmki-paper with minWeight 0: a skipped component gets the smallest positive weight and the run stays finite', () => {
    const history = runInversion(problem({ method: 'gmki-paper', minWeight: 0 }), sometimesFailing).history;
    expect(history.some((record) => record.diagnostics.failures)).toBe(true);
    for (const record of history) expect(record.mixture.means.every(Number.isFinite), `iteration ${record.iteration}`).toBe(true);
  });
});

function catchFailure(run: () => unknown): EvaluationFailuresError {
  try {
    run();
  } catch (error) {
    if (error instanceof EvaluationFailuresError) return error;
    throw error;
  }
  throw new Error('expected the failures to stop the run');
}
