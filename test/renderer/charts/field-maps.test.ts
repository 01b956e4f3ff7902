// Heat maps of a field hook's grids (problem-format.md §1.7): one colour scale for every map of a
// field, images placed on the grid's coordinates (not an nx·ny-cell heatmap), titles with weights.
import { describe, expect, it } from 'vitest';
import type { FieldGrid } from '../../../core/problem/fields';
import { BUILTIN_FIELDS } from '../../../core/problem/builtin-fields';
import { checkFieldsOutput } from '../../../core/problem/fields';
import { DARCY_TRUTH } from '../../../core/problem/darcy-data';
import { darcyMirroredTheta } from '../../../core/problem/darcy-truth';
import { colormapColor, VIRIDIS } from '../../../renderer/src/charts/colormap';
import { colorBarBytes, colorizeField, fieldMapsLayout, fieldMapsOption, sharedRange } from '../../../renderer/src/charts/field-maps';
import { DARK_THEME } from '../../../renderer/src/charts/theme';
import { drawnSeries, PIXEL_PNG, seriesOf, seriesSummary } from './support';

const grid = (values: (number | null)[], nx: number, ny: number, extra: Partial<FieldGrid> = {}): FieldGrid => ({
  name: 'k',
  label: 'k',
  nx,
  ny,
  x: [0, 1],
  y: [0, 1],
  values,
  ...extra,
});

describe('sharedRange', () => {
  it('spans the finite values of every grid, skipping gaps, and widens a constant field', () => {
    expect(sharedRange([grid([1, null, 3, 2], 2, 2), grid([-4, 0], 2, 1)])).toEqual({ min: -4, max: 3 });
    expect(sharedRange([grid([2, 2], 2, 1)])).toEqual({ min: 1.5, max: 2.5 });
    expect(sharedRange([grid([null], 1, 1)])).toBeNull();
  });
});

describe('colorizeField', () => {
  it('puts the largest y on the top row, colours by the shared scale and leaves gaps transparent', () => {
    // 2×2: (i, j) = (0, 0) 0, (1, 0) 1, (0, 1) 2, (1, 1) no value.
    const bytes = colorizeField(grid([0, 1, 2, null], 2, 2), { min: 0, max: 4 });
    const pixel = (row: number, col: number) => Array.from(bytes.slice((row * 2 + col) * 4, (row * 2 + col) * 4 + 4));
    expect(pixel(1, 0)).toEqual([...colormapColor(VIRIDIS, 0), 255]);
    expect(pixel(1, 1)).toEqual([...colormapColor(VIRIDIS, 0.25), 255]);
    expect(pixel(0, 0)).toEqual([...colormapColor(VIRIDIS, 0.5), 255]);
    expect(pixel(0, 1)).toEqual([0, 0, 0, 0]);
  });

  it('draws the colour bar with the highest value on top', () => {
    const bar = colorBarBytes();
    expect(Array.from(bar.slice(0, 3))).toEqual(colormapColor(VIRIDIS, 1));
    expect(Array.from(bar.slice(255 * 4, 255 * 4 + 3))).toEqual(colormapColor(VIRIDIS, 0));
  });
});

describe('fieldMapsOption', () => {
  const darcy = (theta: readonly number[]) => {
    const checked = checkFieldsOutput(BUILTIN_FIELDS['darcy-2d']!.fields(theta));
    if (!checked.ok) throw new Error(checked.message);
    return checked.fields[0]!;
  };
  const truth = darcy(DARCY_TRUTH);
  const mirrored = darcy(Array.from(darcyMirroredTheta(DARCY_TRUTH)));

  it("draws one image per map on the grid's extent, half a cell beyond the nodes, titled, with one colour bar", () => {
    const option = fieldMapsOption({
      panels: [
        { title: 'Component 1 (w = 60.0 %)', grid: mirrored, image: PIXEL_PNG },
        { title: 'truth', grid: truth, image: PIXEL_PNG },
      ],
      range: sharedRange([truth, mirrored])!,
      colourBar: PIXEL_PNG,
      width: 900,
      label: 'log κ',
    });
    const series = seriesOf(option);
    expect(series.map((s) => [s.type, s.name, (s.data as unknown[]).length])).toEqual([
      ['custom', 'Component 1 (w = 60.0 %)', 1],
      ['custom', 'truth', 1],
      ['custom', 'Colour scale', 1],
    ]);
    const half = 1 / 79 / 2;
    expect(series[0]!.data).toEqual([[-half, 1 + half, 1 + half, -half]]);
    const titles = (option.title as { text: string }[]).map((t) => t.text);
    expect(titles).toEqual(['Component 1 (w = 60.0 %)', 'truth']);
    const bar = (option.yAxis as { min: number; max: number; name?: string }[])[2]!;
    expect(bar).toMatchObject({ ...sharedRange([truth, mirrored]), name: 'log κ' });
    expect(drawnSeries(option, 900, fieldMapsLayout(2, 900).height)).toEqual(seriesSummary(option));
  });

  it('says why a map is missing where the hook failed, and draws it in the dark theme too', () => {
    const option = fieldMapsOption({
      panels: [
        { title: 'Component 0 (w = 100.0 %)', grid: truth, image: PIXEL_PNG },
        { title: 'truth', grid: null, image: null, message: 'no field at the truth' },
      ],
      range: sharedRange([truth])!,
      colourBar: PIXEL_PNG,
      width: 700,
      label: 'log κ',
      theme: DARK_THEME,
    });
    expect(seriesOf(option).map((s) => s.name)).toEqual(['Component 0 (w = 100.0 %)', 'Colour scale']);
    expect((option.title as { text: string }[]).map((t) => t.text)).toContain('no field at the truth');
    expect(drawnSeries(option, 700, 400)).toEqual(seriesSummary(option));
  });

  it('lays out maps in as many columns as fit, squares of 200 to 320 pixels', () => {
    expect(fieldMapsLayout(4, 1300)).toMatchObject({ columns: 4, rows: 1 });
    expect(fieldMapsLayout(4, 700)).toMatchObject({ columns: 2, rows: 2 });
    const one = fieldMapsLayout(1, 1300);
    expect(one.cell).toBe(320);
    expect(fieldMapsLayout(3, 300).columns).toBe(1);
  });
});
