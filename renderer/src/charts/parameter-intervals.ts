/**
 * Every parameter at once (issue 9 item 4): for each component of a mixture, its centre and 95 %
 * interval of every parameter, side by side per parameter, with the problem's reference values
 * across them. Readable at d = 128: parameters on a category axis with a zoom window (ECharts
 * dataZoom: a slider below and the mouse wheel) that starts on the first WINDOW parameters.
 *
 * In physical units, as the rest of the app: an unbounded parameter's centre is the component's
 * mean and its interval mean ± 2σ; a bounded parameter's is the image of the component's Gaussian
 * in u, so its centre is the median g(m) and its interval [g(m − 1.96 s), g(m + 1.96 s)] (sorted:
 * an upper-bound map is decreasing) — the run summary's numbers (electron/cli/mixture-text.ts).
 */
import type { CustomSeriesOption, EChartsOption } from 'echarts';
import type { Mixture } from '../../../core/gmki/state';
import type { ParameterTransform } from '../../../core/problem/types';
import { componentName } from './history';
import { componentColor } from './palette';
import type { ChartReference } from './reference';
import { axisStyle, formatTick, LIGHT_THEME, sideName } from './theme';
import type { ChartOptions } from './theme';

/** Parameters shown at first when there are more: the rest is a drag of the slider away. */
export const INTERVAL_WINDOW = 32;

/** One component's interval of one parameter, physical units. */
export interface ParameterInterval {
  readonly centre: number;
  readonly low: number;
  readonly high: number;
}

/** Per component k, per parameter i: its centre and interval (see the file's comment). */
export function parameterIntervals(mixture: Mixture, transforms: readonly ParameterTransform[]): ParameterInterval[][] {
  const d = mixture.nTheta;
  return Array.from({ length: mixture.nComponents }, (_, k) =>
    Array.from({ length: d }, (_, i) => {
      const m = mixture.means[k * d + i]!;
      const s = Math.sqrt(Math.max(0, mixture.covariances[k * d * d + i * d + i]!));
      const transform = transforms[i];
      if (!transform || transform.kind === 'identity') return { centre: m, low: m - 2 * s, high: m + 2 * s };
      const [a, b] = [transform.toPhysical(m - 1.96 * s), transform.toPhysical(m + 1.96 * s)];
      return { centre: transform.toPhysical(m), low: Math.min(a, b), high: Math.max(a, b) };
    }),
  );
}

/** Options of parameterIntervalsChart. */
export interface ParameterIntervalsOptions extends ChartOptions {
  /** Names of the d parameters (default θ1…θd). */
  readonly names?: readonly string[];
  /** The problem's reference values (all d): a dash across each parameter's column. */
  readonly reference?: ChartReference | null;
  /** The zoom window, 0-based parameter indices (default the first INTERVAL_WINDOW). */
  readonly window?: { readonly start: number; readonly end: number };
  /** Components lighter than this start hidden (their legend entry turns them on); default 1e-3. */
  readonly minWeight?: number;
}

// Custom series' renderItem needs the loose zrender element types; one cast keeps the rest typed.
type RenderItem = NonNullable<CustomSeriesOption['renderItem']>;
type Api = { value(dimension: number): number; coord(point: number[]): number[]; size(point: number[]): number[] };

/** Text for the tooltip's HTML: names and labels come from the problem file. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The chart: one custom series per component (a bar from low to high with a dot at the centre,
 * offset within the parameter's column so that the K bars stand side by side), one for the
 * reference, a legend with the weights, a tooltip listing the parameter's numbers.
 */
