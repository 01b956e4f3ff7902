/**
 * Posterior predictive vs observations (issue 4 item 5, product.md item 11): the observed values
 * with ±2σ noise bars, each component's predicted outputs (computed by the caller, who has the
 * forward model's results) on the same axis, and optionally the predictive band: the central
 * range of the model's outputs at posterior samples, and wider, of new data (noise added).
 */
import type { CustomSeriesOption, EChartsOption, SeriesOption } from 'echarts';
import { componentColor, withAlpha } from './palette';
import { axisStyle, commonOption, LIGHT_THEME, sideName } from './theme';
import type { ChartOptions, ChartTheme } from './theme';

/** The data: y (length n_y), the noise standard deviation of each value, optional names. */
export interface PredictiveObservations {
  readonly values: readonly number[];
  /** √diag Σ_η, length n_y. */
  readonly std: readonly number[];
  readonly names?: readonly string[];
}

/** One prediction, e.g. F(m_k) for component k, length n_y. */
export interface PredictedOutputs {
  /** Legend entry, e.g. "Component 1 (w = 0.52)". */
  readonly name: string;
  readonly values: readonly number[];
  /** Colours the series like the component elsewhere; absent: by position. */
  readonly component?: number;
}

/** Per observation: a central range of the model's outputs (with its median), and of new data. */
export interface PredictiveBandData {
  readonly low: readonly number[];
  readonly median: readonly number[];
  readonly high: readonly number[];
  readonly noisyLow: readonly number[];
  readonly noisyHigh: readonly number[];
  /** Its mass in per cent, for the legend (e.g. 90). */
  readonly percent: number;
}

/** Options of posteriorPredictiveChart. */
export interface PredictiveChartOptions extends ChartOptions {
  /** Join each prediction's points with a line (default: when n_y > 30, as for a time series). */
  readonly lines?: boolean;
  readonly band?: PredictiveBandData;
}

type RenderItem = NonNullable<CustomSeriesOption['renderItem']>;

/**
 * Observations as dots with ±2σ bars (a custom series: ECharts has no error bars), one series
 * per prediction; x is the observation's name or 1-based index.
 */
export function posteriorPredictiveChart(
  observations: PredictiveObservations,
  predicted: readonly PredictedOutputs[],
  options: PredictiveChartOptions = {},
): EChartsOption {
  const theme = options.theme ?? LIGHT_THEME;
  const n = observations.values.length;
  const categories = Array.from({ length: n }, (_, a) => observations.names?.[a] ?? String(a + 1));
  const lines = options.lines ?? n > 30;
  const style = axisStyle(theme);
  const drawBar: RenderItem = ((_params: unknown, api: { value(dim: number): number; coord(v: number[]): number[]; size(v: number[]): number[] }) => {
    const index = api.value(0);
    const [x, low] = api.coord([index, api.value(1)]);
    const [, high] = api.coord([index, api.value(2)]);
    const cap = Math.min(8, api.size([1, 0])[0] * 0.3);
    const stroke = { stroke: theme.observation, lineWidth: 1.2 };
    return {
      type: 'group',
      children: [
        { type: 'line', shape: { x1: x, y1: low, x2: x, y2: high }, style: stroke },
        { type: 'line', shape: { x1: x - cap / 2, y1: low, x2: x + cap / 2, y2: low }, style: stroke },
        { type: 'line', shape: { x1: x - cap / 2, y1: high, x2: x + cap / 2, y2: high }, style: stroke },
      ],
    };
  }) as unknown as RenderItem;
  const series: SeriesOption[] = [
    ...(options.band ? bandSeries(options.band, theme, lines) : []),
    {
      type: 'custom',
      name: 'Observed ±2σ',
      renderItem: drawBar,
      color: theme.observation,
      encode: { x: 0, y: [1, 2] },
      data: observations.values.map((y, a) => [a, y - 2 * observations.std[a], y + 2 * observations.std[a]]),
    },
    { type: 'scatter', name: 'Observed', color: theme.observation, symbolSize: 6, data: observations.values.map((y, a) => [a, y]), z: 3 },
    ...predicted.map((prediction, p): SeriesOption => {
      const colour = componentColor(prediction.component ?? p, theme);
      const data = prediction.values.map((y, a) => [a, y]);
      return lines
        ? { type: 'line', name: prediction.name, color: colour, showSymbol: false, data }
        : { type: 'scatter', name: prediction.name, color: colour, symbol: 'diamond', symbolSize: 8, data };
    }),
  ];
  return {
    ...commonOption(theme),
    // Each category's tooltip lists every series, bands included.
    grid: { left: 64, right: 16, top: 36, bottom: 48 },
    // Category labels are the observations' names: no numeric tick formatter.
    xAxis: {
      type: 'category',
      name: 'Observation',
      nameLocation: 'middle',
      nameGap: 30,
      data: categories,
      ...style,
      axisLabel: { color: theme.mutedText, hideOverlap: true },
    },
    yAxis: { type: 'value', ...sideName('Value'), scale: true, ...style },
    series,
  };
}

