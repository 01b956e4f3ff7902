/**
 * Perceptual colour maps for density rasters and the colouring of a raster into RGBA bytes (the
 * chart component puts them into an ImageData on a canvas; this file never touches the DOM).
 *
 * Each map is a small table of evenly spaced stops (matplotlib's viridis and magma sampled at
 * 10 points), linearly interpolated in RGB into a 256-entry lookup table built once per map.
 */

/** A colour map: evenly spaced RGB stops from the low end (index 0) to the high end. */
export interface Colormap {
  readonly name: string;
  readonly stops: readonly (readonly [number, number, number])[];
}

function fromHex(name: string, hex: readonly string[]): Colormap {
  const stops = hex.map((h) => {
    const v = Number.parseInt(h.slice(1), 16);
    return [(v >> 16) & 255, (v >> 8) & 255, v & 255] as const;
  });
  return Object.freeze({ name, stops });
}

/** Viridis: dark purple → yellow; perceptually uniform and readable in grey scale. */
export const VIRIDIS = fromHex('viridis', ['#440154', '#482878', '#3e4989', '#31688e', '#26828e', '#1f9e89', '#35b779', '#6ece58', '#b5de2b', '#fde725']);

/** Magma: black → pale yellow; suits the dark theme, where high density should glow. */
export const MAGMA = fromHex('magma', ['#000004', '#180f3d', '#440f76', '#721f81', '#9e2f7f', '#cd4071', '#f1605d', '#fd9668', '#feca8d', '#fcfdbf']);

const LUT_SIZE = 256;
const lutCache = new WeakMap<Colormap, Uint8ClampedArray>();

/** 256 RGB triplets interpolated between the map's stops. */
function lookupTable(colormap: Colormap): Uint8ClampedArray {
  const cached = lutCache.get(colormap);
  if (cached) return cached;
  const { stops } = colormap;
  const lut = new Uint8ClampedArray(LUT_SIZE * 3);
  for (let n = 0; n < LUT_SIZE; n++) {
    const position = (n / (LUT_SIZE - 1)) * (stops.length - 1);
    const lower = Math.min(Math.floor(position), stops.length - 2);
    const t = position - lower;
    for (let c = 0; c < 3; c++) lut[n * 3 + c] = Math.round(stops[lower][c] * (1 - t) + stops[lower + 1][c] * t);
  }
  lutCache.set(colormap, lut);
  return lut;
}

/** The colour at t ∈ [0, 1] of `colormap` (clamped), as [r, g, b]. */
export function colormapColor(colormap: Colormap, t: number): [number, number, number] {
  const lut = lookupTable(colormap);
  const n = Math.round(Math.min(Math.max(t, 0), 1) * (LUT_SIZE - 1));
  return [lut[n * 3], lut[n * 3 + 1], lut[n * 3 + 2]];
}

/** Options of colorizeRaster. */
export interface ColorizeOptions {
  /**
   * 'sqrt' (√ of the normalised value) lifts light modes that a linear scale leaves at the bottom
   * colour; default 'linear'.
   */
  readonly scale?: 'linear' | 'sqrt';
  /**
   * Below this fraction of the range (after scaling) pixels fade to transparent, so the chart's
   * own background shows where there is no mass; default 0 (opaque everywhere).
   */
  readonly fadeBelow?: number;
}

/**
 * RGBA bytes (width·height·4, row-major like the raster) of `raster` coloured by `colormap`:
 * raster.min maps to the first stop and raster.max to the last.
 */
export function colorizeRaster(
  raster: { readonly values: ArrayLike<number>; readonly min: number; readonly max: number },
  colormap: Colormap = VIRIDIS,
  options: ColorizeOptions = {},
): Uint8ClampedArray<ArrayBuffer> {
  const lut = lookupTable(colormap);
  const { values, min, max } = raster;
  const span = max - min;
  const scale = span > 0 ? 1 / span : 0;
  const sqrt = options.scale === 'sqrt';
  const fade = options.fadeBelow ?? 0;
  const out = new Uint8ClampedArray(values.length * 4);
  for (let p = 0; p < values.length; p++) {
    let t = (values[p] - min) * scale;
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    if (sqrt) t = Math.sqrt(t);
    const n = Math.round(t * (LUT_SIZE - 1)) * 3;
    const o = p * 4;
    out[o] = lut[n];
    out[o + 1] = lut[n + 1];
    out[o + 2] = lut[n + 2];
    out[o + 3] = fade > 0 && t < fade ? Math.round((255 * t) / fade) : 255;
  }
  return out;
}
