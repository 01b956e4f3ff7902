/**
 * Run monitor charts (issue 4 item 3, product.md item 11): component weights, means ±2σ and
 * misfit against the iteration, one colour per component (palette.ts) on all three.
 *
 * The history is structurally typed so that core's `IterationRecord[]` (the run engine's output)
 * can be passed as is, and so can a lighter list built from progress events.
 */
import type { EChartsOption, LineSeriesOption } from 'echarts';
import type { Mixture } from '../../../core/gmki/state';
import type { IterationFailures, SmcDiagnostics } from '../../../core/inversion/types';
import type { ParameterTransform } from '../../../core/problem/types';
import { componentColor, withAlpha } from './palette';
import { axisStyle, commonOption, LIGHT_THEME, sideName } from './theme';
import type { ChartOptions, ChartTheme } from './theme';

/** The mixture after one iteration and, from iteration 1 on, the per-component misfit. */
export interface HistoryEntry {
  readonly iteration: number;
  /** In u, as the run engine stores it. */
  readonly mixture: Mixture;
  /**
   * smc only: its tempering figures after the iteration (charts/methods.ts); `failures`: the
   * evaluations left out under settings.onEvaluationFailure "skip" (monitor/failures.ts).
   */
  readonly diagnostics?: { readonly misfit: readonly number[]; readonly smc?: SmcDiagnostics; readonly failures?: IterationFailures };
}

/** Entries in iteration order. */
export type ChartHistory = readonly HistoryEntry[];

type Point = [number, number | null];

/** Name of component k in legends: numbered from 0, as in the files (samples.csv, mixture.json). */
export function componentName(k: number): string {
  return `Component ${k}`;
}

/** Largest number of components in any entry (K can only change between runs, but be safe). */
function componentCount(history: ChartHistory): number {
  return history.reduce((most, entry) => Math.max(most, entry.mixture.nComponents), 0);
}

/** A log axis cannot show 0 or negatives: such points become gaps rather than breaking the axis. */
function forLog(value: number, log: boolean): number | null {
  if (!Number.isFinite(value)) return null;
  return log && value <= 0 ? null : value;
}

function iterationAxis(theme: ChartTheme) {
  return { type: 'value' as const, name: 'Iteration', nameLocation: 'middle' as const, nameGap: 26, minInterval: 1, ...axisStyle(theme) };
}

function line(name: string, colour: string, data: Point[]): LineSeriesOption {
  return { type: 'line', name, data, showSymbol: false, connectNulls: false, color: colour, lineStyle: { width: 1.5 } };
}

/** Options of weightsChart. */
export interface WeightsChartOptions extends ChartOptions {
  /** Log y-axis (default true): weights span 1 down to ~1e-15, and revivals start far below 1e-3. */
  readonly logScale?: boolean;
}

/**
 * Component weights w_k against the iteration, one line per component. On the (default) log axis
 * a collapsing component is a line diving towards the weight floor and a revival climbs back up,
 * which a linear axis hides below the first pixel.
 */
export function weightsChart(history: ChartHistory, options: WeightsChartOptions = {}): EChartsOption {
  const theme = options.theme ?? LIGHT_THEME;
  const log = options.logScale ?? true;
  const series: LineSeriesOption[] = [];
  for (let k = 0; k < componentCount(history); k++) {
    const data: Point[] = history.map((entry) => [entry.iteration, k < entry.mixture.nComponents ? forLog(Math.exp(entry.mixture.logWeights[k]), log) : null]);
    series.push(line(componentName(k), componentColor(k, theme), data));
  }
  return {
    ...commonOption(theme),
    grid: { left: 64, right: 16, top: 36, bottom: 40 },
    xAxis: iterationAxis(theme),
    yAxis: log ? { type: 'log', ...sideName('Weight'), max: 1, ...axisStyle(theme) } : { type: 'value', ...sideName('Weight'), min: 0, max: 1, ...axisStyle(theme) },
    series,
  };
}

/** Options of meansChart. */
export interface MeansChartOptions extends ChartOptions {
  /** Axis name; defaults to `θ<i+1>`. */
  readonly parameterName?: string;
  /** The problem's reference value of this parameter (physical units): a dashed line across, under its label. */
  readonly reference?: { readonly label: string; readonly value: number };
}

/**
 * Component means with their ±2σ bands against the iteration, for parameter `parameterIndex`.
 * Per component three series: the mean line, the band's lower edge (invisible) and the band
 * (stacked on the lower edge, filled), all under the component's name so that its legend entry
 * shows and hides the three together.
 *
 * With a transform the values are physical: the band is [toPhysical(m − 2σ), toPhysical(m + 2σ)]
 * (sorted, since an upper-bound map is decreasing) and the line is toPhysical(m), the image of the
 * component's median in u, which is the component's median in θ (not its mean) for a bounded
 * parameter. Without one, the chart shows u.
 */