/**
 * The band behind the data: new data (noise added, lighter) and the model's outputs (darker,
 * with its median), as a bar per observation, or as areas when the observations form a series.
 */
function bandSeries(band: PredictiveBandData, theme: ChartTheme, lines: boolean): SeriesOption[] {
  const shade = theme.mode === 'dark' ? '#9198a1' : '#59636e';
  const noisyName = `New data, ${band.percent} %`;
  const modelName = `Model output, ${band.percent} %`;
  if (lines) {
    const area = (name: string, low: readonly number[], high: readonly number[], alpha: number): SeriesOption[] => {
      const edge = { type: 'line' as const, name, stack: name, stackStrategy: 'all' as const, showSymbol: false, silent: true, lineStyle: { opacity: 0 }, color: shade };
      return [
        { ...edge, data: low.map((y, a) => [a, y]) },
        { ...edge, data: high.map((y, a) => [a, y - low[a]!]), areaStyle: { color: withAlpha(shade, alpha) } },
      ];
    };
    return [
      ...area(noisyName, band.noisyLow, band.noisyHigh, 0.15),
      ...area(modelName, band.low, band.high, 0.35),
      { type: 'line', name: modelName, color: shade, showSymbol: false, silent: true, lineStyle: { width: 1, type: 'dashed' }, data: band.median.map((y, a) => [a, y]) },
    ];
  }
  const drawRange = (alpha: number, withMedian: boolean): RenderItem =>
    ((_params: unknown, api: { value(dim: number): number; coord(v: number[]): number[]; size(v: number[]): number[] }) => {
      const index = api.value(0);
      const [x, top] = api.coord([index, api.value(2)]) as [number, number];
      const [, bottom] = api.coord([index, api.value(1)]) as [number, number];
      const width = Math.min(36, api.size([1, 0])[0]! * (withMedian ? 0.34 : 0.5));
      const children: object[] = [{ type: 'rect', shape: { x: x - width / 2, y: top, width, height: bottom - top }, style: { fill: withAlpha(shade, alpha) } }];
      if (withMedian) {
        const [, middle] = api.coord([index, api.value(3)]) as [number, number];
        children.push({ type: 'line', shape: { x1: x - width / 2, y1: middle, x2: x + width / 2, y2: middle }, style: { stroke: shade, lineWidth: 1.5 } });
      }
      return { type: 'group', children };
    }) as unknown as RenderItem;
  return [
    {
      type: 'custom',
      name: noisyName,
      color: withAlpha(shade, 0.2),
      renderItem: drawRange(0.18, false),
      encode: { x: 0, y: [1, 2] },
      data: band.noisyLow.map((low, a) => [a, low, band.noisyHigh[a]!]),
    },
    {
      type: 'custom',
      name: modelName,
      color: withAlpha(shade, 0.5),
      renderItem: drawRange(0.42, true),
      encode: { x: 0, y: [1, 2] },
      data: band.low.map((low, a) => [a, low, band.high[a]!, band.median[a]!]),
    },
  ];
}
