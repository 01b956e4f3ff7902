import { describe, expect, it } from 'vitest';
import { contourSegments, credibleContours, credibleLevels, joinSegments } from '../../../renderer/src/charts/corner/contours';
import { pairDensityRaster, type DensityRaster } from '../../../renderer/src/charts/corner/raster';
import { singleGaussian } from './support';

// For a 2-D Gaussian the highest-density region of mass p is the ellipse where the density is
// peak·(1 − p): r² = −2 ln(1 − p) in Mahalanobis units (χ² with 2 degrees of freedom).
describe('credible contours of a 2-D Gaussian', () => {
  const sigma = [1.5, 0.5];
  const mixture = singleGaussian(
    [1, -2],
    [
      [sigma[0]! ** 2, 0],
      [0, sigma[1]! ** 2],
    ],
  );
  const raster = pairDensityRaster(mixture, 0, 1, { x: { min: 1 - 6, max: 1 + 6, count: 240 }, y: { min: -4, max: 0, count: 240 } });
  const peak = 1 / (2 * Math.PI * sigma[0]! * sigma[1]!);

  it('puts the 68 % and 95 % levels at peak·0.32 and peak·0.05', () => {
    const [inner, outer] = credibleLevels(raster, [0.68, 0.95]);
    expect(inner! / peak).toBeCloseTo(0.32, 2);
    expect(outer! / peak).toBeCloseTo(0.05, 2);
  });

  it('draws each boundary as one closed line on the ellipse of Mahalanobis radius √(−2 ln(1 − p))', () => {
    for (const { mass, lines } of credibleContours(raster, [0.68, 0.95])) {
      expect(lines).toHaveLength(1);
      const line = lines[0]!;
      expect(line.length).toBeGreaterThan(100);
      expect([line[0], line[1]]).toEqual([line.at(-2), line.at(-1)]);
      const radius = Math.sqrt(-2 * Math.log(1 - mass));
      for (let s = 0; s < line.length; s += 2) {
        const r = Math.hypot((line[s]! - 1) / sigma[0]!, (line[s + 1]! + 2) / sigma[1]!);
        expect(Math.abs(r - radius)).toBeLessThan(0.02);
      }
    }
  });
});

describe('contourSegments', () => {
  const raster = (values: number[], width: number, height: number): DensityRaster => ({
    width,
    height,
    values: Float32Array.from(values),
    min: Math.min(...values),
    max: Math.max(...values),
    x: { min: 0, max: width },
    y: { min: 0, max: height },
  });

  it('crosses each edge where the level lies between its corners (linear interpolation)', () => {
    // Pixel centres at x = 0.5, 1.5 and y = 1.5 (top row), 0.5: only the top-left value is above 1.
    const segments = contourSegments(raster([3, 0, 0, 0], 2, 2), 1);
    expect(Array.from(segments)).toEqual([0.5, 1.5 - 2 / 3, 0.5 + 2 / 3, 1.5]);
  });

  it('chains segments that share an end into one line, in order', () => {
    const lines = joinSegments(Float64Array.from([2, 2, 3, 3, 0, 0, 1, 1, 1, 1, 2, 2, 9, 9, 8, 8]));
    expect(lines.map((line) => Array.from(line))).toEqual([
      [0, 0, 1, 1, 2, 2, 3, 3],
      [9, 9, 8, 8],
    ]);
  });

  it('draws nothing where the whole raster is on one side of the level', () => {
    expect(contourSegments(raster([1, 1, 1, 1], 2, 2), 2)).toHaveLength(0);
    expect(credibleLevels(raster([0, 0, 0, 0], 2, 2), [0.5])).toEqual([Number.POSITIVE_INFINITY]);
  });
});
