import { describe, expect, it } from 'vitest';
import { colorizeRaster, colormapColor, MAGMA, VIRIDIS } from '../../../renderer/src/charts/colormap';

const rgb = (hex: string) => [1, 3, 5].map((o) => Number.parseInt(hex.slice(o, o + 2), 16));

describe('colorizeRaster', () => {
  const raster = { values: Float32Array.from([3, 1, 2, 5]), min: 1, max: 5 };

  it('maps min to the first stop and max to the last, opaque, 4 bytes per pixel', () => {
    const bytes = colorizeRaster(raster, VIRIDIS);
    expect(bytes).toBeInstanceOf(Uint8ClampedArray);
    expect(bytes).toHaveLength(16);
    expect(Array.from(bytes.subarray(4, 8))).toEqual([...rgb('#440154'), 255]);
    expect(Array.from(bytes.subarray(12, 16))).toEqual([...rgb('#fde725'), 255]);
    const magma = colorizeRaster(raster, MAGMA);
    expect(Array.from(magma.subarray(4, 7))).toEqual(rgb('#000004'));
    expect(Array.from(magma.subarray(12, 15))).toEqual(rgb('#fcfdbf'));
  });

  it('interpolates between stops (the middle of viridis is its teal)', () => {
    const [r, g, b] = colormapColor(VIRIDIS, 0.5);
    // Halfway between the 5th (#26828e) and 6th (#1f9e89) of the 10 stops.
    expect(r).toBeCloseTo((0x26 + 0x1f) / 2, -0.5);
    expect(g).toBeCloseTo((0x82 + 0x9e) / 2, -0.5);
    expect(b).toBeCloseTo((0x8e + 0x89) / 2, -0.5);
  });

  it('gets brighter monotonically along viridis (perceptual order)', () => {
    const luminance = Array.from({ length: 11 }, (_, n) => {
      const [r, g, b] = colormapColor(VIRIDIS, n / 10);
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    });
    for (let n = 1; n < luminance.length; n++) expect(luminance[n]).toBeGreaterThan(luminance[n - 1]);
  });

  it('lifts low values with the sqrt scale and fades them out with fadeBelow', () => {
    const linear = colorizeRaster(raster, VIRIDIS);
    const sqrt = colorizeRaster(raster, VIRIDIS, { scale: 'sqrt' });
    expect(sqrt[0 + 1]).toBeGreaterThan(linear[0 + 1]);
    const faded = colorizeRaster(raster, VIRIDIS, { fadeBelow: 0.5 });
    expect(faded[4 + 3]).toBe(0);
    expect(faded[0 + 3]).toBe(255);
    expect(faded[8 + 3]).toBe(Math.round((255 * 0.25) / 0.5));
  });

  it('paints a flat raster in the first colour instead of dividing by zero', () => {
    const bytes = colorizeRaster({ values: [2, 2], min: 2, max: 2 });
    expect(Array.from(bytes.subarray(0, 4))).toEqual([...rgb('#440154'), 255]);
  });
});
