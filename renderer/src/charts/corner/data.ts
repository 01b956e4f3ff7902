/**
 * Everything a corner plot of a mixture shows, computed once in physical units: axis ranges,
 * marginals with their median and credible intervals (diagonal), density rasters with their
 * highest-density credible contours, component ellipses and means (off-diagonal), optional
 * sample histograms, and the order the components are drawn in. cornerPlotOptions (options.ts)
 * turns this into an ECharts option once the caller has made an image of each raster.
 */
import type { Mixture } from '../../../../core/gmki/state';
import type { ParameterTransform } from '../../../../core/problem/types';
import { axisRange } from './grid';
import type { AxisRangeOptions } from './grid';
import { credibleContours, type CredibleContour } from './contours';
import { componentEllipse } from './ellipse';
import { CREDIBLE_MASSES, marginalInterval, type MarginalInterval } from './intervals';
import { marginalDensity, sampleHistogram } from './marginal';
import type { Histogram, MarginalDensity } from './marginal';
import { pairDensityRaster } from './raster';
import type { DensityRaster } from './raster';

/** One off-diagonal cell: parameter `col` on x, parameter `row` on y (indices into `parameters`). */
export interface PairCell {
  readonly row: number;
  readonly col: number;
  readonly raster: DensityRaster;
  /** Per component: its ellipse as a closed polyline (physical units). */
  readonly ellipses: readonly (readonly [number, number][])[];
  /** The boundaries of the highest-density regions holding CREDIBLE_MASSES of the pair's mass. */
  readonly contours: readonly CredibleContour[];
}

/** A corner plot's data; arrays indexed by position in `parameters` unless said otherwise. */
export interface CornerData {
  /** Indices into the mixture's parameters, in plot order. */
  readonly parameters: readonly number[];
  readonly names: readonly string[];
  readonly ranges: readonly { readonly min: number; readonly max: number }[];
  readonly marginals: readonly MarginalDensity[];
  /** Per plotted parameter: median and equal-tailed CREDIBLE_MASSES intervals of its marginal. */
  readonly intervals: readonly MarginalInterval[];
  /** Present when samples were given. */
  readonly histograms?: readonly Histogram[];
  /** Lower triangle, row by row: (1,0), (2,0), (2,1), (3,0), … */
  readonly pairs: readonly PairCell[];
  /** Component weights (sum 1). */
  readonly weights: readonly number[];
  /** Components in drawing order: lightest first, so the heaviest is drawn on top. */
  readonly drawingOrder: readonly number[];
  /** Per component: toPhysical(m_k) for each plotted parameter. */
  readonly means: readonly (readonly number[])[];
  /** The ellipses' level, in standard deviations. */
  readonly levelSigma: number;
  /** The problem's reference values (problem-format.md §1.4) for the plotted parameters, if it has any. */
  readonly reference?: PlotReference;
}

/** Known parameter values drawn over the plot, e.g. the truth of a synthetic problem. */
export interface PlotReference {
  readonly label: string;
  /** Physical units: all d values in the options, one per plotted parameter in CornerData. */
  readonly values: readonly number[];
}

/** Options of buildCornerData. */
export interface CornerDataOptions {
  /** Which parameters (default all), in plot order. */
  readonly parameters?: readonly number[];
  /** Names of all d parameters (default θ1…θd). */
  readonly parameterNames?: readonly string[];
  /** Transforms of all d parameters: axes, densities and ellipses in physical units. */
  readonly transforms?: readonly ParameterTransform[];
  /** Raster side in pixels (default 120). */
  readonly pixels?: number;
  /** Points of each marginal curve (default 200). */
  readonly points?: number;
  /** Ellipse level in standard deviations (default 2). */
  readonly levelSigma?: number;
  /** Posterior samples, count×d row-major, in physical units: histograms on the diagonal. */
  readonly samples?: Float64Array;
  /** Histogram bins (default 40). */
  readonly bins?: number;
  readonly range?: AxisRangeOptions;
  /** Reference values of all d parameters (physical units): marked on every cell, inside the axis ranges. */
  readonly reference?: PlotReference;
}

/** A range stretched to hold `value` a little inside its edge (a reference the posterior missed stays in sight). */
function rangeHolding(range: { min: number; max: number }, value: number | undefined): { min: number; max: number } {
  if (value === undefined || !Number.isFinite(value) || (value > range.min && value < range.max)) return range;
  const min = Math.min(range.min, value);
  const max = Math.max(range.max, value);
  const pad = 0.05 * (max - min);
  return { min: value <= range.min ? min - pad : min, max: value >= range.max ? max + pad : max };
}

/** Computes a corner plot's data for `mixture` (in u). */
export function buildCornerData(mixture: Mixture, options: CornerDataOptions = {}): CornerData {
  const d = mixture.nTheta;
  const parameters = options.parameters ?? Array.from({ length: d }, (_, i) => i);
  const transformOf = (i: number) => options.transforms?.[i];
  const names = parameters.map((i) => options.parameterNames?.[i] ?? `θ${i + 1}`);
  const reference = options.reference;
  const ranges = parameters.map((i) => rangeHolding(axisRange(mixture, i, transformOf(i), options.range), reference?.values[i]));
  const pixels = options.pixels ?? 120;
  const points = options.points ?? 200;
  const levelSigma = options.levelSigma ?? 2;

  const marginals = parameters.map((i, p) => marginalDensity(mixture, i, { ...ranges[p], count: points, transform: transformOf(i) }));
  const intervals = parameters.map((i) => marginalInterval(mixture, i, transformOf(i)));
  const samples = options.samples;
  const histograms = samples ? parameters.map((i, p) => sampleHistogram(samples, d, i, ranges[p].min, ranges[p].max, options.bins ?? 40)) : undefined;

  const pairs: PairCell[] = [];
  for (let row = 1; row < parameters.length; row++) {
    for (let col = 0; col < row; col++) {
      const i = parameters[col];
      const j = parameters[row];
      const x = { ...ranges[col], count: pixels, transform: transformOf(i) };
      const y = { ...ranges[row], count: pixels, transform: transformOf(j) };
      const raster = pairDensityRaster(mixture, i, j, { x, y });
      const ellipses = Array.from({ length: mixture.nComponents }, (_, k) => componentEllipse(mixture, k, i, j, levelSigma, { x: transformOf(i), y: transformOf(j) }));
      pairs.push({ row, col, raster, ellipses, contours: credibleContours(raster, CREDIBLE_MASSES) });
    }
  }

  const raw = Array.from(mixture.logWeights, Math.exp);
  const total = raw.reduce((a, b) => a + b, 0);
  const means = Array.from({ length: mixture.nComponents }, (_, k) =>
    parameters.map((i) => {
      const u = mixture.means[k * d + i];
      const transform = transformOf(i);
      return transform ? transform.toPhysical(u) : u;
    }),
  );
  const weights = raw.map((w) => w / total);
  const drawingOrder = weights.map((_, k) => k).sort((a, b) => weights[a]! - weights[b]! || b - a);
  const plotted = reference ? { label: reference.label, values: parameters.map((i) => reference.values[i]!) } : undefined;
  return { parameters, names, ranges, marginals, intervals, histograms, pairs, weights, drawingOrder, means, levelSigma, ...(plotted ? { reference: plotted } : {}) };
}
