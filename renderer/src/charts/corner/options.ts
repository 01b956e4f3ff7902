/**
 * The corner plot as one ECharts option (product.md item 11): a triangle of grids, marginals on
 * the diagonal (density axis on their right, median and 68 % interval written above), density
 * images with credible contours, component ellipses and means below it, and a legend of the
 * component colours with their weights in the empty upper triangle. Series per cell: cells.ts.
 */
import type { EChartsOption, GridComponentOption, LegendComponentOption, SeriesOption, TitleComponentOption, XAXisComponentOption, YAXisComponentOption } from 'echarts';
import { componentName } from '../history';
import { axisStyle, formatTick, LIGHT_THEME } from '../theme';
import type { ChartTheme } from '../theme';
import { diagonalSeries, pairSeries, referenceSeries, type RasterImage } from './cells';
import type { CornerData } from './data';
import { formatInterval } from './intervals';
import { CORNER_MARGIN as MARGIN } from './layout';

export type { RasterImage } from './cells';

/** What cornerPlotOptions draws. */
export interface CornerLayout {
  readonly data: CornerData;
  /** One image per `data.pairs` entry, same order. */
  readonly images: readonly RasterImage[];
  readonly theme?: ChartTheme;
  /** Per-component curves on the diagonal and the legend (default true when K > 1). */
  readonly showComponents?: boolean;
  /** Components lighter than this get no ellipse, mean marker or curve (default 1e-3): they clutter. */
  readonly minWeight?: number;
  /**
   * The chart's size in pixels, so that the margins hold the axis labels exactly; without it the
   * margins are those of a 600-pixel square.
   */
  readonly pixels?: { readonly width: number; readonly height: number };
}

/** Builds the corner plot's option; see CornerLayout. */
export function cornerPlotOptions(layout: CornerLayout): EChartsOption {
  const { data, images } = layout;
  const theme = layout.theme ?? LIGHT_THEME;
  const n = data.parameters.length;
  const size = layout.pixels ?? { width: 600, height: 600 };
  const px = { x: (value: number) => (100 * value) / size.width, y: (value: number) => (100 * value) / size.height };
  const cellW = (100 - px.x(MARGIN.left + MARGIN.right + MARGIN.gap * (n - 1))) / n;
  const cellH = (100 - px.y(MARGIN.top + MARGIN.bottom + MARGIN.gap * (n - 1))) / n;
  const cellLeft = (col: number) => px.x(MARGIN.left) + col * (cellW + px.x(MARGIN.gap));
  const cellTop = (row: number) => px.y(MARGIN.top) + row * (cellH + px.y(MARGIN.gap));
  const minWeight = layout.minWeight ?? 1e-3;
  const shown = data.drawingOrder.filter((k) => data.weights[k]! >= minWeight);
  const showComponents = layout.showComponents ?? data.weights.length > 1;
  const base = axisStyle(theme);
  // The ranges end at data-driven values (−1.3288…): label only the round ticks inside them.
  const style = { ...base, axisLabel: { ...base.axisLabel, showMinLabel: false, showMaxLabel: false } };

  const grid: GridComponentOption[] = [];
  const xAxis: XAXisComponentOption[] = [];
  const yAxis: YAXisComponentOption[] = [];
  const series: SeriesOption[] = [];
  const title: TitleComponentOption[] = [];

  for (let row = 0; row < n; row++) {
    for (let col = 0; col <= row; col++) {
      const index = grid.length;
      grid.push({ left: `${cellLeft(col)}%`, top: `${cellTop(row)}%`, width: `${cellW}%`, height: `${cellH}%` });
      const bottomRow = row === n - 1;
      xAxis.push({
        type: 'value',
        gridIndex: index,
        min: data.ranges[col]!.min,
        max: data.ranges[col]!.max,
        ...style,
        splitLine: { show: false },
        axisLabel: { ...style.axisLabel, show: bottomRow },
        ...(bottomRow ? { name: data.names[col], nameLocation: 'middle' as const, nameGap: 26 } : {}),
      });
      if (row === col) {
        yAxis.push(densityAxis(data, col, index, theme));
        series.push(...diagonalSeries(data, col, index, showComponents ? shown : [], theme), ...referenceSeries(data, { diagonal: col }, index, theme));
        const { median, intervals } = data.intervals[col]!;
        title.push({
          text: `${data.names[col]}: ${formatInterval(median, intervals[0]!)}`,
          left: `${cellLeft(col) + cellW / 2}%`,
          top: `${cellTop(row) - px.y(18)}%`,
          textAlign: 'center',
          textStyle: { fontSize: 11, fontWeight: 'normal', color: theme.text, width: (cellW * size.width) / 100, overflow: 'truncate' },
        });
        continue;
      }
      yAxis.push({
        type: 'value',
        gridIndex: index,
        min: data.ranges[row]!.min,
        max: data.ranges[row]!.max,
        ...style,
        splitLine: { show: false },
        axisLabel: { ...style.axisLabel, show: col === 0 },
        ...(col === 0 ? { name: data.names[row], nameLocation: 'middle' as const, nameGap: 40 } : {}),
      });
      const p = (row * (row - 1)) / 2 + col;
      series.push(...pairSeries(data, p, images[p]!, index, shown, theme), ...referenceSeries(data, { pair: p }, index, theme));
    }
  }
  return {
    animation: false,
    backgroundColor: 'transparent',
    textStyle: { color: theme.text },
    tooltip: { trigger: 'item', confine: true },
    title,
    ...((showComponents && shown.length > 0) || data.reference
      ? { legend: componentLegend(data, showComponents ? shown : [], theme, n, { right: px.x(MARGIN.right), top: px.y(MARGIN.top), cellW, cellH }) }
      : {}),
    grid,
    xAxis,
    yAxis,
    series,
  };
}

