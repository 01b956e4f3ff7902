/**
 * Compare screen overlays (issue 4 item 6, product.md item 13): several runs on one chart, one
 * colour per run (palette.ts runColor) and one series per run, so that the legend lists the runs
 * and toggles each one whole.
 */
import type { EChartsOption, LineSeriesOption, SeriesOption } from 'echarts';
import type { Mixture } from '../../../core/gmki/state';
import type { ParameterTransform } from '../../../core/problem/types';
import { componentEllipse } from './corner/ellipse';
import { axisRange } from './corner/grid';
import { marginalDensity } from './corner/marginal';
import type { ChartHistory } from './history';
import { runColor } from './palette';
import { axisStyle, commonOption, LIGHT_THEME, sideName } from './theme';
import type { ChartOptions, ChartTheme } from './theme';

/** One run as the Compare screen has it. */
export interface CompareRun {
  readonly name: string;
  /** The final mixture, in u. */
  readonly mixture: Mixture;
  /** Per parameter; absent = the chart is in u. */
  readonly transforms?: readonly ParameterTransform[];
  readonly parameterNames?: readonly string[];
  /**
   * A particle run's particles (count×d, row-major, physical units): the pair draws them as dots
   * instead of the mixture's ellipses (their `mixture` is then a density estimate of them).
   */
  readonly points?: Float64Array;
}

type Point = [number, number] | [number | null, number | null];

function parameterName(runs: readonly CompareRun[], i: number): string {
  return runs.find((run) => run.parameterNames?.[i])?.parameterNames?.[i] ?? `θ${i + 1}`;
}

/** Options of overlayMarginals. */
export interface OverlayMarginalsOptions extends ChartOptions {
  /** Points per curve (default 300). */
  readonly points?: number;
  /** The runs' shared reference value of the parameter (physical units): a dashed line, inside the range. */
  readonly reference?: { readonly label: string; readonly value: number };
}

/** The reference drawn in the colour of observed data, which no run has, after the runs' series. */
function referenceLine(label: string, data: Point[], theme: ChartTheme): LineSeriesOption {
  return { type: 'line', name: label, color: theme.observation, showSymbol: false, silent: true, lineStyle: { width: 1.5, type: [5, 3] }, data };
}

/**
 * Each run's marginal density of parameter `parameterIndex` on one shared grid (the union of the
 * runs' ranges), in physical units when the runs carry transforms (Jacobian applied, corner/grid.ts).
 */
export function overlayMarginals(runs: readonly CompareRun[], parameterIndex: number, options: OverlayMarginalsOptions = {}): EChartsOption {
  const theme = options.theme ?? LIGHT_THEME;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const run of runs) {
    const range = axisRange(run.mixture, parameterIndex, run.transforms?.[parameterIndex]);
    min = Math.min(min, range.min);
    max = Math.max(max, range.max);
  }
  const reference = options.reference;
  if (reference && Number.isFinite(reference.value) && !(reference.value > min && reference.value < max)) {
    [min, max] = [Math.min(min, reference.value), Math.max(max, reference.value)];
    const pad = 0.05 * (max - min);
    [min, max] = [min - pad, max + pad];
  }
  const series: LineSeriesOption[] = runs.map((run, r) => {
    const marginal = marginalDensity(run.mixture, parameterIndex, { min, max, count: options.points ?? 300, transform: run.transforms?.[parameterIndex] });
    return {
      type: 'line',
      name: run.name,
      color: runColor(r, theme),
      showSymbol: false,
      lineStyle: { width: 2 },
      data: Array.from(marginal.x, (x, a) => [x, marginal.density[a]]),
    };
  });
  if (reference) {
    const top = Math.max(0, ...series.flatMap((one) => (one.data as [number, number][]).map((point) => point[1])));
    series.push(
      referenceLine(
        reference.label,
        [
          [reference.value, 0],
          [reference.value, top > 0 ? top : 1],
        ],
        theme,
      ),
    );
  }
  return {
    ...commonOption(theme),
    grid: { left: 64, right: 16, top: 36, bottom: 40 },
    xAxis: { type: 'value', name: parameterName(runs, parameterIndex), nameLocation: 'middle', nameGap: 26, min, max, ...axisStyle(theme) },
    yAxis: { type: 'value', ...sideName('Density'), min: 0, ...axisStyle(theme) },
    series,
  };
}

/** Options of overlayPair. */
export interface OverlayPairOptions extends ChartOptions {
  /** Components lighter than this are not drawn (default 1e-3). */
  readonly minWeight?: number;
  readonly levelSigma?: number;
  /** The runs' shared reference values of the pair (physical units): a diamond. */
  readonly reference?: { readonly label: string; readonly point: readonly [number, number] };
}

/**
 * Each run's component ellipses on the pair (θ_i on x, θ_j on y): the runs' 2-D posteriors
 * overlaid without blending rasters. One line series per run; its ellipses are separated by gaps.
 * A run with `points` (particles) is a scatter of them instead, faint so that overlaps show.
 */
