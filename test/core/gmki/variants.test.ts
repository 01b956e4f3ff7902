/**
 * Each GMKI variant chooses its own initial means (core/gmki/variants.ts): iid prior draws for
 * gmki-paper (`gmki-algorithm.md` §2), a Latin hypercube for gmki-robust (unless its ablation
 * turns it off); an inversion starts from the mixture its variant chose.
 */
import { describe, expect, it } from 'vitest';
import { resolveGmkiConfig } from '../../../core/gmki/config';
import { iidNormals } from '../../../core/gmki/initialization';
import { inverseNormalCdf, latinHypercubeNormals } from '../../../core/gmki/robust/initialization';
import { robustOptionsFromConfig } from '../../../core/gmki/robust/options';
import { createGmkiStepper } from '../../../core/gmki/variants';
import { createInversion, foldPrior, gmkiConfigFromSettings } from '../../../core/inversion';
import type { GmkiMethod } from '../../../core/problem/types';
import { createRandomStream } from '../../../core/random/random';
import { diag, simpleProblem } from '../../support/problems';

const K = 6;
const D = 3;
const PRIOR_STD = [1, 2, 0.5];

function problemFor(method: GmkiMethod) {
  return simpleProblem({
    priorMean: [1, -1, 0.5],
    priorCovariance: diag(PRIOR_STD.map((s) => s * s)),
    observations: [0.3],
    noiseCovariance: diag([0.1]),
    settings: { method, components: K, seed: 12 },
  });
}

/** The initial means of an inversion in the prior's standard-normal coordinates (diagonal prior). */
function initialNormals(method: GmkiMethod): number[] {
  const problem = problemFor(method);
  const { means } = createInversion(problem).initialRecord.mixture;
  return Array.from(means, (m, i) => (m - problem.prior.mean[i % D]) / PRIOR_STD[i % D]);
}

describe('initial means by variant', () => {
  it('gmki-paper draws them iid from the prior, gmki-robust as a Latin hypercube, its ablation iid', () => {
    const stepperOf = (method: GmkiMethod, latinHypercube?: boolean) => {
      const problem = problemFor(method);
      const config = resolveGmkiConfig(gmkiConfigFromSettings(problem.settings));
      const options = latinHypercube === undefined ? undefined : { ...robustOptionsFromConfig(config), latinHypercube };
      return createGmkiStepper(config, foldPrior(problem).gmki, problem.prior, options);
    };
    expect(stepperOf('gmki-paper').initialNormals).toBe(iidNormals);
    expect(stepperOf('gmki-robust').initialNormals).toBe(latinHypercubeNormals);
    expect(stepperOf('gmki-robust', false).initialNormals).toBe(iidNormals);
  });

  it("starts each method's inversion from its variant's draws on the 'initialization' stream", () => {
    const stream = () => createRandomStream(12, 'initialization');
    const close = (values: number[]) => values.map((x) => expect.closeTo(x, 12));
    expect(initialNormals('gmki-paper')).toEqual(close(Array.from(iidNormals(K, D, stream()))));
    const robust = initialNormals('gmki-robust');
    expect(robust).toEqual(close(Array.from(latinHypercubeNormals(K, D, stream()))));
    const edges = Array.from({ length: K + 1 }, (_, i) => inverseNormalCdf(i / K));
    for (let r = 0; r < D; r++) {
      const strata = Array.from({ length: K }, (_, k) => edges.findIndex((edge) => robust[k * D + r] < edge) - 1).sort((a, b) => a - b);
      expect(strata).toEqual(Array.from({ length: K }, (_, i) => i));
    }
  });
});
