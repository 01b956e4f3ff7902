/**
 * The series of one corner-plot cell. Diagonal: the marginal with its 95 % and 68 % central
 * intervals shaded and the median marked, each component's share dashed, an optional sample
 * histogram. Below it: the density image, the highest-density 68 % and 95 % contours, each
 * component's ellipse and mean. Components are drawn lightest first, so the heaviest is on top.
 */
import type { CustomSeriesOption, LineSeriesOption, ScatterSeriesOption, SeriesOption } from 'echarts';
import { componentName } from '../history';
import { componentColor, withAlpha } from '../palette';
import type { ChartTheme } from '../theme';
import type { CornerData } from './data';
import type { MarginalDensity } from './marginal';

/** A drawable made from a raster (canvas or data URL); typed loosely so this file needs no DOM types. */
export type RasterImage = string | object;

// Custom series' renderItem needs the loose zrender element types; one cast keeps the rest typed.
type RenderItem = NonNullable<CustomSeriesOption['renderItem']>;
type Coord = { coord(v: number[]): number[] };

/** The marginal curve between `low` and `high` only (interpolated ends), for a shaded interval. */
function curveBetween(marginal: MarginalDensity, low: number, high: number): [number, number][] {
  const { x, density } = marginal;
  const at = (value: number): number => {
    let a = 1;
    while (a < x.length - 1 && x[a]! < value) a++;
    const t = (value - x[a - 1]!) / (x[a]! - x[a - 1]! || 1);
    return density[a - 1]! + Math.min(Math.max(t, 0), 1) * (density[a]! - density[a - 1]!);
  };
  const inside: [number, number][] = [[low, at(low)]];
  for (let a = 0; a < x.length; a++) if (x[a]! > low && x[a]! < high) inside.push([x[a]!, density[a]!]);
  inside.push([high, at(high)]);
  return inside;
}

export function diagonalSeries(data: CornerData, p: number, index: number, components: readonly number[], theme: ChartTheme): SeriesOption[] {
  const marginal = data.marginals[p]!;
  const histogram = data.histograms?.[p];
  const { median, intervals } = data.intervals[p]!;
  const base = { type: 'line' as const, xAxisIndex: index, yAxisIndex: index, showSymbol: false, silent: true };
  const out: LineSeriesOption[] = [];
  if (histogram) {
    out.push({
      ...base,
      name: 'Samples',
      step: 'middle',
      color: theme.mutedText,
      lineStyle: { width: 0.5 },
      areaStyle: { color: withAlpha(theme.mode === 'dark' ? '#9198a1' : '#59636e', 0.25) },
      data: Array.from(histogram.centres, (x, b) => [x, histogram.density[b]]),
    });
  }
  // Outer interval first, so the inner one's darker shade lies on top of it.
  for (let m = intervals.length - 1; m >= 0; m--) {
    const [low, high] = intervals[m]!;
    out.push({
      ...base,
      name: m === 0 ? 'Inner credible interval' : 'Outer credible interval',
      lineStyle: { width: 0 },
      areaStyle: { color: withAlpha(theme.mode === 'dark' ? '#e6edf3' : '#1f2328', m === 0 ? 0.16 : 0.07) },
      data: curveBetween(marginal, low, high),
    });
  }
  for (const k of components) {
    const part = marginal.components[k]!;
    out.push({
      ...base,
      name: componentName(k),
      color: componentColor(k, theme),
      lineStyle: { width: 1, type: 'dashed' },
      data: Array.from(marginal.x, (x, a) => [x, part[a]]),
    });
  }
  out.push({
    ...base,
    name: 'Marginal',
    color: theme.text,
    lineStyle: { width: 2 },
    data: Array.from(marginal.x, (x, a) => [x, marginal.density[a]]),
    markLine: { silent: true, symbol: 'none', label: { show: false }, lineStyle: { color: theme.text, type: 'solid', width: 1 }, data: [{ xAxis: median }] },
  });
  return out;
}

