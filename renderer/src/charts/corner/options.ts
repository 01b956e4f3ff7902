/**
 * The corner plot as one ECharts option: a triangle of grids, marginals on the diagonal and
 * density images with component ellipses and means below it (product.md item 11).
 */
import type { CustomSeriesOption, EChartsOption, GridComponentOption, LineSeriesOption, ScatterSeriesOption, SeriesOption, XAXisComponentOption, YAXisComponentOption } from 'echarts';
import { componentName } from '../history';
import { componentColor, withAlpha } from '../palette';
import { axisStyle, LIGHT_THEME } from '../theme';
import type { ChartTheme } from '../theme';
import type { CornerData } from './data';

/**
 * A drawable the caller made from a raster: a canvas (colorizeRaster's bytes in an ImageData) or
 * a data URL. Typed loosely so this file needs no DOM types and runs in Node.
 */
export type RasterImage = string | object;

/** What cornerPlotOptions draws. */
export interface CornerLayout {
  readonly data: CornerData;
  /** One image per `data.pairs` entry, same order. */
  readonly images: readonly RasterImage[];
  readonly theme?: ChartTheme;
  /** Per-component curves on the diagonal (default true when K > 1). */
  readonly showComponents?: boolean;
  /** Components lighter than this get no ellipse, mean marker or curve (default 1e-3): they clutter. */
  readonly minWeight?: number;
  /** Outer margins and the gap between cells, in % of the chart (defaults 10, 2, 3, 9, 1.2). */
  readonly margins?: { left: number; right: number; top: number; bottom: number; gap: number };
}

// Custom series' renderItem needs the loose zrender element types; one cast keeps the rest typed.
type RenderItem = NonNullable<CustomSeriesOption['renderItem']>;

/** Builds the corner plot's option; see CornerLayout. */
export function cornerPlotOptions(layout: CornerLayout): EChartsOption {
  const { data, images } = layout;
  const theme = layout.theme ?? LIGHT_THEME;
  const n = data.parameters.length;
  const m = layout.margins ?? { left: 10, right: 2, top: 3, bottom: 9, gap: 1.2 };
  const cellW = (100 - m.left - m.right - m.gap * (n - 1)) / n;
  const cellH = (100 - m.top - m.bottom - m.gap * (n - 1)) / n;
  const minWeight = layout.minWeight ?? 1e-3;
  const shown = data.weights.map((w, k) => ({ w, k })).filter(({ w }) => w >= minWeight);
  const showComponents = layout.showComponents ?? data.weights.length > 1;
  const base = axisStyle(theme);
  // The ranges end at data-driven values (−1.3288…): label only the round ticks inside them.
  const style = { ...base, axisLabel: { ...base.axisLabel, showMinLabel: false, showMaxLabel: false } };

  const grid: GridComponentOption[] = [];
  const xAxis: XAXisComponentOption[] = [];
  const yAxis: YAXisComponentOption[] = [];
  const series: SeriesOption[] = [];
  const on = (index: number) => ({ xAxisIndex: index, yAxisIndex: index });

  for (let row = 0; row < n; row++) {
    for (let col = 0; col <= row; col++) {
      const index = grid.length;
      grid.push({ left: `${m.left + col * (cellW + m.gap)}%`, top: `${m.top + row * (cellH + m.gap)}%`, width: `${cellW}%`, height: `${cellH}%` });
      const bottomRow = row === n - 1;
      xAxis.push({
        type: 'value', gridIndex: index, min: data.ranges[col].min, max: data.ranges[col].max, ...style,
        splitLine: { show: false },
        axisLabel: { ...style.axisLabel, show: bottomRow },
        ...(bottomRow ? { name: data.names[col], nameLocation: 'middle' as const, nameGap: 24 } : {}),
      });
      if (row === col) {
        const marginal = data.marginals[col];
        const histogram = data.histograms?.[col];
        const top = Math.max(...marginal.density, ...(histogram ? histogram.density : [0]));
        yAxis.push({ type: 'value', gridIndex: index, min: 0, max: top > 0 ? top * 1.05 : 1, show: false });
        series.push(...diagonalSeries(data, col, index, showComponents, shown, theme));
        continue;
      }
      yAxis.push({
        type: 'value', gridIndex: index, min: data.ranges[row].min, max: data.ranges[row].max, ...style,
        splitLine: { show: false },
        axisLabel: { ...style.axisLabel, show: col === 0 },
        ...(col === 0 ? { name: data.names[row], nameLocation: 'middle' as const, nameGap: 36 } : {}),
      });
      const p = (row * (row - 1)) / 2 + col;
      series.push(...pairSeries(data, p, images[p], index, shown, theme, on(index)));
    }
  }
  return {
    animation: false,
    backgroundColor: 'transparent',
    textStyle: { color: theme.text },
    tooltip: { trigger: 'item', confine: true },
    grid,
    xAxis,
    yAxis,
    series,
  };
}

