/**
 * Run diagnostics on constructed histories (each case builds the records a run would have
 * produced), and on a real run of the paper's circle problem, whose needle-shaped components
 * the diagnostics must flag.
 */
import { describe, expect, it } from 'vitest';
import { mixtureFromJson, type Mixture } from '../../../core/gmki/state';
import type { IterationRecord } from '../../../core/inversion';
import { diagnoseRun } from '../../../core/results';
import { symmetricEigenvalues } from '../../../core/linalg/eigen';
import { getBuiltinModel, getExampleProblem, parseProblem } from '../../../core/problem';
import { runInversion } from '../../support/runInversion';

function record(iteration: number, mixture: Mixture, misfit: number[] = [], extra: Partial<IterationRecord['diagnostics']> = {}): IterationRecord {
  return {
    iteration,
    mixture,
    diagnostics: { misfit, jitter: misfit.map(() => 0), explorationEss: misfit.map(() => null), ...extra },
    forwardEvaluations: iteration * 10,
  };
}

/** 1-D mixture with the given weights, means and variances. */
const mix1 = (weights: number[], means: number[], variances: number[]) =>
  mixtureFromJson({ weights, means: means.map((m) => [m]), covariances: variances.map((v) => [[v]]) });

describe('diagnoseRun', () => {
  it('finds nothing to say about a settled run with one component per mode', () => {
    const final = mix1([0.4, 0.6], [-1, 1], [0.01, 0.01]);
    const result = diagnoseRun([record(0, final), record(1, final, [0.5, 0.5]), record(2, final, [0.5, 0.5])]);
    expect(result.findings).toEqual([]);
    expect(result.mayMissMass).toBe(false);
    expect(result.conditionNumbers).toEqual([1, 1]);
  });

  it('warns that mass may be missing when a component fits the data but is parked at the floor', () => {
    const early = mix1([0.5, 0.5], [-1, 1], [0.01, 0.01]);
    const parked = mix1([1e-15, 1 - 1e-15], [-1, 1], [0.01, 0.01]);
    const history = [
      record(0, early),
      record(1, early, [0.6, 0.5]),
      record(2, parked, [0.6, 0.5]),
      record(3, parked, [0.6, 0.5]),
      record(4, parked, [0.6, 0.5]),
      record(5, parked, [0.6, 0.5]),
    ];
    const result = diagnoseRun(history, { minWeight: 1e-15 });
    expect(result.mayMissMass).toBe(true);
    const warning = result.findings.find((f) => f.kind === 'parked-on-fit')!;
    expect(warning).toMatchObject({ severity: 'warning', components: [0] });
    expect(warning.message).toMatch(
      /Component 0 sits where the model fits the data .* weight is at the floor: the result may be missing the mass of a mode there\. Try more components .* or a longer run/,
    );
    expect(result.findings.find((f) => f.kind === 'weight-at-floor')).toMatchObject({ components: [0], value: 2, severity: 'info' });
    expect(result.messages[0]).toBe(warning.message); // warnings first
  });

  it('does not warn about a parked component that misfits the data or duplicates a heavy one', () => {
    const farOff = mix1([1e-15, 1 - 1e-15], [-1, 1], [0.01, 0.01]);
    expect(diagnoseRun([record(0, farOff), record(1, farOff, [40, 0.5])]).mayMissMass).toBe(false);
    const duplicate = mix1([1e-15, 1 - 1e-15], [1.001, 1], [0.01, 0.01]);
    const result = diagnoseRun([record(0, duplicate), record(1, duplicate, [0.5, 0.5])]);
    expect(result.mayMissMass).toBe(false);
    expect(result.findings.map((f) => f.kind)).toEqual(['weight-at-floor']);
  });

  it('reports duplicated components with their overlap', () => {
    const final = mix1([0.3, 0.3, 0.4], [1, 1.1, -1], [0.01, 0.01, 0.01]);
    const result = diagnoseRun([record(0, final), record(1, final, [0.5, 0.5, 0.5])]);
    expect(result.findings).toEqual([
      expect.objectContaining({ kind: 'duplicate-components', components: [0, 1], value: expect.closeTo(Math.exp(-0.125), 10), severity: 'info' }),
    ]);
    expect(result.mayMissMass).toBe(false);
  });

  it('warns when weights are still moving at the end, and suggests a longer run', () => {
    const steps = [0.5, 0.45, 0.4, 0.35].map((w) => mix1([w, 1 - w], [-1, 1], [0.01, 0.01]));
    const result = diagnoseRun(steps.map((m, i) => record(i, m, [0.5, 0.5])));
    expect(result.findings).toEqual([expect.objectContaining({ kind: 'not-converged', severity: 'warning', components: [0, 1], value: expect.closeTo(0.15, 12) })]);
    expect(result.messages[0]).toMatch(/longer run/);
    expect(result.mayMissMass).toBe(true);
  });

  it('does not count mass trading between duplicates on one mode as unsettled', () => {
    const steps = [0.5, 0.45, 0.4, 0.35].map((w) => mix1([w, 0.5 - w + 0.2, 0.3], [1, 1.05, -1], [0.01, 0.01, 0.01]));
    const result = diagnoseRun(steps.map((m, i) => record(i, m, [0.5, 0.5, 0.5])));
    expect(result.findings.map((f) => f.kind)).toEqual(['duplicate-components']);
    expect(result.mayMissMass).toBe(false);
  });

  it('warns about a component with real mass where the model fits the data poorly (a saddle)', () => {
    const final = mix1([0.3, 0.6, 0.1], [0, 1, -1], [1, 0.01, 0.01]);
    const result = diagnoseRun([record(0, final), record(1, final, [9, 0.5, 0.6])]);
    expect(result.findings).toEqual([expect.objectContaining({ kind: 'poor-fit-component', severity: 'warning', components: [0], value: 9 })]);
    expect(result.messages[0]).toMatch(/Component 0 carries 30 % of the mass but sits where the model fits the data poorly \(misfit 9\.0 vs 0\.5\)/);
    expect(result.mayMissMass).toBe(true);
  });

  it('warns about a heavy component over which the model is strongly nonlinear (gmki-robust)', () => {
    const final = mix1([0.5, 0.5], [0, 1], [1, 0.01]);
    const result = diagnoseRun([record(0, final), record(1, final, [2, 0.5], { nonlinearity: [5, 0.1] })]);
    expect(result.findings).toEqual([expect.objectContaining({ kind: 'straddling-component', components: [0], value: 5 })]);
    expect(result.mayMissMass).toBe(true);
  });

  it('reports condition numbers: elongated (info), nearly singular or jittered (warning)', () => {
    const final = mixtureFromJson({
      weights: [0.4, 0.3, 0.3],
      means: [
        [0, 0],
        [3, 0],
        [-3, 0],
      ],
      covariances: [
        [
          [1, 0],
          [0, 1e-5],
        ],
        [
          [1, 0],
          [0, 1e-9],
        ],
        [
          [1, 0.5],
          [0.5, 1],
        ],
      ],
    });
    const jittered = { jitter: [0, 0, 1e-12] };
    const result = diagnoseRun([record(0, final), record(1, final, [0.5, 0.5, 0.5], jittered)]);
    expect(result.conditionNumbers[0]).toBeCloseTo(1e5, 3);
    expect(result.conditionNumbers[2]).toBeCloseTo(3, 12);
    const kinds = result.findings.map((f) => [f.kind, f.severity, f.components[0]]);
    expect(kinds).toEqual([
      ['degenerate-covariance', 'warning', 1],
      ['degenerate-covariance', 'warning', 2],
      ['degenerate-covariance', 'info', 0],
    ]);
    expect(result.mayMissMass).toBe(false);
  });

  it('flags the paper’s circle problem: parked components on the ring, unsettled weights, needle-shaped components', () => {
    const parsed = parseProblem(getExampleProblem('circle-2d')!.problem);
    if (!parsed.ok) throw new Error('circle example does not parse');
    const model = getBuiltinModel('circle-2d')!;
    const { history } = runInversion(parsed.problem, (theta) => model.forward(theta));
    const result = diagnoseRun(history, { minWeight: parsed.problem.settings.minWeight });
    expect(result.mayMissMass).toBe(true);
    expect(result.findings.some((f) => f.kind === 'parked-on-fit')).toBe(true);
    expect(result.findings.some((f) => f.kind === 'degenerate-covariance' && f.severity === 'info')).toBe(true);
    expect(Math.max(...result.conditionNumbers)).toBeGreaterThan(1e3);
  });

  it('rejects an empty history', () => {
    expect(() => diagnoseRun([])).toThrow(/at least one iteration record/);
  });
});

