/** The initial mixture of a run (`problem-format.md` §1.2 `initialization`, in u). */
import { choleskyWithJitter } from '../linalg/dense';
import type { Mixture } from '../gmki/state';
import type { ResolvedProblem } from '../problem/types';
import { createRandomStream } from '../random/random';
import { assertNever } from '../util/assertNever';
import type { InitialNormals } from '../gmki/initialization';

/**
 * `prior`: K means from the prior N(r0, Σ0) with the run's 'initialization' stream, covariances
 * Σ0, equal weights (the paper's set-up, §2), the means placed by the method's `normals` in the
 * prior's standard-normal coordinates (core/gmki/initialization.ts). `explicit`: as given.
 */
export function initialMixture(problem: ResolvedProblem, normals: InitialNormals): Mixture {
  const settings = problem.settings;
  const init = settings.initialization;
  const d = problem.parameterNames.length;
  switch (init.type) {
    case 'explicit': {
      const total = init.weights.reduce((a, b) => a + b, 0);
      return {
        nComponents: init.weights.length,
        nTheta: d,
        logWeights: Float64Array.from(init.weights, (w) => Math.log(w / total)),
        means: Float64Array.from(init.means.flat()),
        covariances: Float64Array.from(init.covariances.flat(2)),
      };
    }
    case 'prior': {
      const nK = settings.components;
      const { mean, covariance } = problem.prior;
      const factor = choleskyWithJitter(covariance, d, 'prior covariance').factor;
      const random = createRandomStream(settings.seed, 'initialization');
      const z = normals(nK, d, random);
      const means = new Float64Array(nK * d);
      for (let k = 0; k < nK; k++) {
        const zk = z.subarray(k * d, (k + 1) * d);
        for (let r = 0; r < d; r++) {
          let sum = mean[r];
          for (let c = 0; c <= r; c++) sum += factor[r * d + c] * zk[c];
          means[k * d + r] = sum;
        }
      }
      const covariances = new Float64Array(nK * d * d);
      for (let k = 0; k < nK; k++) covariances.set(covariance, k * d * d);
      return { nComponents: nK, nTheta: d, logWeights: new Float64Array(nK).fill(-Math.log(nK)), means, covariances };
    }
    default:
      return assertNever(init);
  }
}