function diagonalSeries(
  data: CornerData,
  p: number,
  index: number,
  showComponents: boolean,
  shown: readonly { w: number; k: number }[],
  theme: ChartTheme,
): SeriesOption[] {
  const marginal = data.marginals[p];
  const histogram = data.histograms?.[p];
  const base = { type: 'line' as const, xAxisIndex: index, yAxisIndex: index, showSymbol: false, silent: true };
  const out: LineSeriesOption[] = [];
  if (histogram) {
    out.push({
      ...base, name: 'Samples', step: 'middle', color: theme.mutedText,
      lineStyle: { width: 0.5 }, areaStyle: { color: withAlpha(theme.mode === 'dark' ? '#9198a1' : '#59636e', 0.25) },
      data: Array.from(histogram.centres, (x, b) => [x, histogram.density[b]]),
    });
  }
  if (showComponents) {
    for (const { k } of shown) {
      const part = marginal.components[k];
      out.push({
        ...base, name: componentName(k), color: componentColor(k, theme), lineStyle: { width: 1, type: 'dashed' },
        data: Array.from(marginal.x, (x, a) => [x, part[a]]),
      });
    }
  }
  out.push({ ...base, name: 'Marginal', color: theme.text, lineStyle: { width: 2 }, data: Array.from(marginal.x, (x, a) => [x, marginal.density[a]]) });
  return out;
}

function pairSeries(
  data: CornerData,
  p: number,
  image: RasterImage,
  index: number,
  shown: readonly { w: number; k: number }[],
  theme: ChartTheme,
  axes: { xAxisIndex: number; yAxisIndex: number },
): SeriesOption[] {
  const cell = data.pairs[p];
  const { x, y } = cell.raster;
  const drawImage: RenderItem = ((_params: unknown, api: { coord(v: number[]): number[] }) => {
    // The image spans the raster's pixel edges; y is flipped because row 0 is the top.
    const [left, top] = api.coord([x.min, y.max]);
    const [right, bottom] = api.coord([x.max, y.min]);
    return { type: 'image', silent: true, style: { image, x: left, y: top, width: right - left, height: bottom - top } };
  }) as unknown as RenderItem;
  const drawEllipse: RenderItem = ((params: { dataIndex: number }, api: { coord(v: number[]): number[] }) => {
    const { k } = shown[params.dataIndex];
    return {
      type: 'polyline', silent: true,
      shape: { points: cell.ellipses[k].map((point) => api.coord(point as number[])) },
      style: { stroke: componentColor(k, theme), fill: 'none', lineWidth: 1.5 },
    };
  }) as unknown as RenderItem;
  const densityImage: CustomSeriesOption = {
    type: 'custom', name: 'Density', ...axes, silent: true, clip: true, renderItem: drawImage,
    encode: { x: [0, 2], y: [1, 3] }, data: [[x.min, y.max, x.max, y.min]],
  };
  const ellipses: CustomSeriesOption = {
    type: 'custom', name: `${data.levelSigma}σ ellipses`, ...axes, silent: true, clip: true, renderItem: drawEllipse,
    encode: { x: 0, y: 1 }, data: shown.map(({ k }) => [data.means[k][cell.col], data.means[k][cell.row]]),
  };
  const means: ScatterSeriesOption = {
    type: 'scatter', name: 'Component means', ...axes, symbolSize: 7, clip: true,
    data: shown.map(({ w, k }) => ({
      name: `${componentName(k)} (w = ${w.toPrecision(3)})`,
      value: [data.means[k][cell.col], data.means[k][cell.row]],
      itemStyle: { color: componentColor(k, theme), borderColor: theme.background, borderWidth: 1 },
    })),
  };
  return [densityImage, ellipses, means];
}
