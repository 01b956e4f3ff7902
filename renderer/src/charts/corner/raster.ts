/**
 * Off-diagonal cells of the corner plot: the 2-D marginal density of a parameter pair sampled
 * at pixel centres, ready to colour into an image (colormap.ts). One image is drawn instead of
 * a heatmap of width×height cells, which ECharts renders 5–10× slower (toolchain.md §7).
 */
import type { Mixture } from '../../../../core/gmki/state';
import { mixtureDensityOnGrid2d } from '../../../../core/results/density';
import { gridPoints, toUnconstrainedGrid } from './grid';
import type { AxisGrid } from './grid';

/** A density image: row 0 is the top (largest y), column 0 the left (smallest x). */
export interface DensityRaster {
  readonly width: number;
  readonly height: number;
  /** Row-major, width×height: values[row · width + col]. */
  readonly values: Float32Array;
  readonly min: number;
  readonly max: number;
  /** Data extent the image covers (pixel edges, physical units). */
  readonly x: { readonly min: number; readonly max: number };
  readonly y: { readonly min: number; readonly max: number };
}

/**
 * Density of the marginal of `mixture` on (θ_i on x, θ_j on y) at the pixel centres of
 * grid.x × grid.y, in physical units (each axis's Jacobian applied, grid.ts).
 */
export function pairDensityRaster(mixture: Mixture, i: number, j: number, grid: { readonly x: AxisGrid; readonly y: AxisGrid }): DensityRaster {
  const width = grid.x.count;
  const height = grid.y.count;
  const xs = toUnconstrainedGrid(gridPoints(grid.x, 'centres'), grid.x.transform);
  // Rows run from the top of the image down, so the y grid is reversed.
  const yPoints = gridPoints(grid.y, 'centres').reverse();
  const ys = toUnconstrainedGrid(yPoints, grid.y.transform);
  // core's layout is out[a · nJ + b] for (gridI[a], gridJ[b]): with y as the outer grid this is
  // already the image's row-major layout.
  const density = mixtureDensityOnGrid2d(mixture, ys.u, xs.u, j, i);
  const values = new Float32Array(width * height);
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let row = 0; row < height; row++) {
    const fy = ys.factor[row];
    for (let col = 0; col < width; col++) {
      // min/max of the stored (float32) values, so that colouring maps the peak exactly to the top.
      const value = Math.fround(density[row * width + col] * fy * xs.factor[col]);
      values[row * width + col] = value;
      if (value < min) min = value;
      if (value > max) max = value;
    }
  }
  return { width, height, values, min, max, x: { min: grid.x.min, max: grid.x.max }, y: { min: grid.y.min, max: grid.y.max } };
}
