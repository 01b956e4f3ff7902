/**
 * Honest warnings (issue 10 item 4): a run whose covariances explode, and a problem with fewer
 * observations than parameters and no prior, are reported — on the tester's wrapping of the
 * UM-Bridge banana as F = √(2(c − log π)), y = 0, no prior (GMKI: covariances ~10⁸ times the
 * initial ones, measured 5.5e8 and 6.5e8), and on the circle example —, and not on problems GMKI
 * solves.
 */
import { describe, expect, it } from 'vitest';
import type { IterationRecord } from '../../../core/inversion/types';
import { getBuiltinModel, getExampleProblem, parseProblem, problemWarnings } from '../../../core/problem';
import type { ResolvedProblem } from '../../../core/problem/types';
import { covarianceGrowthFinding } from '../../../core/results/covariance-growth';
import { diagnoseRun } from '../../../core/results/diagnostics';
import { runInversion } from '../../support/runInversion';

function parsed(file: unknown): ResolvedProblem {
  const result = parseProblem(file);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.problem;
}

const banana = getBuiltinModel('analytic-banana')!;

/** The tester's problem: G = √(2(c − log π)) with c = 10 ≥ max log π, y = 0, noise 1, no prior. */
function wrappedBanana(method: string): ResolvedProblem {
  return parsed({
    format: 'gmki-problem/1',
    name: 'wrapped banana',
    parameters: ['a', 'b'].map((name) => ({ name, prior: { mean: 0, std: 3 } })),
    prior: 'none',
    observations: { values: [0], noise: { std: 1 } },
    model: { type: 'javascript', path: 'wrapped.mjs' },
    settings: { method },
  });
}
const wrapped = (theta: readonly number[]): number[] => [Math.sqrt(2 * (10 - banana.forward(theta)[0]))];

describe('the tester’s wrapped banana under GMKI', () => {
  it.each(['gmki-robust', 'gmki-paper'])('%s: the problem warns before the run, and the run warns that covariances exploded', (method) => {
    const problem = wrappedBanana(method);
    const warnings = problemWarnings(problem);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.path).toBe('observations');
    expect(warnings[0]!.message).toMatch(/^1 observed value for 2 parameters and no prior: the data constrain only a curve of θ/);
    expect(warnings[0]!.message).toContain('"output": "logDensity"');
    const { history } = runInversion(problem, wrapped);
    const diagnostics = diagnoseRun(history, { problemWarnings: warnings });
    const exploding = diagnostics.findings.find((finding) => finding.kind === 'exploding-covariance')!;
    expect(exploding.severity).toBe('warning');
    expect(exploding.value).toBeGreaterThan(1e6);
    expect(exploding.message).toMatch(
      /^The covariance of components? [\d, ]+ grew to .* times the initial mixture's largest variance: the run is not following a posterior there/,
    );
    expect(diagnostics.findings.map((finding) => finding.kind)).toContain('problem-warning');
    expect(diagnostics.mayMissMass).toBe(true);
  });
});

describe('warnings where they belong, and only there', () => {
  it('the circle example (one observation, no prior) warns; a problem with a prior or enough data does not', () => {
    expect(problemWarnings(parsed(getExampleProblem('circle-2d')!.problem))).toHaveLength(1);
    for (const id of ['two-modal-2d', 'four-modal-2d', 'square-map-1d', 'four-mode-3d', 'banana-density-2d']) {
      expect(problemWarnings(parsed(getExampleProblem(id)!.problem)), id).toEqual([]);
    }
  });

  it.each(['two-modal-2d-shifted', 'four-modal-2d', 'square-map-1d', 'circle-2d', 'banana-density-2d', 'gaussian-mixture-density-2d'])(
    '%s as its example runs it: no exploding covariance',
    (id) => {
      const problem = parsed(getExampleProblem(id)!.problem);
      const model = getBuiltinModel((problem.model as { name: string }).name)!;
      const { history } = runInversion(problem, (theta) => model.forward(theta));
      expect(covarianceGrowthFinding(history)).toBeNull();
    },
  );

  it('a covariance still growing tenfold over the last five iterations is reported, a settled one is not', () => {
    const record = (iteration: number, variance: number): IterationRecord => ({
      iteration,
      mixture: { nComponents: 1, nTheta: 1, logWeights: Float64Array.of(0), means: Float64Array.of(0), covariances: Float64Array.of(variance) },
      diagnostics: { misfit: [0], jitter: [0], explorationEss: [null] },
      forwardEvaluations: iteration,
    });
    const growing = [1, 0.5, 0.4, 1, 2, 4, 8, 16].map((v, i) => record(i, v));
    expect(covarianceGrowthFinding(growing)).toMatchObject({ kind: 'exploding-covariance', components: [0] });
    expect(covarianceGrowthFinding(growing)!.message).toMatch(/grew at each of the last 5 iterations, to 40 times/);
    const settled = [1, 0.5, 0.4, 0.41, 0.41, 0.41, 0.41, 0.41].map((v, i) => record(i, v));
    expect(covarianceGrowthFinding(settled)).toBeNull();
  });
});