export function overlayPair(runs: readonly CompareRun[], i: number, j: number, options: OverlayPairOptions = {}): EChartsOption {
  const theme = options.theme ?? LIGHT_THEME;
  const series: SeriesOption[] = runs.map((run, r): SeriesOption => {
    if (run.points) return particleScatter(run, run.points, i, j, runColor(r, theme));
    const data: Point[] = [];
    for (let k = 0; k < run.mixture.nComponents; k++) {
      if (Math.exp(run.mixture.logWeights[k]) < (options.minWeight ?? 1e-3)) continue;
      const points = componentEllipse(run.mixture, k, i, j, options.levelSigma ?? 2, { x: run.transforms?.[i], y: run.transforms?.[j] });
      data.push(...points, [null, null]);
    }
    return { type: 'line', name: run.name, color: runColor(r, theme), showSymbol: false, connectNulls: false, lineStyle: { width: 1.5 }, data };
  });
  const reference = options.reference;
  const marker: SeriesOption[] = reference
    ? [
        {
          type: 'scatter',
          name: reference.label,
          symbol: 'diamond',
          symbolSize: 11,
          z: 5,
          data: [[...reference.point]],
          itemStyle: { color: theme.observation, borderColor: theme.background, borderWidth: 1.5 },
        },
      ]
    : [];
  return {
    ...commonOption(theme),
    tooltip: { show: false },
    grid: { left: 64, right: 16, top: 36, bottom: 40 },
    xAxis: { type: 'value', name: parameterName(runs, i), nameLocation: 'middle', nameGap: 26, scale: true, ...axisStyle(theme) },
    yAxis: { type: 'value', ...sideName(parameterName(runs, j)), scale: true, ...axisStyle(theme) },
    series: [...series, ...marker],
  };
}

/** A particle run's (θ_i, θ_j) as small translucent dots, one series (large mode: thousands of points stay fast). */
function particleScatter(run: CompareRun, points: Float64Array, i: number, j: number, colour: string): SeriesOption {
  const d = run.mixture.nTheta;
  const data = Array.from({ length: points.length / d }, (_, n) => [points[n * d + i]!, points[n * d + j]!]);
  return { type: 'scatter', name: run.name, color: colour, symbolSize: 3, large: true, itemStyle: { opacity: 0.35 }, data, z: 1 };
}

/** A run's history for overlayCurves. */
export interface CompareCurves {
  readonly name: string;
  readonly history: ChartHistory;
}

/** Which curve overlayCurves draws. */
export type CurveMetric = 'weights' | 'misfit';

/** Options of overlayCurves. */
export interface OverlayCurvesOptions extends ChartOptions {
  /** Log y-axis (default true, for the same reasons as weightsChart and misfitChart). */
  readonly logScale?: boolean;
}

/**
 * Several runs' curves against the iteration: 'weights' draws every component's weight (one
 * series per run, components separated by gaps, all in the run's colour); 'misfit' draws each
 * run's best misfit (the smallest over its components).
 */
export function overlayCurves(runs: readonly CompareCurves[], metric: CurveMetric, options: OverlayCurvesOptions = {}): EChartsOption {
  const theme = options.theme ?? LIGHT_THEME;
  const log = options.logScale ?? true;
  const keep = (value: number | undefined): number | null => (value === undefined || !Number.isFinite(value) || (log && value <= 0) ? null : value);
  const series: LineSeriesOption[] = runs.map((run, r) => {
    const data: Point[] = [];
    if (metric === 'weights') {
      const K = run.history.reduce((most, entry) => Math.max(most, entry.mixture.nComponents), 0);
      for (let k = 0; k < K; k++) {
        for (const entry of run.history) data.push([entry.iteration, keep(Math.exp(entry.mixture.logWeights[k]))]);
        data.push([null, null]);
      }
    } else {
      for (const entry of run.history) {
        const finite = (entry.diagnostics?.misfit ?? []).filter(Number.isFinite);
        data.push([entry.iteration, finite.length === 0 ? null : keep(Math.min(...finite))]);
      }
    }
    return { type: 'line', name: run.name, color: runColor(r, theme), showSymbol: false, connectNulls: false, lineStyle: { width: 1.5 }, data };
  });
  const name = metric === 'weights' ? 'Weight' : 'Best misfit Φ';
  return {
    ...commonOption(theme),
    grid: { left: 64, right: 16, top: 36, bottom: 40 },
    xAxis: { type: 'value', name: 'Iteration', nameLocation: 'middle', nameGap: 26, minInterval: 1, ...axisStyle(theme) },
    yAxis: { type: log ? 'log' : 'value', ...sideName(name), ...(metric === 'weights' ? { max: 1 } : {}), ...axisStyle(theme) },
    series,
  };
}
