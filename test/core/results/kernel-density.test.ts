/**
 * The kernel density estimate as a mixture (core/results/kernel-density.ts): one component per
 * (thinned) sample, kernels h²·Σ̂ with h cross-validated below Scott's rule; a Gaussian sample
 * keeps a bandwidth near Scott's, two narrow modes far apart stay two modes, repeated samples do
 * not drive h to its smallest value.
 */
import { describe, expect, it } from 'vitest';
import { createRandomStream } from '../../../core/random/random';
import { logMixtureDensity, mixtureDensityOnGrid1d } from '../../../core/results';
import { kernelDensityMixture } from '../../../core/results/kernel-density';

function draws(n: number, seed: number, at: (z1: number, z2: number, k: number) => [number, number]): Float64Array {
  const random = createRandomStream(seed, 'test');
  const out = new Float64Array(2 * n);
  for (let k = 0; k < n; k++) out.set(at(random.normal(), random.normal(), k), 2 * k);
  return out;
}

describe('kernelDensityMixture', () => {
  it('puts a kernel h²·Σ̂ on every sample, h near Scott’s n^(−1/(d+4)) for a Gaussian sample', () => {
    const samples = draws(500, 1, (z1, z2) => [1 + 2 * z1, -1 + 0.5 * z1 + z2]);
    const { mixture, components, bandwidth } = kernelDensityMixture({ samples, count: 500, d: 2 });
    expect(components).toBe(500);
    expect(Array.from(mixture.means.slice(0, 4))).toEqual(Array.from(samples.slice(0, 4)));
    const scott = Math.pow(500, -1 / 6);
    expect(bandwidth).toBeGreaterThanOrEqual(0.5 * scott);
    expect(bandwidth).toBeLessThanOrEqual(scott);
    let mean0 = 0;
    for (let k = 0; k < 500; k++) mean0 += samples[2 * k]! / 500;
    const kernel00 = mixture.covariances[0]!;
    let var0 = 0;
    for (let k = 0; k < 500; k++) var0 += (samples[2 * k]! - mean0) ** 2 / 500;
    expect(kernel00).toBeCloseTo(bandwidth ** 2 * var0, 12);
    expect(Array.from(mixture.logWeights.slice(0, 2))).toEqual([-Math.log(500), -Math.log(500)]);
  });

  it('thins to every k-th sample beyond maxComponents, keeping an ordered set’s proportions', () => {
    // 600 ordered samples: the first 300 at −3, then 300 at +3; the first 200 rows would all be at −3.
    const samples = draws(600, 2, (z1, z2, k) => [(k < 300 ? -3 : 3) + 0.1 * z1, 0.1 * z2]);
    const { mixture, components } = kernelDensityMixture({ samples, count: 600, d: 2 }, { maxComponents: 200 });
    expect(components).toBe(200);
    const right = Array.from({ length: 200 }, (_, j) => mixture.means[2 * j]!).filter((x) => x > 0).length;
    expect(right).toBe(100);
    // Two modes: the density at ±3 is far above the density at 0.
    const grid = Float64Array.from([-3, 0, 3]);
    const density = mixtureDensityOnGrid1d(mixture, grid, 0);
    expect(density[1]!).toBeLessThan(1e-3 * density[0]!);
    expect(density[2]! / density[0]!).toBeCloseTo(1, 1);
  });

  it('is not pulled to its smallest bandwidth by repeated samples (resampled particles)', () => {
    const once = draws(300, 4, (z1, z2) => [z1, z2]);
    const twice = new Float64Array(1200);
    for (let k = 0; k < 300; k++) {
      twice.set(once.subarray(2 * k, 2 * k + 2), 4 * k);
      twice.set(once.subarray(2 * k, 2 * k + 2), 4 * k + 2);
    }
    const single = kernelDensityMixture({ samples: once, count: 300, d: 2 }).bandwidth;
    const repeated = kernelDensityMixture({ samples: twice, count: 600, d: 2 }).bandwidth;
    expect(repeated).toBeGreaterThan(0.6 * single);
  });

  it('stays positive definite for a constant coordinate', () => {
    const samples = draws(100, 3, (z1) => [z1, 5]);
    const { mixture, bandwidth } = kernelDensityMixture({ samples, count: 100, d: 2 });
    expect(mixture.covariances[3]).toBe(bandwidth ** 2 * 1e-12);
    expect(Number.isFinite(logMixtureDensity(mixture, [0, 5]))).toBe(true);
  });

  it('refuses a shape that does not match, or kernels too large to hold', () => {
    expect(() => kernelDensityMixture({ samples: [1, 2, 3], count: 2, d: 2 })).toThrow(/expected 2×2 numbers/);
    expect(() => kernelDensityMixture({ samples: new Float64Array(1000 * 200), count: 1000, d: 200 })).toThrow(/fewer parameters/);
  });
});
