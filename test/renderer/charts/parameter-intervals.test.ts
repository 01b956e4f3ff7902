// The per-parameter interval plot (issue 9 item 4): every component's centre and 95 % interval of
// every parameter, usable at d = 128 through a zoom window, with the reference across.
import { describe, expect, it } from 'vitest';
import { mixtureFromJson } from '../../../core/gmki/state';
import { DARCY_TRUTH } from '../../../core/problem/darcy-data';
import { identityTransform, intervalTransform, lowerBoundTransform, upperBoundTransform } from '../../../core/problem/transforms';
import { componentColor } from '../../../renderer/src/charts/palette';
import { INTERVAL_WINDOW, parameterIntervals, parameterIntervalsChart } from '../../../renderer/src/charts/parameter-intervals';
import { DARK_THEME, LIGHT_THEME } from '../../../renderer/src/charts/theme';
import { drawnSeries, randomMixture, seriesOf, seriesSummary } from './support';

const mixture = mixtureFromJson({
  weights: [0.6, 0.4],
  means: [
    [1, 0, 0.5],
    [-2, 1, -1],
  ],
  covariances: [
    [
      [0.25, 0, 0],
      [0, 1, 0],
      [0, 0, 0.04],
    ],
    [
      [1, 0.3, 0],
      [0.3, 4, 0],
      [0, 0, 0.09],
    ],
  ],
});

describe('parameterIntervals', () => {
  it('gives mean ± 2σ of an unbounded parameter', () => {
    const rows = parameterIntervals(mixture, [identityTransform(), identityTransform(), identityTransform()]);
    expect(rows[0]![0]).toEqual({ centre: 1, low: 0, high: 2 });
    expect(rows[1]![1]).toEqual({ centre: 1, low: -3, high: 5 });
  });

  it('gives the median and the central 95 % interval of a bounded parameter, in order also for a decreasing map', () => {
    const lower = lowerBoundTransform(2);
    const upper = upperBoundTransform(10);
    const both = intervalTransform(0, 1);
    const rows = parameterIntervals(mixture, [lower, upper, both]);
    expect(rows[0]![0]!.centre).toBeCloseTo(2 + Math.exp(1), 12);
    expect(rows[0]![0]!.low).toBeCloseTo(2 + Math.exp(1 - 1.96 * 0.5), 12);
    expect(rows[0]![0]!.high).toBeCloseTo(2 + Math.exp(1 + 1.96 * 0.5), 12);
    // θ = 10 − exp(u) decreases in u: the interval's ends swap.
    expect(rows[1]![1]).toEqual({ centre: 10 - Math.exp(1), low: 10 - Math.exp(1 + 1.96 * 2), high: 10 - Math.exp(1 - 1.96 * 2) });
    // Inside (0, 1), whatever u does.
    for (const row of rows) expect(row[2]!.low > 0 && row[2]!.high < 1 && row[2]!.low < row[2]!.centre && row[2]!.centre < row[2]!.high).toBe(true);
  });
});

describe('parameterIntervalsChart', () => {
  const transforms = [identityTransform(), identityTransform(), identityTransform()];

  it('draws one series per component in its colour, one point per parameter, named with the weights in the key', () => {
    const option = parameterIntervalsChart(mixture, transforms, { names: ['a', 'b', 'c'] });
    const series = seriesOf(option);
    expect(series.map((s) => s.name)).toEqual(['Component 0', 'Component 1']);
    expect(series.map((s) => s.color)).toEqual([componentColor(0, LIGHT_THEME), componentColor(1, LIGHT_THEME)]);
    expect(series[1]!.data).toEqual([
      [0, -2, -4, 0],
      [1, 1, -3, 5],
      [2, -1, -1.6, -0.4],
    ]);
    expect((option.xAxis as { data: string[] }).data).toEqual(['a', 'b', 'c']);
    const legend = option.legend as { formatter: (name: string) => string };
    expect(legend.formatter('Component 0')).toBe('Component 0  w = 60.0 %');
    // Three parameters fit: no zoom.
    expect(option.dataZoom).toEqual([]);
    expect(drawnSeries(option)).toEqual(seriesSummary(option));
  });

  it('at d = 128 with the Darcy truth: every parameter, the reference across, a zoom window on the first 32', () => {
    const big = randomMixture(128, 3, 7);
    const names = Array.from({ length: 128 }, (_, i) => `theta${i + 1}`);
    const option = parameterIntervalsChart(
      big,
      names.map(() => identityTransform()),
      {
        names,
        reference: { label: 'truth', values: [...DARCY_TRUTH] },
        theme: DARK_THEME,
      },
    );
    const series = seriesOf(option);
    expect(series.map((s) => s.name)).toEqual(['Component 0', 'Component 1', 'Component 2', 'truth']);
    expect(series.every((s) => (s.data as unknown[]).length === 128)).toBe(true);
    expect((series[3]!.data as number[][])[127]).toEqual([127, DARCY_TRUTH[127]]);
    expect(series[3]!.color).toBe(DARK_THEME.observation);
    const zoom = option.dataZoom as { type: string; startValue: number; endValue: number }[];
    expect(zoom.map((z) => [z.type, z.startValue, z.endValue])).toEqual([
      ['slider', 0, INTERVAL_WINDOW - 1],
      ['inside', 0, INTERVAL_WINDOW - 1],
    ]);
    expect(drawnSeries(option, 1200, 420)).toEqual(seriesSummary(option));
  });

  it('keeps a window the user chose, and starts components that carry no mass hidden', () => {
    const light = mixtureFromJson({ weights: [1 - 1e-6, 1e-6], means: [[0], [1]], covariances: [[[1]], [[1]]] });
    const option = parameterIntervalsChart(light, [identityTransform()], { window: { start: 0, end: 0 } });
    expect((option.legend as { selected: Record<string, boolean> }).selected).toEqual({ 'Component 1': false });
    const wide = parameterIntervalsChart(
      randomMixture(60, 2),
      Array.from({ length: 60 }, () => identityTransform()),
      { window: { start: 20, end: 45 } },
    );
    expect((wide.dataZoom as { startValue: number; endValue: number }[])[0]).toMatchObject({ startValue: 20, endValue: 45 });
  });

  it('draws no reference without one, or with one of another length', () => {
    expect(seriesOf(parameterIntervalsChart(mixture, transforms)).map((s) => s.name)).not.toContain('truth');
    const wrong = parameterIntervalsChart(mixture, transforms, { reference: { label: 'truth', values: [1, 2] } });
    expect(seriesOf(wrong).map((s) => s.name)).not.toContain('truth');
  });

  it('escapes names in the tooltip, which come from the problem file', () => {
    const option = parameterIntervalsChart(mixture, transforms, { names: ['<i>a</i>', 'b', 'c'] });
    const formatter = (option.tooltip as { formatter: (params: unknown) => string }).formatter;
    const text = formatter([{ seriesName: 'Component 0', marker: '', value: [0, 1, 0, 2], dataIndex: 0 }]);
    expect(text).toBe('<b>&#60;i&#62;a&#60;/i&#62;</b><br/>Component 0: 1 [0, 2]');
  });
});