export function meansChart(history: ChartHistory, parameterIndex: number, transform?: ParameterTransform, options: MeansChartOptions = {}): EChartsOption {
  const theme = options.theme ?? LIGHT_THEME;
  const toPhysical = transform ? transform.toPhysical : (u: number) => u;
  const series: LineSeriesOption[] = [];
  for (let k = 0; k < componentCount(history); k++) {
    const colour = componentColor(k, theme);
    const lower: Point[] = [];
    const width: Point[] = [];
    const mean: Point[] = [];
    for (const { iteration, mixture } of history) {
      const d = mixture.nTheta;
      if (k >= mixture.nComponents || parameterIndex >= d) {
        lower.push([iteration, null]);
        width.push([iteration, null]);
        mean.push([iteration, null]);
        continue;
      }
      const m = mixture.means[k * d + parameterIndex];
      const sd = Math.sqrt(mixture.covariances[k * d * d + parameterIndex * d + parameterIndex]);
      const a = toPhysical(m - 2 * sd);
      const b = toPhysical(m + 2 * sd);
      lower.push([iteration, forLog(Math.min(a, b), false)]);
      width.push([iteration, forLog(Math.abs(b - a), false)]);
      mean.push([iteration, forLog(toPhysical(m), false)]);
    }
    const stack = `band-${k}`;
    // stackStrategy 'all': the default stacks negative and positive values separately, which
    // would detach the band from a negative lower edge.
    const edge = { type: 'line' as const, stack, stackStrategy: 'all' as const, showSymbol: false, silent: true, tooltip: { show: false } };
    // The mean line first: the legend takes its icon from the first series of a name.
    series.push(
      line(componentName(k), colour, mean),
      { ...edge, id: `${stack}-lower`, name: componentName(k), data: lower, lineStyle: { opacity: 0 }, color: colour },
      { ...edge, id: `${stack}-width`, name: componentName(k), data: width, lineStyle: { opacity: 0 }, areaStyle: { color: withAlpha(colour, 0.18) }, color: colour },
    );
  }
  const reference = options.reference;
  if (reference && history.length > 0) {
    // A line of two points rather than a markLine, so that the axis range holds it.
    const ends: Point[] = [history[0]!.iteration, history.at(-1)!.iteration].map((iteration) => [iteration, reference.value]);
    series.push({ ...line(reference.label, theme.observation, ends), lineStyle: { width: 1.5, type: [5, 3] }, z: 3 });
  }
  return {
    ...commonOption(theme),
    grid: { left: 64, right: 16, top: 36, bottom: 40 },
    xAxis: iterationAxis(theme),
    yAxis: { type: 'value', ...sideName(options.parameterName ?? `θ${parameterIndex + 1}`), scale: true, ...axisStyle(theme) },
    series,
  };
}

/** Options of misfitChart. */
export interface MisfitChartOptions extends ChartOptions {
  /** Log y-axis (default true): the misfit falls by orders of magnitude in the first iterations. */
  readonly logScale?: boolean;
}

/**
 * Misfit Φ_R at each component's predicted mean against the iteration, one line per component
 * and a dashed "Best" line (the smallest over the components). Entries without diagnostics (the
 * initial mixture) have no misfit and are gaps.
 */
export function misfitChart(history: ChartHistory, options: MisfitChartOptions = {}): EChartsOption {
  const theme = options.theme ?? LIGHT_THEME;
  const log = options.logScale ?? true;
  const series: LineSeriesOption[] = [];
  for (let k = 0; k < componentCount(history); k++) {
    const data: Point[] = history.map((entry) => {
      const misfit = entry.diagnostics?.misfit[k];
      return [entry.iteration, misfit === undefined ? null : forLog(misfit, log)];
    });
    series.push(line(componentName(k), componentColor(k, theme), data));
  }
  const best: Point[] = history.map((entry) => {
    const finite = (entry.diagnostics?.misfit ?? []).filter(Number.isFinite);
    return [entry.iteration, finite.length === 0 ? null : forLog(Math.min(...finite), log)];
  });
  series.push({ ...line('Best', theme.text, best), lineStyle: { width: 2, type: 'dashed' }, z: 3 });
  return {
    ...commonOption(theme),
    grid: { left: 64, right: 16, top: 36, bottom: 40 },
    xAxis: iterationAxis(theme),
    yAxis: { type: log ? 'log' : 'value', ...sideName('Misfit Φ'), ...axisStyle(theme) },
    series,
  };
}
