/**
 * Heat maps of a problem's field hook (problem-format.md §1.7): one named grid (e.g. the Darcy
 * example's log κ) at each component's centre and at the reference, side by side in one chart,
 * on one colour scale with one colour bar, so that two maps of the same colour mean the same
 * value. Each grid is coloured here into RGBA bytes and drawn as one image (a custom series, as
 * the corner plot's rasters are), never as an nx·ny-cell heatmap; the chart component turns the
 * bytes into canvases.
 */
import type { CustomSeriesOption, EChartsOption, GridComponentOption, TitleComponentOption, XAXisComponentOption, YAXisComponentOption } from 'echarts';
import type { FieldGrid } from '../../../core/problem/fields';
import { colormapColor, VIRIDIS, type Colormap } from './colormap';
import { axisStyle, formatTick, LIGHT_THEME } from './theme';
import type { ChartTheme } from './theme';
import type { RasterImage } from './corner/cells';

/** The colour scale every map of one field shares: the finite values' range over all its grids. */
export function sharedRange(grids: readonly FieldGrid[]): { min: number; max: number } | null {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const grid of grids) {
    for (const value of grid.values) {
      if (value === null) continue;
      if (value < min) min = value;
      if (value > max) max = value;
    }
  }
  if (!Number.isFinite(min)) return null;
  // A constant field still needs a scale: its one colour in the middle.
  return max > min ? { min, max } : { min: min - 0.5, max: max + 0.5 };
}

/**
 * RGBA bytes of `grid` (nx wide, ny high) on the scale [min, max]: row 0 of the image is the top,
 * the largest y, so grid value (i, j) lands at image row ny − 1 − j. No value: transparent.
 */
export function colorizeField(grid: FieldGrid, range: { min: number; max: number }, colormap: Colormap = VIRIDIS): Uint8ClampedArray<ArrayBuffer> {
  const { nx, ny, values } = grid;
  const out = new Uint8ClampedArray(nx * ny * 4);
  const span = range.max - range.min;
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const value = values[i + nx * j];
      if (value === null || value === undefined) continue;
      const [r, g, b] = colormapColor(colormap, span > 0 ? (value - range.min) / span : 0.5);
      const o = ((ny - 1 - j) * nx + i) * 4;
      out[o] = r;
      out[o + 1] = g;
      out[o + 2] = b;
      out[o + 3] = 255;
    }
  }
  return out;
}

/** The colour bar's bytes: 1 pixel wide, 256 high, the top the highest value. */
export function colorBarBytes(colormap: Colormap = VIRIDIS): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(256 * 4);
  for (let row = 0; row < 256; row++) {
    const [r, g, b] = colormapColor(colormap, 1 - row / 255);
    out.set([r, g, b, 255], row * 4);
  }
  return out;
}

/** Where the images of a grid go: half a cell beyond the first and last nodes, so each value has its own pixel. */
function imageExtent(low: number, high: number, count: number): { min: number; max: number } {
  const half = count > 1 ? (high - low) / (count - 1) / 2 : 0.5;
  return { min: low - half, max: high + half };
}

/** Panel size and rows for `count` maps in `width` pixels: squares of 200 to 320 pixels plus the colour bar. */
export function fieldMapsLayout(count: number, width: number): { columns: number; rows: number; cell: number; height: number } {
  const usable = Math.max(220, width - LAYOUT.colourBar - LAYOUT.left);
  const columns = Math.max(1, Math.min(count, Math.floor(usable / (LAYOUT.smallest + LAYOUT.gap))));
  const cell = Math.min(LAYOUT.largest, Math.floor(usable / columns) - LAYOUT.gap);
  const rows = Math.ceil(count / columns);
  return { columns, rows, cell, height: rows * (cell + LAYOUT.titleHeight + LAYOUT.gap) + LAYOUT.bottom };
}

const LAYOUT = Object.freeze({ smallest: 200, largest: 320, gap: 28, titleHeight: 26, left: 40, bottom: 24, colourBar: 90 });

/** One map: its title (e.g. "Component 0 (w = 48.2 %)") and the image made from colorizeField's bytes. */
export interface FieldPanel {
  readonly title: string;
  /** The grid; null when the hook failed at this θ (the panel then says so in `message`). */
  readonly grid: FieldGrid | null;
  readonly image: RasterImage | null;
  readonly message?: string;
}

export interface FieldMapsLayout {
  readonly panels: readonly FieldPanel[];
  readonly range: { readonly min: number; readonly max: number };
  /** The colour bar's image (colorBarBytes). */
  readonly colourBar: RasterImage;
  /** The chart's width in pixels (the card's); the height follows from fieldMapsLayout. */
  readonly width: number;
  /** What the values are, by the colour bar (the grid's label). */
  readonly label: string;
  readonly theme?: ChartTheme;
}

