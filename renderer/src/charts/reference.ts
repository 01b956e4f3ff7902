/**
 * How far each component is from the problem's reference values (problem-format.md §1.4, e.g. the
 * truth of a synthetic problem) at every iteration: the run monitor's "distance to truth" chart.
 * The numbers are core's referenceDistances (core/results/reference.ts): ‖θ_ref − θ_k‖ in
 * physical units with θ_k the component's centre (its mean; the median for a bounded parameter),
 * and the same divided by ‖θ_ref‖.
 */
import type { EChartsOption, LineSeriesOption } from 'echarts';
import type { ParameterTransform } from '../../../core/problem/types';
import { referenceDistances } from '../../../core/results/reference';
import { componentName, type ChartHistory } from './history';
import { componentColor } from './palette';
import { axisStyle, commonOption, formatTick, LIGHT_THEME, sideName } from './theme';
import type { ChartOptions } from './theme';

/** The reference as the charts take it: all d values in physical units and what they are. */
export interface ChartReference {
  readonly label: string;
  readonly values: readonly number[];
}

/** One point of a component's curve: the distance, and the relative error for the tooltip. */
interface DistancePoint {
  readonly value: [number, number | null];
  readonly relativeError: number | null;
}

/** Text for the tooltip's HTML: the label comes from the problem file. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** `0.123` → "12.3 %" (null: the reference is the zero vector, so there is no relative error). */
function percent(relativeError: number | null): string {
  return relativeError === null ? 'no relative error (the reference is 0)' : `${(100 * relativeError).toPrecision(3)} %`;
}

/**
 * The distance of every component to `reference` against the iteration, one line per component
 * in its colour; the tooltip adds the relative error. Entries whose parameter count does not
 * match the reference's are gaps.
 */
export function referenceDistanceChart(
  history: ChartHistory,
  transforms: readonly ParameterTransform[],
  reference: ChartReference,
  options: ChartOptions = {},
): EChartsOption {
  const theme = options.theme ?? LIGHT_THEME;
  const components = history.reduce((most, entry) => Math.max(most, entry.mixture.nComponents), 0);
  const points: DistancePoint[][] = Array.from({ length: components }, () => []);
  const theta = { theta: Float64Array.from(reference.values) };
  for (const { iteration, mixture } of history) {
    const fits = mixture.nTheta === reference.values.length && transforms.length === reference.values.length;
    const distances = fits ? referenceDistances(mixture, transforms, theta) : [];
    for (let k = 0; k < components; k++) {
      const found = distances[k];
      points[k]!.push(found ? { value: [iteration, found.distance], relativeError: found.relativeError } : { value: [iteration, null], relativeError: null });
    }
  }
  const series: LineSeriesOption[] = points.map((data, k) => ({
    type: 'line',
    name: componentName(k),
    data: data as LineSeriesOption['data'],
    showSymbol: false,
    color: componentColor(k, theme),
    lineStyle: { width: 1.5 },
  }));
  type Hovered = { seriesName: string; marker: string; data: DistancePoint; axisValue: number };
  return {
    ...commonOption(theme),
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (hovered: unknown) => {
        const rows = (hovered as Hovered[]).filter((h) => h.data.value[1] !== null);
        const head = `Iteration ${(hovered as Hovered[])[0]?.axisValue ?? ''}: distance to the ${escapeHtml(reference.label)}`;
        return [head, ...rows.map((h) => `${h.marker}${h.seriesName}: ${formatTick(h.data.value[1]!)} (${percent(h.data.relativeError)})`)].join('<br/>');
      },
    },
    grid: { left: 64, right: 16, top: 36, bottom: 40 },
    xAxis: { type: 'value', name: 'Iteration', nameLocation: 'middle', nameGap: 26, minInterval: 1, ...axisStyle(theme) },
    yAxis: { type: 'value', ...sideName(`Distance to the ${reference.label}`), min: 0, ...axisStyle(theme) },
    series,
  };
}
