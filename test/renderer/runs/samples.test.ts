import { describe, expect, it } from 'vitest';
import type { Mixture } from '../../../core/gmki/state';
import { identityTransform, lowerBoundTransform } from '../../../core/problem/transforms';
import { drawPosteriorSamples } from '../../../electron/services/results/samples-csv';
import { posteriorSamples } from '../../../renderer/src/runs/samples';

const mixture: Mixture = {
  nComponents: 2,
  nTheta: 2,
  logWeights: Float64Array.from([0.4, 0.6], Math.log),
  means: Float64Array.from([0, 1, 3, -1]),
  covariances: Float64Array.from([1, 0.2, 0.2, 0.5, 0.3, 0, 0, 2]),
};

describe('posteriorSamples', () => {
  it('draws exactly the rows every export of the run draws (same seed, same stream)', () => {
    const transforms = [identityTransform(), lowerBoundTransform(0)];
    const page = posteriorSamples(mixture, transforms, 42, 500);
    const exported = drawPosteriorSamples({ mixture }, { transforms, settings: { seed: 42 } as never }, 500);
    expect(page).toEqual(exported.samples);
    for (let n = 0; n < 500; n++) expect(page[n * 2 + 1]).toBeGreaterThan(0);
  });
});
