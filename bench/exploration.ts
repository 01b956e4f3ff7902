/**
 * Cost of one GMKI iteration without the forward evaluations (issue 2's performance target:
 * d = 128, K = 3, N_s = 10⁴ in ≤ 0.5 s on this 2-core machine). The exploration step dominates,
 * O(K²·N_s·d²); sigma points and the analysis step are timed with it, using a linear model's outputs
 * so that the analysis does real work.
 */
import { performance } from 'node:perf_hooks';
import { createGmkiContext, gmkiAsk, gmkiTell } from '../core/gmki/process';
import { resolveGmkiConfig } from '../core/gmki/config';
import type { GmkiState } from '../core/gmki/state';
import { createRandomStream } from '../core/random/random';

export interface ExplorationCase {
  readonly nTheta: number;
  readonly nComponents: number;
  readonly samples: number;
}

export interface ExplorationTiming extends ExplorationCase {
  readonly askSeconds: number;
  readonly tellSeconds: number;
  readonly repeats: number;
}

/** Times ask (exploration + sigma points) and tell (analysis) on a d-dimensional linear-Gaussian target with prior folded in. */
export function timeIteration(c: ExplorationCase, repeats: number): ExplorationTiming {
  const d = c.nTheta;
  const nY = Math.min(d, 16);
  const nOut = nY + d;
  const random = createRandomStream(1, 'bench');
  const data = random.fillNormal(new Float64Array(nOut));
  const noiseCov = new Float64Array(nOut * nOut);
  for (let i = 0; i < nOut; i++) noiseCov[i * nOut + i] = i < nY ? 0.01 : 4;
  const config = resolveGmkiConfig({ nComponents: c.nComponents, exploration: { method: 'monte-carlo', samples: c.samples } });
  const context = createGmkiContext(config, { nTheta: d, data, noiseCov });
  const covariances = new Float64Array(c.nComponents * d * d);
  for (let k = 0; k < c.nComponents; k++) for (let i = 0; i < d; i++) covariances[k * d * d + i * d + i] = 1 + 0.1 * k;
  let state: GmkiState = {
    iteration: 0,
    mixture: {
      nComponents: c.nComponents,
      nTheta: d,
      logWeights: new Float64Array(c.nComponents).fill(-Math.log(c.nComponents)),
      means: random.fillNormal(new Float64Array(c.nComponents * d)).map((x) => 0.5 * x),
      covariances,
    },
  };
  let askSeconds = 0;
  let tellSeconds = 0;
  for (let rep = 0; rep < repeats; rep++) {
    const t0 = performance.now();
    const pending = gmkiAsk(state, context);
    const t1 = performance.now();
    const nPoints = c.nComponents * (2 * d + 1);
    const outputs = new Float64Array(nPoints * nOut);
    for (let p = 0; p < nPoints; p++) {
      for (let o = 0; o < nY; o++) outputs[p * nOut + o] = pending.points[p * d + o] * (1 + o / nY);
      outputs.set(pending.points.subarray(p * d, (p + 1) * d), p * nOut + nY);
    }
    const t2 = performance.now();
    state = gmkiTell(pending, outputs, context).state;
    const t3 = performance.now();
    askSeconds += (t1 - t0) / 1000;
    tellSeconds += (t3 - t2) / 1000;
  }
  return { ...c, askSeconds: askSeconds / repeats, tellSeconds: tellSeconds / repeats, repeats };
}