// Custom series' renderItem needs the loose zrender element types; one cast keeps the rest typed.
type RenderItem = NonNullable<CustomSeriesOption['renderItem']>;
type Coord = { coord(v: number[]): number[] };

function imageSeries(name: string, index: number, image: RasterImage, x: { min: number; max: number }, y: { min: number; max: number }): CustomSeriesOption {
  const draw: RenderItem = ((_params: unknown, api: Coord) => {
    const [left, top] = api.coord([x.min, y.max]) as [number, number];
    const [right, bottom] = api.coord([x.max, y.min]) as [number, number];
    return { type: 'image', silent: true, style: { image, x: left, y: top, width: right - left, height: bottom - top } };
  }) as unknown as RenderItem;
  return {
    type: 'custom',
    name,
    xAxisIndex: index,
    yAxisIndex: index,
    silent: true,
    clip: true,
    renderItem: draw,
    encode: { x: [0, 2], y: [1, 3] },
    data: [[x.min, y.max, x.max, y.min]],
  };
}

/** The maps as one option: a grid per panel, row by row, and the shared colour bar on the right. */
export function fieldMapsOption(layout: FieldMapsLayout): EChartsOption {
  const theme = layout.theme ?? LIGHT_THEME;
  const { columns, cell } = fieldMapsLayout(layout.panels.length, layout.width);
  const grid: GridComponentOption[] = [];
  const xAxis: XAXisComponentOption[] = [];
  const yAxis: YAXisComponentOption[] = [];
  const series: CustomSeriesOption[] = [];
  const title: TitleComponentOption[] = [];
  const base = axisStyle(theme);
  const quiet = { ...base, axisLabel: { ...base.axisLabel, fontSize: 10, showMinLabel: false, showMaxLabel: false }, splitLine: { show: false } };

  layout.panels.forEach((panel, index) => {
    const left = LAYOUT.left + (index % columns) * (cell + LAYOUT.gap);
    const top = Math.floor(index / columns) * (cell + LAYOUT.titleHeight + LAYOUT.gap) + LAYOUT.titleHeight;
    grid.push({ left, top, width: cell, height: cell });
    title.push({
      text: panel.title,
      left: left + cell / 2,
      top: top - LAYOUT.titleHeight + 4,
      textAlign: 'center',
      textStyle: { fontSize: 12, fontWeight: 'normal', color: theme.text, width: cell + LAYOUT.gap - 4, overflow: 'truncate' },
    });
    const x = panel.grid ? imageExtent(panel.grid.x[0], panel.grid.x[1], panel.grid.nx) : { min: 0, max: 1 };
    const y = panel.grid ? imageExtent(panel.grid.y[0], panel.grid.y[1], panel.grid.ny) : { min: 0, max: 1 };
    xAxis.push({ type: 'value', gridIndex: index, min: x.min, max: x.max, ...quiet });
    yAxis.push({ type: 'value', gridIndex: index, min: y.min, max: y.max, ...quiet });
    if (panel.grid && panel.image) series.push(imageSeries(panel.title, index, panel.image, x, y));
    else
      title.push({
        text: panel.message ?? 'No values',
        left: left + cell / 2,
        top: top + cell / 2 - 8,
        textAlign: 'center',
        textStyle: { fontSize: 11, fontWeight: 'normal', color: theme.mutedText, width: cell - 16, overflow: 'break' },
      });
  });

  // The colour bar: an image of the colour map on a value axis of the shared range.
  const bar = layout.panels.length;
  const barLeft = LAYOUT.left + columns * (cell + LAYOUT.gap) + 4;
  grid.push({ left: barLeft, top: LAYOUT.titleHeight, width: 14, height: cell });
  xAxis.push({ type: 'value', gridIndex: bar, min: 0, max: 1, show: false });
  yAxis.push({
    type: 'value',
    gridIndex: bar,
    position: 'right',
    min: layout.range.min,
    max: layout.range.max,
    ...base,
    splitLine: { show: false },
    axisLabel: { ...base.axisLabel, fontSize: 10, formatter: formatTick },
    name: layout.label,
    nameLocation: 'middle',
    nameGap: 44,
    nameRotate: 90,
  });
  series.push(imageSeries('Colour scale', bar, layout.colourBar, { min: 0, max: 1 }, { min: layout.range.min, max: layout.range.max }));

  return { animation: false, backgroundColor: 'transparent', textStyle: { color: theme.text }, title, grid, xAxis, yAxis, series };
}
