/**
 * Highest-density credible regions of a pair's 2-D marginal, from its density raster: the level
 * λ_p such that the pixels with density ≥ λ_p hold a fraction p of the raster's mass (what
 * corner.py draws from a histogram of samples, here from the exact mixture density), and the
 * iso-line ρ = λ_p by marching squares through the pixel centres, joined into polylines in
 * physical units (so that a dashed line stays dashed). The mass is that inside the raster, which
 * spans every heavy component's m ± 4σ.
 */
import type { DensityRaster } from './raster';

/** One credible region's boundary. */
export interface CredibleContour {
  /** Its probability mass, e.g. 0.68. */
  readonly mass: number;
  /** The density on the boundary. */
  readonly level: number;
  /** Polylines x0, y0, x1, y1, … in physical units; a closed one ends where it starts. */
  readonly lines: readonly Float64Array[];
}

/** The density levels λ_p enclosing each mass p (highest-density regions), in the order given. */
export function credibleLevels(raster: DensityRaster, masses: readonly number[]): number[] {
  const sorted = Float64Array.from(raster.values).sort().reverse();
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return masses.map((mass) => {
    if (!(total > 0)) return Number.POSITIVE_INFINITY;
    let sum = 0;
    for (const value of sorted) {
      sum += value;
      if (sum >= mass * total) return value;
    }
    return sorted[sorted.length - 1]!;
  });
}

/** The iso-line ρ = level through the pixel centres of `raster` (marching squares, saddles split by the centre value). */
export function contourSegments(raster: DensityRaster, level: number): Float64Array {
  const { width, height, values } = raster;
  const dx = (raster.x.max - raster.x.min) / width;
  const dy = (raster.y.max - raster.y.min) / height;
  const xAt = (col: number) => raster.x.min + (col + 0.5) * dx;
  // Row 0 is the top of the image.
  const yAt = (row: number) => raster.y.max - (row + 0.5) * dy;
  const out: number[] = [];
  for (let row = 0; row + 1 < height; row++) {
    for (let col = 0; col + 1 < width; col++) {
      // Corners: a = top-left, b = top-right, c = bottom-right, d = bottom-left.
      const a = values[row * width + col]!;
      const b = values[row * width + col + 1]!;
      const c = values[(row + 1) * width + col + 1]!;
      const d = values[(row + 1) * width + col]!;
      const index = (a >= level ? 8 : 0) | (b >= level ? 4 : 0) | (c >= level ? 2 : 0) | (d >= level ? 1 : 0);
      if (index === 0 || index === 15) continue;
      const t = (from: number, to: number) => (level - from) / (to - from);
      // Crossing points on the four edges.
      const top = () => [xAt(col) + t(a, b) * dx, yAt(row)];
      const right = () => [xAt(col + 1), yAt(row) - t(b, c) * dy];
      const bottom = () => [xAt(col) + t(d, c) * dx, yAt(row + 1)];
      const left = () => [xAt(col), yAt(row) - t(a, d) * dy];
      const add = (p: number[], q: number[]) => out.push(p[0]!, p[1]!, q[0]!, q[1]!);
      const centreAbove = (a + b + c + d) / 4 >= level;
      switch (index) {
        case 1:
        case 14:
          add(left(), bottom());
          break;
        case 2:
        case 13:
          add(bottom(), right());
          break;
        case 3:
        case 12:
          add(left(), right());
          break;
        case 4:
        case 11:
          add(top(), right());
          break;
        case 6:
        case 9:
          add(top(), bottom());
          break;
        case 7:
        case 8:
          add(left(), top());
          break;
        // Saddles: a and c on one side, b and d on the other.
        case 5:
          if (centreAbove) {
            add(left(), top());
            add(bottom(), right());
          } else {
            add(left(), bottom());
            add(top(), right());
          }
          break;
        case 10:
          if (centreAbove) {
            add(left(), bottom());
            add(top(), right());
          } else {
            add(left(), top());
            add(bottom(), right());
          }
          break;
      }
    }
  }
  return Float64Array.from(out);
}

/**
 * Segments (x1, y1, x2, y2, …) chained into polylines. Neighbouring cells compute a shared edge's
 * crossing from the same two values, so shared endpoints are equal to the bit.
 */
export function joinSegments(segments: Float64Array): Float64Array[] {
  const count = segments.length / 4;
  const key = (s: number, end: 0 | 1) => `${segments[4 * s + 2 * end]},${segments[4 * s + 2 * end + 1]}`;
  const at = new Map<string, number[]>();
  for (let s = 0; s < count; s++) for (const end of [0, 1] as const) at.set(key(s, end), [...(at.get(key(s, end)) ?? []), s]);
  const used = new Uint8Array(count);
  /** Walks from the point `from` along unused segments, appending points to `points`. */
  const walk = (from: string, points: number[]) => {
    for (let point = from; ;) {
      const next = (at.get(point) ?? []).find((s) => !used[s]);
      if (next === undefined) return;
      used[next] = 1;
      const end = key(next, 0) === point ? 1 : 0;
      points.push(segments[4 * next + 2 * end]!, segments[4 * next + 2 * end + 1]!);
      point = key(next, end);
    }
  };
  const lines: Float64Array[] = [];
  for (let s = 0; s < count; s++) {
    if (used[s]) continue;
    used[s] = 1;
    const forward = [segments[4 * s]!, segments[4 * s + 1]!, segments[4 * s + 2]!, segments[4 * s + 3]!];
    walk(key(s, 1), forward);
    const backward: number[] = [];
    walk(key(s, 0), backward);
    const head: number[] = [];
    for (let b = backward.length - 2; b >= 0; b -= 2) head.push(backward[b]!, backward[b + 1]!);
    lines.push(Float64Array.from([...head, ...forward]));
  }
  return lines;
}

/** The credible regions of `masses` of the raster's density. */
export function credibleContours(raster: DensityRaster, masses: readonly number[]): CredibleContour[] {
  const levels = credibleLevels(raster, masses);
  // λ_p is a pixel's value: drawn a hair below it, no pixel sits exactly on the line (which would
  // give zero-length pieces that break the polylines).
  return masses.map((mass, m) => ({ mass, level: levels[m]!, lines: joinSegments(contourSegments(raster, levels[m]! * (1 - 1e-9))) }));
}
