// A particle run's samples in the page (runs/particles.ts): how many to ask for, the rows as one
// array, and the corner plot's input — the parameters shown, mapped to u for the density estimate,
// the samples and reference of those parameters.
import { describe, expect, it } from 'vitest';
import { identityTransform, lowerBoundTransform } from '../../../core/problem/transforms';
import { MAX_SAMPLE_NUMBERS } from '../../../electron/contract/types';
import { kernelBudget, MAX_PAGE_SAMPLES, pageSampleCount, particleCorner, sampleSetOf } from '../../../renderer/src/runs/particles';

describe('pageSampleCount', () => {
  it('asks for every particle when they fit, else as many as one reply and the page take', () => {
    expect(pageSampleCount(2000, 2)).toBe(2000);
    expect(pageSampleCount(50_000, 2)).toBe(MAX_PAGE_SAMPLES);
    expect(pageSampleCount(20_000, 1000)).toBe(MAX_SAMPLE_NUMBERS / 1000);
  });
});

describe('kernelBudget', () => {
  it('shares the raster budget between the pairs shown, between 150 and 1000 kernels', () => {
    expect(kernelBudget(1)).toBe(1000);
    expect(kernelBudget(2)).toBe(1000);
    expect(kernelBudget(3)).toBe(462);
    expect(kernelBudget(6)).toBe(150);
  });
});

describe('particleCorner', () => {
  const set = sampleSetOf({
    runId: 'r',
    iteration: 4,
    parameterNames: ['a', 'b', 'c'],
    source: 'particle',
    count: 4,
    samples: [
      [1, 10, 100],
      [2, 20, 200],
      [3, 30, 300],
      [4, 40, 400],
    ],
    indices: [0, 1, 2, 3],
    particles: 4,
  });
  const space = {
    names: ['a', 'b', 'c'],
    transforms: [identityTransform(), lowerBoundTransform(0), identityTransform()],
    reference: { label: 'truth', values: [1.5, 25, 250] },
  };

  it('holds the rows as one row-major array', () => {
    expect(set).toMatchObject({ count: 4, d: 3, iteration: 4, particles: 4 });
    expect(Array.from(set.samples.slice(0, 6))).toEqual([1, 10, 100, 2, 20, 200]);
  });

  it('keeps the parameters shown, with their names, transforms, samples and reference', () => {
    const corner = particleCorner(set, [1, 2], space);
    expect(corner.names).toEqual(['b', 'c']);
    expect(corner.transforms[0]).toBe(space.transforms[1]);
    expect(Array.from(corner.samples)).toEqual([10, 100, 20, 200, 30, 300, 40, 400]);
    expect(corner.reference).toEqual({ label: 'truth', values: [25, 250] });
    expect(corner.kernels).toBe(4);
  });

  it('estimates the density in u: a bounded parameter’s kernels sit at log(θ − lower)', () => {
    const corner = particleCorner(set, [1, 2], space);
    expect(corner.mixture.nTheta).toBe(2);
    expect(Array.from(corner.mixture.means.filter((_, k) => k % 2 === 0))).toEqual([10, 20, 30, 40].map((x) => space.transforms[1]!.toUnconstrained(x)));
    expect(Array.from(corner.mixture.means.filter((_, k) => k % 2 === 1))).toEqual([100, 200, 300, 400]);
  });
});
