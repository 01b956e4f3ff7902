/**
 * One colour per mixture component and one per run, the same on every chart, so that component 3
 * is the same orange in the weights, means, misfit and corner plots.
 *
 * The qualitative palette is Tableau 10 (designed to stay distinguishable for common colour-vision
 * deficiencies); the dark variants are lighter so that lines keep their contrast on a dark
 * background. Beyond ten the palette repeats: with more components than that, the legend and
 * tooltip carry the identity.
 */
import type { ChartTheme } from './theme';

const LIGHT = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
const DARK = ['#7aa6d6', '#ffa94d', '#ff7b7d', '#8fd6d0', '#7ccc6f', '#ffe066', '#d19fc4', '#ffb8c0', '#c49a80', '#d4ccc7'];

/** Number of distinct colours before the palette repeats. */
export const PALETTE_SIZE = LIGHT.length;

/** Colour of mixture component k (0-based) in this theme. */
export function componentColor(k: number, theme: ChartTheme): string {
  const colours = theme.mode === 'dark' ? DARK : LIGHT;
  return colours[((k % colours.length) + colours.length) % colours.length];
}

/**
 * Colour of the r-th run on the Compare screen. The Compare charts draw runs, not components, so
 * the same palette is reused: run 1 is blue, run 2 orange, and so on.
 */
export function runColor(r: number, theme: ChartTheme): string {
  return componentColor(r, theme);
}

/** `colour` with an alpha channel (for ±2σ bands): '#rrggbb' → 'rgba(r, g, b, alpha)'. */
export function withAlpha(colour: string, alpha: number): string {
  const value = Number.parseInt(colour.slice(1), 16);
  return `rgba(${(value >> 16) & 255}, ${(value >> 8) & 255}, ${value & 255}, ${alpha})`;
}
