/**
 * How big the corner plot is drawn: margins that hold the tick labels and names (left, below),
 * the marginals' density labels (right) and the interval text (above), and a cell size that
 * fills the room available without going below what stays readable — with more parameters than
 * fit, the plot gets wider than its card and scrolls sideways.
 */

/** Margins and the gap between cells, in pixels. */
export const CORNER_MARGIN = Object.freeze({ left: 66, right: 46, top: 30, bottom: 50, gap: 10 });

/** Cells never get smaller than this (six parameters fit a laptop screen), nor larger than the largest. */
export const CELL_PIXELS = Object.freeze({ smallest: 150, largest: 300 });

/** The side of one cell and of the whole (square) plot for n parameters in `available` pixels of width. */
export function cornerPixels(n: number, available: number): { cell: number; size: number } {
  const { left, right, gap } = CORNER_MARGIN;
  const fitting = Math.floor((available - left - right - gap * (n - 1)) / n);
  const cell = Math.min(CELL_PIXELS.largest, Math.max(CELL_PIXELS.smallest, fitting));
  return { cell, size: n * cell + gap * (n - 1) + left + right };
}