/** The marginal's density axis, on the cell's right where the upper triangle leaves room. */
function densityAxis(data: CornerData, p: number, index: number, theme: ChartTheme): YAXisComponentOption {
  const marginal = data.marginals[p]!;
  const histogram = data.histograms?.[p];
  const top = Math.max(...marginal.density, ...(histogram ? histogram.density : [0]));
  const base = axisStyle(theme);
  return {
    type: 'value',
    gridIndex: index,
    position: 'right',
    min: 0,
    max: top > 0 ? top * 1.05 : 1,
    splitNumber: 3,
    ...base,
    splitLine: { show: false },
    axisLabel: { ...base.axisLabel, fontSize: 10, showMaxLabel: false, formatter: formatTick },
  };
}

/**
 * Colour key of the components, heaviest first, with weights, then the reference's label; not a
 * filter (every cell would need to follow it).
 */
function componentLegend(
  data: CornerData,
  shown: readonly number[],
  theme: ChartTheme,
  n: number,
  place: { right: number; top: number; cellW: number; cellH: number },
): LegendComponentOption {
  const heaviestFirst = [...shown].reverse();
  const weightOf = new Map(heaviestFirst.map((k) => [componentName(k), data.weights[k]!]));
  // Above a single marginal there is no empty triangle: the key goes on top, across.
  const across = n === 1;
  return {
    type: 'scroll',
    selectedMode: false,
    orient: across ? 'horizontal' : 'vertical',
    right: `${place.right}%`,
    top: across ? 0 : `${place.top}%`,
    ...(across ? {} : { height: `${place.cellH * (n - 1) * 0.9}%`, width: `${place.cellW * (n - 1)}%` }),
    data: [...heaviestFirst.map(componentName), ...(data.reference ? [{ name: data.reference.label, icon: 'diamond', itemStyle: { color: theme.observation } }] : [])],
    formatter: (name: string) => (weightOf.has(name) ? `${name}  w = ${(100 * weightOf.get(name)!).toFixed(1)} %` : name),
    textStyle: { color: theme.text, fontSize: 11 },
    pageTextStyle: { color: theme.mutedText },
    icon: 'rect',
    itemWidth: 14,
    itemHeight: 8,
  };
}