export function pairSeries(data: CornerData, p: number, image: RasterImage, index: number, components: readonly number[], theme: ChartTheme): SeriesOption[] {
  const cell = data.pairs[p]!;
  const axes = { xAxisIndex: index, yAxisIndex: index };
  const { x, y } = cell.raster;
  const drawImage: RenderItem = ((_params: unknown, api: Coord) => {
    // The image spans the raster's pixel edges; y is flipped because row 0 is the top.
    const [left, top] = api.coord([x.min, y.max]) as [number, number];
    const [right, bottom] = api.coord([x.max, y.min]) as [number, number];
    return { type: 'image', silent: true, style: { image, x: left, y: top, width: right - left, height: bottom - top } };
  }) as unknown as RenderItem;
  const drawContour: RenderItem = ((params: { dataIndex: number }, api: Coord) => {
    const { lines } = cell.contours[params.dataIndex]!;
    // In the text's colour: the images fade into the background where there is little mass (CornerPlot.vue).
    const style = { stroke: withAlpha(theme.text, 0.85), fill: 'none', lineWidth: 1.2, lineDash: params.dataIndex === 0 ? undefined : [4, 3] };
    const children = lines.map((line) => {
      const points: number[][] = [];
      for (let a = 0; a < line.length; a += 2) points.push(api.coord([line[a]!, line[a + 1]!]));
      return { type: 'polyline', silent: true, shape: { points }, style };
    });
    return { type: 'group', silent: true, children };
  }) as unknown as RenderItem;
  const drawEllipse: RenderItem = ((params: { dataIndex: number }, api: Coord) => {
    const k = components[params.dataIndex]!;
    return {
      type: 'polyline',
      silent: true,
      shape: { points: cell.ellipses[k]!.map((point) => api.coord(point as number[])) },
      style: { stroke: componentColor(k, theme), fill: 'none', lineWidth: 1.5 },
    };
  }) as unknown as RenderItem;
  const density: CustomSeriesOption = {
    type: 'custom',
    name: 'Density',
    ...axes,
    silent: true,
    clip: true,
    renderItem: drawImage,
    encode: { x: [0, 2], y: [1, 3] },
    data: [[x.min, y.max, x.max, y.min]],
  };
  const contours: CustomSeriesOption = {
    type: 'custom',
    name: 'Credible regions',
    ...axes,
    silent: true,
    clip: true,
    renderItem: drawContour,
    encode: { x: 0, y: 1 },
    data: cell.contours.map(() => [x.min, y.min]),
  };
  const ellipses: CustomSeriesOption = {
    type: 'custom',
    name: `${data.levelSigma}σ ellipses`,
    ...axes,
    silent: true,
    clip: true,
    renderItem: drawEllipse,
    encode: { x: 0, y: 1 },
    data: components.map((k) => [data.means[k]![cell.col], data.means[k]![cell.row]]),
  };
  const means: ScatterSeriesOption = {
    type: 'scatter',
    name: 'Component means',
    ...axes,
    symbolSize: 7,
    clip: true,
    data: components.map((k) => ({
      name: `${componentName(k)} (w = ${data.weights[k]!.toPrecision(3)})`,
      value: [data.means[k]![cell.col], data.means[k]![cell.row]],
      itemStyle: { color: componentColor(k, theme), borderColor: theme.background, borderWidth: 1 },
    })),
  };
  return [density, contours, ellipses, means];
}

/**
 * The reference values (problem-format.md §1.4) on one cell, under the reference's label: a
 * dashed vertical line ending in a diamond on the diagonal, a diamond in a pair cell (p: the
 * pair's index in `data.pairs`). In the colour of observed data, which no component has.
 */
export function referenceSeries(data: CornerData, cell: { diagonal: number } | { pair: number }, index: number, theme: ChartTheme): SeriesOption[] {
  const reference = data.reference;
  if (!reference) return [];
  const axes = { xAxisIndex: index, yAxisIndex: index };
  const colour = theme.observation;
  if ('diagonal' in cell) {
    const value = reference.values[cell.diagonal]!;
    const marker: LineSeriesOption = {
      type: 'line',
      name: reference.label,
      ...axes,
      data: [],
      color: colour,
      silent: true,
      markLine: {
        silent: true,
        symbol: ['none', 'diamond'],
        symbolSize: 9,
        label: { show: false },
        lineStyle: { color: colour, type: [5, 3], width: 1.5 },
        data: [{ xAxis: value }],
      },
    };
    return [marker];
  }
  const pair = data.pairs[cell.pair]!;
  const point: [number, number] = [reference.values[pair.col]!, reference.values[pair.row]!];
  const marker: ScatterSeriesOption = {
    type: 'scatter',
    name: reference.label,
    ...axes,
    symbol: 'diamond',
    symbolSize: 11,
    clip: true,
    z: 5,
    data: [{ name: `${reference.label} (${point.map((v) => Number(v.toPrecision(4))).join(', ')})`, value: point }],
    itemStyle: { color: colour, borderColor: theme.background, borderWidth: 1.5 },
  };
  return [marker];
}