describe('symmetricEigenvalues', () => {
  it('returns the eigenvalues of a symmetric matrix in ascending order', () => {
    // Eigenvalues of [[2, 1, 0], [1, 2, 1], [0, 1, 2]] are 2 − √2, 2, 2 + √2.
    expect(Array.from(symmetricEigenvalues([2, 1, 0, 1, 2, 1, 0, 1, 2], 3))).toEqual([2 - Math.SQRT2, 2, 2 + Math.SQRT2].map((x) => expect.closeTo(x, 13)));
    expect(Array.from(symmetricEigenvalues([5], 1))).toEqual([5]);
  });
});

describe('diagnoseRun on runs with failed evaluations (settings.onEvaluationFailure "skip")', () => {
  const both = mix1([0.5, 0.5], [-1, 1], [0.01, 0.01]);
  const skipped = (perComponent: number[]) => ({ failures: { count: perComponent.reduce((a, b) => a + b, 0), perComponent } });

  it('names a component skipped in some iterations, as information when it recovered', () => {
    const history = [
      record(0, both),
      record(1, both, [0.5, 0.5]),
      record(2, both, [0.5, Number.NaN], skipped([0, 2])),
      record(3, both, [0.5, 0.5]),
      record(4, both, [0.5, Number.NaN], skipped([0, 1])),
      record(5, both, [0.5, 0.5]),
    ];
    const result = diagnoseRun(history);
    const finding = result.findings.find((f) => f.kind === 'skipped-component')!;
    expect(finding).toMatchObject({ severity: 'info', components: [1], value: 2 });
    expect(finding.message).toBe(
      'Component 1 was skipped in 2 iterations (2 and 4) because 3 evaluations at its sigma points failed; each time it kept its previous mean and covariance with its weight at the floor.',
    );
    expect(result.mayMissMass).toBe(false);
  });

  it('warns that mass may be missing when the last iteration skipped a component, and ignores its missing misfit', () => {
    const floored = mix1([1 - 1e-15, 1e-15], [-1, 1], [0.01, 0.01]);
    const history = [record(0, both), record(1, both, [0.5, 0.5]), record(2, floored, [0.5, Number.NaN], skipped([0, 1]))];
    const result = diagnoseRun(history);
    expect(result.mayMissMass).toBe(true);
    const finding = result.findings.find((f) => f.kind === 'skipped-component')!;
    expect(finding).toMatchObject({ severity: 'warning', components: [1], value: 1 });
    expect(finding.message).toBe(
      'Component 1 was skipped in iteration 2 because an evaluation at its sigma points failed; it kept its previous mean and covariance with its weight at the floor. ' +
        'The last iteration skipped it too, so its final weight is at the floor because of the failures, not the data: the result may be missing its mass. Look at the failed evaluations and where the model fails.',
    );
    expect(result.findings.map((f) => f.kind)).toContain('weight-at-floor');
    expect(result.findings.some((f) => f.kind === 'poor-fit-component' || f.kind === 'parked-on-fit')).toBe(false);
  });

  it('warns when a late skip left a component that held mass far below it at the end, though the last iteration skipped nothing', () => {
    // As measured on the two-modal problem (problem-format.md §1.6): 0.53 before the skip, 1e-15 after, 0.0026 three iterations on.
    const weights = [0.53, 1e-15, 1.4e-8, 4.9e-5, 0.0026];
    const history = [record(0, both), ...weights.map((w, i) => record(26 + i, mix1([1 - w, w], [-1, 1], [0.01, 0.01]), [0.5, 0.5], i === 1 ? skipped([0, 1]) : {}))];
    const result = diagnoseRun(history);
    const finding = result.findings.find((f) => f.kind === 'skipped-component')!;
    expect(finding).toMatchObject({ severity: 'warning', components: [1], value: 1 });
    expect(finding.message).toBe(
      'Component 1 was skipped in iteration 27 because an evaluation at its sigma points failed; it kept its previous mean and covariance with its weight at the floor. ' +
        'It held 0.53 before iteration 27 and only 0.0026 at the end: it has not climbed back from the floor yet, so the result may be missing its mass. Extend the run so that it can.',
    );
    expect(result.mayMissMass).toBe(true);
  });

  it('says nothing more when the component climbed back, held little before, or was skipped 5 or more iterations before the end', () => {
    const severityWith = (weights: number[], skippedAt: number) => {
      const history = [
        record(0, both),
        ...weights.map((w, i) => record(1 + i, mix1([1 - w, w], [-1, 1], [0.01, 0.01]), [0.5, 0.5], 1 + i === skippedAt ? skipped([0, 1]) : {})),
      ];
      return diagnoseRun(history).findings.find((f) => f.kind === 'skipped-component')!.severity;
    };
    expect(severityWith([0.5, 1e-15, 0.06], 2)).toBe('info'); // back above a tenth of 0.5
    expect(severityWith([0.005, 1e-15, 1e-6], 2)).toBe('info'); // held less than 0.01
    expect(severityWith([0.5, 1e-15, 1e-9, 1e-6, 1e-4, 1e-3, 0.02], 2)).toBe('info'); // skipped 5 iterations before the end
    expect(severityWith([0.5, 1e-15, 1e-9, 1e-6, 1e-4, 1e-3], 2)).toBe('warning'); // 4 before the end
  });

  it('counts the failed evaluations of a particle method and the particles they hit', () => {
    const one = mix1([1], [0], [1]);
    const history = [
      record(0, one),
      record(1, one, [1], { failures: { count: 2, particles: [3, 17] } }),
      record(2, one, [1]),
      record(3, one, [1], { failures: { count: 1, particles: [3] } }),
    ];
    const finding = diagnoseRun(history).findings.find((f) => f.kind === 'failed-evaluations')!;
    expect(finding).toMatchObject({ severity: 'info', value: 3 });
    expect(finding.message).toBe('3 evaluations (of particles 3 and 17) failed in 2 iterations (1 and 3) and were left out (settings.onEvaluationFailure "skip").');
  });
});
