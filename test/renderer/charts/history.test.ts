import { describe, expect, expectTypeOf, it } from 'vitest';
import type { IterationRecord } from '../../../core/inversion/types';
import { lowerBoundTransform } from '../../../core/problem/transforms';
import { meansChart, misfitChart, weightsChart } from '../../../renderer/src/charts/history';
import type { ChartHistory } from '../../../renderer/src/charts/history';
import { componentColor } from '../../../renderer/src/charts/palette';
import { DARK_THEME, formatTick, LIGHT_THEME } from '../../../renderer/src/charts/theme';
import { drawnSeries, seriesOf, seriesSummary, syntheticHistory } from './support';

const history = syntheticHistory();

function yAxisOf(option: ReturnType<typeof weightsChart>): Record<string, unknown> {
  return option.yAxis as Record<string, unknown>;
}

describe('chart history', () => {
  it("accepts the run engine's IterationRecord[] as is (checked by the type checker)", () => {
    expectTypeOf<IterationRecord[]>().toExtend<ChartHistory>();
  });
});

describe('weightsChart', () => {
  it('draws one line per component on a log axis named Weight, against the iteration', () => {
    const option = weightsChart(history);
    const series = seriesOf(option);
    expect(series).toHaveLength(2);
    expect(series.every((s) => s.type === 'line')).toBe(true);
    expect(series.map((s) => s.name)).toEqual(['Component 0', 'Component 1']);
    expect(yAxisOf(option)).toMatchObject({ type: 'log', name: 'Weight' });
    expect((option.xAxis as Record<string, unknown>).name).toBe('Iteration');
  });

  it('keeps the collapse to 1e-15 and the revival visible on the log axis', () => {
    const data = seriesOf(weightsChart(history))[1].data as [number, number | null][];
    expect(data[5]).toEqual([5, expect.closeTo(1e-15, 20)]);
    expect(data[8][1]).toBeCloseTo(0.2, 12);
  });

  it('labels log ticks as 1e-10, not 0.0000000001', () => {
    expect([1e-10, 1e-15, 0.001, 0.5, 1, 12345.6, 2e6, 0].map(formatTick)).toEqual(['1e-10', '1e-15', '0.001', '0.5', '1', '12300', '2e6', '0']);
  });

  it('offers a linear axis from 0 to 1', () => {
    expect(yAxisOf(weightsChart(history, { logScale: false }))).toMatchObject({ type: 'value', min: 0, max: 1 });
  });

  it('colours component k the same in every chart and per theme', () => {
    for (const theme of [LIGHT_THEME, DARK_THEME]) {
      const colours = [weightsChart(history, { theme }), misfitChart(history, { theme }), meansChart(history, 0, undefined, { theme })].map((option) =>
        seriesOf(option)
          .filter((s) => s.name === 'Component 1')
          .map((s) => s.color),
      );
      for (const list of colours) for (const colour of list) expect(colour).toBe(componentColor(1, theme));
    }
    expect(componentColor(0, LIGHT_THEME)).not.toBe(componentColor(0, DARK_THEME));
  });

  it('is drawn by ECharts with every point of every component', () => {
    expect(drawnSeries(weightsChart(history))).toEqual([
      { type: 'line', name: 'Component 0', points: history.length },
      { type: 'line', name: 'Component 1', points: history.length },
    ]);
  });
});

describe('meansChart', () => {
  it('draws per component a lower edge, a filled ±2σ band stacked on it and the mean line', () => {
    const option = meansChart(history, 1, undefined, { parameterName: 'k' });
    const series = seriesOf(option);
    expect(series).toHaveLength(6);
    expect(series.filter((s) => s.areaStyle)).toHaveLength(2);
    expect(series.filter((s) => s.stack === 'band-0')).toHaveLength(2);
    expect((option.yAxis as Record<string, unknown>).name).toBe('k');
    expect(series[0].areaStyle).toBeUndefined();
    // Iteration 0, component 0, parameter 1: mean 2, σ = √0.3.
    const [mean, lower, width] = series.slice(0, 3).map((s) => (s.data as [number, number][])[0][1]);
    expect(mean).toBeCloseTo(2, 12);
    expect(lower).toBeCloseTo(2 - 2 * Math.sqrt(0.3), 12);
    expect(width).toBeCloseTo(4 * Math.sqrt(0.3), 12);
    expect(drawnSeries(option)).toEqual(seriesSummary(option));
    expect(drawnSeries(option).every((s) => s.points === history.length)).toBe(true);
  });

  it('maps mean ± 2σ through toPhysical when a transform is given', () => {
    const transform = lowerBoundTransform(0);
    const series = seriesOf(meansChart(history, 1, transform));
    const [mean, lower, width] = series.slice(0, 3).map((s) => (s.data as [number, number][])[0][1]);
    const sd = Math.sqrt(0.3);
    expect(mean).toBeCloseTo(Math.exp(2), 10);
    expect(lower).toBeCloseTo(Math.exp(2 - 2 * sd), 10);
    expect(lower + width).toBeCloseTo(Math.exp(2 + 2 * sd), 10);
  });
});

describe('misfitChart', () => {
  it('draws each component and the best misfit on a log axis, with a gap where there is no misfit', () => {
    const option = misfitChart(history);
    const series = seriesOf(option);
    expect(series.map((s) => s.name)).toEqual(['Component 0', 'Component 1', 'Best']);
    expect(yAxisOf(option)).toMatchObject({ type: 'log' });
    const best = series[2].data as [number, number | null][];
    expect(best[0]).toEqual([0, null]);
    expect(best[2][1]).toBeCloseTo(Math.min(100 / 4, 50 / 2), 12);
    // A misfit of exactly 0 cannot be on a log axis: it becomes a gap, not a broken chart.
    expect((series[1].data as [number, number | null][])[5]).toEqual([5, null]);
    expect(drawnSeries(option)).toEqual(['Component 0', 'Component 1', 'Best'].map((name) => ({ type: 'line', name, points: history.length })));
  });
});