export function parameterIntervalsChart(mixture: Mixture, transforms: readonly ParameterTransform[], options: ParameterIntervalsOptions = {}): EChartsOption {
  const theme = options.theme ?? LIGHT_THEME;
  const d = mixture.nTheta;
  const K = mixture.nComponents;
  const names = Array.from({ length: d }, (_, i) => options.names?.[i] ?? `θ${i + 1}`);
  const intervals = parameterIntervals(mixture, transforms);
  const raw = Array.from(mixture.logWeights, Math.exp);
  const total = raw.reduce((a, b) => a + b, 0);
  const weights = raw.map((w) => w / total);
  const share = 0.8 / K;

  const series: CustomSeriesOption[] = intervals.map((rows, k) => {
    const colour = componentColor(k, theme);
    const offset = (k + 0.5) * share - 0.4;
    const draw: RenderItem = ((_params: unknown, api: Api) => {
      const band = api.size([1, 0])[0]!;
      const x = api.coord([api.value(0), 0])[0]! + offset * band;
      const [centre, low, high] = [api.value(1), api.value(2), api.value(3)].map((v) => api.coord([0, v])[1]!);
      const stroke = { stroke: colour, lineWidth: Math.max(1, Math.min(3, share * band * 0.5)) };
      return {
        type: 'group',
        children: [
          { type: 'line', shape: { x1: x, y1: low, x2: x, y2: high }, style: stroke },
          { type: 'circle', shape: { cx: x, cy: centre, r: Math.max(1.5, Math.min(3.5, share * band * 0.45)) }, style: { fill: colour } },
        ],
      };
    }) as unknown as RenderItem;
    return {
      type: 'custom',
      name: componentName(k),
      color: colour,
      renderItem: draw,
      encode: { x: 0, y: [1, 2, 3] },
      data: rows.map((row, i) => [i, row.centre, row.low, row.high]),
    };
  });

  const reference = options.reference && options.reference.values.length === d ? options.reference : null;
  if (reference) {
    const drawDash: RenderItem = ((_params: unknown, api: Api) => {
      const band = api.size([1, 0])[0]!;
      const [x, y] = api.coord([api.value(0), api.value(1)]) as [number, number];
      return {
        type: 'line',
        shape: { x1: x - 0.45 * band, y1: y, x2: x + 0.45 * band, y2: y },
        style: { stroke: theme.observation, lineWidth: 2 },
      };
    }) as unknown as RenderItem;
    series.push({
      type: 'custom',
      name: reference.label,
      color: theme.observation,
      renderItem: drawDash,
      encode: { x: 0, y: 1 },
      z: 5,
      data: reference.values.map((value, i) => [i, value]),
    });
  }

  const lastIndex = Math.max(0, d - 1);
  const window = options.window ?? { start: 0, end: Math.min(lastIndex, INTERVAL_WINDOW - 1) };
  const zoomed = d > INTERVAL_WINDOW || window.start > 0 || window.end < lastIndex;
  const hidden = Object.fromEntries(weights.flatMap((w, k) => (w < (options.minWeight ?? 1e-3) ? [[componentName(k), false]] : [])));
  const weightOf = new Map(weights.map((w, k) => [componentName(k), w]));
  type Hovered = { seriesName: string; marker: string; value: number[]; dataIndex: number };

  return {
    animation: false,
    backgroundColor: 'transparent',
    textStyle: { color: theme.text },
    legend: {
      type: 'scroll',
      top: 0,
      selected: hidden,
      data: [...weights.map((_, k) => componentName(k)), ...(reference ? [reference.label] : [])],
      formatter: (name: string) => (weightOf.has(name) ? `${name}  w = ${(100 * weightOf.get(name)!).toFixed(1)} %` : name),
      textStyle: { color: theme.text },
      pageTextStyle: { color: theme.mutedText },
    },
    tooltip: {
      trigger: 'axis',
      confine: true,
      axisPointer: { type: 'shadow' },
      formatter: (hovered: unknown) => {
        const list = hovered as Hovered[];
        const i = list[0]?.dataIndex ?? 0;
        const rows = list.map((h) =>
          h.seriesName === reference?.label
            ? `${h.marker}${escapeHtml(h.seriesName)}: ${formatTick(h.value[1]!)}`
            : `${h.marker}${escapeHtml(h.seriesName)}: ${formatTick(h.value[1]!)} [${formatTick(h.value[2]!)}, ${formatTick(h.value[3]!)}]`,
        );
        return [`<b>${escapeHtml(names[i] ?? '')}</b>`, ...rows].join('<br/>');
      },
    },
    grid: { left: 64, right: 20, top: 40, bottom: zoomed ? 78 : 48 },
    xAxis: {
      type: 'category',
      data: names,
      ...axisStyle(theme),
      axisLabel: { ...axisStyle(theme).axisLabel, formatter: undefined, rotate: d > 12 ? 45 : 0, interval: 'auto' },
      splitLine: { show: false },
    },
    yAxis: { type: 'value', ...sideName('Value (physical units)'), scale: true, ...axisStyle(theme) },
    dataZoom: zoomed
      ? [
          {
            type: 'slider',
            xAxisIndex: 0,
            startValue: window.start,
            endValue: window.end,
            height: 16,
            bottom: 8,
            filterMode: 'filter',
            textStyle: { color: theme.mutedText },
          },
          { type: 'inside', xAxisIndex: 0, startValue: window.start, endValue: window.end, filterMode: 'filter' },
        ]
      : [],
    series,
  };
}
