/**
 * Light and dark colours for every chart, passed into the option builders (they never read the
 * DOM or a CSS variable, so that they stay pure and testable in Node), and the axis/grid styling
 * the builders share.
 */

/** The colours a chart needs from the app's theme. */
export interface ChartTheme {
  readonly mode: 'light' | 'dark';
  /** Chart background; also the halo drawn around markers so they stand out on a raster. */
  readonly background: string;
  readonly text: string;
  readonly mutedText: string;
  readonly axisLine: string;
  readonly splitLine: string;
  /** Observed data and other "truth" marks (posterior predictive). */
  readonly observation: string;
}

/** Colours for the light theme. */
export const LIGHT_THEME: ChartTheme = Object.freeze({
  mode: 'light',
  background: '#ffffff',
  text: '#1f2328',
  mutedText: '#59636e',
  axisLine: '#8c959f',
  splitLine: '#e6e8eb',
  observation: '#1f2328',
});

/** Colours for the dark theme. */
export const DARK_THEME: ChartTheme = Object.freeze({
  mode: 'dark',
  background: '#16191d',
  text: '#e6edf3',
  mutedText: '#9198a1',
  axisLine: '#6e7681',
  splitLine: '#2d333b',
  observation: '#f0f6fc',
});

/** Options every builder accepts. */
export interface ChartOptions {
  /** Defaults to LIGHT_THEME. */
  readonly theme?: ChartTheme;
}

/**
 * A tick label in at most 3 significant digits, in exponent form for tiny or huge values: a log
 * axis of weights would otherwise print 0.0000000000000000001.
 */
export function formatTick(value: number): string {
  if (value === 0 || !Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude < 1e-3 || magnitude >= 1e5) return value.toExponential(0).replace('e+', 'e');
  return String(Number(value.toPrecision(3)));
}

/** Base style of a value/log axis in this theme. */
export function axisStyle(theme: ChartTheme) {
  return {
    // onZero: a y-axis range that straddles 0 would otherwise pull the x-axis line into the plot.
    axisLine: { onZero: false, lineStyle: { color: theme.axisLine } },
    axisTick: { lineStyle: { color: theme.axisLine } },
    axisLabel: { color: theme.mutedText, hideOverlap: true, formatter: formatTick },
    splitLine: { lineStyle: { color: theme.splitLine } },
    nameTextStyle: { color: theme.text },
  };
}

/** A y-axis name written along the axis, so it cannot collide with the legend above the plot. */
export function sideName(name: string) {
  return { name, nameLocation: 'middle' as const, nameGap: 48 };
}

/** Legend and tooltip styling shared by the line charts. */
export function commonOption(theme: ChartTheme) {
  return {
    // Live charts update several times a second: animation only makes them lag behind the run.
    animation: false,
    backgroundColor: 'transparent',
    textStyle: { color: theme.text },
    legend: { type: 'scroll' as const, top: 0, textStyle: { color: theme.text }, pageTextStyle: { color: theme.mutedText } },
    tooltip: { trigger: 'axis' as const, confine: true },
  };
}
